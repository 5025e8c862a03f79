"""Results of a closed assessment round, and a unit's trend over its rounds.

The anonymity rule lives here: where fewer than k people answered, the dataclasses carry no figure
and no free text at all, so no template can show what the selector never returned.

All aggregation runs in the database (grouped queries with Avg and conditional Count); Python only
arranges the grouped rows. The number of queries does not depend on the number of rounds, units
or answers.

Definitions (where the issue is silent; docs/anonymity.md gives the rules and the attacks):

- k counts people who actually scored, not responses: a statement's figures (mean, distribution,
  "can't say") are shown only where at least k people gave it a score from 1 to 5; below that the
  statement is listed as hidden, without any figure.
- A value's mean is the mean of the scored answers to those of its statements that reached k
  ("can't say" left out). A hidden statement is left out of its value too: a value mean over all
  statements minus the statements shown would give the hidden one. The same per-round means feed
  the change, the trend, the overview and the area and organisation averages, so a round
  contributes to an average only the values that at least k people scored.
- The staff/supervisor split of a value is shown only where at least k people in each group
  scored its shown statements (the total minus one group gives the other).
- A value's written answers are shown only where at least k people wrote for that value
  (barriers or means); otherwise both lists are hidden and the page says why.
- The change since the previous round compares with the unit's previous *closed* round (by closing
  date), value by value through `Value.key`, so a new framework version still compares. No change
  is shown if the previous round had fewer than k responses.
- The area and organisation averages: every unit contributes its *comparable round*, the latest
  closed round that closed (`closes_on`) on or before this round's closing date; the unit itself
  contributes this round. A unit whose comparable round had fewer than k responses is left out
  (it does not fall back to an older round). The average is the plain mean of the per-unit value
  means, so a large unit counts as much as a small one. The area is the units under the unit's
  parent as it stood when each round closed (`AssessmentRound.parent_at_close`), so moving a unit
  later changes no average; the organisation is every unit.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Avg, Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models import Value as V
from django.db.models.expressions import Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils.translation import gettext_lazy as _

from toolkit import permissions as toolkit_permissions
from toolkit.models import Unit
from toolkit.numbers import change_between, percent_of

from ..anonymity import current_threshold, round_threshold, threshold_for
from ..models import (
    Answer,
    AssessmentRound,
    Invitation,
    OpenAnswer,
    RespondentRole,
    Response,
    ValueKey,
)
from ..models import Value as FrameworkValue

SCORES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class StatementResult:
    """One statement: mean of the scored answers, the 1–5 distribution and "can't say"."""

    text: str
    mean: float | None
    scored: int
    cant_say: int
    distribution: tuple[int, int, int, int, int]
    hidden: bool = False  # fewer than k people scored it: no figure at all

    @property
    def answers(self) -> int:
        """Everyone who answered the statement, "can't say" included."""
        return self.scored + self.cant_say

    @property
    def shares(self) -> list[tuple[int, int, float]]:
        """(score, count, percent of all answers) for the five scores, for stacked bars."""
        total = self.answers or 1
        return [
            (s, c, round(100 * c / total, 1))
            for s, c in zip(SCORES, self.distribution, strict=True)
        ]

    @property
    def cant_say_percent(self) -> float:
        return round(100 * self.cant_say / (self.answers or 1), 1)


@dataclass(frozen=True)
class Change:
    """The change of a value's mean since the previous round, as the reader sees it: the
    difference of the two rounded means (toolkit.numbers), so it never contradicts them."""

    amount: Decimal

    @classmethod
    def between(cls, now: float | None, before: float | None) -> Change | None:
        """The change from `before` to `now`, or None when either mean is missing."""
        amount = change_between(now, before)
        return None if amount is None else cls(amount)

    @property
    def direction(self) -> str:
        """ "up", "down" or "same" (equal shown means are no change)."""
        if self.amount > 0:
            return "up"
        if self.amount < 0:
            return "down"
        return "same"

    @property
    def size(self) -> Decimal:
        """The amount without its sign, for "up 0.3" / "down 0.3"."""
        return abs(self.amount)


@dataclass(frozen=True)
class ValueResult:
    """One value of the round with its statements, comparisons and the written answers."""

    key: str
    name: str
    mean: float | None
    scored: int
    statements: list[StatementResult]
    previous_mean: float | None = None
    change: Change | None = None
    area_mean: float | None = None
    organisation_mean: float | None = None
    staff_mean: float | None = None
    supervisor_mean: float | None = None
    barriers: list[str] = field(default_factory=list)
    means: list[str] = field(default_factory=list)
    texts_hidden: bool = False  # fewer than k people wrote for this value: no text shown

    @property
    def hidden_statements(self) -> int:
        """How many of the value's statements fewer than k people scored."""
        return sum(1 for s in self.statements if s.hidden)


