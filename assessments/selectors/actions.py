"""Reads for the follow-up of a round: a unit's actions, an action's page and history, the
team's conclusions, the unit timeline, and the previous round's actions on a results page.

Every page costs a fixed number of queries whatever the number of rounds, actions or notes.
Value means come from unit_trend, so the anonymity rule of the results holds here too.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from toolkit.models import Membership, Unit, User

from ..models import (
    ActionHistory,
    ActionSuggestion,
    AssessmentRound,
    ImprovementAction,
    TeamConclusion,
    ValueKey,
)
from .result_types import Change, RoundRef, TrendPoint
from .results import unit_trend

Status = ImprovementAction.Status
VALUE_NAMES = dict(ValueKey.choices)
FIELD_LABELS = {
    "title": _("title"),
    "description": _("description"),
    "value_key": _("value"),
    "barrier": _("barrier it answers"),
    "owner": _("owner"),
    "due_on": _("due date"),
    "status": _("status"),
}


def actions_of_unit(*, unit: Unit) -> QuerySet[ImprovementAction]:
    """The unit's actions, open ones first, then by due date, with their note counts."""
    return (
        ImprovementAction.objects.filter(unit=unit)
        .select_related("owner", "source_round")
        .annotate(
            note_count=Count("notes"),
            is_closed=Case(
                When(status__in=ImprovementAction.OPEN_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .order_by("is_closed", "due_on", "pk")
    )


def pending_suggestions(*, unit: Unit) -> QuerySet[ActionSuggestion]:
    return ActionSuggestion.objects.filter(
        unit=unit, status=ActionSuggestion.Status.PENDING
    ).select_related("suggested_by")


def action_for_page(*, pk: int) -> ImprovementAction:
    """One action with what its page shows (and who suggested it, if it came from a member's
    suggestion); ImprovementAction.DoesNotExist → 404."""
    return ImprovementAction.objects.select_related(
        "unit", "owner", "source_round", "created_by", "suggestion__suggested_by"
    ).get(pk=pk)


def closed_rounds_of(*, unit: Unit) -> QuerySet[AssessmentRound]:
    return AssessmentRound.objects.filter(unit=unit, status=AssessmentRound.Status.CLOSED).order_by(
        "-closes_on", "-pk"
    )


def unit_members(*, unit: Unit) -> QuerySet[User]:
    """Who may own an action: the unit's active members."""
    return User.objects.filter(
        pk__in=Membership.objects.filter(unit=unit).values("user_id"), is_active=True
    ).order_by("first_name", "last_name", "email")


@dataclass(frozen=True)
class HistoryRow:
    at: datetime.datetime
    actor: str
    event: str
    changes: list[tuple[str, str, str]]


def _shown(field_name: str, raw: str) -> str:
    if field_name == "status" and raw in Status.values:
        return str(Status(raw).label)
    if field_name == "value_key":
        return str(VALUE_NAMES.get(raw, raw))
    if field_name == "due_on" and raw:
        return date_format(datetime.date.fromisoformat(raw), "SHORT_DATE_FORMAT")
    return raw


def action_history(*, action: ImprovementAction) -> list[HistoryRow]:
    """Who changed what and when, newest first, with field names in the reader's language."""
    rows = ActionHistory.objects.filter(action=action).select_related("actor")
    return [
        HistoryRow(
            at=row.at,
            actor=str(row.actor) if row.actor else str(_("a removed user")),
            event=row.event,
            changes=[
                (
                    str(FIELD_LABELS.get(c["field"], c["field"])),
                    _shown(c["field"], c["old"]),
                    _shown(c["field"], c["new"]),
                )
                for c in row.changes
            ],
        )
        for row in rows
    ]


@dataclass(frozen=True)
class ConclusionRow:
    key: str
    name: str
    conclusion: TeamConclusion | None


def conclusions_of_round(*, round: AssessmentRound) -> list[ConclusionRow]:
    """The five values in order, each with the team's conclusion or None."""
    found = {c.value_key: c for c in TeamConclusion.objects.filter(round=round)}
    return [ConclusionRow(key, str(name), found.get(key)) for key, name in ValueKey.choices]


# --- Timeline ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineAction:
    """An action under the round it came from, with the change of its value at the next round
    (None when there is no next round yet or either round is hidden)."""

    action: ImprovementAction
    value_name: str
    next_round: RoundRef | None
    change: Change | None


@dataclass
class TimelineStep:
    """A closed round with its means, then the actions that came from it."""

    point: TrendPoint
    actions: list[TimelineAction] = field(default_factory=list)


@dataclass
class Timeline:
    unit: Unit
    threshold: int
    value_keys: list[tuple[str, str]]
    steps: list[TimelineStep]


def _change(before: TrendPoint, after: TrendPoint | None, value_key: str) -> Change | None:
    if after is None or before.suppressed or after.suppressed:
        return None
    old, new = before.means.get(value_key), after.means.get(value_key)
    return Change.between(new, old) if old is not None and new is not None else None


def unit_timeline(*, unit: Unit, viewer) -> Timeline:
    """Every closed round of the unit with its five means (hidden under the threshold), each
    followed by the actions that came from it; newest first, in the order of the unit's round
    list (ROUND_LIST_ORDER), so two rounds closed on the same day keep their own actions."""
    trend = unit_trend(unit=unit, viewer=viewer)
    chronological = sorted(trend.points, key=lambda p: (p.round.opens_on, p.round.pk))
    following = {
        point.round.pk: chronological[i + 1] if i + 1 < len(chronological) else None
        for i, point in enumerate(chronological)
    }
    steps = {point.round.pk: TimelineStep(point=point) for point in reversed(chronological)}
    actions = ImprovementAction.objects.filter(unit=unit).select_related("owner")
    for action in actions.order_by("created_at", "pk"):
        step = steps.get(action.source_round_id)
        if step is None:  # its round is not a closed round of this unit (cannot happen)
            continue
        after = following[action.source_round_id]
        step.actions.append(
            TimelineAction(
                action=action,
                value_name=str(VALUE_NAMES.get(action.value_key, action.value_key)),
                next_round=after.round if after else None,
                change=_change(step.point, after, action.value_key),
            )
        )
    return Timeline(
        unit=unit,
        threshold=trend.threshold,
        value_keys=trend.value_keys,
        steps=list(steps.values()),
    )


# --- On the results page -----------------------------------------------------------------------


@dataclass(frozen=True)
class FollowedAction:
    action: ImprovementAction
    value_name: str
    change: Change | None


@dataclass
class RoundFollowUp:
    """What the results page shows of the follow-up: the previous round's actions with their
    value's change, and this round's conclusions and actions."""

    previous_round: RoundRef | None
    previous_actions: list[FollowedAction]
    conclusions: list[ConclusionRow]
    action_count: int
    can_manage: bool


def round_follow_up(*, round: AssessmentRound, results, can_manage: bool) -> RoundFollowUp:
    """The follow-up block of a results page; `results` is the round's RoundResults (its
    change per value is already empty where the anonymity rule hides it)."""
    previous = results.previous_round  # the unit's closed round before this one, as read there
    changes = {v.key: v.change for v in results.values}
    previous_actions = []
    if previous is not None:
        for action in ImprovementAction.objects.filter(source_round_id=previous.pk).select_related(
            "owner"
        ):
            previous_actions.append(
                FollowedAction(
                    action=action,
                    value_name=str(VALUE_NAMES.get(action.value_key, action.value_key)),
                    change=changes.get(action.value_key),
                )
            )
    return RoundFollowUp(
        previous_round=previous,
        previous_actions=previous_actions,
        conclusions=conclusions_of_round(round=round),
        action_count=ImprovementAction.objects.filter(source_round=round).count(),
        can_manage=can_manage,
    )
