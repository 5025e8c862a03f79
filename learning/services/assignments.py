"""Courses that supervisors assign to their unit (or to chosen members) with a deadline, the
reminders a week before and after the deadline, and turning a recommendation into an action."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.models import Membership, Unit, User
from toolkit.outbox import enqueue_on_commit

from ..models import AssignmentReminder, CourseAssignment, CoursePage, Enrolment

WEEK = datetime.timedelta(days=7)
# A deadline further than this is a typing mistake rather than a plan.
LATEST_DEADLINE = datetime.timedelta(days=3 * 366)


def _check_due_on(due_on: datetime.date | None, today: datetime.date) -> None:
    if due_on is None:
        raise ValidationError({"due_on": _("Give a deadline.")})
    if due_on < today:
        raise ValidationError({"due_on": _("The deadline cannot be in the past.")})
    if due_on > today + LATEST_DEADLINE:
        raise ValidationError({"due_on": _("The deadline can be at most three years ahead.")})


def _check_members(unit: Unit, members: list[User]) -> None:
    member_ids = set(
        Membership.objects.filter(unit=unit, user__in=members).values_list("user_id", flat=True)
    )
    if any(person.pk not in member_ids for person in members):
        raise ValidationError({"members": _("Choose people who are members of the unit.")})


def assignment_create(
    *,
    unit: Unit,
    course: CoursePage,
    due_on: datetime.date | None,
    members: list[User] | None = None,
    assigned_by: User,
    today: datetime.date | None = None,
) -> CourseAssignment:
    """Assign a live course to the whole unit (also those who join later) or to chosen
    members; the people assigned are told by e-mail."""
    today = today or timezone.localdate()
    members = list(members or [])
    if not course.live:
        raise ValidationError({"course": _("Choose a published course.")})
    _check_due_on(due_on, today)
    _check_members(unit, members)
    if (
        not members
        and CourseAssignment.objects.filter(
            unit=unit, course_key=course.translation_key, whole_unit=True, due_on__gte=today
        ).exists()
    ):
        raise ValidationError({"course": _("This course is already assigned to the whole unit.")})
    with transaction.atomic():
        assignment = CourseAssignment.objects.create(
            unit=unit,
            course_key=course.translation_key,
            due_on=due_on,
            whole_unit=not members,
            assigned_by=assigned_by,
        )
        assignment.members.set(members)

        enqueue_on_commit("learning.tasks.send_assignment_mail", assignment.pk, "assigned")
    return assignment


def assignment_withdraw(*, assignment: CourseAssignment) -> None:
    """Withdraw an assignment (progress already made on the course stays the learner's)."""
    assignment.delete()


def assigned_user_ids(assignment: CourseAssignment) -> set[int]:
    """Who the assignment covers now: the unit's members, or the chosen ones still in it."""
    in_unit = Membership.objects.filter(unit_id=assignment.unit_id).values_list(
        "user_id", flat=True
    )
    if assignment.whole_unit:
        return set(in_unit)
    return set(assignment.members.filter(pk__in=in_unit).values_list("pk", flat=True))


def _reminders_due(assignment: CourseAssignment, kind: str) -> list[int]:
    """People the assignment covers who have not completed it and have not had this reminder."""
    people = assigned_user_ids(assignment)
    completed = Enrolment.objects.filter(
        user_id__in=people, course_key=assignment.course_key, completed_at__isnull=False
    ).values_list("user_id", flat=True)
    reminded = assignment.reminders.filter(kind=kind).values_list("user_id", flat=True)
    return sorted(people - set(completed) - set(reminded))


def assignment_reminders_send_due(*, today: datetime.date | None = None) -> dict[str, int]:
    """A reminder a week before the deadline and one when it has passed, each once per person
    and assignment, however often this runs. Returns how many of each were sent."""

    today = today or timezone.localdate()
    sent = {AssignmentReminder.Kind.WEEK: 0, AssignmentReminder.Kind.OVERDUE: 0}
    windows = {
        AssignmentReminder.Kind.WEEK: {"due_on__gte": today, "due_on__lte": today + WEEK},
        AssignmentReminder.Kind.OVERDUE: {"due_on__lt": today, "due_on__gte": today - WEEK},
    }
    for kind, window in windows.items():
        for assignment in CourseAssignment.objects.filter(**window):
            user_ids = _reminders_due(assignment, kind)
            if not user_ids:
                continue
            with transaction.atomic():  # the record and the queued mail commit together
                AssignmentReminder.objects.bulk_create(
                    [
                        AssignmentReminder(assignment=assignment, user_id=pk, kind=kind)
                        for pk in user_ids
                    ],
                    ignore_conflicts=True,
                )
                enqueue_on_commit(
                    "learning.tasks.send_assignment_mail", assignment.pk, kind, user_ids
                )
            sent[kind] += len(user_ids)
    return {str(kind): count for kind, count in sent.items()}


def recommendation_adopt(
    *,
    unit: Unit,
    course: CoursePage,
    due_on: datetime.date | None,
    assigned_by: User,
    recommendation,
    members: list[User] | None = None,
    owner: User | None = None,
    today: datetime.date | None = None,
) -> CourseAssignment:
    """Turn a recommended course into an assignment and, in the same transaction, into an
    improvement action of the value it builds ("the team completes course X by the deadline"),
    tied to the round the recommendation came from. Either both are saved or neither."""
    from assessments.services.actions import TITLE_LIMIT, action_create

    with transaction.atomic():
        assignment = assignment_create(
            unit=unit,
            course=course,
            due_on=due_on,
            members=members,
            assigned_by=assigned_by,
            today=today,
        )
        title = _("The team completes the course “%(title)s”") % {"title": course.title}
        action_create(
            unit=unit,
            source_round=recommendation.round,
            value_key=recommendation.value_key,
            title=str(title)[:TITLE_LIMIT],
            description=str(_("Assigned in the learning section with a deadline.")),
            owner=owner or assigned_by,
            due_on=due_on,
            created_by=assigned_by,
            today=today,
        )
    return assignment