@dataclass(frozen=True)
class RoundRef:
    """A round named in a comparison: enough to label it, nothing about its answers."""

    pk: int
    title: str
    opens_on: datetime.date
    closes_on: datetime.date


@dataclass
class RoundResults:
    """Everything the results page may show of one round. Empty where the rule forbids."""

    round: AssessmentRound
    unit: Unit
    threshold: int
    response_count: int
    invited_count: int
    suppressed: bool
    suppressed_reason: str = ""
    values: list[ValueResult] = field(default_factory=list)
    previous_round: RoundRef | None = None
    previous_suppressed: bool = False
    split_shown: bool = False
    area_unit_count: int = 0
    organisation_unit_count: int = 0
    viewer_manages_unit: bool = False

    @property
    def response_rate(self) -> int | None:
        """Answered / invited, as a whole percent (None when nobody was invited)."""
        return percent_of(self.response_count, self.invited_count)

    @property
    def has_previous(self) -> bool:
        return any(v.change is not None for v in self.values)


@dataclass(frozen=True)
class TrendPoint:
    """One closed round of a unit in the trend; `means` is empty when the round was suppressed."""

    round: RoundRef
    response_count: int
    suppressed: bool
    means: dict[str, float | None]


@dataclass
class UnitTrend:
    """A unit's closed rounds in time order with their five value means."""

    unit: Unit
    threshold: int
    value_keys: list[tuple[str, str]]
    points: list[TrendPoint]

    @property
    def shown_points(self) -> list[TrendPoint]:
        return [p for p in self.points if not p.suppressed]


def _response_count_subquery() -> Coalesce:
    counts = (
        Response.objects.filter(round=OuterRef("pk"))
        .order_by()
        .values("round")
        .annotate(c=Count("pk"))
        .values("c")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), V(0))


StatementSums = list[tuple[str, int, int]]  # (value key, sum of scores, people who scored)


def _statement_sums_by_round(round_ids: set[int]) -> dict[int, StatementSums]:
    """round id -> per statement (value key, sum of scores, scorers), one grouped query."""
    if not round_ids:
        return {}
    rows = (
        Answer.objects.filter(response__round_id__in=round_ids, score__isnull=False)
        .order_by()
        .values("response__round_id", "statement_id", "statement__value__key")
        .annotate(total=Sum("score"), scored=Count("pk"))
        .order_by("response__round_id", "statement_id")
    )
    sums: dict[int, StatementSums] = defaultdict(list)
    for row in rows:
        sums[row["response__round_id"]].append(
            (row["statement__value__key"], int(row["total"]), row["scored"])
        )
    return sums


