"""County-scale benchmark data: years of closed rounds for every unit of a large organisation,
about a fixed number of anonymous responses each, written in bulk a hundred units at a time."""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from toolkit.models import Unit

from ..anonymity import current_threshold
from ..models import AssessmentRound, FrameworkVersion
from ..selectors.comparison import rounds_changed
from ..services.rounds import rounds_record_parent
from .answers import (
    Batch,
    DemoFramework,
    closed_round,
    fill_round,
    members_by_unit,
    supervisor_of,
    unit_profile,
)
from .framework import seed_demo_framework


def scale_round_dates(
    *, years: int, rounds_per_year: int, today: datetime.date
) -> list[tuple[str, datetime.date, datetime.date]]:
    """(title, opens on, closes on) of `years` × `rounds_per_year` rounds, all closed before
    today: spread evenly over each year, the latest in the last year that has them all past."""
    months = [1 + (12 * k + 2) // rounds_per_year for k in range(rounds_per_year)]
    last_year = today.year if datetime.date(today.year, months[-1], 20) < today else today.year - 1
    dates = []
    for year in range(last_year - years + 1, last_year + 1):
        for k, month in enumerate(months):
            closes_on = datetime.date(year, month, 20)
            title = f"{year}/{k + 1}" if rounds_per_year > 1 else str(year)
            dates.append((title, closes_on - datetime.timedelta(days=18), closes_on))
    return dates


def seed_scale_rounds(
    units: Iterable[Unit],
    *,
    years: int = 3,
    rounds_per_year: int = 1,
    answers_per_round: int = 10,
    today: datetime.date | None = None,
) -> int:
    """Closed rounds for every unit over `years` past years, each with about
    `answers_per_round` anonymous responses, written in bulk. Returns the responses made."""
    if years <= 0 or rounds_per_year <= 0:
        return 0
    version = seed_demo_framework()
    framework = DemoFramework.of(version)
    dates = scale_round_dates(
        years=years, rounds_per_year=rounds_per_year, today=today or timezone.localdate()
    )
    unit_ids = [unit.pk for unit in units]
    made = 0
    for start in range(0, len(unit_ids), 100):
        with transaction.atomic():
            made += _scale_chunk(
                unit_ids[start : start + 100], version, framework, dates, answers_per_round
            )
    return made


def _scale_chunk(
    unit_ids: list[int],
    version: FrameworkVersion,
    framework: DemoFramework,
    dates: list[tuple[str, datetime.date, datetime.date]],
    answers_per_round: int,
) -> int:
    """Rounds and answers of up to a hundred units, in one transaction."""
    members = members_by_unit(unit_ids)
    have = set(AssessmentRound.objects.filter(unit_id__in=unit_ids).values_list("unit_id", "title"))
    k = current_threshold()
    rounds, plans = [], []
    for unit_id in unit_ids:
        rng = random.Random(f"arvokas-scale-{unit_id}")
        means = unit_profile(rng)
        supervisor = supervisor_of(members[unit_id])
        for title, opens_on, closes_on in dates:
            means = {
                key: min(4.6, max(1.8, m + rng.uniform(-0.3, 0.35))) for key, m in means.items()
            }
            if (unit_id, title) in have:
                continue
            rounds.append(
                closed_round(unit_id, version, title, opens_on, closes_on, supervisor, threshold=k)
            )
            plans.append((unit_id, dict(means), rng.random()))
    AssessmentRound.objects.bulk_create(rounds, batch_size=1000)
    batch = Batch.empty()
    for round, (unit_id, means, seed) in zip(rounds, plans, strict=True):
        fill_round(
            batch,
            random.Random(seed),
            round=round,
            framework=framework,
            members=members[unit_id],
            answered=answers_per_round,
            means=means,
            text_share=0.04,
        )
    batch.save(batch_size=5000)
    rounds_record_parent(round_ids=[r.pk for r in rounds])
    rounds_changed()  # bulk_create sends no signal: retire cached comparisons here
    return len(batch.responses)
