"""Reads for live webinars, assigned courses and the unit training report. Training progress
is not anonymous: supervisors see each member's status. Quiz answers and reflections are never
read here. Every selector runs a fixed number of queries, whatever the number of people."""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit import permissions as toolkit_permissions
from toolkit.languages import SOURCE_LANGUAGE
from toolkit.models import Membership, Unit, User

from .. import permissions
from ..models import CourseAssignment, CoursePage, Enrolment, LessonPage, WebinarRegistration

Status = WebinarRegistration.Status


# --- Live webinars ---


@dataclass(frozen=True)
class WebinarState:
    """What a live webinar's page shows: places left, the reader's own registration, and the
    meeting link when the reader may see it (empty otherwise)."""

    capacity: int
    registered: int
    waiting: int
    mine: WebinarRegistration | None
    started: bool
    waiting_position: int | None = None  # the reader's place in the queue, when waiting
    meeting_url: str = ""

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.registered, 0)


def webinar_state(
    *, lesson: LessonPage, user, now: datetime.datetime | None = None
) -> WebinarState:
    """Counts of places and the reader's registration (two queries)."""
    now = now or timezone.now()
    counts = WebinarRegistration.objects.filter(lesson_key=lesson.translation_key).aggregate(
        registered=Count("pk", filter=Q(status=Status.REGISTERED)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
    )
    mine = None
    position = None
    if getattr(user, "is_authenticated", False):
        mine = (
            WebinarRegistration.objects.filter(user=user, lesson_key=lesson.translation_key)
            .exclude(status=Status.CANCELLED)
            .first()
        )
        if mine is not None and mine.status == Status.WAITING:
            position = (
                WebinarRegistration.objects.filter(
                    lesson_key=lesson.translation_key, status=Status.WAITING
                )
                .filter(
                    Q(queued_at__lt=mine.queued_at) | Q(queued_at=mine.queued_at, pk__lt=mine.pk)
                )
                .count()
                + 1
            )
    return WebinarState(
        capacity=lesson.capacity or 0,
        registered=counts["registered"],
        waiting=counts["waiting"],
        mine=mine,
        started=bool(lesson.starts_at and now >= lesson.starts_at),
        waiting_position=position,
        meeting_url=lesson.meeting_url
        if permissions.can_see_meeting_link(user, lesson, mine)
        else "",
    )


@dataclass(frozen=True)
class WebinarRow:
    lesson: LessonPage
    registered: int
    waiting: int
    attended: int


def webinar_rows(*, language: str, now: datetime.datetime | None = None) -> list[WebinarRow]:
    """Recent and upcoming webinars with their counts, in two queries for any number."""
    lessons = upcoming_webinars(language=language, now=now)
    counts = {
        row["lesson_key"]: row
        for row in WebinarRegistration.objects.filter(
            lesson_key__in=[lesson.translation_key for lesson in lessons]
        )
        .order_by()
        .values("lesson_key")
        .annotate(
            registered=Count("pk", filter=Q(status=Status.REGISTERED)),
            waiting=Count("pk", filter=Q(status=Status.WAITING)),
            attended=Count("pk", filter=Q(status=Status.REGISTERED, attended=True)),
        )
    }
    empty = {"registered": 0, "waiting": 0, "attended": 0}
    return [
        WebinarRow(
            lesson=lesson,
            registered=counts.get(lesson.translation_key, empty)["registered"],
            waiting=counts.get(lesson.translation_key, empty)["waiting"],
            attended=counts.get(lesson.translation_key, empty)["attended"],
        )
        for lesson in lessons
    ]


@dataclass(frozen=True)
class AttendanceRow:
    user: User
    status: str
    attended: bool


def webinar_attendance(*, lesson: LessonPage) -> list[AttendanceRow]:
    """Everyone registered or waiting, by name, for the trainer's attendance list (one query)."""
    registrations = (
        WebinarRegistration.objects.filter(lesson_key=lesson.translation_key)
        .exclude(status=Status.CANCELLED)
        .select_related("user")
        .order_by("status", "user__last_name", "user__first_name", "user__email")
    )
    return [AttendanceRow(r.user, r.status, r.attended) for r in registrations]


def upcoming_webinars(*, language: str, now: datetime.datetime | None = None) -> list[LessonPage]:
    """Live webinars in the reader's language (or Finnish) from a day ago on, soonest first:
    trainers mark attendance for the recent ones."""
    now = now or timezone.now()
    lessons = (
        LessonPage.objects.live()
        .filter(kind=LessonPage.Kind.LIVE, starts_at__gte=now - datetime.timedelta(days=30))
        .filter(locale__language_code__in={language, SOURCE_LANGUAGE})
        .select_related("locale")
        .order_by("starts_at", "pk")
    )
    return list(pages_in_language(lessons, language).values())


def pages_in_language(pages, language: str) -> dict[uuid.UUID, object]:
    """translation key -> the page in `language`, or the Finnish one where none exists."""
    chosen: dict[uuid.UUID, object] = {}
    for page in pages:
        if page.translation_key not in chosen or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return chosen


def live_courses(*, language: str) -> list[CoursePage]:
    """Every live course in tree order, in `language` where translated, else in Finnish."""
    pages = (
        CoursePage.objects.live()
        .filter(locale__language_code__in={language, SOURCE_LANGUAGE})
        .select_related("locale")
        .order_by("path")
    )
    return list(pages_in_language(pages, language).values())


def unit_people(*, unit: Unit) -> list[User]:
    """The unit's active members (every role), by name, for choosing whom to assign."""
    return list(
        User.objects.filter(memberships__unit=unit, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def courses_in_language(*, keys, language: str) -> dict[uuid.UUID, CoursePage]:
    """translation key -> the live course page in `language`, else in Finnish (one query)."""
    pages = (
        CoursePage.objects.live()
        .filter(translation_key__in=list(keys))
        .filter(locale__language_code__in={language, SOURCE_LANGUAGE})
        .select_related("locale")
    )
    return pages_in_language(pages, language)


# --- Assignments and the unit training report ---


class TrainingStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    OVERDUE = "overdue", _("overdue")


def training_status(
    enrolment: Enrolment | None, due_on: datetime.date, today: datetime.date
) -> str:
    """Completed (on any date), overdue (not completed after the deadline), in progress or
    not started."""
    if enrolment is not None and enrolment.completed_at:
        return TrainingStatus.COMPLETED
    if today > due_on:
        return TrainingStatus.OVERDUE
    return TrainingStatus.IN_PROGRESS if enrolment is not None else TrainingStatus.NOT_STARTED


@dataclass(frozen=True)
class MemberStatus:
    user: User
    status: str
    completed_on: datetime.date | None

    @property
    def status_label(self) -> str:
        return str(TrainingStatus(self.status).label)


@dataclass
class AssignmentReport:
    assignment: CourseAssignment
    course: CoursePage | None
    rows: list[MemberStatus] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def completed(self) -> int:
        return self.count(TrainingStatus.COMPLETED)

    @property
    def percent(self) -> int:
        return round(100 * self.completed / len(self.rows)) if self.rows else 0


def unit_training_report(
    *, unit: Unit, language: str, today: datetime.date | None = None
) -> list[AssignmentReport]:
    """Each course assigned to the unit, with every person it covers and their status, in five
    queries: assignments, chosen members, memberships, enrolments and course pages."""
    today = today or timezone.localdate()
    assignments = list(
        CourseAssignment.objects.filter(unit=unit).prefetch_related("members").order_by("due_on")
    )
    members = {
        m.user_id: m.user
        for m in Membership.objects.filter(unit=unit, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    }
    keys = {a.course_key for a in assignments}
    enrolments = {
        (e.user_id, e.course_key): e
        for e in Enrolment.objects.filter(user_id__in=list(members), course_key__in=keys)
    }
    courses = courses_in_language(keys=keys, language=language)
    reports = []
    for assignment in assignments:
        chosen = {person.pk for person in assignment.members.all()}
        covered = [
            person for pk, person in members.items() if assignment.whole_unit or pk in chosen
        ]
        report = AssignmentReport(assignment, courses.get(assignment.course_key))
        for person in covered:
            enrolment = enrolments.get((person.pk, assignment.course_key))
            report.rows.append(
                MemberStatus(
                    user=person,
                    status=training_status(enrolment, assignment.due_on, today),
                    completed_on=timezone.localdate(enrolment.completed_at)
                    if enrolment and enrolment.completed_at
                    else None,
                )
            )
        reports.append(report)
    return reports


@dataclass(frozen=True)
class LearnerAssignment:
    """A course assigned to the learner, with the nearest deadline and their status."""

    course: CoursePage
    due_on: datetime.date
    status: str
    unit: Unit

    @property
    def status_label(self) -> str:
        return str(TrainingStatus(self.status).label)


def learner_assignments(
    *, user, language: str, today: datetime.date | None = None
) -> list[LearnerAssignment]:
    """The courses assigned to the learner in any of their units, nearest deadline first; the
    completed ones last (at most four queries, one when nothing is assigned)."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = today or timezone.localdate()
    unit_ids = toolkit_permissions.member_unit_ids(user)
    if not unit_ids:
        return []
    assignments = (
        CourseAssignment.objects.filter(unit_id__in=unit_ids)
        .filter(Q(whole_unit=True) | Q(members=user))
        .select_related("unit")
        .distinct()
        .order_by("due_on", "pk")
    )
    nearest: dict[uuid.UUID, CourseAssignment] = {}
    for assignment in assignments:
        nearest.setdefault(assignment.course_key, assignment)
    if not nearest:
        return []
    enrolments = {
        e.course_key: e for e in Enrolment.objects.filter(user=user, course_key__in=list(nearest))
    }
    courses = courses_in_language(keys=nearest, language=language)
    items = [
        LearnerAssignment(
            course=courses[key],
            due_on=assignment.due_on,
            status=training_status(enrolments.get(key), assignment.due_on, today),
            unit=assignment.unit,
        )
        for key, assignment in nearest.items()
        if key in courses
    ]
    return sorted(items, key=lambda item: (item.status == TrainingStatus.COMPLETED, item.due_on))


def status_counts(reports: list[AssignmentReport]) -> dict[str, int]:
    """How many people are in each status over all of a unit's assignments."""
    counts: dict[str, int] = defaultdict(int)
    for report in reports:
        for row in report.rows:
            counts[row.status] += 1
    return dict(counts)
