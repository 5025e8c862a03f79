"""Builders for the client feedback tests: unsealed client answers (as the nightly unsealing
leaves them) with their monthly sums, and inbox messages. Rows are made straight with the models."""

import datetime
from collections.abc import Sequence

from assessments.models import FrameworkVersion, ValueKey
from feedback.models import ClientAnswer, ClientScore, FeedbackMessage
from feedback.services.rollup import rollup_refresh
from toolkit.models import Unit


def add_client_answers(
    unit: Unit,
    version: FrameworkVersion,
    day: datetime.date,
    scores: Sequence[int | None],
    *,
    recommend: Sequence[int | None] | None = None,
    keys: Sequence[str] | None = None,
) -> None:
    """One client answer per score in `scores`, each giving that score to every value (or to
    `keys`), with the recommendation 0–10 from `recommend`; then the month's sums rebuilt."""
    keys = list(keys or ValueKey.values)
    recommend = list(recommend) if recommend is not None else [None] * len(scores)
    answers = ClientAnswer.objects.bulk_create(
        ClientAnswer(unit=unit, day=day, version=version, recommend=r) for r in recommend
    )
    ClientScore.objects.bulk_create(
        ClientScore(answer=answer, value_key=key, score=score)
        for answer, score in zip(answers, scores, strict=True)
        for key in keys
    )
    rollup_refresh([(unit.pk, day)])


def add_message(
    unit: Unit,
    *,
    received_on: datetime.date,
    due_on: datetime.date,
    answered_on: datetime.date | None = None,
    text: str = "Odotin pitkään",
) -> FeedbackMessage:
    return FeedbackMessage.objects.create(
        unit=unit, received_on=received_on, due_on=due_on, answered_on=answered_on, text=text
    )
