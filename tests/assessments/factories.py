"""Builders for the assessment tests: framework versions, closed rounds, anonymous answers, and
complete submissions and form data for the answering tests.

Rows are made straight with the models (bulk_create), so the tests do not depend on services."""

import datetime
from collections.abc import Callable

from assessments.models import (
    Answer,
    AssessmentRound,
    Framework,
    FrameworkVersion,
    Invitation,
    OpenAnswer,
    RespondentRole,
    Response,
    Statement,
    Value,
    ValueKey,
)
from assessments.services.answering import Submission
from toolkit.models import Unit

Score = int | None


def framework_version(
    *, number: int = 1, framework: Framework | None = None, statements: int = 3
) -> FrameworkVersion:
    """A published version with the five values in ValueKey order, each with `statements` and a
    Finnish client statement (as the publishing rule asks)."""
    framework = framework or Framework.objects.create(name_fi="Arvot", name_en="Values")
    version = FrameworkVersion.objects.create(framework=framework, number=number, is_published=True)
    for order, key in enumerate(ValueKey):
        value = Value.objects.create(
            version=version,
            key=key.value,
            sort_order=order,
            name_fi=f"{key.label} v{number}",
            client_statement_fi=f"Asiakkaana koin: {key.label} v{number}",
        )
        for s in range(statements):
            Statement.objects.create(value=value, sort_order=s, text_fi=f"{key.value} {s + 1}")
    return version


def closed_round(
    unit: Unit,
    version: FrameworkVersion,
    *,
    closes_on: datetime.date = datetime.date(2026, 3, 31),
    status: str = AssessmentRound.Status.CLOSED,
    title: str = "Kevät",
) -> AssessmentRound:
    return AssessmentRound.objects.create(
        unit=unit,
        framework_version=version,
        title=title,
        opens_on=closes_on - datetime.timedelta(days=14),
        closes_on=closes_on,
        status=status,
        # As round_close records it: the unit's parent when the round closed.
        parent_at_close=unit.parent if status == AssessmentRound.Status.CLOSED else None,
    )


def add_responses(
    round: AssessmentRound,
    count: int,
    score: Score | Callable[[int, Statement], Score] = 4,
    *,
    role: str = RespondentRole.STAFF,
    barrier: str | Callable[[int], str] = "",
    means: str = "",
) -> list[Response]:
    """`count` responses answering every statement of the round's version with `score`."""
    statements = list(Statement.objects.filter(value__version=round.framework_version_id))
    values = list(Value.objects.filter(version=round.framework_version_id))
    responses = Response.objects.bulk_create(
        [Response(round=round, respondent_role=role) for _ in range(count)]
    )
    answers, texts = [], []
    for i, response in enumerate(responses):
        for statement in statements:
            s = score(i, statement) if callable(score) else score
            answers.append(Answer(response=response, statement=statement, score=s))
        for value in values:
            text = barrier(i) if callable(barrier) else barrier
            if text:
                texts.append(OpenAnswer(response=response, value=value, kind="barrier", text=text))
            if means:
                texts.append(OpenAnswer(response=response, value=value, kind="means", text=means))
    Answer.objects.bulk_create(answers)
    OpenAnswer.objects.bulk_create(texts)
    return responses


def invite(round: AssessmentRound, users) -> None:
    Invitation.objects.bulk_create([Invitation(round=round, user=u) for u in users])


def full_submission(round: AssessmentRound, score: int | None = 4, **texts) -> Submission:
    statements = Statement.objects.filter(value__version=round.framework_version_id)
    values = Value.objects.filter(version=round.framework_version_id)
    return Submission(
        role="staff",
        scores={s.pk: score for s in statements},
        texts={(v.pk, kind): text for v in values for kind, text in texts.items()},
    )


def form_data(round: AssessmentRound, score: str = "4", action: str = "submit", **extra) -> dict:
    """POST data of the answer form with every statement answered."""
    data = {"action": action, "role": "staff"}
    for statement in Statement.objects.filter(value__version=round.framework_version_id):
        data[f"s{statement.pk}"] = score
    data.update(extra)
    return data
