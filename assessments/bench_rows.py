"""Self-assessment's rows of `make bench` (toolkit.bench): the unit results page (also with the
cache emptied), the organisation overview and the unit PDF report, timed on the closed round
with most responses, as its unit's supervisor."""

from django.core.cache import cache
from django.db.models import Count

from toolkit import bench
from toolkit.bench import BenchRow, signed_in_get
from toolkit.models import Membership, User


def _subjects() -> dict:
    from .models import AssessmentRound

    round = (
        AssessmentRound.objects.filter(status=AssessmentRound.Status.CLOSED)
        .annotate(n=Count("responses"))
        .order_by("-n", "-closes_on", "pk")
        .select_related("unit")
        .first()
    )
    supervisor = User.objects.filter(
        memberships__unit=round.unit, memberships__role=Membership.Role.SUPERVISOR
    ).first()
    return {"round": round, "supervisor": supervisor}


def _size() -> dict[str, int]:
    from .models import AssessmentRound, Response

    return {"rounds": AssessmentRound.objects.count(), "responses": Response.objects.count()}


def _results_url(s: dict) -> str:
    return f"/fi/assessments/rounds/{s['round'].pk}/results/"


def _report(s: dict):
    from .services.report_jobs import report_store

    round = s["round"]
    return (
        f"round {round.pk}, made and stored (the Celery task's work)",
        lambda: report_store(round_id=round.pk, language="fi"),
    )


def register() -> None:
    bench.subjects_register(200, _subjects)
    bench.size_register(200, _size)
    bench.row_register(
        BenchRow(
            "Unit results page",
            200,
            lambda s: (
                f"round {s['round'].pk} of {s['round'].unit.code}, as its supervisor",
                signed_in_get(s["supervisor"], _results_url(s)),
            ),
            ratio_target=2.0,
        )
    )
    bench.row_register(
        BenchRow(
            "Organisation overview",
            300,
            lambda s: (
                "all units, first page, as an administrator",
                signed_in_get(s["administrator"], "/fi/assessments/overview/"),
            ),
            ratio_target=5.0,
        )
    )
    bench.row_register(
        BenchRow(
            "Unit results page, cache emptied",
            500,
            lambda s: (
                "the same, each view after the shared cache is emptied",
                signed_in_get(s["supervisor"], _results_url(s)),
            ),
            cold=cache.clear,
        )
    )
    bench.row_register(BenchRow("Unit PDF report", 600, _report, page=False, ms_target=2000.0))
