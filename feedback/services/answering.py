"""A client's answer arrives: the scores are sealed for the unit until the night, the free text
(scrubbed) goes to the unit's inbox with its optional contact. See feedback.models for why."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from assessments.models import FrameworkVersion
from assessments.sealing import box_seal, box_unseal
from toolkit.models import Unit

from ..models import (
    ClientAnswer,
    ClientScore,
    FeedbackMessage,
    MessageContact,
    SealedClientAnswer,
)
from .rollup import rollup_refresh
from .scrubbing import scrub
from .working_days import reply_due

SEAL_PURPOSE = "arvokas-client"  # at most 16 bytes (BLAKE2b personalisation)
SEAL_BLOCK = 1024  # every sealed client answer has the same length


@dataclass(frozen=True)
class ClientSubmission:
    """A validated answer: value key → 1–5 or None ("can't say"), 0–10 or None, free text."""

    version_id: int
    scores: dict[str, int | None]
    recommend: int | None = None
    text: str = ""
    contact: str = ""
    language: str = "fi"


def answer_submit(*, unit: Unit, submission: ClientSubmission) -> None:
    """Store one client answer, all or nothing."""
    today = timezone.localdate()
    payload = {
        "day": today.isoformat(),
        "version": submission.version_id,
        "recommend": submission.recommend,
        "scores": submission.scores,
    }
    with transaction.atomic():
        SealedClientAnswer.objects.create(
            unit=unit,
            ciphertext=box_seal(
                purpose=SEAL_PURPOSE, context=str(unit.pk), payload=payload, block=SEAL_BLOCK
            ),
        )
        text = scrub(submission.text.strip())
        if text:
            message = FeedbackMessage.objects.create(
                unit=unit,
                received_on=today,
                due_on=reply_due(today),
                text=text,
                language=submission.language,
            )
            if submission.contact.strip():
                MessageContact.objects.create(message=message, contact=submission.contact.strip())


def answers_unseal(*, before: datetime.date | None = None) -> int:
    """Unseal every sealed answer of the days before `before` (today), shuffled, in one
    transaction, and delete the sealed rows. Run each night by Celery beat; idempotent."""
    before = before or timezone.localdate()
    with transaction.atomic():
        sealed = list(SealedClientAnswer.objects.select_for_update(skip_locked=True))
        opened = []
        for row in sealed:
            payload = box_unseal(
                purpose=SEAL_PURPOSE, context=str(row.unit_id), ciphertext=row.ciphertext
            )
            if datetime.date.fromisoformat(payload["day"]) < before:
                opened.append((row, payload))
        random.SystemRandom().shuffle(opened)
        answers = [
            ClientAnswer(
                unit_id=row.unit_id,
                day=datetime.date.fromisoformat(payload["day"]),
                version_id=payload["version"],
                recommend=payload["recommend"],
            )
            for row, payload in opened
        ]
        ClientAnswer.objects.bulk_create(answers)
        scores = [
            ClientScore(answer=answer, value_key=key, score=score)
            for answer, (_row, payload) in zip(answers, opened, strict=True)
            for key, score in payload["scores"].items()
        ]
        random.SystemRandom().shuffle(scores)
        ClientScore.objects.bulk_create(scores)
        SealedClientAnswer.objects.filter(pk__in=[row.pk for row, _payload in opened]).delete()
        rollup_refresh((answer.unit_id, answer.day) for answer in answers)
    return len(answers)


def current_version() -> FrameworkVersion | None:
    """The version whose client statements the form asks: the latest published one that has a
    Finnish client statement for every value."""
    for version in FrameworkVersion.objects.filter(is_published=True).order_by(
        "-created_at", "-pk"
    ):
        values = list(version.values.all())
        if len(values) == 5 and all(value.client_statement_fi.strip() for value in values):
            return version
    return None
