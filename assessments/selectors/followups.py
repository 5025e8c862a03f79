"""What the team decided after a round, as the reports need it: conclusions and actions,
already in value order and as plain rows (two queries), so that the PDF code only lays out text."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from toolkit.values import ValueKey
from toolkit.values import value_label as _value_name

from ..models import AssessmentRound, ImprovementAction, TeamConclusion


@dataclass(frozen=True)
class ConclusionRow:
    """The team's agreed barriers and means for one value."""

    value_key: str
    value_name: str
    barriers: list[str]
    means: list[str]


@dataclass(frozen=True)
class ActionRow:
    """One improvement action as a report lists it (no progress notes, no history)."""

    title: str
    value_name: str
    owner: str
    due_on: datetime.date
    status: str
    is_open: bool = True


@dataclass
class RoundFollowups:
    """The conclusions and actions recorded for a round."""

    conclusions: list[ConclusionRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)


def round_followups(*, round: AssessmentRound) -> RoundFollowups:
    """The team conclusions of the round and the actions that came from it, in value order."""
    order = {key.value: i for i, key in enumerate(ValueKey)}
    conclusions = sorted(
        TeamConclusion.objects.filter(round=round),
        key=lambda c: order.get(c.value_key, len(order)),
    )
    actions = ImprovementAction.objects.filter(source_round=round).select_related("owner")
    return RoundFollowups(
        conclusions=[
            ConclusionRow(c.value_key, _value_name(c.value_key), c.barrier_list(), c.means_list())
            for c in conclusions
            if c.barriers.strip() or c.means.strip()
        ],
        actions=[
            ActionRow(
                title=a.title,
                value_name=_value_name(a.value_key),
                owner=str(a.owner) if a.owner else "",
                due_on=a.due_on,
                status=str(a.get_status_display()),
                is_open=a.is_open,
            )
            for a in sorted(actions, key=lambda a: (order.get(a.value_key, 9), a.due_on, a.pk))
        ],
    )
