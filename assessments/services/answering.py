"""Answering a round: a private draft, then one anonymous submit, unsealed when the round closes.

On submit the answers are sealed (SealedResponse: no person, no time, a random id, a fixed-size
ciphertext for the round's key, see assessments.sealing) and a separate Participation says only
that this person has answered. Both are written in one transaction, and the database's unique
(round, user) on Participation makes a second submit, also a simultaneous one, fail as a whole:
nothing of it is stored. On SQLite the sealed row gets a random rowid, so the table's order does
not follow the Participations'. When the round closes, `responses_unseal` turns the sealed
answers into Responses in random order within the closing transaction and deletes the sealed
rows, so neither row order nor transaction ids tie a Response to a Participation, and what is
left of a sealed or draft row on disk is a ciphertext that the database alone cannot open.
"""

from __future__ import annotations

import datetime
import random
import secrets
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.models import User

from ..anonymity import ROLE_NOT_KEPT, roles_kept, round_threshold
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
from ..sealing import SealingKeyError, answer_seal, answer_unseal

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
    """The person's own draft of the round. A draft sealed with another key (the sealing key
    was changed) cannot be read: it is logged and the person starts from an empty form."""
    try:
        return Draft.objects.filter(round=round, user=user).first()
    except SealingKeyError:
        return None


def draft_save(*, round: AssessmentRound, user: User, data: dict[str, str]) -> Draft:
    """Store the unfinished answer (the form's cleaned fields) for its author only, encrypted.
    The earlier draft is overwritten without being read, so a draft sealed with an older key
    never stops a new save."""
    _ensure_may_answer(round, user)
    drafts = Draft.objects.filter(round=round, user=user)
    with transaction.atomic():
        if not drafts.update(data=data, updated_at=timezone.now()):
            try:
                with transaction.atomic():
                    return Draft.objects.create(round=round, user=user, data=data)
            except IntegrityError:  # a simultaneous first save of the same person won
                drafts.update(data=data, updated_at=timezone.now())
        return drafts.get()


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
    if submission.role not in (RespondentRole.STAFF, RespondentRole.SUPERVISOR):
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
            _store_sealed(locked.pk, answer_seal(round_id=locked.pk, payload=_payload(submission)))
            Draft.objects.filter(round=locked, user=user).delete()
    except IntegrityError:
        # The unique (round, user) of Participation: a simultaneous second submit lost the race.
        raise AlreadyAnswered(
            _("You have already answered this round. Each person answers once.")
        ) from None


def _store_sealed(round_id: int, ciphertext: bytes) -> None:
    """Insert the sealed answer. On SQLite with a random rowid: a plain insert would get the
    next rowid, so the table's order would follow the Participations'. (On PostgreSQL the row's
    place and xmin still follow the submit; what lines up there is a ciphertext of the same
    size as every other, see SealedResponse.)"""
    if connection.vendor != "sqlite":
        SealedResponse.objects.create(round_id=round_id, ciphertext=ciphertext)
        return
    meta = SealedResponse._meta
    pk, round_field, data = meta.pk, meta.get_field("round"), meta.get_field("ciphertext")
    # The names are the model's own; the values are parameters.
    sql = (
        f'INSERT INTO "{meta.db_table}" (rowid, "{pk.column}", "{round_field.column}", '  # noqa: S608
        f'"{data.column}") VALUES (%s, %s, %s, %s)'
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                secrets.randbelow(2**62) + 1,
                pk.get_db_prep_value(uuid.uuid4(), connection),
                round_id,
                data.get_db_prep_value(ciphertext, connection),
            ],
        )


def _payload(submission: Submission) -> dict:
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
    rows. Call inside the closing transaction, after the round's k at closing is set. The
    respondents' roles are kept only where both staff and supervisors reach that k. A key that
    cannot open the answers raises SealingKeyError (nothing is written). Returns how many."""
    sealed = [
        (pk, answer_unseal(round_id=round.pk, ciphertext=ciphertext))
        for pk, ciphertext in SealedResponse.objects.filter(round=round).values_list(
            "pk", "ciphertext"
        )
    ]
    random.SystemRandom().shuffle(sealed)
    roles = [payload["role"] for _pk, payload in sealed]
    keep = roles_kept(
        staff=roles.count(RespondentRole.STAFF),
        supervisors=roles.count(RespondentRole.SUPERVISOR),
        threshold=round_threshold(round),
    )
    responses = Response.objects.bulk_create(
        Response(round=round, respondent_role=role if keep else ROLE_NOT_KEPT) for role in roles
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
