"""Learning analytics for trainers: per course the enrolments, completions and median time to
complete, and the quiz questions most often missed. Aggregates only, never a name; a quiz's
per-question figures are shown only when at least k learners (the assessment's anonymity
threshold) have tried it, so no figure describes one identifiable person."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from assessments.models import AnonymitySettings

from ..models import CoursePage, Enrolment, LessonCompletion, LessonPage, QuizAttempt
from .training import live_courses


@dataclass(frozen=True)
class CourseFigures:
    course: CoursePage
    enrolled: int
    completed: int
    median_time: datetime.timedelta | None

    @property
    def completion_percent(self) -> int:
        return round(100 * self.completed / self.enrolled) if self.enrolled else 0

    @property
    def median_days(self) -> float | None:
        if self.median_time is None:
            return None
        return round(self.median_time.total_seconds() / 86400, 1)


def _figures(courses: list[CoursePage]) -> list[CourseFigures]:
    keys = [c.translation_key for c in courses]
    counts = {
        row["course_key"]: row
        for row in Enrolment.objects.filter(course_key__in=keys)
        .order_by()
        .values("course_key")
        .annotate(enrolled=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)))
    }
    durations: dict = defaultdict(list)
    for key, started, completed in Enrolment.objects.filter(
        course_key__in=keys, completed_at__isnull=False
    ).values_list("course_key", "started_at", "completed_at"):
        durations[key].append(completed - started)
    return [
        CourseFigures(
            course=course,
            enrolled=counts.get(course.translation_key, {}).get("enrolled", 0),
            completed=counts.get(course.translation_key, {}).get("completed", 0),
            median_time=statistics.median(durations[course.translation_key])
            if durations[course.translation_key]
            else None,
        )
        for course in courses
    ]


def courses_analytics(*, language: str) -> list[CourseFigures]:
    """Every live course in the reader's language (or Finnish), with its figures (3 queries)."""
    return _figures(live_courses(language=language))


@dataclass(frozen=True)
class QuestionFigures:
    lesson: LessonPage
    question: str
    attempts: int
    missed: int

    @property
    def missed_percent(self) -> int:
        return round(100 * self.missed / self.attempts) if self.attempts else 0


@dataclass(frozen=True)
class LessonFigures:
    lesson: LessonPage
    completed: int
    learners_tried_quiz: int
    quiz_shown: bool


@dataclass
class CourseAnalytics:
    figures: CourseFigures
    threshold: int
    lessons: list[LessonFigures] = field(default_factory=list)
    questions: list[QuestionFigures] = field(default_factory=list)


def course_analytics(*, course: CoursePage) -> CourseAnalytics:
    """One course's figures, each lesson's completions and the quiz questions by how often
    they were missed, most missed first (six queries, whatever the number of attempts)."""
    threshold = AnonymitySettings.current_threshold()
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    keys = [lesson.translation_key for lesson in lessons]
    completions = dict(
        LessonCompletion.objects.filter(lesson_key__in=keys)
        .order_by()
        .values("lesson_key")
        .annotate(n=Count("pk"))
        .values_list("lesson_key", "n")
    )
    attempts: Counter = Counter()
    missed: Counter = Counter()
    learners: dict = defaultdict(set)
    for lesson_key, user_id, missed_ids in QuizAttempt.objects.filter(
        lesson_key__in=keys
    ).values_list("lesson_key", "user_id", "missed"):
        learners[lesson_key].add(user_id)
        attempts[lesson_key] += 1
        missed.update((lesson_key, qid) for qid in missed_ids or [])
    result = CourseAnalytics(figures=_figures([course])[0], threshold=threshold)
    for lesson in lessons:
        tried = len(learners[lesson.translation_key])
        shown = tried >= threshold
        result.lessons.append(
            LessonFigures(lesson, completions.get(lesson.translation_key, 0), tried, shown)
        )
        if not shown:
            continue
        for question_id, question in lesson.questions:
            result.questions.append(
                QuestionFigures(
                    lesson=lesson,
                    question=question["question"],
                    attempts=attempts[lesson.translation_key],
                    missed=missed[(lesson.translation_key, question_id)],
                )
            )
    result.questions.sort(key=lambda q: (-q.missed_percent, -q.missed))
    return result
