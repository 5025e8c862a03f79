"""Who may see and do what in learning: the one place views ask.

Courses are open to every signed-in person; a learner's progress, quiz answers, reflections and
certificate files are theirs alone. Anyone may verify a certificate code, which shows only the
name, the course and the date."""

from toolkit import permissions as toolkit_permissions
from toolkit.models import Unit

from .models import Certificate, LessonCompletion, LessonPage, WebinarRegistration


def can_take_lesson(user, lesson: LessonPage) -> bool:
    """Signed-in people take live lessons (drafts are for editors' previews only)."""
    return bool(getattr(user, "is_authenticated", False)) and lesson.live


def can_view_certificate(user, certificate: Certificate) -> bool:
    """Only the learner opens and downloads their certificate; others verify its code."""
    return bool(getattr(user, "is_authenticated", False)) and certificate.user_id == user.pk


def can_register_for_webinar(user, lesson: LessonPage) -> bool:
    """Signed-in people register for published live webinars."""
    return can_take_lesson(user, lesson) and lesson.kind == LessonPage.Kind.LIVE


def can_see_meeting_link(
    user, lesson: LessonPage, registration: WebinarRegistration | None
) -> bool:
    """The meeting link is for those with a place; those waiting get it when a place is theirs."""
    return (
        bool(lesson.meeting_url)
        and registration is not None
        and registration.user_id == getattr(user, "pk", None)
        and registration.status == WebinarRegistration.Status.REGISTERED
    )


def can_mark_as_read(user, lesson: LessonPage, completion: LessonCompletion | None) -> bool:
    """A reading without a quiz is marked read by the learner, once; other lessons are completed
    by their quiz, video or attendance."""
    return (
        bool(getattr(user, "is_authenticated", False))
        and lesson.completed_by_reading
        and completion is None
    )


def can_run_webinars(user) -> bool:
    """Trainers (and administrators) see who registered and mark attendance."""
    return toolkit_permissions.is_trainer(user) or toolkit_permissions.is_administrator(user)


def can_view_learning_analytics(user) -> bool:
    """Trainers (and administrators) see the aggregated figures of every course."""
    return can_run_webinars(user)


def can_manage_training_of(user, unit: Unit) -> bool:
    """The unit's supervisors (and administrators) assign courses and read the unit's training
    report, which names each member's status; other units get a 404."""
    return toolkit_permissions.can_manage_unit(user, unit)
