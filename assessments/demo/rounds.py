"""The demo rounds: spring 2025 and 2026, closed, in every demo team, with anonymous answers
that improve a little between the rounds; one small team stays under the anonymity threshold."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction

from toolkit.demo import DEMO_UNIT_CODE, DEMO_UNITS
from toolkit.models import Unit

from ..anonymity import current_threshold
from ..models import AnonymitySettings, AssessmentRound, FrameworkVersion, ValueKey
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

# (title, opens on, closes on): the demo rounds, both long closed.
DEMO_ROUNDS = (
    ("Kevät 2025", datetime.date(2025, 3, 3), datetime.date(2025, 3, 21)),
    ("Kevät 2026", datetime.date(2026, 3, 2), datetime.date(2026, 3, 20)),
)
# This unit's team is small and few answered: its results page explains the anonymity rule.
SMALL_DEMO_UNIT = "TER-SUU"


def _demo_answer_count(code: str, members: int, round_index: int, rng: random.Random) -> int:
    if code == SMALL_DEMO_UNIT:
        return 3 + (round_index == 0)  # 4, then 3: under the default threshold of 5
    return min(members, max(6, round(members * rng.uniform(0.6, 0.9))))


def seed_demo_rounds() -> int:
    """Closed rounds of spring 2025 and 2026 in every demo team, with anonymous answers that
    improve a little between the rounds; one small team stays under the anonymity threshold.
    No open round is made (the demo unit's supervisor opens one). Returns the rounds made."""
    version = seed_demo_framework()
    framework = DemoFramework.of(version)
    codes = [code for code, *_names, _parent in DEMO_UNITS if "-" in code]
    units = dict(Unit.objects.filter(code__in=codes).values_list("code", "pk"))
    members = members_by_unit(units.values())
    have = set(
        AssessmentRound.objects.filter(unit_id__in=units.values()).values_list("unit_id", "title")
    )
    batch, made_ids = Batch.empty(), []
    with transaction.atomic():
        if not AnonymitySettings.objects.exists():
            AnonymitySettings.objects.create(threshold=5)
        k = current_threshold()
        for code in (code for code in codes if code in units):
            unit = _DemoUnit(code, units[code], members[units[code]])
            made_ids += _seed_unit(batch, unit, version, framework, have=have, threshold=k)
        batch.save()
        rounds_record_parent(round_ids=made_ids)
    return len(made_ids)


@dataclass(frozen=True)
class _DemoUnit:
    code: str
    pk: int
    members: list[tuple[int, str]]  # (user id, role)


def _seed_unit(
    batch: Batch,
    unit: _DemoUnit,
    version: FrameworkVersion,
    framework: DemoFramework,
    *,
    have: set,
    threshold: int,
) -> list[int]:
    """The demo rounds the unit does not have yet, answered into `batch`; their ids."""
    rng = random.Random(f"arvokas-demo-{unit.code}")
    supervisor = supervisor_of(unit.members)
    made = []
    rounds = zip(DEMO_ROUNDS, _demo_profiles(unit.code, rng), strict=True)
    for index, ((title, opens_on, closes_on), means) in enumerate(rounds):
        if (unit.pk, title) in have:
            continue
        round = closed_round(
            unit.pk, version, title, opens_on, closes_on, supervisor, threshold=threshold
        )
        round.save()
        made.append(round.pk)
        fill_round(
            batch,
            rng,
            round=round,
            framework=framework,
            members=unit.members,
            answered=_demo_answer_count(unit.code, len(unit.members), index, rng),
            means=means,
            text_share=0.3,
        )
    return made


def _demo_profiles(code: str, rng: random.Random) -> list[dict[str, float]]:
    """The mean score per value in each demo round. The demo unit's weakest value is trust (so
    the trust-building courses are offered); it rises after the team's actions."""
    if code == DEMO_UNIT_CODE:
        first = dict(zip(ValueKey.values, (3.9, 3.6, 3.4, 2.7, 4.1), strict=True))
        second = dict(zip(ValueKey.values, (4.0, 3.8, 3.5, 3.0, 4.1), strict=True))
        return [first, second]
    profiles = [unit_profile(rng)]
    while len(profiles) < len(DEMO_ROUNDS):
        profiles.append(
            {key: min(4.6, m + rng.uniform(-0.15, 0.45)) for key, m in profiles[-1].items()}
        )
    return profiles
