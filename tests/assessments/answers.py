"""Builders of complete answers for the answering tests."""

from assessments.models import AssessmentRound, Statement, Value
from assessments.services.answering import Submission


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
