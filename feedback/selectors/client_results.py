"""What a unit's clients said, for a period, under the anonymity rule.

A period is made of whole calendar months (a round from 10.3. to 24.3. reads March). A figure
is shown only when at least k clients gave it in the period, and in each month of the period
either none or at least k did: then no two figures shown for nested or overlapping periods
differ by fewer than k people (the month a small difference would expose is itself hidden).
Every figure comes from the ClientMonth rows, one query for any number of units."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from toolkit.values import ValueKey

from ..models import ClientMonth

SCORES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class ValueFigure:
    """One value's client figures; mean and distribution are None when hidden."""

    key: str
    scored: int
    cant_say: int
    mean: float | None
    distribution: dict[int, int] | None

    @property
    def shown(self) -> bool:
        return self.mean is not None


@dataclass(frozen=True)
class RecommendFigure:
    """The 0–10 question: the share who would recommend (9–10), the mean, and NPS (the share of
    9–10 minus that of 0–6, in points); all None when hidden."""

    given: int
    share_recommend: float | None
    mean: float | None
    nps: float | None

    @property
    def shown(self) -> bool:
        return self.mean is not None


@dataclass(frozen=True)
class ClientFigures:
    """A unit's client view of one period."""

    start: datetime.date
    end: datetime.date
    answers: int
    threshold: int
    values: dict[str, ValueFigure] = field(default_factory=dict)
    recommend: RecommendFigure | None = None

    @property
    def any_shown(self) -> bool:
        return any(f.shown for f in self.values.values()) or bool(
            self.recommend and self.recommend.shown
        )


def period_months(start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first day of start's month and the last day of end's month."""
    first = start.replace(day=1)
    following = (end.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def _shown(per_month: list[int], threshold: int) -> bool:
    return sum(per_month) >= threshold and all(n == 0 or n >= threshold for n in per_month)


def client_figures(
    unit_ids: list[int], start: datetime.date, end: datetime.date, *, threshold: int
) -> dict[int, ClientFigures]:
    """The client figures of each unit for the months from start to end (see the module)."""
    first, last = period_months(start, end)
    rows = ClientMonth.objects.filter(
        unit_id__in=unit_ids, month__gte=first, month__lte=last
    ).values_list(*_FIELDS)
    grouped: dict[int, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for unit_id, _month, key, *numbers in rows:
        grouped[unit_id][key].append(numbers)
    return {
        unit_id: _unit_figures(grouped.get(unit_id, {}), first, last, threshold)
        for unit_id in unit_ids
    }


_FIELDS = (
    "unit_id", "month", "value_key", "answers", "scored", "score_sum", "count_1", "count_2",
    "count_3", "count_4", "count_5", "promoters", "detractors",
)  # fmt: skip


@dataclass(frozen=True)
class Period:
    """A unit's own period and k (as the months of its latest round, under that round's k)."""

    start: datetime.date
    end: datetime.date
    threshold: int


def client_figures_by_period(periods: dict[int, Period]) -> dict[int, ClientFigures]:
    """As client_figures, each unit with its own period and k, in one query (units that share
    their months share a condition, so the query grows only with the distinct periods)."""
    months = {pk: period_months(p.start, p.end) for pk, p in periods.items()}
    by_months: dict[tuple, list[int]] = defaultdict(list)
    for pk, (first, last) in months.items():
        by_months[(first, last)].append(pk)
    if not by_months:
        return {}
    condition = Q()
    for (first, last), unit_ids in by_months.items():
        condition |= Q(unit_id__in=unit_ids, month__gte=first, month__lte=last)
    grouped: dict[int, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for unit_id, month, key, *numbers in ClientMonth.objects.filter(condition).values_list(
        *_FIELDS
    ):
        first, last = months[unit_id]
        if first <= month <= last:
            grouped[unit_id][key].append(numbers)
    return {
        pk: _unit_figures(grouped.get(pk, {}), *months[pk], periods[pk].threshold) for pk in periods
    }


def _unit_figures(by_key: dict, first, last, threshold: int) -> ClientFigures:
    recommend_rows = by_key.get(ClientMonth.RECOMMEND, [])
    values = {}
    for key in ValueKey.values:
        months = by_key.get(key, [])
        scored = sum(m[1] for m in months)
        cant_say = sum(m[0] - m[1] for m in months)
        if _shown([m[1] for m in months], threshold):
            distribution = {s: sum(m[2 + s] for m in months) for s in SCORES}
            mean = sum(m[2] for m in months) / scored
        else:
            distribution = mean = None
        values[key] = ValueFigure(key, scored, cant_say, mean, distribution)
    given = sum(m[1] for m in recommend_rows)
    if _shown([m[1] for m in recommend_rows], threshold):
        promoters = sum(m[8] for m in recommend_rows)
        detractors = sum(m[9] for m in recommend_rows)
        recommend = RecommendFigure(
            given,
            share_recommend=100 * promoters / given,
            mean=sum(m[2] for m in recommend_rows) / given,
            nps=100 * (promoters - detractors) / given,
        )
    else:
        recommend = RecommendFigure(given, None, None, None)
    return ClientFigures(
        start=first,
        end=last,
        answers=sum(m[0] for m in recommend_rows),
        threshold=threshold,
        values=values,
        recommend=recommend,
    )
