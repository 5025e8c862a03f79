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

- A round is pooled only if it is closed, belonged to a DIRECT child unit of the parent when it
  closed (`parent_at_close`: the tree as it stood then, so moving a unit later changes no pool;
  not the parent itself, not units further down, which are pooled on their own parent's page)
  and had fewer than k responses on its own, so its own results are hidden anyway.
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
- A pool is fixed when first shown (`CombinedPool`: its rounds and k) and shown again only with
  exactly those rounds, never under a lower k. If one of them is gone or now has its own page,
  the pool is suppressed: it minus that page would give the others (the differencing guard).
- k counts people who scored: a pooled statement is shown only where k people scored it, a value
  is made of its shown statements only (value-level figures, with mixed framework versions, need
  k people who scored the value), and a value's written answers need k people who wrote for it.
  docs/anonymity.md gives every rule and the attack it stops.

Kept from before:

- Fewer than k pooled responses: suppressed, with no figures, no free text and no pooled count.
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
from dataclasses import dataclass, field

from django.utils import timezone

from toolkit.models import Unit

from ..anonymity import current_threshold
from ..models import AssessmentRound, CombinedPool
from ..models import Value as FrameworkValue
from . import aggregates, suppression
from .aggregates import response_count_subquery
from .result_types import StatementResult, ValueResult


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
    """Everything the combined page may show. Empty where the anonymity rule forbids.

    `pool_round_ids` are the rounds pooled; `fixed` says whether this pool has been shown
    before (then it is shown only with the same rounds). A shown pool that is not fixed yet is
    fixed by the view (services.combined.combined_pool_fix)."""

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
    pool_round_ids: list[int] = field(default_factory=list)
    fixed: bool = False


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
    """Closed rounds of the units that were the parent's direct children when the rounds closed
    (never the parent's own or deeper): the tree as it stood at close, not as it is now."""
    return AssessmentRound.objects.filter(
        parent_at_close_id=parent.pk, status=AssessmentRound.Status.CLOSED
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


def _year_rounds(parent: Unit, year: int) -> list[AssessmentRound]:
    return list(
        _child_rounds(parent)
        .filter(
            closes_on__gte=datetime.date(year, 1, 1),
            closes_on__lte=datetime.date(year, 12, 31),
        )
        .select_related("unit")
        .annotate(n=response_count_subquery())
        .order_by("unit__name_fi", "closes_on", "pk")
    )


def combined_results(*, parent: Unit, year: int) -> CombinedResults:
    """The pooled result of the closed rounds that closed in `year` in units that were then the
    parent's direct children, and had fewer than k responses each (check
    can_view_combined_results first). A pool shown before is shown again only as it was."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise ValueError(f"year out of range: {year}")
    current = current_threshold()
    pool = CombinedPool.objects.filter(parent=parent, year=year).first()
    rounds = _year_rounds(parent, year)
    pooled, changed = suppression.pooled_rounds(rounds, pool, current)
    threshold = suppression.pool_threshold(pooled, pool, current)
    total = sum(r.n for r in pooled)
    results = _pool(parent, year, threshold, rounds, pooled, fixed=pool is not None)
    settled = year_has_settled(year)
    if total < threshold or results.unit_count < 2 or not settled or changed:
        results.suppressed = True
        results.suppressed_reason = suppression.pool_suppressed_reason(
            k=threshold, total=total, settled=settled, changed=changed
        )
        return results
    results.response_count = total
    _add_values(results, [r.pk for r in pooled], {r.framework_version_id for r in pooled})
    if not any(v.overall or v.barriers or v.means for v in results.values):
        results.values = []
        results.suppressed = True
        results.response_count = None
        results.suppressed_reason = suppression.nothing_scored_reason(threshold)
    return results


def _pool(parent, year, threshold, rounds, pooled, *, fixed: bool) -> CombinedResults:
    """The pool as listed on the page (its rounds, units, versions), shown until suppressed."""
    version_ids = {r.framework_version_id for r in pooled}
    return CombinedResults(
        parent=parent,
        year=year,
        threshold=threshold,
        suppressed=False,
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
        unit_count=len({r.unit_id for r in pooled}),
        version_count=len(version_ids),
        statements_shown=len(version_ids) == 1,
        pool_round_ids=sorted(r.pk for r in pooled),
        fixed=fixed,
    )


def _add_values(results: CombinedResults, round_ids: list[int], version_ids: set[int]) -> None:
    """The pooled figures and texts, each only where k people stand behind it."""
    k = results.threshold
    shown = results.statements_shown
    rows = aggregates.pooled_rows(
        round_ids, by="statement_id" if shown else "statement__value__key"
    )
    texts, writers = aggregates.pooled_texts(round_ids)
    for value in _values_by_key(version_ids, with_statements=shown):
        if shown:
            statements = [
                suppression.figures(s.text, rows.get(s.pk), k, people="people")
                for s in value.statements.all()
            ]
            overall = suppression.shown_sum(value.name, statements)
        else:
            statements = []
            overall = suppression.figures(value.name, rows.get(value.key), k, people="people")
        barriers, means, texts_hidden = suppression.value_texts(texts, writers, value.key, k)
        results.values.append(
            CombinedValueResult(
                key=value.key,
                name=value.name,
                mean=overall.mean,
                scored=overall.scored,
                statements=statements,
                overall=None if overall.hidden else overall,
                barriers=barriers,
                means=means,
                texts_hidden=texts_hidden,
            )
        )
