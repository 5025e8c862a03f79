"""The demo course: a course index, the course "Good client encounters" with five lessons (each
with a quiz, one a recorded webinar with captions) and an optional upcoming live webinar, in
Finnish with Swedish and English translations; and demo colleagues at different stages.
Idempotent: what exists is left as it is. The texts are data files in learning/content/ (read by
learning.demo_content)."""

from __future__ import annotations

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, Locale

from cms.demo import child_page
from cms.models import HomePage
from toolkit.demo import DEMO_UNIT_CODE
from toolkit.models import Unit, User

from . import services
from .demo_content import course_content
from .models import (
    CourseAssignment,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    WebinarRegistration,
)
from .services.assignments import assignment_create
from .services.webinars import webinar_register

MEDIA = Path(__file__).resolve().parent / "demo_media"
VIDEO_FILE = "respectful-encounter.webm"
HELSINKI = ZoneInfo("Europe/Helsinki")
LANGUAGES = ("fi", "sv", "en")


def _document(title: str, name: str, content: bytes) -> Document:
    document = Document.objects.filter(title=title).first()
    if document is None:
        # The root collection comes from Wagtail's migrations; a flushed database lacks it.
        collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        document = Document(title=title, collection=collection)
        document.file.save(name, ContentFile(content), save=False)
        document.save()
    return document


def _captions_vtt(cues: list[tuple[float, float, str]]) -> bytes:
    def stamp(seconds: float) -> str:
        return f"00:00:{int(seconds):02d}.{int(seconds * 1000) % 1000:03d}"

    lines = ["WEBVTT", ""]
    for number, (start, end, text) in enumerate(cues, start=1):
        lines += [str(number), f"{stamp(start)} --> {stamp(end)}", text, ""]
    return "\n".join(lines).encode()


def _media() -> tuple[Document, dict[str, Document]]:
    video = _document(
        "Demo: kunnioittava kohtaaminen (video)", VIDEO_FILE, (MEDIA / VIDEO_FILE).read_bytes()
    )
    captions = {
        code: _document(
            f"Demo: kunnioittava kohtaaminen (tekstitys {code})",
            f"respectful-encounter-{code}.vtt",
            _captions_vtt(course_content().captions[code]),
        )
        for code in LANGUAGES
    }
    return video, captions


def _next_webinar_start() -> datetime.datetime:
    """Two weeks ahead, on a Tuesday at 14:00 Helsinki time."""
    day = timezone.localdate() + datetime.timedelta(days=14)
    day += datetime.timedelta(days=(1 - day.weekday()) % 7)
    return datetime.datetime.combine(day, datetime.time(14, 0), tzinfo=HELSINKI)


def _lesson_fields(entry: dict, video: Document, captions: dict[str, Document]) -> dict[str, dict]:
    fields = {}
    starts = _next_webinar_start() if entry["kind"] == "live" else None
    for code in LANGUAGES:
        texts = entry[code]
        values = {
            "title": texts["title"],
            "summary": texts["summary"],
            "body": texts["body"],
            "kind": entry["kind"],
            "required": entry["required"],
            "quiz": [("question", question) for question in texts["quiz"]],
            "reflection_prompt": texts.get("reflection", ""),
        }
        if entry["kind"] == "recorded":
            values.update(video=video, captions=captions[code], transcript=texts["transcript"])
        if starts:
            values.update(
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=1),
                place=texts["place"],
                capacity=40,
            )
        fields[code] = values
    return fields


@transaction.atomic
def seed_demo_course() -> CoursePage:
    """The course index under the Finnish home page, the demo course and its lessons."""
    home = HomePage.objects.get(locale=Locale.objects.get(language_code="fi"))
    index = child_page(
        home,
        CourseIndexPage,
        "kurssit",
        {code: {"title": t, "intro": i} for code, (t, i) in course_content().index.items()},
    )
    entry = course_content().course
    course = child_page(
        index,
        CoursePage,
        entry["slug"],
        {
            code: {
                **entry[code],
                "values": entry["values"],
                "estimated_minutes": entry["estimated_minutes"],
            }
            for code in LANGUAGES
        },
    )
    video, captions = _media()
    for lesson in course_content().lessons:
        child_page(course, LessonPage, lesson["slug"], _lesson_fields(lesson, video, captions))
    return course


