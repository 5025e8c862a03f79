"""Reading rounds: a unit's round list, and what the home page shows each person.

Counts come from subqueries, so a list costs the same few queries for 2 rounds or 200."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from toolkit import permissions as toolkit_permissions
from toolkit.models import Unit, User

from ..models import AssessmentRound, Draft, Invitation, Participation


def _count(model) -> Coalesce:
    rows = (
        model.objects.filter(round=OuterRef("pk"))
        .order_by()
        .values("round")
        .annotate(c=Count("pk"))
        .values("c")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def with_response_counts(rounds: QuerySet[AssessmentRound]) -> QuerySet[AssessmentRound]:
    """Adds `invited_count` and `answered_count` (never who)."""
    return rounds.annotate(invited_count=_count(Invitation), answered_count=_count(Participation))


# Newest first. The unit timeline runs in the same order (selectors.actions.unit_timeline).
ROUND_LIST_ORDER = ("-opens_on", "-pk")


def rounds_of_unit(*, unit: Unit) -> QuerySet[AssessmentRound]:
    return with_response_counts(
        AssessmentRound.objects.filter(unit=unit).select_related("framework_version__framework")
    ).order_by(*ROUND_LIST_ORDER)


def round_for_page(*, pk: int) -> AssessmentRound:
    """A round with what every round page shows; raises DoesNotExist."""
    return AssessmentRound.objects.select_related("unit", "framework_version__framework").get(pk=pk)


@dataclass
class HomeRounds:
    """The self-assessment panel of the home page."""

    to_answer: list[AssessmentRound]
    answered_open: list[AssessmentRound]
    led_rounds: list[AssessmentRound]
    latest_results: list[AssessmentRound]
    led_units_without_round: list[Unit]


def home_rounds(*, user: User) -> HomeRounds:
    """What this person can do next in self-assessments: a fixed number of queries."""
    mine = Invitation.objects.filter(round=OuterRef("pk"), user=user)
    answered = Participation.objects.filter(round=OuterRef("pk"), user=user)
    drafted = Draft.objects.filter(round=OuterRef("pk"), user=user)
    open_invited = list(
        AssessmentRound.objects.filter(status=AssessmentRound.Status.OPEN)
        .filter(Exists(mine))
        .annotate(has_answered=Exists(answered), has_draft=Exists(drafted))
        .select_related("unit")
        .order_by("closes_on")
    )
    led_units = list(toolkit_permissions.units_led_by(user))
    led_rounds = list(
        with_response_counts(
            AssessmentRound.objects.filter(
                unit__in=led_units,
                status__in=[AssessmentRound.Status.DRAFT, AssessmentRound.Status.OPEN],
            ).select_related("unit")
        ).order_by("closes_on")
    )
    closed = (
        AssessmentRound.objects.filter(
            unit__in=toolkit_permissions.member_unit_ids(user),
            status=AssessmentRound.Status.CLOSED,
        )
        .select_related("unit")
        .order_by("unit_id", "-closes_on", "-pk")
    )
    latest: dict[int, AssessmentRound] = {}
    for round in closed:
        latest.setdefault(round.unit_id, round)
    busy_units = {r.unit_id for r in led_rounds}
    return HomeRounds(
        to_answer=[r for r in open_invited if not r.has_answered],
        answered_open=[r for r in open_invited if r.has_answered],
        led_rounds=led_rounds,
        latest_results=list(latest.values()),
        led_units_without_round=[u for u in led_units if u.pk not in busy_units],
    )
