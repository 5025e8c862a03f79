"""The anonymity rules applied to aggregated figures: what may be shown where fewer than k people
stand behind it. The figures come from selectors/aggregates.py; the rules are given in
selectors/results.py (a round), selectors/combined.py (a pool) and docs/anonymity.md.

Nothing below k leaves these functions: a hidden statement has no figure, a value's mean leaves
out its hidden statements, a role split needs k people in each group, written answers need k
people who wrote for the value."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from ..anonymity import round_threshold
from ..models import AssessmentRound, OpenAnswer, RespondentRole
from . import aggregates
from .aggregates import StatementSums
from .result_types import SCORES, StatementResult


def value_means(sums: StatementSums, threshold: int) -> dict[str, float]:
    """{value key: mean} over the statements that at least `threshold` people scored; a value
    with no such statement is left out (see selectors/results.py)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, total, scored in sums:
        if scored >= threshold:
            totals[key][0] += total
            totals[key][1] += scored
    return {key: total / scored for key, (total, scored) in totals.items()}


def value_means_by_round(thresholds: dict[int, int]) -> dict[int, dict[str, float]]:
    """round id -> {value key: mean} under each round's k (`thresholds`: round id -> k)."""
    sums = aggregates.statement_sums_by_round(set(thresholds))
    return {pk: value_means(sums.get(pk, []), k) for pk, k in thresholds.items()}


def closed_round_means(thresholds: dict[int, int]) -> dict[int, dict[str, float]]:
    """As value_means_by_round, for closed rounds only: their sums are cached."""
    sums = aggregates.closed_round_sums(set(thresholds))
    return {pk: value_means(sums.get(pk, []), k) for pk, k in thresholds.items()}


def figures(text: str, row: dict | None, threshold: int, *, people: str = "scored"):
    """A statement's (or a whole value's) figures, hidden where fewer than k people scored it;
    `people` names the row's count of them."""
    if row is None or row[people] < threshold:
        return StatementResult.hidden_row(text)
    return StatementResult(
        text=text,
        mean=float(row["mean"]) if row["mean"] is not None else None,
        scored=row["scored"],
        cant_say=row["cant_say"],
        distribution=tuple(row[f"s{s}"] for s in SCORES),
    )


def shown_sum(text: str, parts: list[StatementResult]) -> StatementResult:
    """A value's figures made of its shown statements only (a hidden statement is left out:
    the value minus the shown statements would give it)."""
    shown = [p for p in parts if not p.hidden]
    if not shown:
        return StatementResult.hidden_row(text)
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


def value_texts(texts: dict, writers: dict, key, threshold: int) -> tuple[list, list, bool]:
    """(barriers, means, texts_hidden) of one value: its written answers only where at least k
    people wrote for it (either kind); `texts_hidden` says someone wrote but fewer than k."""
    count = writers.get(key, 0)
    if count < threshold:
        return [], [], count > 0
    return (
        texts.get((key, OpenAnswer.Kind.BARRIER), []),
        texts.get((key, OpenAnswer.Kind.MEANS), []),
        False,
    )


def role_split(
    round: AssessmentRound, counts: dict, statement_ids: set[int], threshold: int
) -> dict[tuple[str, int], float]:
    """(role, value id) -> mean over the shown statements, only where both groups answered with
    at least k people and, value by value, each group has at least k people who scored them
    (the total minus one group would give the other)."""
    if counts["staff"] < threshold or counts["supervisors"] < threshold:
        return {}
    found = aggregates.role_rows(round, statement_ids)
    split = {}
    for (role, value_id), row in found.items():
        other = RespondentRole.SUPERVISOR if role == RespondentRole.STAFF else RespondentRole.STAFF
        partner = found.get((other, value_id))
        if row["people"] >= threshold and partner and partner["people"] >= threshold:
            split[(role, value_id)] = float(row["mean"])
    return split


def suppressed_reason(threshold: int) -> str:
    return _("Fewer than %(k)s people answered, so results are not shown to protect anonymity.") % {
        "k": threshold
    }


def nothing_scored_reason(threshold: int) -> str:
    return _(
        "Fewer than %(k)s people gave a score to any statement or wrote for any value, so "
        "results are not shown to protect anonymity."
    ) % {"k": threshold}


# --- Pools (selectors/combined.py) -------------------------------------------------------------


def pooled_rounds(rounds: list, pool, current: int) -> tuple[list, bool]:
    """The rounds to pool, and whether the differencing guard forbids showing them.

    Not shown before (`pool` None): every round under k. Shown before: exactly the rounds shown
    then; if one of them is gone or is now shown on its own page, the pool minus that page would
    give the others, so the guard suppresses the pool."""
    if pool is None:
        return [r for r in rounds if r.n < round_threshold(r, current=current)], False
    fixed = set(pool.round_ids)
    pooled = [r for r in rounds if r.pk in fixed]
    changed = len(pooled) != len(fixed) or any(
        r.n >= round_threshold(r, current=current) for r in pooled
    )
    return pooled, changed


def pool_threshold(pooled: list, pool, current: int) -> int:
    """Each round is held to its own k (round_threshold), the pool to the highest of them; a pool
    keeps the k it was first shown under as its floor: lowering k reveals no more."""
    return max(
        [
            current,
            pool.threshold if pool else 0,
            *(round_threshold(r, current=current) for r in pooled),
        ]
    )


def pool_suppressed_reason(*, k: int, total: int, settled: bool, changed: bool) -> str:
    """Why a pool is not shown: the year is not over, the guard, too few answers or units."""
    if not settled:
        return _(
            "This year has not ended yet. A year's combined result is shown once it has ended, "
            "so that it never changes after anyone has seen it."
        )
    if changed:
        return _(
            "Some of the rounds pooled when this result was first shown can now be seen on "
            "their own or are gone. Showing the pool again would let anyone compute the other "
            "rounds by difference, so no combined results are shown."
        )
    if total < k:
        return _(
            "Fewer than %(k)s people answered the pooled rounds altogether, so no combined "
            "results are shown to protect anonymity."
        ) % {"k": k}
    return _(
        "The pooled rounds come from fewer than two units, so they would show one "
        "unit's hidden result. No combined results are shown."
    )
