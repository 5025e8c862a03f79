"""Who may see and do what in learning: the one place views ask.

Courses are open to every signed-in person; a learner's progress, quiz answers, reflections and
certificate files are theirs alone. Anyone may verify a certificate code, which shows only the
name, the course and the date."""

from .models import Certificate, LessonPage


def can_take_lesson(user, lesson: LessonPage) -> bool:
    """Signed-in people take live lessons (drafts are for editors' previews only)."""
    return bool(getattr(user, "is_authenticated", False)) and lesson.live


def can_view_certificate(user, certificate: Certificate) -> bool:
    """Only the learner opens and downloads their certificate; others verify its code."""
    return bool(getattr(user, "is_authenticated", False)) and certificate.user_id == user.pk
