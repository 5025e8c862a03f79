"""Every read of learning that needs thought: a learner's progress (`progress`), webinars,
unit training reports and assignments (`training`), recommendations and trainer analytics.
Progress selectors are re-exported for short imports."""

from .progress import (
    CourseProgress,
    LessonRow,
    LessonState,
    MyLearning,
    certificate_languages,
    course_cards,
    course_index,
    course_of,
    course_progress,
    lesson_state,
    my_learning,
    required_lesson_keys,
)

__all__ = [
    "CourseProgress",
    "LessonRow",
    "LessonState",
    "MyLearning",
    "certificate_languages",
    "course_cards",
    "course_index",
    "course_of",
    "course_progress",
    "lesson_state",
    "my_learning",
    "required_lesson_keys",
]