def value_means(sums: StatementSums, threshold: int) -> dict[str, float]:
    """{value key: mean} over the statements that at least `threshold` people scored; a value
    with no such statement is left out (see the module docstring)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, total, scored in sums:
        if scored >= threshold:
            totals[key][0] += total
            totals[key][1] += scored
    return {key: total / scored for key, (total, scored) in totals.items()}


def _value_means_by_round(thresholds: dict[int, int]) -> dict[int, dict[str, float]]:
    """round id -> {value key: mean} under each round's k (`thresholds`: round id -> k)."""
    sums = _statement_sums_by_round(set(thresholds))
    return {pk: value_means(sums.get(pk, []), k) for pk, k in thresholds.items()}


# The answers of a closed round never change: comparisons over every unit's latest round would
# otherwise add up millions of answers on each page view. The per-statement sums (which do not
# depend on k) are kept in the shared cache (Redis in production) for a month; a deleted round's
# entry is dropped (assessments.signals).
ROUND_MEANS_TIMEOUT = 30 * 24 * 3600


def round_means_key(round_id: int) -> str:
    return f"assessments:round-sums:v2:{round_id}"


def _closed_round_means(thresholds: dict[int, int]) -> dict[int, dict[str, float]]:
    """As _value_means_by_round, for closed rounds only: the sums from the cache where it has
    them, one grouped query for the rest. (A Redis that is down is the cache backend's
    business: toolkit/cache.py stands in for it.)"""
    keys = {round_means_key(pk): pk for pk in thresholds}
    sums = {keys[key]: value for key, value in cache.get_many(list(keys)).items()}
    missing = set(thresholds) - sums.keys()
    fresh = _statement_sums_by_round(missing)
    fresh.update({pk: [] for pk in missing - fresh.keys()})
    if fresh:
        cache.set_many(
            {round_means_key(pk): value for pk, value in fresh.items()}, ROUND_MEANS_TIMEOUT
        )
    sums.update(fresh)
    return {pk: value_means(sums.get(pk, []), k) for pk, k in thresholds.items()}


# What a closed round is compared with changes only when another round or a unit changes (a
# round closes, a unit moves to another area). Every such change draws a new generation token
# (assessments.signals), so comparisons made before it are never read again; the day's timeout
# bounds what a bulk change that sends no signal could leave behind.
COMPARISON_TIMEOUT = 24 * 3600
ROUNDS_GENERATION_KEY = "assessments:rounds-generation"


def rounds_changed() -> None:
    """Forget every cached comparison: a round or a unit has changed."""
    cache.set(ROUNDS_GENERATION_KEY, uuid.uuid4().hex, None)


def _comparison(*, round: AssessmentRound, threshold: int, own: dict[str, float]) -> dict:
    """The area and organisation value means this round is compared with (see the module's
    docstring), and how many units each covers."""
    comparable = _comparable_rounds(round=round, threshold=threshold)
    means = _closed_round_means(
        {row["pk"]: threshold_for(row["closed_threshold"], current=threshold) for row in comparable}
    )
    parent_id = round_area_id(round)
    # Only rounds with a value that k people scored contribute (and are counted as units).
    everyone = [row["pk"] for row in comparable if means.get(row["pk"])]
    area = [row["pk"] for row in comparable if parent_id and row["area_id"] == parent_id]
    area = [pk for pk in area if means.get(pk)]
    mine = 1 if own else 0

    def average(key: str, pks: list[int]) -> float | None:
        found = [means[pk][key] for pk in pks if key in means.get(pk, {})]
        if key in own:
            found.append(own[key])
        return _average(found)

    return {
        "area_units": len(area) + mine,
        "organisation_units": len(everyone) + mine,
        "area": {key: average(key, area) for key in ValueKey.values} if parent_id else {},
        "organisation": {key: average(key, everyone) for key in ValueKey.values},
    }


def _closed_round_comparison(*, round: AssessmentRound, threshold: int, own: dict) -> dict:
    generation = cache.get_or_set(ROUNDS_GENERATION_KEY, lambda: uuid.uuid4().hex, None)
    key = f"assessments:comparison:v2:{generation}:{threshold}:{round.pk}"
    comparison = cache.get(key)
    if comparison is None:
        comparison = _comparison(round=round, threshold=threshold, own=own)
        cache.set(key, comparison, COMPARISON_TIMEOUT)
    return comparison


