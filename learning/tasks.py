"""Learning's background work: certificate PDFs, webinar and assignment e-mails, reminders."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils import translation

from toolkit.models import User

from .models import CourseAssignment, CoursePage, LessonPage, WebinarRegistration
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


# --- Live webinars and assignments: e-mails, and the beat runs that send reminders ---


def _page_in_language(model, key, language: str):
    """The live page with this translation key in `language`, else its Finnish source."""
    pages = {
        page.locale.language_code: page
        for page in model.objects.live().filter(translation_key=key).select_related("locale")
    }
    return pages.get(language) or pages.get("fi") or next(iter(pages.values()), None)


def _link(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _render_mail(template: str, user, context: dict) -> tuple[str, str, None, list[str]]:
    with translation.override(user.preferred_language):
        context = {"user": user, **context}
        subject = render_to_string(f"learning/email/{template}_subject.txt", context)
        body = render_to_string(f"learning/email/{template}.txt", context)
    return (subject.strip(), body, None, [user.email])


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_webinar_mail(registration_id: int, template: str) -> int:
    """Tell a learner about their webinar place: "registered", "waiting", "promoted" (a place
    came free) or "reminder" (the day before). Nothing is sent if the state has changed since."""
    registration = (
        WebinarRegistration.objects.select_related("user").filter(pk=registration_id).first()
    )
    wanted = WebinarRegistration.Status.WAITING if template == "waiting" else "registered"
    if registration is None or registration.status != wanted or not registration.user.is_active:
        return 0
    user = registration.user
    lesson = _page_in_language(LessonPage, registration.lesson_key, user.preferred_language)
    if lesson is None:
        return 0
    with translation.override(user.preferred_language):
        link = _link(lesson.url)
    mail = _render_mail(f"webinar_{template}", user, {"lesson": lesson, "link": link})
    return send_mass_mail([mail])


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
    mails = []
    for user in User.objects.filter(pk__in=people, is_active=True).order_by("pk"):
        course = _page_in_language(CoursePage, assignment.course_key, user.preferred_language)
        if course is None:
            continue
        with translation.override(user.preferred_language):
            context = {
                "course": course,
                "assignment": assignment,
                "unit_name": assignment.unit.name,
            }
            context["link"] = _link(course.url)
        mails.append(_render_mail(f"assignment_{kind}", user, context))
    return send_mass_mail(mails) if mails else 0


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
