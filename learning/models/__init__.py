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
from .training import AssignmentReminder, CourseAssignment, WebinarRegistration

__all__ = [
    "AssignmentReminder",
    "Certificate",
    "CourseAssignment",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "QuizAttempt",
    "Reflection",
    "VideoProgress",
    "WebinarRegistration",
]