def round_area_id(round: AssessmentRound) -> int | None:
    """The round's area: its unit's parent when it closed (today's parent while it is open)."""
    if round.status == AssessmentRound.Status.CLOSED:
        return round.parent_at_close_id
    return round.unit.parent_id


def _ref(r: AssessmentRound) -> RoundRef:
    return RoundRef(pk=r.pk, title=r.title, opens_on=r.opens_on, closes_on=r.closes_on)


def _latest_per_unit(rounds):
    """Each unit's latest round among `rounds` (by closing date), with its response count `n`."""
    return rounds.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("unit_id")],
            order_by=[F("closes_on").desc(), F("pk").desc()],
        ),
        n=_response_count_subquery(),
    ).filter(rank=1)


def _comparable_rounds(*, round: AssessmentRound, threshold: int) -> list[dict]:
    """Every other unit's latest closed round up to this round's closing, when it met its own k
    (`threshold` is today's k; each round is held to round_threshold's rule)."""
    ranked = _latest_per_unit(
        AssessmentRound.objects.filter(
            status=AssessmentRound.Status.CLOSED, closes_on__lte=round.closes_on
        ).exclude(unit_id=round.unit_id)
    ).values("pk", "unit_id", "n", "closed_threshold", area_id=F("parent_at_close_id"))
    return [
        row
        for row in ranked
        if row["n"] >= threshold_for(row["closed_threshold"], current=threshold)
    ]


def _previous_round(*, round: AssessmentRound) -> AssessmentRound | None:
    return (
        AssessmentRound.objects.filter(unit_id=round.unit_id, status=AssessmentRound.Status.CLOSED)
        .filter(Q(closes_on__lt=round.closes_on) | Q(closes_on=round.closes_on, pk__lt=round.pk))
        .annotate(n=_response_count_subquery())
        .order_by("-closes_on", "-pk")
        .first()
    )


