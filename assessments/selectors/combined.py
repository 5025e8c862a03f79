"""A parent unit's combined result: the small closed rounds of its direct child units in one
calendar year, pooled as one.

Small units often have fewer than k answers, so their own results stay hidden. A supervisor of the
parent (or an administrator) may see those hidden rounds pooled together, and the anonymity rule
then applies to the pooled count.

Why the rules are strict: anyone who can see two results that differ by a small set of answers
can subtract one from the other and get those answers on their own (means, distributions and the
written answers), and a round's own answer count is known anyway from its answered/invited
figure. The earlier version let a supervisor choose any period, pooled rounds that reached k
(whose results are shown on their own pages) and pooled every unit below the parent (so a
grandparent's pool contained a parent's). Each of these gave a small round's answers by
difference: two periods differing by one round, a pool minus the visible results it contained,
a grandparent's pool minus a parent's. So pools are now disjoint and hold only hidden data:

- A round is pooled only if it is closed, belongs to a DIRECT child unit of the parent (not the
  parent itself, not units further down; those are pooled on their own parent's page) and had
  fewer than k responses on its own, so its own results are hidden anyway.
- A round with at least k responses is never pooled: its results are on its own page. It is
  listed here (`own_page_rounds`) to say so, and nothing from its answers enters the pool.
- Periods are fixed calendar years by closing date (`closes_on`), never free ranges. So every
  round belongs to exactly one pool, (its unit's parent, its closing year), and no two pools
  share a round: no pool is another pool plus or minus some rounds.

- A year is offered only once it has ended (plus a week's grace for rounds closing on their
  last day), so a year's pool never grows after anyone has seen it: comparing the pool in March
  with the pool in June would otherwise give the rounds that closed in between.
- A pool needs rounds from at least two units: one unit's small rounds pooled over a year would
  be that unit's own hidden result.

Kept from before:

- Fewer than k pooled responses: suppressed, with no figures, no free text and no pooled count.
  Free text is shown only with the figures, so only where the pool reached k.
- The list of pooled rounds never carries a round's own count (`PooledRound` has no count).
- Values are matched across framework versions by `Value.key`. A value's mean is the mean of all
  pooled scored answers to its statements ("can't say" left out), so a unit with more answers
  weighs more. Value names come from the newest framework version among the pooled rounds.
- Statements are listed only when every pooled round uses the same framework version;
  otherwise the result has value-level figures only (`statements_shown` is False).

All aggregation runs in the database (grouped queries with Avg and conditional Count); the number
of queries does not depend on the number of units, rounds or answers.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.models import Unit

from ..anonymity import current_threshold, round_threshold
from ..models import Answer, AssessmentRound, OpenAnswer
from ..models import Value as FrameworkValue
from .results import (
    SCORES,
    StatementResult,
    ValueResult,
    _response_count_subquery,
)


@dataclass(frozen=True)
class PooledRound:
    """A round pooled into the result: enough to name it, and deliberately no count of its own
    (with the pooled total, a round's own count would help single out the others)."""

    unit_name: str
    unit_code: str
    title: str
    closes_on: datetime.date


@dataclass(frozen=True)
class OwnPageRound:
    """A round of a child unit that reached k on its own: its results are on its own page and
    nothing of it is pooled. `round` is there for the link and the permission check."""

    round: AssessmentRound

    @property
    def pk(self) -> int:
        return self.round.pk

    @property
    def unit_name(self) -> str:
        return self.round.unit.name

    @property
    def title(self) -> str:
        return self.round.title

    @property
    def closes_on(self) -> datetime.date:
        return self.round.closes_on


@dataclass(frozen=True)
class CombinedValueResult(ValueResult):
    """A pooled value: the ValueResult figures plus its value-level distribution in `overall`."""

    overall: StatementResult | None = None


@dataclass
class CombinedResults:
    """Everything the combined page may show. Empty where the anonymity rule forbids."""

    parent: Unit
    year: int
    threshold: int
    suppressed: bool
    response_count: int | None = None
    suppressed_reason: str = ""
    rounds: list[PooledRound] = field(default_factory=list)
    own_page_rounds: list[OwnPageRound] = field(default_factory=list)
    unit_count: int = 0
    version_count: int = 0
    statements_shown: bool = False
    values: list[CombinedValueResult] = field(default_factory=list)


def _score_aggregates() -> dict:
    return {
        "mean": Avg("score"),
        "scored": Count("score"),
        "cant_say": Count("pk", filter=Q(score__isnull=True)),
        **{f"s{s}": Count("pk", filter=Q(score=s)) for s in SCORES},
    }


def _result(text: str, row: dict | None) -> StatementResult:
    if row is None:
        return StatementResult(text, None, 0, 0, (0, 0, 0, 0, 0))
    return StatementResult(
        text=text,
        mean=float(row["mean"]) if row["mean"] is not None else None,
        scored=row["scored"],
        cant_say=row["cant_say"],
        distribution=tuple(row[f"s{s}"] for s in SCORES),
    )


def _values_by_key(version_ids: set[int], *, with_statements: bool) -> list[FrameworkValue]:
    """One Value per key, from the newest of the versions, in that version's order."""
    values = FrameworkValue.objects.filter(version_id__in=version_ids).order_by(
        "-version__created_at", "-version_id", "sort_order"
    )
    if with_statements:
        values = values.prefetch_related("statements")
    chosen: dict[str, FrameworkValue] = {}
    for value in values:
        chosen.setdefault(value.key, value)
    return sorted(chosen.values(), key=lambda v: v.sort_order)


def _child_rounds(parent: Unit):
    """Closed rounds of the parent's direct child units (never the parent's own or deeper)."""
    return AssessmentRound.objects.filter(
        unit__parent_id=parent.pk, status=AssessmentRound.Status.CLOSED
    ).exclude(unit_id=parent.pk)


YEAR_SETTLES_AFTER = datetime.timedelta(days=7)


def year_has_settled(year: int, *, today: datetime.date | None = None) -> bool:
    """A year's pool is final a week after the year ended (the last rounds have closed)."""
    today = today or timezone.localdate()
    return datetime.date(year, 12, 31) + YEAR_SETTLES_AFTER < today


def combined_years(*, parent: Unit, today: datetime.date | None = None) -> list[int]:
    """The settled calendar years in which a direct child unit of the parent has a closed round,
    newest first (one query). These are the only periods the combined page offers."""
    return [
        day.year
        for day in _child_rounds(parent).dates("closes_on", "year", order="DESC")
        if year_has_settled(day.year, today=today)
    ]


def combined_results(*, parent: Unit, year: int) -> CombinedResults:
    """The pooled result of the parent's direct child units' closed rounds that closed in `year`
    and had fewer than k responses each (check can_view_combined_results first). Each round is
    held to its own k (round_threshold), and the pool to the highest of them."""
    current = current_threshold()
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise ValueError(f"year out of range: {year}")
    rounds = list(
        _child_rounds(parent)
        .filter(
            closes_on__gte=datetime.date(year, 1, 1),
            closes_on__lte=datetime.date(year, 12, 31),
        )
        .select_related("unit")
        .annotate(n=_response_count_subquery())
        .order_by("unit__name_fi", "closes_on", "pk")
    )
    pooled = [r for r in rounds if r.n < round_threshold(r, current=current)]
    threshold = max([current, *(round_threshold(r, current=current) for r in pooled)])
    total = sum(r.n for r in pooled)
    unit_count = len({r.unit_id for r in pooled})
    settled = year_has_settled(year)
    suppressed = total < threshold or unit_count < 2 or not settled
    version_ids = {r.framework_version_id for r in pooled}
    results = CombinedResults(
        parent=parent,
        year=year,
        threshold=threshold,
        suppressed=suppressed,
        response_count=None if suppressed else total,
        rounds=[
            PooledRound(
                unit_name=r.unit.name,
                unit_code=r.unit.code,
                title=r.title,
                closes_on=r.closes_on,
            )
            for r in pooled
        ],
        own_page_rounds=[OwnPageRound(round=r) for r in rounds if r not in pooled],
        unit_count=unit_count,
        version_count=len(version_ids),
        statements_shown=len(version_ids) == 1,
    )
    if not settled:
        results.suppressed_reason = _(
            "This year has not ended yet. A year's combined result is shown once it has ended, "
            "so that it never changes after anyone has seen it."
        )
        return results
    if suppressed:
        if total < threshold:
            results.suppressed_reason = _(
                "Fewer than %(k)s people answered the pooled rounds altogether, so no combined "
                "results are shown to protect anonymity."
            ) % {"k": threshold}
        else:
            results.suppressed_reason = _(
                "The pooled rounds come from fewer than two units, so they would show one "
                "unit's hidden result. No combined results are shown."
            )
        return results

    round_ids = [r.pk for r in pooled]
    answers = Answer.objects.filter(response__round_id__in=round_ids).order_by()
    value_rows = {
        row["statement__value__key"]: row
        for row in answers.values("statement__value__key").annotate(**_score_aggregates())
    }
    statement_rows = (
        {
            row["statement_id"]: row
            for row in answers.values("statement_id").annotate(**_score_aggregates())
        }
        if results.statements_shown
        else {}
    )
    texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, kind, text in (
        OpenAnswer.objects.filter(response__round_id__in=round_ids)
        .exclude(text="")
        .order_by("?")
        .values_list("value__key", "kind", "text")
    ):
        texts[(key, kind)].append(text)

    for value in _values_by_key(version_ids, with_statements=results.statements_shown):
        overall = _result(value.name, value_rows.get(value.key))
        statements = (
            [_result(s.text, statement_rows.get(s.pk)) for s in value.statements.all()]
            if results.statements_shown
            else []
        )
        results.values.append(
            CombinedValueResult(
                key=value.key,
                name=value.name,
                mean=overall.mean,
                scored=overall.scored,
                statements=statements,
                overall=overall,
                barriers=texts.get((value.key, OpenAnswer.Kind.BARRIER), []),
                means=texts.get((value.key, OpenAnswer.Kind.MEANS), []),
            )
        )
    return results
