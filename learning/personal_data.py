"""Learning's share of a person's data (a toolkit.personal_data provider): courses, lessons
read, quiz answers, videos watched, webinar places, reflections and certificates, all the
person's own: in the download (courses and lessons named in the person's language) and gone on
erasure, certificate files included. A webinar place still to come goes to the first person
waiting, as on a cancel. Course assignments made by a supervisor are the unit's plan and stay,
without the erased person."""

from __future__ import annotations

import contextlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from toolkit.languages import SOURCE_LANGUAGE
from toolkit.personal_data import stored_file, when
from toolkit.storage import private_storage

from .models import (
    Certificate,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    Reflection,
    VideoProgress,
    WebinarRegistration,
)

HELD = (
    _("your learning progress, quiz answers and reflections"),
    _("your certificates as PDF files"),
)
KEPT = _(
    "Erasure removes your learning records, reflections and certificates; nothing of them is "
    "kept. A webinar place you held goes to the first person waiting."
)
# Every model of the app that points at a person: exported and erased, or kept as the unit's plan.
MODELS = (
    "learning.Enrolment",
    "learning.LessonCompletion",
    "learning.QuizAttempt",
    "learning.VideoProgress",
    "learning.Reflection",
    "learning.Certificate",
    "learning.WebinarRegistration",
    "learning.CourseAssignment",  # the unit's plan: the person is taken off its members
    "learning.AssignmentReminder",  # which reminders were sent, kept (as before this split)
)

# The person's own records; the models of the "kept" kind point at a person only as who made
# them (supervisors' course assignments).
PERSONS_OWN = (
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    VideoProgress,
    Reflection,
    Certificate,
    WebinarRegistration,
)


def _titles(keys, language: str) -> dict:
    """Page titles by translation key in the person's language (its published translation),
    else in Finnish, the source language of every page."""
    pages = Page.objects.filter(
        translation_key__in=set(keys), locale__language_code__in={SOURCE_LANGUAGE, language}
    )
    titles: dict = {}
    translated: dict = {}
    rows = pages.values_list("translation_key", "locale__language_code", "title", "live")
    for key, page_language, title, live in rows:
        if page_language == SOURCE_LANGUAGE:
            titles.setdefault(key, title)
        if page_language == language and live:
            translated[key] = title
    return titles | translated


def export(user) -> dict[str, object]:
    language = user.preferred_language
    enrolments = list(Enrolment.objects.filter(user=user))
    completions = list(LessonCompletion.objects.filter(user=user))
    attempts = list(QuizAttempt.objects.filter(user=user))
    videos = list(VideoProgress.objects.filter(user=user))
    reflections = list(Reflection.objects.filter(user=user))
    registrations = list(WebinarRegistration.objects.filter(user=user))
    found = _titles(
        [e.course_key for e in enrolments]
        + [c.lesson_key for c in completions]
        + [a.lesson_key for a in attempts]
        + [v.lesson_key for v in videos]
        + [r.lesson_key for r in reflections]
        + [r.lesson_key for r in registrations],
        language,
    )

    def title(key) -> str:
        return found.get(key, str(key))

    return {
        "learning": {
            "courses": [
                {
                    "course": title(e.course_key),
                    "started": when(e.started_at),
                    "completed": when(e.completed_at),
                }
                for e in enrolments
            ],
            "lessons_completed": [
                {"lesson": title(c.lesson_key), "how": c.reason, "when": when(c.completed_at)}
                for c in completions
            ],
            "quiz_attempts": [
                {
                    "lesson": title(a.lesson_key),
                    "score": a.score,
                    "passed": a.passed,
                    "answers": a.answers,
                    "when": when(a.created_at),
                }
                for a in attempts
            ],
            "videos_watched": [
                {"lesson": title(v.lesson_key), "share": v.watched_share} for v in videos
            ],
            "webinar_registrations": [
                {
                    "webinar": title(r.lesson_key),
                    "status": r.status,
                    "registered": when(r.queued_at),
                    "attended": r.attended,
                }
                for r in registrations
            ],
        },
        "reflections": [
            {"lesson": title(r.lesson_key), "text": r.text, "updated": when(r.updated_at)}
            for r in reflections
        ],
        "certificates": [
            {
                "course": c.course_title(language) or next(iter(c.course_titles.values()), ""),
                "completed_on": when(c.completed_on),
                "verification_code": c.code,
            }
            for c in Certificate.objects.filter(user=user)
        ],
    }


def files(user):
    """The certificate PDFs, one per language made."""
    for certificate in Certificate.objects.filter(user=user):
        for language, stored in sorted(certificate.files.items()):
            content = stored_file(stored)
            if content is not None:
                yield f"certificates/{certificate.code}-{language}.pdf", content


def _give_up_webinar_places(user) -> None:
    """A place on a webinar still to come goes to the first person waiting, as on a cancel."""
    from .services.webinars import webinar_cancel

    keys = WebinarRegistration.objects.filter(user=user).exclude(
        status=WebinarRegistration.Status.CANCELLED
    )
    lessons = LessonPage.objects.filter(
        translation_key__in=keys.values("lesson_key"), locale__language_code=SOURCE_LANGUAGE
    )
    for lesson in lessons:
        # A webinar already started, or no longer live: nobody can take the place now.
        with contextlib.suppress(ValidationError):
            webinar_cancel(user=user, lesson=lesson)


def erase(user) -> None:
    _give_up_webinar_places(user)
    certificates = [n for c in Certificate.objects.filter(user=user) for n in c.files.values()]
    for model in PERSONS_OWN:
        model.objects.filter(user=user).delete()
    user.course_assignments.clear()
    # Certificates are in the private storage: removed once the erasure is committed.
    transaction.on_commit(lambda: [private_storage().delete(name) for name in certificates])
