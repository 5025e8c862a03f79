"""Courses and lessons (Wagtail pages) and each learner's progress through them."""

from .pages import CourseIndexPage, CoursePage, LessonPage
from .progress import (
    Certificate,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    Reflection,
    VideoProgress,
)

__all__ = [
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "QuizAttempt",
    "Reflection",
    "VideoProgress",
]
