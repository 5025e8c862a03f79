"""What the home page and a unit's page show of the self-assessment: the actions a person owns,
and a unit's latest results, open round, open actions and waiting suggestions.

A fixed number of queries whatever the number of rounds, actions or suggestions. Value means
come from unit_trend, so the anonymity rule of the results holds here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, QuerySet, Window

from toolkit import permissions as toolkit_permissions
from toolkit.models import Unit, User

from ..models import ActionSuggestion, AssessmentRound, ImprovementAction, Invitation, Participation
from .result_types import TrendPoint
from .results import unit_trend
from .rounds import with_response_counts

MY_ACTIONS_LIMIT = 10
UNIT_PAGE_LIMIT = 5


def my_open_actions(*, user: User) -> list[ImprovementAction]:
    """The open actions this person owns in the units they belong to, nearest due date first
    (one query; at most MY_ACTIONS_LIMIT)."""
    units = toolkit_permissions.member_unit_ids(user)
    if not units:
        return []
    return list(
        ImprovementAction.objects.filter(
            owner=user, unit_id__in=units, status__in=ImprovementAction.OPEN_STATUSES
        )
        .select_related("unit")
        .order_by("due_on", "pk")[:MY_ACTIONS_LIMIT]
    )


@dataclass
class UnitFollowUp:
    """The self-assessment on a unit's page. `latest` is the latest closed round (its means
    empty when fewer than k answered); suggestions are only filled for those who decide them."""

    threshold: int
    value_keys: list[tuple[str, str]]
    latest: TrendPoint | None
    current_round: AssessmentRound | None
    open_actions: list[ImprovementAction] = field(default_factory=list)
    open_action_count: int = 0
    suggestions: list[ActionSuggestion] = field(default_factory=list)
    suggestion_count: int = 0


def _current_round(unit: Unit, viewer: User, can_manage: bool) -> AssessmentRound | None:
    """The unit's open round (or, for its supervisors, the one waiting to open), with the
    response counts and whether the viewer is invited and has answered."""
    statuses = [AssessmentRound.Status.OPEN]
    if can_manage:
        statuses.append(AssessmentRound.Status.DRAFT)
    rounds = with_response_counts(
        AssessmentRound.objects.filter(unit=unit, status__in=statuses)
    ).annotate(
        viewer_invited=Exists(Invitation.objects.filter(round=OuterRef("pk"), user=viewer)),
        viewer_answered=Exists(Participation.objects.filter(round=OuterRef("pk"), user=viewer)),
    )
    return rounds.order_by("-opens_on", "-pk").first()


def unit_follow_up(*, unit: Unit, viewer: User, can_manage: bool) -> UnitFollowUp:
    """Latest results, the open round, open actions and (for supervisors) the suggestions
    waiting for a decision, for the unit's page."""
    trend = unit_trend(unit=unit, viewer=viewer)
    open_actions = ImprovementAction.objects.filter(
        unit=unit, status__in=ImprovementAction.OPEN_STATUSES
    )
    follow_up = UnitFollowUp(
        threshold=trend.threshold,
        value_keys=trend.value_keys,
        latest=trend.points[-1] if trend.points else None,
        current_round=_current_round(unit, viewer, can_manage),
    )
    follow_up.open_actions, follow_up.open_action_count = _first_and_total(
        open_actions.select_related("owner").order_by("due_on", "pk")
    )
    if can_manage:
        pending = ActionSuggestion.objects.filter(
            unit=unit, status=ActionSuggestion.Status.PENDING
        ).select_related("suggested_by")
        follow_up.suggestions, follow_up.suggestion_count = _first_and_total(
            pending.order_by("-created_at", "-pk")
        )
    return follow_up


def _first_and_total(rows: QuerySet) -> tuple[list, int]:
    """The first UNIT_PAGE_LIMIT rows and how many there are in all, in one query."""
    first = list(rows.annotate(total=Window(Count("pk")))[:UNIT_PAGE_LIMIT])
    return first, first[0].total if first else 0
