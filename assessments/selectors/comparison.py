"""What a round is compared with: the area and organisation averages of the five values (the
definitions are in selectors/results.py), cached per generation of the rounds and the unit tree."""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db.models import F

from ..anonymity import threshold_for
from ..models import AssessmentRound, ValueKey
from .aggregates import latest_per_unit
from .suppression import closed_round_means

# What a closed round is compared with changes only when another round or a unit changes (a
# round closes, a unit moves to another area). Every such change draws a new generation token
# (assessments.signals), so comparisons made before it are never read again; the day's timeout
# bounds what a bulk change that sends no signal could leave behind.
COMPARISON_TIMEOUT = 24 * 3600
ROUNDS_GENERATION_KEY = "assessments:rounds-generation"


def rounds_changed() -> None:
    """Forget every cached comparison: a round or a unit has changed."""
    cache.set(ROUNDS_GENERATION_KEY, uuid.uuid4().hex, None)


def round_area_id(round: AssessmentRound) -> int | None:
    """The round's area: its unit's parent when it closed (today's parent while it is open)."""
    if round.status == AssessmentRound.Status.CLOSED:
        return round.parent_at_close_id
    return round.unit.parent_id


def _average(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _comparable_rounds(*, round: AssessmentRound, threshold: int) -> list[dict]:
    """Every other unit's latest closed round up to this round's closing, when it met its own k
    (`threshold` is today's k; each round is held to round_threshold's rule)."""
    ranked = latest_per_unit(
        AssessmentRound.objects.filter(
            status=AssessmentRound.Status.CLOSED, closes_on__lte=round.closes_on
        ).exclude(unit_id=round.unit_id)
    ).values("pk", "unit_id", "n", "closed_threshold", area_id=F("parent_at_close_id"))
    return [
        row
        for row in ranked
        if row["n"] >= threshold_for(row["closed_threshold"], current=threshold)
    ]


def comparison(*, round: AssessmentRound, threshold: int, own: dict[str, float]) -> dict:
    """The area and organisation value means this round is compared with (see the docstring of
    selectors/results.py), and how many units each covers."""
    comparable = _comparable_rounds(round=round, threshold=threshold)
    means = closed_round_means(
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


def closed_round_comparison(*, round: AssessmentRound, threshold: int, own: dict) -> dict:
    """As comparison, for a closed round: cached until a round or a unit changes."""
    generation = cache.get_or_set(ROUNDS_GENERATION_KEY, lambda: uuid.uuid4().hex, None)
    key = f"assessments:comparison:v2:{generation}:{threshold}:{round.pk}"
    found = cache.get(key)
    if found is None:
        found = comparison(round=round, threshold=threshold, own=own)
        cache.set(key, found, COMPARISON_TIMEOUT)
    return found
