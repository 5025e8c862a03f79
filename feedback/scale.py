"""County-scale client answers for `seed_scale --client-answers-per-year` (feedback.seeding):
years of unsealed answers and their scores spread over the units and the days, written in bulk
(COPY on PostgreSQL, bulk_create elsewhere), then the monthly sums rebuilt."""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Iterable, Iterator

from django.db import connection, transaction
from django.utils import timezone

from toolkit.models import Unit
from toolkit.values import ValueKey

from .models import ClientAnswer, ClientScore
from .services.rollup import rollup_refresh

CANT_SAY_SHARE = 0.07  # answers "can't say" to a value
SKIPPED_SHARE = 0.03  # leave a value's question unanswered
NO_RECOMMEND_SHARE = 0.12  # leave the 0–10 question unanswered


def seed_scale_client_answers(
    units: Iterable[Unit],
    *,
    per_year: int,
    years: int = 3,
    today: datetime.date | None = None,
    chunk: int = 20_000,
) -> int:
    """About `per_year` answers a year over these units (some busier than others) on the days
    of the `years` years before today, for units that have none yet (idempotent). Returns the
    answers made."""
    if per_year <= 0 or years <= 0:
        return 0
    from assessments.demo import seed_demo_framework

    from .services.answering import current_version
    from .services.links import links_ensure

    seed_demo_framework()
    links_ensure()  # the public links, as the units' pages and the client rush use them
    version = current_version()
    unit_ids = [unit.pk for unit in units]
    have = set(
        ClientAnswer.objects.filter(unit_id__in=unit_ids)
        .values_list("unit_id", flat=True)
        .distinct()
    )
    rng = random.Random(f"arvokas-clients-{per_year}-{years}")
    # Busier and quieter units: the same total, shared by weight.
    weights = {unit_id: rng.uniform(0.4, 1.6) for unit_id in unit_ids}
    total_weight = sum(weights.values()) or 1.0
    last_day = (today or timezone.localdate()) - datetime.timedelta(days=1)
    days = years * 365
    made = 0
    rows: list[tuple] = []
    for unit_id in unit_ids:
        count = round(per_year * years * weights[unit_id] / total_weight)
        if unit_id in have or count <= 0:
            continue
        means = {key: rng.uniform(2.6, 4.6) for key in ValueKey.values}
        for _ in range(count):
            day = last_day - datetime.timedelta(days=rng.randrange(days))
            rows.append((unit_id, day, means))
            if len(rows) >= chunk:
                made += _write(rows, version.pk, rng)
                rows = []
    if rows:
        made += _write(rows, version.pk, rng)
    if made:
        rollup_refresh(None)
    return made


def _answers(
    rows: list[tuple], version_id: int, rng: random.Random
) -> Iterator[tuple[tuple, list[tuple]]]:
    """(answer row, its score rows) for each planned (unit, day, value means)."""
    for unit_id, day, means in rows:
        answer_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        mean = sum(means.values()) / len(means)
        recommend = (
            None
            if rng.random() < NO_RECOMMEND_SHARE
            else min(10, max(0, round(rng.gauss(mean * 2.2 - 1, 2))))
        )
        scores = []
        for key, value_mean in means.items():
            draw = rng.random()
            if draw < SKIPPED_SHARE:
                continue
            score = (
                None
                if draw < SKIPPED_SHARE + CANT_SAY_SHARE
                else min(5, max(1, round(rng.gauss(value_mean, 0.9))))
            )
            scores.append((uuid.UUID(int=rng.getrandbits(128), version=4), answer_id, key, score))
        yield (answer_id, unit_id, day, version_id, recommend), scores


def _write(rows: list[tuple], version_id: int, rng: random.Random) -> int:
    """One chunk of answers and scores, in one transaction."""
    answers, scores = [], []
    for answer, its_scores in _answers(rows, version_id, rng):
        answers.append(answer)
        scores.extend(its_scores)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            _copy(ClientAnswer, ["id", "unit_id", "day", "version_id", "recommend"], answers)
            _copy(ClientScore, ["id", "answer_id", "value_key", "score"], scores)
        else:
            ClientAnswer.objects.bulk_create(
                [
                    ClientAnswer(id=i, unit_id=u, day=d, version_id=v, recommend=r)
                    for i, u, d, v, r in answers
                ],
                batch_size=2000,
            )
            ClientScore.objects.bulk_create(
                [ClientScore(id=i, answer_id=a, value_key=k, score=s) for i, a, k, s in scores],
                batch_size=2000,
            )
    return len(answers)


def _copy(model, columns: list[str], rows: list[tuple]) -> None:
    """COPY rows into the model's table: on PostgreSQL several times faster than INSERTs."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    connection.ensure_connection()
    with (
        connection.connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
