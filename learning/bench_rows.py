"""Learning's rows of `make bench` (toolkit.bench): "My learning" of the learner with most
enrolments (who is also the person other pages are fetched as) and a certificate PDF."""

from django.db.models import Count

from toolkit import bench
from toolkit.bench import BenchRow, signed_in_get
from toolkit.models import User


def _subjects() -> dict:
    from .models import Certificate, Enrolment
    from .services.progress import certificate_issue

    learner_id = (
        Enrolment.objects.values("user").annotate(n=Count("pk")).order_by("-n", "user")[0]["user"]
    )
    certificate = Certificate.objects.order_by("pk").first()
    if certificate is None:
        completed = Enrolment.objects.filter(completed_at__isnull=False).order_by("pk").first()
        certificate = certificate_issue(enrolment=completed)
    learner = User.objects.get(pk=learner_id)
    return {"learner": learner, "person": learner, "certificate": certificate}


def _size() -> dict[str, int]:
    from .models import Enrolment

    return {"enrolments": Enrolment.objects.count()}


def _certificate(s: dict):
    from .reports.certificates import certificate_pdf_store

    certificate = s["certificate"]
    return (
        "one certificate, made and stored (the Celery task's work)",
        lambda: certificate_pdf_store(certificate_id=certificate.pk, language="fi"),
    )


def register() -> None:
    bench.subjects_register(300, _subjects)
    bench.size_register(300, _size)
    bench.row_register(
        BenchRow(
            "My learning",
            400,
            lambda s: (
                "the learner with most enrolments",
                signed_in_get(s["learner"], "/fi/learning/my/"),
            ),
        )
    )
    bench.row_register(BenchRow("Certificate PDF", 700, _certificate, page=False, ms_target=500.0))
