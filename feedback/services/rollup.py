"""ClientMonth rows rebuilt from the client answers of the given units and months."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from ..models import ClientAnswer, ClientMonth, ClientScore


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def rollup_refresh(unit_months: Iterable[tuple[int, datetime.date]] | None = None) -> int:
    """Recompute the ClientMonth rows of these (unit id, first day of month) pairs; every pair
    when None (after a bulk load). Idempotent. Returns the number of rows written."""
    pairs = None if unit_months is None else {(u, month_of(m)) for u, m in unit_months}
    if pairs is not None and not pairs:
        return 0
    unit_ids = None if pairs is None else {u for u, _m in pairs}
    months = None if pairs is None else {m for _u, m in pairs}
    answers = ClientAnswer.objects.all()
    scores = ClientScore.objects.all()
    if pairs is not None:
        answers = answers.filter(unit_id__in=unit_ids, day__gte=min(months))
        scores = scores.filter(answer__unit_id__in=unit_ids, answer__day__gte=min(months))
    rows: dict[tuple[int, datetime.date, str], ClientMonth] = {}
    score_rows = (
        scores.annotate(month=TruncMonth("answer__day"))
        .values("answer__unit_id", "month", "value_key")
        .annotate(
            answers=Count("pk"),
            scored=Count("score"),
            score_sum=Sum("score", default=0),
            **{f"count_{n}": Count("pk", filter=Q(score=n)) for n in range(1, 6)},
        )
    )
    for row in score_rows:
        key = (row.pop("answer__unit_id"), _date(row.pop("month")), row.pop("value_key"))
        rows[key] = ClientMonth(unit_id=key[0], month=key[1], value_key=key[2], **row)
    recommend_rows = (
        answers.annotate(month=TruncMonth("day"))
        .values("unit_id", "month")
        .annotate(
            answers=Count("pk"),
            scored=Count("recommend"),
            score_sum=Sum("recommend", default=0),
            promoters=Count("pk", filter=Q(recommend__gte=9)),
            detractors=Count("pk", filter=Q(recommend__lte=6)),
        )
    )
    for row in recommend_rows:
        key = (row.pop("unit_id"), _date(row.pop("month")), ClientMonth.RECOMMEND)
        rows[key] = ClientMonth(unit_id=key[0], month=key[1], value_key=key[2], **row)
    if pairs is not None:
        # The units × months rectangle, as deleted below.
        rows = {key: row for key, row in rows.items() if key[1] in months}
    with transaction.atomic():
        stale = ClientMonth.objects.all()
        if pairs is not None:
            stale = stale.filter(unit_id__in=unit_ids, month__in=months)
        stale.delete()
        ClientMonth.objects.bulk_create(rows.values(), batch_size=2000)
    return len(rows)


def _date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value
