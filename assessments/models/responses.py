"""Anonymous answers and participation.

Anonymity by design: a Response has no link to a person, a random id and no timestamp; every row
under it has a random id too, so neither ids nor times can be lined up with the Participation
records, which say only that a person has answered a round. While a round is open, answers wait
in SealedResponse and become Responses, shuffled, only when it closes (see SealedResponse).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..sealing import EncryptedJSONField
from .framework import Statement, Value
from .rounds import AssessmentRound


class Participation(models.Model):
    """Only that a person has answered a round. A random id and no time, so it cannot be lined
    up with a Response; the unique pair stops a second answer, also under simultaneous submits."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        AssessmentRound, on_delete=models.CASCADE, related_name="participations"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "user"], name="one_answer_per_person_per_round"
            )
        ]


class Draft(models.Model):
    """An unfinished answer, owned by its author until submitted (then deleted). Its data is
    stored encrypted and padded (assessments.sealing), so neither the row nor its remnants on
    disk after the submit say what the person was writing, or how much."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="drafts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    data = EncryptedJSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("draft answer")
        verbose_name_plural = _("draft answers")
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="draft_unique")]


class RespondentRole(models.TextChoices):
    """How a person answered. A closed round keeps the role only where both groups reached k;
    otherwise its responses have an empty role (assessments.anonymity.ROLE_NOT_KEPT)."""

    STAFF = "staff", _("as staff")
    SUPERVISOR = "supervisor", _("as a supervisor")


class SealedResponse(models.Model):
    """A submitted answer while its round is open: no person, no time, a random id, and only
    a fixed-size ciphertext that the round's key opens (assessments.sealing).

    It is written in the same transaction as the person's Participation, which the database can
    tell (PostgreSQL's xmin; on SQLite the row order, which answering breaks with a random
    rowid). What lines up is only a ciphertext of the same length as every other one. When the
    round closes, the answers are unsealed into Responses in random order, all in the closing
    transaction, and these rows are deleted: nothing then lines up with a person."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="sealed")
    ciphertext = models.BinaryField()

    class Meta:
        verbose_name = _("sealed answer")
        verbose_name_plural = _("sealed answers")


class Response(models.Model):
    """One answer, unsealed when its round closed: no person, a random id, no timestamp."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="responses")
    respondent_role = models.CharField(max_length=12, choices=RespondentRole.choices, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")


class Answer(models.Model):
    """A score for one statement; empty score means "can't say"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="answers")
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="answer_unique"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="answer_score_1_to_5",
            ),
        ]


class OpenAnswer(models.Model):
    """Free text for a value: what stands in the way (barrier), or how to promote it (means)."""

    class Kind(models.TextChoices):
        BARRIER = "barrier", _("What stands in the way")
        MEANS = "means", _("How could we promote it")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="open_answers")
    value = models.ForeignKey(Value, on_delete=models.PROTECT, related_name="open_answers")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    text = models.TextField(max_length=2000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "value", "kind"], name="open_answer_unique")
        ]
