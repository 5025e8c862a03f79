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
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.models import Unit

from ..anonymity import current_threshold, round_threshold
from ..models import Answer, AssessmentRound, CombinedPool, OpenAnswer
from ..models import Value as FrameworkValue
from .results import (
    SCORES,
    StatementResult,
    ValueResult,
    _nothing_scored_reason,
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


def _score_aggregates() -> dict:
    return {
        "mean": Avg("score"),
        "scored": Count("score"),
        "people": Count("response_id", distinct=True, filter=Q(score__isnull=False)),
        "cant_say": Count("pk", filter=Q(score__isnull=True)),
        **{f"s{s}": Count("pk", filter=Q(score=s)) for s in SCORES},
    }


def _result(text: str, row: dict | None, threshold: int) -> StatementResult:
    """Figures of a statement (or a whole value), hidden where fewer than k people scored it."""
    if row is None or row["people"] < threshold:
        return StatementResult(text, None, 0, 0, (0, 0, 0, 0, 0), hidden=True)
    return StatementResult(
        text=text,
        mean=float(row["mean"]) if row["mean"] is not None else None,
        scored=row["scored"],
        cant_say=row["cant_say"],
        distribution=tuple(row[f"s{s}"] for s in SCORES),
    )


def _sum_of(text: str, parts: list[StatementResult]) -> StatementResult:
    """A value's figures made of its shown statements only (a hidden statement is left out:
    the value minus the shown statements would give it)."""
    shown = [p for p in parts if not p.hidden]
    if not shown:
        return StatementResult(text, None, 0, 0, (0, 0, 0, 0, 0), hidden=True)
    distribution = tuple(sum(p.distribution[i] for p in shown) for i in range(len(SCORES)))
    scored = sum(distribution)
    total = sum(score * count for score, count in zip(SCORES, distribution, strict=True))
    return StatementResult(
        text=text,
        mean=total / scored if scored else None,
        scored=scored,
        cant_say=sum(p.cant_say for p in shown),
        distribution=distribution,
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
        .annotate(n=_response_count_subquery())
        .order_by("unit__name_fi", "closes_on", "pk")
    )


def _pooled(rounds: list, pool: CombinedPool | None, current: int) -> tuple[list, bool]:
    """The rounds to pool, and whether the differencing guard forbids showing them.

    Not shown before: every round under k. Shown before: exactly the rounds shown then; if one
    of them is gone or is now shown on its own page, the pool minus that page would give the
    others, so the guard suppresses the pool."""
    if pool is None:
        return [r for r in rounds if r.n < round_threshold(r, current=current)], False
    fixed = set(pool.round_ids)
    pooled = [r for r in rounds if r.pk in fixed]
    changed = len(pooled) != len(fixed) or any(
        r.n >= round_threshold(r, current=current) for r in pooled
    )
    return pooled, changed


def _suppress(results: CombinedResults, total: int, settled: bool, changed: bool) -> None:
    k = results.threshold
    if not settled:
        results.suppressed_reason = _(
            "This year has not ended yet. A year's combined result is shown once it has ended, "
            "so that it never changes after anyone has seen it."
        )
    elif changed:
        results.suppressed_reason = _(
            "Some of the rounds pooled when this result was first shown can now be seen on "
            "their own or are gone. Showing the pool again would let anyone compute the other "
            "rounds by difference, so no combined results are shown."
        )
    elif total < k:
        results.suppressed_reason = _(
            "Fewer than %(k)s people answered the pooled rounds altogether, so no combined "
            "results are shown to protect anonymity."
        ) % {"k": k}
    else:
        results.suppressed_reason = _(
            "The pooled rounds come from fewer than two units, so they would show one "
            "unit's hidden result. No combined results are shown."
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
    pooled, changed = _pooled(rounds, pool, current)
    # Each round is held to its own k (round_threshold), the pool to the highest of them; a pool
    # keeps the k it was first shown under as its floor: lowering k reveals no more.
    threshold = max(
        [
            current,
            pool.threshold if pool else 0,
            *(round_threshold(r, current=current) for r in pooled),
        ]
    )
    total = sum(r.n for r in pooled)
    unit_count = len({r.unit_id for r in pooled})
    settled = year_has_settled(year)
    suppressed = total < threshold or unit_count < 2 or not settled or changed
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
        pool_round_ids=sorted(r.pk for r in pooled),
        fixed=pool is not None,
    )
    if suppressed:
        _suppress(results, total, settled, changed)
        return results
    _add_values(results, [r.pk for r in pooled], version_ids)
    if not any(v.overall or v.barriers or v.means for v in results.values):
        results.values = []
        results.suppressed = True
        results.response_count = None
        results.suppressed_reason = _nothing_scored_reason(threshold)
    return results


def _pooled_texts(round_ids: list[int], threshold: int) -> tuple[dict, dict[str, int]]:
    """(value key, kind) -> texts in random order, only for the values that at least k people
    wrote for (either kind); and value key -> how many people wrote for it."""
    texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    writers: dict[str, set] = defaultdict(set)
    for key, kind, text, response_id in (
        OpenAnswer.objects.filter(response__round_id__in=round_ids)
        .exclude(text="")
        .order_by("?")
        .values_list("value__key", "kind", "text", "response_id")
    ):
        texts[(key, kind)].append(text)
        writers[key].add(response_id)
    return {
        (key, kind): found for (key, kind), found in texts.items() if len(writers[key]) >= threshold
    }, {key: len(people) for key, people in writers.items()}


def _add_values(results: CombinedResults, round_ids: list[int], version_ids: set[int]) -> None:
    """The pooled figures and texts, each only where k people stand behind it."""
    k = results.threshold
    answers = Answer.objects.filter(response__round_id__in=round_ids).order_by()
    if results.statements_shown:
        statement_rows = {
            row["statement_id"]: row
            for row in answers.values("statement_id").annotate(**_score_aggregates())
        }
        value_rows = {}
    else:
        statement_rows = {}
        value_rows = {
            row["statement__value__key"]: row
            for row in answers.values("statement__value__key").annotate(**_score_aggregates())
        }
    texts, writers = _pooled_texts(round_ids, k)
    for value in _values_by_key(version_ids, with_statements=results.statements_shown):
        if results.statements_shown:
            statements = [
                _result(s.text, statement_rows.get(s.pk), k) for s in value.statements.all()
            ]
            overall = _sum_of(value.name, statements)
        else:
            statements = []
            overall = _result(value.name, value_rows.get(value.key), k)
        results.values.append(
            CombinedValueResult(
                key=value.key,
                name=value.name,
                mean=overall.mean,
                scored=overall.scored,
                statements=statements,
                overall=None if overall.hidden else overall,
                barriers=texts.get((value.key, OpenAnswer.Kind.BARRIER), []),
                means=texts.get((value.key, OpenAnswer.Kind.MEANS), []),
                texts_hidden=0 < writers.get(value.key, 0) < k,
            )
        )
