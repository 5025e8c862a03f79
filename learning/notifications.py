"""Who hears what in learning, each in their own language: a learner about their webinar place
("registered", "waiting", "promoted" when a place came free, "reminder" the day before) and the
people of an assignment that a course was "assigned" to them, or a reminder ("week" before the
deadline, "overdue" after it). The mails are sent by toolkit.mail."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from toolkit import mail
from toolkit.languages import SOURCE_LANGUAGE
from toolkit.models import User

from .models import CourseAssignment, CoursePage, LessonPage, WebinarRegistration


def _page_in_language(model, key, language: str):
    """The live page with this translation key in `language`, else its Finnish source."""
    pages = {
        page.locale.language_code: page
        for page in model.objects.live().filter(translation_key=key).select_related("locale")
    }
    return pages.get(language) or pages.get(SOURCE_LANGUAGE) or next(iter(pages.values()), None)


def _link(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def mail_webinar(*, registration: WebinarRegistration, template: str) -> int:
    """The learner's mail about their place; nothing if its state has changed since (or they
    have left). Returns mails sent."""
    wanted = WebinarRegistration.Status.WAITING if template == "waiting" else "registered"
    user = registration.user
    if registration.status != wanted or not user.is_active:
        return 0
    lesson = _page_in_language(LessonPage, registration.lesson_key, user.preferred_language)
    if lesson is None:
        return 0
    return mail.send(
        [
            mail.to_person(
                user,
                f"learning/email/webinar_{template}",
                lambda: {"lesson": lesson, "link": _link(lesson.url)},
            )
        ]
    )


def mail_assignment(*, assignment: CourseAssignment, kind: str, users: Iterable[User]) -> int:
    """Each person the course in their language (nobody whose language has no live course).
    Returns mails sent."""
    mails = []
    for user in users:
        course = _page_in_language(CoursePage, assignment.course_key, user.preferred_language)
        if course is None:
            continue
        mails.append(
            mail.to_person(
                user,
                f"learning/email/assignment_{kind}",
                lambda course=course: {
                    "course": course,
                    "assignment": assignment,
                    "unit_name": assignment.unit.name,
                    "link": _link(course.url),
                },
            )
        )
    return mail.send(mails)
