"""The reader's own side of the course index, course and lesson pages (Wagtail pages): their
progress, their quiz and their place at a live webinar. The pages add it to their context
through learning.wagtail_hooks, so the page models import no selector or permission."""

from django.http import HttpRequest

from .. import permissions, selectors
from ..models import CourseIndexPage, CoursePage, LessonPage
from ..selectors.quiz import quiz_questions
from ..selectors.training import webinar_state


def course_index_context(index: CourseIndexPage, request: HttpRequest) -> dict:
    return {"cards": selectors.course_cards(index=index, user=request.user)}


def course_context(course: CoursePage, request: HttpRequest) -> dict:
    return {"progress": selectors.course_progress(course=course, user=request.user)}


def lesson_context(lesson: LessonPage, request: HttpRequest) -> dict:
    user = request.user
    context = {"state": selectors.lesson_state(lesson=lesson, user=user)}
    if lesson.questions and user.is_authenticated:
        context["quiz"] = quiz_questions(lesson=lesson, user=user)
    if lesson.kind == LessonPage.Kind.LIVE and lesson.starts_at:
        context["webinar"] = webinar_state(lesson=lesson, user=user)
        context["can_run_webinars"] = permissions.can_run_webinars(user)
    return context


READER_CONTEXTS = {
    CourseIndexPage: course_index_context,
    CoursePage: course_context,
    LessonPage: lesson_context,
}


def reader_context(*, page, request: HttpRequest) -> dict:
    """The context the page's template needs about its reader; nothing for other pages."""
    for page_type, builder in READER_CONTEXTS.items():
        if isinstance(page, page_type):
            return builder(page, request)
    return {}