def _pass_lesson(user: User, lesson: LessonPage) -> None:
    """Complete a lesson the way a learner does: watch the video, pass the quiz, or read it."""
    if lesson.has_video:
        services.video_progress_record(user=user, lesson=lesson, watched_share=1.0)
    if lesson.questions:
        answers = {
            question_id: [i for i, option in enumerate(question["options"]) if option["correct"]]
            for question_id, question in lesson.questions
        }
        services.quiz_submit(user=user, lesson=lesson, answers=answers)
    elif lesson.kind == LessonPage.Kind.READING:
        services.lesson_mark_read(user=user, lesson=lesson)


def seed_demo_progress(course: CoursePage) -> None:
    """The demo employee has done the first lesson; colleagues are at every stage from not
    started to completed. Only people without any progress on the course are touched."""
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    required = [lesson for lesson in lessons if lesson.required]
    stages = {"tyontekija@example.org": 1}
    colleagues = User.objects.filter(email__startswith="demo-po.").order_by("email")
    for number, colleague in enumerate(colleagues[:6]):
        stages[colleague.email] = [len(required), len(required), 3, 2, 0, 1][number]
    for email, done in stages.items():
        user = User.objects.filter(email=email).first()
        if user is None or user.enrolments.filter(course_key=course.translation_key).exists():
            continue
        services.course_start(user=user, course=course)
        for lesson in required[:done]:
            _pass_lesson(user, lesson)
    _seed_assignment_and_registrations(course, lessons, colleagues)


def _seed_assignment_and_registrations(course: CoursePage, lessons, colleagues) -> None:
    """The demo supervisor has assigned the course to the demo unit, due in six weeks; a few
    colleagues have registered for the live webinar. Only done once."""
    unit = Unit.objects.filter(code=DEMO_UNIT_CODE).first()
    supervisor = User.objects.filter(email="esihenkilo@example.org").first()
    if unit is None or supervisor is None:
        return
    if not CourseAssignment.objects.filter(unit=unit, course_key=course.translation_key).exists():
        assignment_create(
            unit=unit,
            course=course,
            due_on=timezone.localdate() + datetime.timedelta(weeks=6),
            assigned_by=supervisor,
        )
    live = next((lesson for lesson in lessons if lesson.kind == LessonPage.Kind.LIVE), None)
    if (
        live is None
        or live.starts_at <= timezone.now()
        or WebinarRegistration.objects.filter(lesson_key=live.translation_key).exists()
    ):
        return
    for colleague in colleagues[:3]:
        webinar_register(user=colleague, lesson=live)


@transaction.atomic
def seed_scale_learning(*, units, share: float = 0.6) -> int:
    """Benchmark data: the demo course assigned to every given unit, and `share` of their
    members enrolled: 40 % of those completed, the rest part-way. Returns enrolments made."""
    from cms.demo import seed_demo_pages

    from .models import Enrolment, LessonCompletion

    seed_demo_pages()
    course = seed_demo_course()
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    key = course.translation_key
    now = timezone.now()
    have = set(Enrolment.objects.filter(course_key=key).values_list("user_id", flat=True))
    assigned = set(
        CourseAssignment.objects.filter(course_key=key).values_list("unit_id", flat=True)
    )
    CourseAssignment.objects.bulk_create(
        [
            CourseAssignment(unit=unit, course_key=key, due_on=now.date() + datetime.timedelta(30))
            for unit in units
            if unit.pk not in assigned
        ]
    )
    # Who is enrolled depends on each person's place among all members, not among those not yet
    # enrolled, so a second run adds nobody.
    people = (
        User.objects.filter(memberships__unit__in=units)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )
    enrolments, completions = [], []
    for index, user_id in enumerate(people):
        if (index % 100) >= share * 100 or user_id in have:
            continue
        started = now - datetime.timedelta(days=index % 60 + 1)
        done = index % 5 < 2
        enrolments.append(
            Enrolment(
                user_id=user_id,
                course_key=key,
                started_at=started,
                completed_at=started + datetime.timedelta(days=index % 9 + 1) if done else None,
            )
        )
        for lesson in lessons[: len(lessons) if done else 1 + index % 3]:
            completions.append(
                LessonCompletion(
                    user_id=user_id,
                    course_key=key,
                    lesson_key=lesson.translation_key,
                    reason="read",
                    completed_at=started,
                )
            )
    Enrolment.objects.bulk_create(enrolments, batch_size=2000)
    LessonCompletion.objects.bulk_create(completions, batch_size=5000, ignore_conflicts=True)
    return len(enrolments)
