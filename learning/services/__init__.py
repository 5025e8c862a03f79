"""Every write of learning: progress (`progress`), live webinars (`webinars`) and the courses
supervisors assign (`assignments`). Progress services are re-exported for short imports."""

from .progress import (
    VIDEO_COMPLETE_SHARE,
    QuizResult,
    certificate_issue,
    course_start,
    lesson_attendance_mark,
    lesson_mark_read,
    quiz_submit,
    reflection_save,
    video_progress_record,
)

__all__ = [
    "VIDEO_COMPLETE_SHARE",
    "QuizResult",
    "certificate_issue",
    "course_start",
    "lesson_attendance_mark",
    "lesson_mark_read",
    "quiz_submit",
    "reflection_save",
    "video_progress_record",
]
