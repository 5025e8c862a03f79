"""The grouped queries behind the results pages: counts, sums, means and distributions, computed
in the database. They return raw figures with the number of people behind each; which of them
may be shown is decided in selectors/suppression.py, never here.

The number of queries does not depend on the number of rounds, units or answers."""

from __future__ import annotations

from collections import defaultdict

from django.core.cache import cache
from django.db.models import Avg, Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models import Value as V
from django.db.models.expressions import Window
from django.db.models.functions import Coalesce, RowNumber

from ..models import Answer, AssessmentRound, OpenAnswer, RespondentRole, Response
from .result_types import SCORES

StatementSums = list[tuple[str, int, int]]  # (value key, sum of scores, people who scored)


def response_count_subquery() -> Coalesce:
    """A round's number of responses, to annotate a round queryset with."""
    counts = (
        Response.objects.filter(round=OuterRef("pk"))
        .order_by()
        .values("round")
        .annotate(c=Count("pk"))
        .values("c")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), V(0))


def response_counts(round: AssessmentRound) -> dict[str, int]:
    """How many answered the round: in all, as staff and as supervisors."""
    return Response.objects.filter(round=round).aggregate(
        total=Count("pk"),
        staff=Count("pk", filter=Q(respondent_role=RespondentRole.STAFF)),
        supervisors=Count("pk", filter=Q(respondent_role=RespondentRole.SUPERVISOR)),
    )


def statement_sums_by_round(round_ids: set[int]) -> dict[int, StatementSums]:
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


# The answers of a closed round never change: comparisons over every unit's latest round would
# otherwise add up millions of answers on each page view. The per-statement sums (which do not
# depend on k) are kept in the shared cache (Redis in production) for a month; a deleted round's
# entry is dropped (assessments.signals).
ROUND_MEANS_TIMEOUT = 30 * 24 * 3600


def round_means_key(round_id: int) -> str:
    return f"assessments:round-sums:v2:{round_id}"


def closed_round_sums(round_ids: set[int]) -> dict[int, StatementSums]:
    """As statement_sums_by_round, for closed rounds only: the sums from the cache where it has
    them, one grouped query for the rest. (A Redis that is down is the cache backend's
    business: toolkit/cache.py stands in for it.)"""
    keys = {round_means_key(pk): pk for pk in round_ids}
    sums = {keys[key]: value for key, value in cache.get_many(list(keys)).items()}
    missing = set(round_ids) - sums.keys()
    fresh = statement_sums_by_round(missing)
    fresh.update({pk: [] for pk in missing - fresh.keys()})
    if fresh:
        cache.set_many(
            {round_means_key(pk): value for pk, value in fresh.items()}, ROUND_MEANS_TIMEOUT
        )
    sums.update(fresh)
    return sums


def statement_rows(round: AssessmentRound) -> dict[int, dict]:
    """statement id -> mean, scorers, "can't say" and the count of each score (s1 … s5)."""
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


def open_answers(round: AssessmentRound) -> tuple[dict[tuple[int, str], list[str]], dict]:
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


def role_rows(round: AssessmentRound, statement_ids: set[int]) -> dict[tuple[str, int], dict]:
    """(role, value id) -> mean over the given statements and how many people scored them."""
    rows = (
        Answer.objects.filter(
            response__round=round, score__isnull=False, statement_id__in=statement_ids
        )
        .order_by()
        .values("response__respondent_role", "statement__value_id")
        .annotate(mean=Avg("score"), people=Count("response_id", distinct=True))
    )
    return {(row["response__respondent_role"], row["statement__value_id"]): row for row in rows}


def latest_per_unit(rounds):
    """Each unit's latest round among `rounds` (by closing date), with its response count `n`."""
    return rounds.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("unit_id")],
            order_by=[F("closes_on").desc(), F("pk").desc()],
        ),
        n=response_count_subquery(),
    ).filter(rank=1)


def previous_round(*, round: AssessmentRound) -> AssessmentRound | None:
    """The unit's closed round before this one (by closing date), with its response count `n`."""
    return (
        AssessmentRound.objects.filter(unit_id=round.unit_id, status=AssessmentRound.Status.CLOSED)
        .filter(Q(closes_on__lt=round.closes_on) | Q(closes_on=round.closes_on, pk__lt=round.pk))
        .annotate(n=response_count_subquery())
        .order_by("-closes_on", "-pk")
        .first()
    )


# --- Pools of rounds (selectors/combined.py) ---------------------------------------------------


def _score_aggregates() -> dict:
    return {
        "mean": Avg("score"),
        "scored": Count("score"),
        "people": Count("response_id", distinct=True, filter=Q(score__isnull=False)),
        "cant_say": Count("pk", filter=Q(score__isnull=True)),
        **{f"s{s}": Count("pk", filter=Q(score=s)) for s in SCORES},
    }


def pooled_rows(round_ids: list[int], *, by: str) -> dict:
    """The pooled answers of the rounds grouped `by` a statement or a value field: mean, scorers,
    people who scored, "can't say" and each score's count (s1 … s5)."""
    answers = Answer.objects.filter(response__round_id__in=round_ids).order_by()
    return {row[by]: row for row in answers.values(by).annotate(**_score_aggregates())}


def pooled_texts(round_ids: list[int]) -> tuple[dict, dict[str, int]]:
    """(value key, kind) -> the pooled texts in random order; and value key -> how many people
    wrote for it (either kind)."""
    texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    writers: dict[str, set] = defaultdict(set)
    for key, kind, text, response_id in (
        OpenAnswer.objects.filter(response__round_id__in=round_ids)
        .exclude(text="")
        .order_by("?")
        .values_list("value__key", "kind", "text", "response_id")
    ):
        texts[(key, kind)].append(text)
        writers[key].add(response_id)
    return texts, {key: len(people) for key, people in writers.items()}