def _average(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _statement_rows(round: AssessmentRound) -> dict[int, dict]:
    score_counts = {f"s{s}": Count("pk", filter=Q(score=s)) for s in SCORES}
    rows = (
        Answer.objects.filter(response__round=round)
        .order_by()
        .values("statement_id")
        .annotate(
            mean=Avg("score"),
            scored=Count("score"),
            cant_say=Count("pk", filter=Q(score__isnull=True)),
            **score_counts,
        )
    )
    return {row["statement_id"]: row for row in rows}


def _open_answers(round: AssessmentRound) -> tuple[dict[tuple[int, str], list[str]], dict]:
    """(value id, kind) -> texts in random order, without any date or id; and value id -> how
    many people wrote for the value (either kind)."""
    texts: dict[tuple[int, str], list[str]] = defaultdict(list)
    writers: dict[int, set] = defaultdict(set)
    rows = (
        OpenAnswer.objects.filter(response__round=round)
        .exclude(text="")
        .order_by("?")
        .values_list("value_id", "kind", "text", "response_id")
    )
    for value_id, kind, text, response_id in rows:
        texts[(value_id, kind)].append(text)
        writers[value_id].add(response_id)
    return texts, {value_id: len(people) for value_id, people in writers.items()}


def _split_means(
    round: AssessmentRound, statement_ids: set[int], threshold: int
) -> dict[tuple[str, int], float]:
    """(role, value id) -> mean over the shown statements, for the values where each of the
    two groups has at least k people who scored them (otherwise the value has no split)."""
    rows = (
        Answer.objects.filter(
            response__round=round, score__isnull=False, statement_id__in=statement_ids
        )
        .order_by()
        .values("response__respondent_role", "statement__value_id")
        .annotate(mean=Avg("score"), people=Count("response_id", distinct=True))
    )
    found = {(row["response__respondent_role"], row["statement__value_id"]): row for row in rows}
    split = {}
    for (role, value_id), row in found.items():
        other = RespondentRole.SUPERVISOR if role == RespondentRole.STAFF else RespondentRole.STAFF
        partner = found.get((other, value_id))
        if row["people"] >= threshold and partner and partner["people"] >= threshold:
            split[(role, value_id)] = float(row["mean"])
    return split


def _statement_result(statement, row: dict | None, threshold: int) -> StatementResult:
    if row is None or row["scored"] < threshold:
        return StatementResult(statement.text, None, 0, 0, (0, 0, 0, 0, 0), hidden=True)
    return StatementResult(
        text=statement.text,
        mean=float(row["mean"]) if row["mean"] is not None else None,
        scored=row["scored"],
        cant_say=row["cant_say"],
        distribution=tuple(row[f"s{s}"] for s in SCORES),
    )


def _suppressed_reason(threshold: int) -> str:
    return _("Fewer than %(k)s people answered, so results are not shown to protect anonymity.") % {
        "k": threshold
    }


def _nothing_scored_reason(threshold: int) -> str:
    return _(
        "Fewer than %(k)s people gave a score to any statement or wrote for any value, so "
        "results are not shown to protect anonymity."
    ) % {"k": threshold}


def round_results(*, round: AssessmentRound, viewer) -> RoundResults:
    """The results of a closed round as the viewer may see them (check can_view_results first).

    Below k responses, or where no statement has k people who scored it and no value k people
    who wrote for it, the result is marked suppressed and holds no figures and no free text.
    Otherwise each figure is there only where k people stand behind it (module docstring); k is
    the round's own (round_threshold: never below the k in force when it closed)."""
    current = current_threshold()
    threshold = round_threshold(round, current=current)
    counts = Response.objects.filter(round=round).aggregate(
        total=Count("pk"),
        staff=Count("pk", filter=Q(respondent_role=RespondentRole.STAFF)),
        supervisors=Count("pk", filter=Q(respondent_role=RespondentRole.SUPERVISOR)),
    )
    results = RoundResults(
        round=round,
        unit=round.unit,
        threshold=threshold,
        response_count=counts["total"],
        invited_count=Invitation.objects.filter(round=round).count(),
        suppressed=counts["total"] < threshold,
        viewer_manages_unit=toolkit_permissions.can_manage_unit(viewer, round.unit),
    )
    if results.suppressed:
        results.suppressed_reason = _suppressed_reason(threshold)
        return results
    statement_rows = _statement_rows(round)
    texts, writers = _open_answers(round)
    shown_ids = {pk for pk, row in statement_rows.items() if row["scored"] >= threshold}
    if not shown_ids and not any(n >= threshold for n in writers.values()):
        results.suppressed = True
        results.suppressed_reason = _nothing_scored_reason(threshold)
        return results

    previous = _previous_round(round=round)
    round_ids = {round.pk: threshold}
    if previous is not None:
        results.previous_round = _ref(previous)
        results.previous_suppressed = previous.n < round_threshold(previous, current=current)
        if not results.previous_suppressed:
            round_ids[previous.pk] = round_threshold(previous, current=current)
    closed = round.status == AssessmentRound.Status.CLOSED
    means = (_closed_round_means if closed else _value_means_by_round)(round_ids)
    own = means.get(round.pk, {})
    comparison = (_closed_round_comparison if closed else _comparison)(
        round=round, threshold=current, own=own
    )
    results.area_unit_count = comparison["area_units"]
    results.organisation_unit_count = comparison["organisation_units"]

    split = {}
    if counts["staff"] >= threshold and counts["supervisors"] >= threshold:
        split = _split_means(round, shown_ids, threshold)
    results.split_shown = bool(split)
    previous_means = (
        means.get(previous.pk, {}) if previous and not results.previous_suppressed else {}
    )
    values = FrameworkValue.objects.filter(version_id=round.framework_version_id).prefetch_related(
        "statements"
    )
    for value in values:
        mean = own.get(value.key)
        previous_mean = previous_means.get(value.key)
        statements = [
            _statement_result(s, statement_rows.get(s.pk), threshold)
            for s in value.statements.all()
        ]
        texts_hidden = writers.get(value.pk, 0) < threshold
        results.values.append(
            ValueResult(
                key=value.key,
                name=value.name,
                mean=mean,
                scored=sum(s.scored for s in statements),
                statements=statements,
                previous_mean=previous_mean,
                change=Change.between(mean, previous_mean),
                area_mean=comparison["area"].get(value.key),
                organisation_mean=comparison["organisation"].get(value.key),
                staff_mean=split.get((RespondentRole.STAFF, value.pk)),
                supervisor_mean=split.get((RespondentRole.SUPERVISOR, value.pk)),
                barriers=[] if texts_hidden else texts.get((value.pk, OpenAnswer.Kind.BARRIER), []),
                means=[] if texts_hidden else texts.get((value.pk, OpenAnswer.Kind.MEANS), []),
                texts_hidden=texts_hidden and writers.get(value.pk, 0) > 0,
            )
        )
    return results


def unit_trend(*, unit: Unit, viewer, until: AssessmentRound | None = None) -> UnitTrend:
    """Every closed round of the unit (up to `until`, if given) with its five value means.

    Rounds with fewer than their k responses (round_threshold), or without any value that k
    people scored, are kept as points marked suppressed, without means."""
    current = current_threshold()
    threshold = round_threshold(until, current=current) if until is not None else current
    rounds = AssessmentRound.objects.filter(unit=unit, status=AssessmentRound.Status.CLOSED)
    if until is not None:
        rounds = rounds.filter(
            Q(closes_on__lt=until.closes_on) | Q(closes_on=until.closes_on, pk__lte=until.pk)
        )
    rounds = list(rounds.annotate(n=_response_count_subquery()).order_by("closes_on", "pk"))
    own_k = {r.pk: round_threshold(r, current=current) for r in rounds}
    means = _closed_round_means({r.pk: own_k[r.pk] for r in rounds if r.n >= own_k[r.pk]})
    keys = [(key.value, str(key.label)) for key in ValueKey]
    points = []
    for r in rounds:
        shown = means.get(r.pk, {})
        points.append(
            TrendPoint(
                round=_ref(r),
                response_count=r.n,
                suppressed=not shown,
                means={k: shown.get(k) for k, _l in keys} if shown else {},
            )
        )
    return UnitTrend(unit=unit, threshold=threshold, value_keys=keys, points=points)


@dataclass(frozen=True)
class WeakestValues:
    """The lowest-scoring values of a unit's latest closed round that met the threshold."""

    round: AssessmentRound
    keys: list[str]
    means: dict[str, float]


def weakest_values(*, unit_ids: list[int], count: int = 2) -> dict[int, WeakestValues]:
    """unit id -> the `count` values with the lowest means in the unit's latest closed round,
    only where that round had at least k responses (no fallback to an older round). Three
    queries for any number of units; used to recommend courses."""
    current = current_threshold()
    latest = _latest_per_unit(
        AssessmentRound.objects.filter(unit_id__in=unit_ids, status=AssessmentRound.Status.CLOSED)
    )
    own_k = {r.pk: round_threshold(r, current=current) for r in latest}
    rounds = [r for r in latest if r.n >= own_k[r.pk]]
    means = _closed_round_means({r.pk: own_k[r.pk] for r in rounds})
    result = {}
    for r in rounds:
        ranked = sorted(means.get(r.pk, {}).items(), key=lambda item: (item[1], item[0]))
        if ranked:
            chosen = ranked[:count]
            result[r.unit_id] = WeakestValues(r, [k for k, _m in chosen], dict(chosen))
    return result
