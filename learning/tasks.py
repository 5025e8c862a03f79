"""Learning's background work: certificate PDFs, webinar and assignment e-mails, reminders."""

from celery import shared_task

from toolkit.models import User

from . import notifications
from .models import CourseAssignment, WebinarRegistration
from .reports.certificates import certificate_pdf_failed, certificate_pdf_store


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def build_certificate(self, certificate_id: int, language: str) -> str:
    """Make the certificate PDF in `language`; storage errors are retried, and a final failure
    is recorded so the certificate page offers to try again."""
    try:
        return certificate_pdf_store(certificate_id=certificate_id, language=language)
    except OSError:
        if self.request.retries >= self.max_retries:
            certificate_pdf_failed(certificate_id=certificate_id, language=language)
        raise
    except Exception:
        certificate_pdf_failed(certificate_id=certificate_id, language=language)
        raise


# --- Live webinars and assignments: e-mails (learning.notifications), and the beat runs that
# send reminders ---


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_webinar_mail(registration_id: int, template: str) -> int:
    """Tell a learner about their webinar place: "registered", "waiting", "promoted" (a place
    came free) or "reminder" (the day before). Nothing is sent if the state has changed since."""
    registration = (
        WebinarRegistration.objects.select_related("user").filter(pk=registration_id).first()
    )
    if registration is None:
        return 0
    return notifications.mail_webinar(registration=registration, template=template)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_assignment_mail(assignment_id: int, kind: str, user_ids: list[int] | None = None) -> int:
    """Tell the people of an assignment that a course was "assigned" to them, or remind them
    ("week" before the deadline, "overdue" after it). Returns the number of mails sent."""
    from .services.assignments import assigned_user_ids

    assignment = CourseAssignment.objects.select_related("unit").filter(pk=assignment_id).first()
    if assignment is None:
        return 0
    people = assigned_user_ids(assignment)
    if user_ids is not None:
        people &= set(user_ids)
    users = User.objects.filter(pk__in=people, is_active=True).order_by("pk")
    return notifications.mail_assignment(assignment=assignment, kind=kind, users=users)


@shared_task
def run_webinar_reminders() -> int:
    """Hourly: a reminder to everyone with a place at a webinar starting within 24 hours."""
    from .services.webinars import webinar_reminders_send_due

    return webinar_reminders_send_due()


@shared_task
def run_assignment_reminders() -> dict[str, int]:
    """Daily: a week before an assignment's deadline and after it, to those not done (once)."""
    from .services.assignments import assignment_reminders_send_due

    return assignment_reminders_send_due()
