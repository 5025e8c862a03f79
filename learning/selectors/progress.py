"""Reads for learners: course cards, a course's progress, a lesson's state and "My learning".
Each runs a fixed number of queries, whatever the number of courses, lessons or learners."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q

from toolkit.languages import SOURCE_LANGUAGE, active_language

from .. import permissions
from ..models import (
    Certificate,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    Reflection,
    VideoProgress,
)
from ..reports.certificates import certificate_pdf_preparing


def course_of(lesson: LessonPage) -> CoursePage:
    """The course a lesson belongs to (its parent page)."""
    return CoursePage.objects.get(path=lesson.path[: -LessonPage.steplen])


def _required(lessons) -> set[uuid.UUID]:
    """Keys of the required lessons; a course that marks none requires them all."""
    required = {lesson.translation_key for lesson in lessons if lesson.required}
    return required or {lesson.translation_key for lesson in lessons}


def required_lesson_keys(*, course_key: uuid.UUID) -> set[uuid.UUID]:
    """The required lessons of the course, from its Finnish source (translations mirror it)."""
    courses = CoursePage.objects.filter(translation_key=course_key)
    source = (
        courses.filter(locale__language_code=SOURCE_LANGUAGE).first()
        or courses.order_by("pk").first()
    )
    if source is None:
        return set()
    lessons = LessonPage.objects.child_of(source).live().only("translation_key", "required")
    return _required(lessons)


@dataclass
class LessonRow:
    lesson: LessonPage
    completed: bool
    required: bool


@dataclass
class CourseProgress:
    """A learner's progress on one course, for its page, cards and "My learning"."""

    course: CoursePage
    lessons: list[LessonRow] = field(default_factory=list)
    enrolment: Enrolment | None = None
    certificate: Certificate | None = None

    @property
    def started(self) -> bool:
        return self.enrolment is not None

    @property
    def completed(self) -> bool:
        return bool(self.enrolment and self.enrolment.completed_at)

    @property
    def required_count(self) -> int:
        return sum(1 for row in self.lessons if row.required)

    @property
    def required_done(self) -> int:
        return sum(1 for row in self.lessons if row.required and row.completed)

    @property
    def percent(self) -> int:
        if self.completed:
            return 100
        return round(100 * self.required_done / self.required_count) if self.required_count else 0

    @property
    def next_lesson(self) -> LessonPage | None:
        """Where the learner resumes: the first lesson not yet completed."""
        return next((row.lesson for row in self.lessons if not row.completed), None)


def _lesson_rows(lessons: list[LessonPage], done: set[uuid.UUID]) -> list[LessonRow]:
    required = _required(lessons)
    return [
        LessonRow(lesson, lesson.translation_key in done, lesson.translation_key in required)
        for lesson in lessons
    ]


def course_progress(*, course: CoursePage, user) -> CourseProgress:
    """The course's lessons in order, each with the learner's completion (4 queries)."""
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    progress = CourseProgress(course=course)
    if user.is_authenticated:
        key = course.translation_key
        progress.enrolment = Enrolment.objects.filter(user=user, course_key=key).first()
        done = set(
            LessonCompletion.objects.filter(user=user, course_key=key).values_list(
                "lesson_key", flat=True
            )
        )
        progress.certificate = Certificate.objects.filter(user=user, course_key=key).first()
    else:
        done = set()
    progress.lessons = _lesson_rows(lessons, done)
    return progress


def _progress_for_courses(courses: list[CoursePage], user) -> list[CourseProgress]:
    """Progress on many courses in four queries: lessons, enrolments, completions, certificates."""
    if not courses:
        return []
    lessons_by_parent: dict[str, list[LessonPage]] = {}
    under_courses = Q()
    for course in courses:
        under_courses |= Q(path__startswith=course.path, depth=course.depth + 1)
    lessons = (
        LessonPage.objects.live()
        .filter(under_courses)
        .order_by("path")
        .only("path", "title", "url_path", "translation_key", "required", "locale_id")
    )
    for lesson in lessons:
        lessons_by_parent.setdefault(lesson.path[: -LessonPage.steplen], []).append(lesson)
    keys = [course.translation_key for course in courses]
    enrolments, done, certificates = {}, set(), {}
    if user.is_authenticated:
        enrolments = {
            e.course_key: e for e in Enrolment.objects.filter(user=user, course_key__in=keys)
        }
        done = set(
            LessonCompletion.objects.filter(user=user, course_key__in=keys).values_list(
                "lesson_key", flat=True
            )
        )
        certificates = {
            c.course_key: c for c in Certificate.objects.filter(user=user, course_key__in=keys)
        }
    return [
        CourseProgress(
            course=course,
            lessons=_lesson_rows(lessons_by_parent.get(course.path, []), done),
            enrolment=enrolments.get(course.translation_key),
            certificate=certificates.get(course.translation_key),
        )
        for course in courses
    ]


