"""Results of a closed assessment round, and a unit's trend over its rounds.

The anonymity rule holds here: where fewer than k people answered, the dataclasses
(selectors/result_types.py) carry no figure and no free text at all, so no template can show what
the selector never returned. The rules are applied in selectors/suppression.py.

All aggregation runs in the database (grouped queries with Avg and conditional Count, in
selectors/aggregates.py); Python only arranges the grouped rows. The number of queries does not
depend on the number of rounds, units or answers. The area and organisation averages are
computed (and cached) in selectors/comparison.py.

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

from dataclasses import dataclass

from django.db.models import Q

from toolkit import permissions as toolkit_permissions
from toolkit.models import Unit

from ..anonymity import current_threshold, round_threshold
from ..models import AssessmentRound, Invitation, RespondentRole, ValueKey
from ..models import Value as FrameworkValue
from . import aggregates, suppression
from .comparison import closed_round_comparison, comparison
from .result_types import (
    Change,
    RoundRef,
    RoundResults,
    TrendPoint,
    UnitTrend,
    ValueResult,
    WeakestValues,
)


@dataclass(frozen=True)
class _Figures:
    """What round_results gathered for the round, each already under the anonymity rule
    except the statement rows and texts, which _value_result passes through suppression."""

    threshold: int
    statement_rows: dict[int, dict]
    texts: dict
    writers: dict
    own: dict[str, float]
    previous: dict[str, float]
    comparison: dict
    split: dict


def round_results(*, round: AssessmentRound, viewer) -> RoundResults:
    """The results of a closed round as the viewer may see them (check can_view_results first).

    Below k responses, or where no statement has k people who scored it and no value k people
    who wrote for it, the result is marked suppressed and holds no figures and no free text.
    Otherwise each figure is there only where k people stand behind it (module docstring); k is
    the round's own (round_threshold: never below the k in force when it closed)."""
    current = current_threshold()
    threshold = round_threshold(round, current=current)
    counts = aggregates.response_counts(round)
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
        results.suppressed_reason = suppression.suppressed_reason(threshold)
        return results
    statement_rows = aggregates.statement_rows(round)
    texts, writers = aggregates.open_answers(round)
    shown_ids = {pk for pk, row in statement_rows.items() if row["scored"] >= threshold}
    if not shown_ids and not any(n >= threshold for n in writers.values()):
        results.suppressed = True
        results.suppressed_reason = suppression.nothing_scored_reason(threshold)
        return results
    own, previous = _own_and_previous_means(results, current)
    found = (closed_round_comparison if _closed(round) else comparison)(
        round=round, threshold=current, own=own
    )
    results.area_unit_count = found["area_units"]
    results.organisation_unit_count = found["organisation_units"]
    split = suppression.role_split(round, counts, shown_ids, threshold)
    results.split_shown = bool(split)
    figures = _Figures(threshold, statement_rows, texts, writers, own, previous, found, split)
    values = FrameworkValue.objects.filter(version_id=round.framework_version_id)
    results.values = [_value_result(v, figures) for v in values.prefetch_related("statements")]
    return results


def _closed(round: AssessmentRound) -> bool:
    return round.status == AssessmentRound.Status.CLOSED


def _own_and_previous_means(results: RoundResults, current: int) -> tuple[dict, dict]:
    """The round's value means and its previous closed round's (empty where that round is
    suppressed); notes the previous round on `results`."""
    round = results.round
    previous = aggregates.previous_round(round=round)
    round_ids = {round.pk: results.threshold}
    if previous is not None:
        results.previous_round = RoundRef.of(previous)
        previous_k = round_threshold(previous, current=current)
        results.previous_suppressed = previous.n < previous_k
        if not results.previous_suppressed:
            round_ids[previous.pk] = previous_k
    means_of = (
        suppression.closed_round_means if _closed(round) else suppression.value_means_by_round
    )
    means = means_of(round_ids)
    shown_previous = previous is not None and not results.previous_suppressed
    return means.get(round.pk, {}), (means.get(previous.pk, {}) if shown_previous else {})


def _value_result(value: FrameworkValue, f: _Figures) -> ValueResult:
    k = f.threshold
    statements = [
        suppression.figures(s.text, f.statement_rows.get(s.pk), k) for s in value.statements.all()
    ]
    barriers, means, texts_hidden = suppression.value_texts(f.texts, f.writers, value.pk, k)
    mean, previous_mean = f.own.get(value.key), f.previous.get(value.key)
    return ValueResult(
        key=value.key,
        name=value.name,
        mean=mean,
        scored=sum(s.scored for s in statements),
        statements=statements,
        previous_mean=previous_mean,
        change=Change.between(mean, previous_mean),
        area_mean=f.comparison["area"].get(value.key),
        organisation_mean=f.comparison["organisation"].get(value.key),
        staff_mean=f.split.get((RespondentRole.STAFF, value.pk)),
        supervisor_mean=f.split.get((RespondentRole.SUPERVISOR, value.pk)),
        barriers=barriers,
        means=means,
        texts_hidden=texts_hidden,
    )


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
    rounds = list(
        rounds.annotate(n=aggregates.response_count_subquery()).order_by("closes_on", "pk")
    )
    own_k = {r.pk: round_threshold(r, current=current) for r in rounds}
    means = suppression.closed_round_means(
        {r.pk: own_k[r.pk] for r in rounds if r.n >= own_k[r.pk]}
    )
    keys = [(key.value, str(key.label)) for key in ValueKey]
    points = []
    for r in rounds:
        shown = means.get(r.pk, {})
        points.append(
            TrendPoint(
                round=RoundRef.of(r),
                response_count=r.n,
                suppressed=not shown,
                means={k: shown.get(k) for k, _l in keys} if shown else {},
            )
        )
    return UnitTrend(unit=unit, threshold=threshold, value_keys=keys, points=points)


def weakest_values(*, unit_ids: list[int], count: int = 2) -> dict[int, WeakestValues]:
    """unit id -> the `count` values with the lowest means in the unit's latest closed round,
    only where that round had at least k responses (no fallback to an older round). Three
    queries for any number of units; used to recommend courses."""
    current = current_threshold()
    latest = aggregates.latest_per_unit(
        AssessmentRound.objects.filter(unit_id__in=unit_ids, status=AssessmentRound.Status.CLOSED)
    )
    own_k = {r.pk: round_threshold(r, current=current) for r in latest}
    rounds = [r for r in latest if r.n >= own_k[r.pk]]
    means = suppression.closed_round_means({r.pk: own_k[r.pk] for r in rounds})
    result = {}
    for r in rounds:
        ranked = sorted(means.get(r.pk, {}).items(), key=lambda item: (item[1], item[0]))
        if ranked:
            chosen = ranked[:count]
            result[r.unit_id] = WeakestValues(r, [k for k, _m in chosen], dict(chosen))
    return result
