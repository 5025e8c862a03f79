"""Builders for the client results tests: unsealed client answers written straight as rows (as
the nightly unsealing leaves them), then the monthly sums; and a closed staff round whose value
means are chosen per value."""

import datetime

from assessments.models import FrameworkVersion
from feedback.models import ClientAnswer, ClientScore
from feedback.services.rollup import rollup_refresh
from tests.assessments.factories import add_responses, closed_round
from toolkit.models import Unit
from toolkit.values import ValueKey


def add_client_answers(
    unit: Unit,
    version: FrameworkVersion,
    day: datetime.date,
    count: int,
    *,
    scores: dict[str, int | None] | None = None,
    recommend: list[int | None] | int | None = None,
) -> None:
    """`count` client answers of `day`, each scoring every value as `scores` says (4 unless
    told; None is "can't say"); `recommend` one 0–10 figure for all, or one per answer."""
    scores = dict.fromkeys(ValueKey.values, 4) | (scores or {})
    answers, rows = [], []
    for n in range(count):
        given = recommend[n] if isinstance(recommend, list) else recommend
        answer = ClientAnswer(unit=unit, day=day, version=version, recommend=given)
        answers.append(answer)
        rows += [ClientScore(answer=answer, value_key=k, score=s) for k, s in scores.items()]
    ClientAnswer.objects.bulk_create(answers)
    ClientScore.objects.bulk_create(rows)
    rollup_refresh([(unit.pk, day)])


def staff_round(unit: Unit, version: FrameworkVersion, closes_on, count: int, means: dict):
    """A closed round of `count` responses in which every statement of a value gets the score
    `means` gives it (4 unless told; a list gives each response its own)."""
    round = closed_round(unit, version, closes_on=closes_on)

    def score(i, statement):
        given = means.get(statement.text_fi.split()[0], 4)
        return given[i] if isinstance(given, list) else given

    add_responses(round, count, score)
    return round