def course_index(*, language: str) -> CourseIndexPage | None:
    """The live course index in the language, or the Finnish one."""
    indexes = CourseIndexPage.objects.live().filter(
        locale__language_code__in={language, SOURCE_LANGUAGE}
    )
    return (
        next(
            (i for i in indexes.select_related("locale") if i.locale.language_code == language),
            None,
        )
        or indexes.first()
    )


def course_cards(*, index: CourseIndexPage, user) -> list[CourseProgress]:
    """The live courses of the index in tree order, with the reader's progress on each."""
    courses = list(CoursePage.objects.child_of(index).live().order_by("path"))
    return _progress_for_courses(courses, user)


@dataclass
class MyLearning:
    in_progress: list[CourseProgress] = field(default_factory=list)
    completed: list[CourseProgress] = field(default_factory=list)


def my_learning(*, user, language: str | None = None) -> MyLearning:
    """The learner's courses in their language (the Finnish page where no translation exists):
    those in progress first (most recent first), then those completed."""
    language = (language or active_language())[:2]
    enrolments = list(Enrolment.objects.filter(user=user).order_by("-started_at"))
    keys = [e.course_key for e in enrolments]
    pages: dict[uuid.UUID, CoursePage] = {}
    for page in (
        CoursePage.objects.live()
        .filter(translation_key__in=keys, locale__language_code__in={language, SOURCE_LANGUAGE})
        .select_related("locale")
    ):
        if page.translation_key not in pages or page.locale.language_code == language:
            pages[page.translation_key] = page
    courses = [pages[key] for key in keys if key in pages]
    result = MyLearning()
    for progress in _progress_for_courses(courses, user):
        (result.completed if progress.completed else result.in_progress).append(progress)
    return result


@dataclass
class LessonState:
    """What a lesson page shows the learner: completion, the latest quiz attempt, the watched
    share, their reflection, the neighbouring lessons, and whether they may mark it read."""

    course: CoursePage
    completion: LessonCompletion | None = None
    attempt: QuizAttempt | None = None
    watched_share: float = 0.0
    reflection: str = ""
    previous: LessonPage | None = None
    next: LessonPage | None = None
    position: int = 0
    count: int = 0
    review: list[QuestionReview] = field(default_factory=list)
    can_mark_read: bool = False

    @property
    def watched_percent(self) -> int:
        return round(100 * self.watched_share)


@dataclass(frozen=True)
class QuestionReview:
    """One question of the learner's latest attempt: what they chose, right or not, feedback."""

    question: str
    correct: bool
    chosen: list[str]
    feedback: list[str]


def _quiz_review(lesson: LessonPage, attempt: QuizAttempt) -> list[QuestionReview]:
    review = []
    for question_id, question in lesson.questions:
        options = question["options"]
        chosen = [i for i in attempt.answers.get(question_id, []) if 0 <= i < len(options)]
        review.append(
            QuestionReview(
                question=question["question"],
                correct=question_id not in attempt.missed,
                chosen=[options[i]["text"] for i in chosen],
                feedback=[options[i]["feedback"] for i in chosen if options[i]["feedback"]],
            )
        )
    return review


def lesson_state(*, lesson: LessonPage, user) -> LessonState:
    course = course_of(lesson)
    siblings = list(
        LessonPage.objects.child_of(course)
        .live()
        .order_by("path")
        .only("path", "title", "url_path")
    )
    state = LessonState(course=course, count=len(siblings))
    paths = [s.path for s in siblings]
    if lesson.path in paths:
        at = paths.index(lesson.path)
        state.position = at + 1
        state.previous = siblings[at - 1] if at > 0 else None
        state.next = siblings[at + 1] if at + 1 < len(siblings) else None
    if not user.is_authenticated:
        return state
    key = lesson.translation_key
    state.completion = LessonCompletion.objects.filter(user=user, lesson_key=key).first()
    state.attempt = QuizAttempt.objects.filter(user=user, lesson_key=key).first()
    if state.attempt:
        state.review = _quiz_review(lesson, state.attempt)
    video = VideoProgress.objects.filter(user=user, lesson_key=key).first()
    state.watched_share = video.watched_share if video else 0.0
    reflection = Reflection.objects.filter(user=user, lesson_key=key).first()
    state.reflection = reflection.text if reflection else ""
    state.can_mark_read = permissions.can_mark_as_read(user, lesson, state.completion)
    return state


@dataclass(frozen=True)
class CertificateLanguage:
    code: str
    name: str
    state: str  # "ready", "failed", "preparing" or "none"


def certificate_languages(*, certificate: Certificate) -> list[CertificateLanguage]:
    """Each interface language with the state of the certificate's PDF in it."""

    def state(code: str) -> str:
        if code in certificate.files:
            return "ready"
        if code in certificate.failed_languages:
            return "failed"
        return "preparing" if certificate_pdf_preparing(certificate, code) else "none"

    return [CertificateLanguage(code, name, state(code)) for code, name in settings.LANGUAGES]
