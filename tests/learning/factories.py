"""Builders for the learning tests: a small course built directly (not from the demo texts) with a
reading lesson, a lesson with a quiz, a recorded webinar and an optional live webinar; the
answers of its quiz."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page

from learning.models import CourseIndexPage, CoursePage, LessonPage

SINGLE = {
    "question": "Kuka päättää asiakkaan asioista?",
    "multiple": False,
    "options": [
        {"text": "Asiakas yhdessä työntekijän kanssa", "correct": True, "feedback": "Oikein."},
        {"text": "Työntekijä yksin", "correct": False, "feedback": "Asiakas on mukana."},
        {"text": "Ei kukaan", "correct": False, "feedback": ""},
    ],
}
MULTIPLE = {
    "question": "Mitkä auttavat kohtaamisessa?",
    "multiple": True,
    "options": [
        {"text": "Kuunteleminen", "correct": True, "feedback": "Kyllä."},
        {"text": "Kiire", "correct": False, "feedback": "Kiire haittaa."},
        {"text": "Selkeä kieli", "correct": True, "feedback": "Kyllä."},
    ],
}


def document(title: str, name: str, content: bytes = b"data") -> Document:
    doc = Document(title=title)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_course(index: CourseIndexPage, slug: str = "kurssi", title: str = "Hyvä kohtaaminen"):
    course = publish(
        index,
        CoursePage(
            title=title,
            slug=slug,
            summary="Kurssin tiivistelmä.",
            values=["dignity"],
            estimated_minutes=60,
        ),
    )
    video = document("Video", "clip.webm")
    captions = document("Tekstitys", "clip.vtt", b"WEBVTT\n")
    lessons = [
        LessonPage(title="Lukeminen", slug="lukeminen", summary="Luettava.", kind="reading"),
        LessonPage(
            title="Testi",
            slug="testi",
            summary="Kysymyksiä.",
            kind="reading",
            pass_mark=100,
            quiz=[("question", SINGLE), ("question", MULTIPLE)],
            reflection_prompt="Mitä opit?",
        ),
        LessonPage(
            title="Webinaari",
            slug="webinaari",
            summary="Tallenne.",
            kind="recorded",
            video=video,
            captions=captions,
            transcript="<p>Teksti.</p>",
        ),
        LessonPage(
            title="Live",
            slug="live",
            summary="Suora.",
            kind="live",
            required=False,
            starts_at=timezone.now() + datetime.timedelta(days=7),
            ends_at=timezone.now() + datetime.timedelta(days=7, hours=1),
            place="Verkossa",
            capacity=2,
        ),
    ]
    for lesson in lessons:
        publish(course, lesson)
    return course


def correct_answers(lesson: LessonPage) -> dict[str, list[int]]:
    return {
        question_id: [i for i, option in enumerate(question["options"]) if option["correct"]]
        for question_id, question in lesson.questions
    }


def correct_option_values(lesson: LessonPage) -> dict[str, list[str]]:
    """The form data of a fully right quiz: each right option's identity, as the page posts it."""
    from learning.selectors.quiz import option_value

    return {
        f"q-{question_id}": [
            option_value(child, i)
            for i, child in enumerate(question["options"].bound_blocks)
            if child.value["correct"]
        ]
        for question_id, question in lesson.questions
    }
