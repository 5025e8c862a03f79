"""Answering a round: a private draft, then one anonymous submit, unsealed when the round closes.

On submit the answers are sealed (SealedResponse: no person, no time, a random id) and a separate
Participation says only that this person has answered. Both are written in one transaction, and
the database's unique (round, user) on Participation makes a second submit, also a simultaneous
one, fail as a whole: nothing of it is stored. When the round closes, `responses_unseal` turns
the sealed answers into Responses in random order within the closing transaction, so neither row
order nor transaction ids tie a Response to the Participation written beside its sealed answer.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.models import User

from ..models import (
    Answer,
    AssessmentRound,
    Draft,
    Invitation,
    OpenAnswer,
    Participation,
    RespondentRole,
    Response,
    SealedResponse,
    Statement,
    Value,
)

TEXT_LIMIT = 2000


class AlreadyAnswered(ValidationError):
    """The person has already submitted an answer to this round."""


@dataclass(frozen=True)
class Submission:
    """A complete, validated answer. `scores`: statement id -> 1–5, or None for "can't say";
    `texts`: (value id, "barrier" | "means") -> text."""

    role: str
    scores: dict[int, int | None]
    texts: dict[tuple[int, str], str]


def answer_state(*, round: AssessmentRound, user: User) -> str:
    """'answered', 'invited' (may answer now), 'closed', 'not_open' or 'not_invited'."""
    if Participation.objects.filter(round=round, user=user).exists():
        return "answered"
    if not Invitation.objects.filter(round=round, user=user).exists():
        return "not_invited"
    if round.status == AssessmentRound.Status.CLOSED:
        return "closed"
    if round.status != AssessmentRound.Status.OPEN:
        return "not_open"
    return "invited"


def _ensure_may_answer(round: AssessmentRound, user: User) -> None:
    state = answer_state(round=round, user=user)
    if state == "answered":
        raise AlreadyAnswered(_("You have already answered this round. Each person answers once."))
    if state == "closed":
        raise ValidationError(_("The round has closed: answers are no longer accepted."))
    if state == "not_open":
        raise ValidationError(_("The round has not opened yet."))
    if state == "not_invited":
        raise ValidationError(_("You were not invited to this round."))


def draft_for(*, round: AssessmentRound, user: User) -> Draft | None:
    return Draft.objects.filter(round=round, user=user).first()


def draft_save(*, round: AssessmentRound, user: User, data: dict[str, str]) -> Draft:
    """Store the unfinished answer (the form's cleaned fields) for its author only."""
    _ensure_may_answer(round, user)
    draft, _created = Draft.objects.update_or_create(
        round=round, user=user, defaults={"data": data}
    )
    return draft


def drafts_delete_stale(*, now: datetime.datetime | None = None) -> int:
    """Delete drafts nobody has touched for DRAFT_RETENTION_DAYS: a half-written answer is
    personal data, kept no longer than it is useful. Returns how many were deleted."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.DRAFT_RETENTION_DAYS)
    deleted, _by_model = Draft.objects.filter(updated_at__lt=cutoff).delete()
    return deleted


def _validate(round: AssessmentRound, submission: Submission) -> None:
    """Defence in depth behind the form: only this round's statements and values, scores 1–5,
    every statement answered, texts within the limit."""
    version_id = round.framework_version_id
    statement_ids = set(
        Statement.objects.filter(value__version=version_id).values_list("pk", flat=True)
    )
    value_ids = set(Value.objects.filter(version=version_id).values_list("pk", flat=True))
    if submission.role not in RespondentRole.values:
        raise ValidationError(_("Choose whether you answer as staff or as a supervisor."))
    if set(submission.scores) != statement_ids:
        raise ValidationError(_("The answer does not match the questions of this round."))
    if any(s is not None and s not in range(1, 6) for s in submission.scores.values()):
        raise ValidationError(_("Scores go from 1 to 5."))
    for (value_id, kind), text in submission.texts.items():
        if value_id not in value_ids or kind not in OpenAnswer.Kind.values:
            raise ValidationError(_("The answer does not match the questions of this round."))
        if len(text) > TEXT_LIMIT:
            raise ValidationError(_("A written answer can be at most 2,000 characters long."))


def response_submit(*, round: AssessmentRound, user: User, submission: Submission) -> None:
    """Store the answer anonymously and record that the person has answered. Final."""
    _ensure_may_answer(round, user)
    _validate(round, submission)
    try:
        with transaction.atomic():
            # Locks the round row: the round cannot close between this check and the insert.
            locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
            if locked.status != AssessmentRound.Status.OPEN:
                raise ValidationError(_("The round has closed: answers are no longer accepted."))
            Participation.objects.create(round=locked, user=user)
            SealedResponse.objects.create(round=locked, payload=_seal(submission))
            Draft.objects.filter(round=locked, user=user).delete()
    except IntegrityError:
        # The unique (round, user) of Participation: a simultaneous second submit lost the race.
        raise AlreadyAnswered(
            _("You have already answered this round. Each person answers once.")
        ) from None


def _seal(submission: Submission) -> dict:
    return {
        "role": submission.role,
        "scores": [[pk, score] for pk, score in submission.scores.items()],
        "texts": [
            [value_id, kind, text]
            for (value_id, kind), text in submission.texts.items()
            if text.strip()
        ],
    }


def responses_unseal(*, round: AssessmentRound) -> int:
    """Turn a closing round's sealed answers into Responses, shuffled, and delete the sealed
    rows. Call inside the closing transaction. Returns how many answers were unsealed."""
    sealed = list(SealedResponse.objects.filter(round=round).values_list("pk", "payload"))
    random.SystemRandom().shuffle(sealed)
    responses = Response.objects.bulk_create(
        Response(round=round, respondent_role=payload["role"]) for _pk, payload in sealed
    )
    answers, texts = [], []
    for response, (_pk, payload) in zip(responses, sealed, strict=True):
        answers += [
            Answer(response=response, statement_id=s, score=v) for s, v in payload["scores"]
        ]
        texts += [
            OpenAnswer(response=response, value_id=v, kind=kind, text=text)
            for v, kind, text in payload["texts"]
        ]
    Answer.objects.bulk_create(answers, batch_size=2000)
    OpenAnswer.objects.bulk_create(texts, batch_size=2000)
    SealedResponse.objects.filter(pk__in=[pk for pk, _payload in sealed]).delete()
    return len(responses)
