"""The demo unit's client answers: a few dozen a month from its first demo round to yesterday,
so that its page shows the clients' view beside its own. The clients see the unit a little
differently from its staff: they feel least included in decisions about themselves (the
source texts' finding), and rate empathy higher than the team does."""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from assessments.demo.rounds import DEMO_ROUNDS
from toolkit.demo import DEMO_UNIT_CODE
from toolkit.models import Unit
from toolkit.values import ValueKey

from .models import ClientAnswer, ClientScore
from .services.answering import current_version
from .services.rollup import rollup_refresh

# The clients' mean per value in the first demo month; it rises a little each month. The demo
# team rates client-centredness 3.8 and empathy 4.1 (assessments/demo/rounds.py).
CLIENT_MEANS = {
    ValueKey.DIGNITY: 3.9,
    ValueKey.CLIENT_CENTREDNESS: 2.8,
    ValueKey.EQUALITY: 3.6,
    ValueKey.TRUST: 3.2,
    ValueKey.EMPATHY: 4.2,
}
MONTHLY_RISE = 0.005
CANT_SAY_SHARE = 0.08
NO_RECOMMEND_SHARE = 0.1
RECOMMEND_MEAN = 8.4
ANSWERS_A_MONTH = (30, 60)


def _months(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _days_of(month: datetime.date, last: datetime.date) -> list[datetime.date]:
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    end = min(following - datetime.timedelta(days=1), last)
    return [month + datetime.timedelta(days=n) for n in range((end - month).days + 1)]


def _score(rng: random.Random, mean: float) -> int | None:
    if rng.random() < CANT_SAY_SHARE:
        return None
    return min(5, max(1, round(rng.gauss(mean, 0.9))))


def _recommend(rng: random.Random) -> int | None:
    if rng.random() < NO_RECOMMEND_SHARE:
        return None
    return min(10, max(0, round(rng.gauss(RECOMMEND_MEAN, 1.5))))


def seed_demo_client_answers(*, today: datetime.date | None = None) -> int:
    """Client answers of the demo unit for every month from its first demo round to yesterday,
    written as unsealed rows (as the nightly unsealing leaves them), then the monthly sums.
    Nothing is added when the unit has client answers already. Returns the answers made."""
    unit = Unit.objects.filter(code=DEMO_UNIT_CODE).first()
    version = current_version()
    if unit is None or version is None or ClientAnswer.objects.filter(unit=unit).exists():
        return 0
    rng = random.Random("arvokas-demo-clients")
    yesterday = (today or timezone.localdate()) - datetime.timedelta(days=1)
    answers, scores = [], []
    for index, month in enumerate(_months(DEMO_ROUNDS[0][1], yesterday)):
        days = _days_of(month, yesterday)
        count = rng.randint(*ANSWERS_A_MONTH)
        if len(days) < 20:  # the month under way: its share of a month's answers so far
            count = count * len(days) // 30
        for _n in range(count):
            answer = ClientAnswer(
                unit=unit, day=rng.choice(days), version=version, recommend=_recommend(rng)
            )
            answers.append(answer)
            for key, mean in CLIENT_MEANS.items():
                score = _score(rng, mean + MONTHLY_RISE * index)
                scores.append(ClientScore(answer=answer, value_key=key, score=score))
    rng.shuffle(answers)  # as the unsealing leaves them: no order of arrival
    with transaction.atomic():
        ClientAnswer.objects.bulk_create(answers, batch_size=2000)
        ClientScore.objects.bulk_create(scores, batch_size=2000)
        rollup_refresh({(unit.pk, answer.day) for answer in answers})
    return len(answers)
