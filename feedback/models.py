"""Client feedback: a unit's public link, its clients' anonymous answers, and the free-text
messages of its inbox.

Anonymity by design, as for staff answers (assessments.models.responses):
- an answer knows its unit and its day, nothing else: no person, device, address or time of day,
  and random ids;
- on arrival it is stored only sealed for its unit (`SealedClientAnswer`, assessments.sealing);
  each night the answers of the days before are unsealed in random order into `ClientAnswer`
  rows and the sealed rows deleted, so neither row order nor the transaction ties a score to the
  moment it came, nor to a message that came with it;
- a message's free text is a separate row with no link to the scores, its optional contact a
  row apart that is deleted when the message is closed.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assessments.models import FrameworkVersion
from toolkit.models import Unit
from toolkit.values import ValueKey


class FeedbackLink(models.Model):
    """A unit's public feedback address, /p/<code>/. Renewing makes a new code and retires the
    old one, which then says it has been replaced (an old poster, a leaked link). A unit that
    closes or pauses (a summer break, a merger) stops collecting: the address then says the
    unit takes no feedback now, and the posters work again when collecting resumes."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="feedback_links")
    code = models.CharField(_("code"), max_length=16, unique=True)
    is_active = models.BooleanField(_("in use"), default=True)
    collecting = models.BooleanField(_("collecting answers"), default=True)
    created_on = models.DateField(_("created"))

    class Meta:
        verbose_name = _("feedback link")
        verbose_name_plural = _("feedback links")
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=models.Q(is_active=True),
                name="one_active_feedback_link_per_unit",
            )
        ]

    def __str__(self) -> str:
        return self.code


class SealedClientAnswer(models.Model):
    """An answer of today, sealed for its unit until the night (see the module)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    ciphertext = models.BinaryField()

    class Meta:
        verbose_name = _("sealed client answer")
        verbose_name_plural = _("sealed client answers")


class ClientAnswer(models.Model):
    """One client's answer: its unit, its day and the framework version whose client statements
    it scored. The recommendation 0–10 is empty when the client did not give one."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="client_answers")
    day = models.DateField(_("day"))
    version = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT, related_name="+")
    recommend = models.PositiveSmallIntegerField(
        _("would recommend (0–10)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10)],
    )

    class Meta:
        verbose_name = _("client answer")
        verbose_name_plural = _("client answers")
        indexes = [models.Index(fields=["unit", "day"], name="client_answer_unit_day")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recommend__isnull=True) | models.Q(recommend__lte=10),
                name="client_recommend_0_to_10",
            )
        ]


class ClientScore(models.Model):
    """A client's score 1–5 for one value; empty means "can't say"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    answer = models.ForeignKey(ClientAnswer, on_delete=models.CASCADE, related_name="scores")
    value_key = models.CharField(_("value"), max_length=32, choices=ValueKey.choices)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("client score")
        verbose_name_plural = _("client scores")
        constraints = [
            models.UniqueConstraint(fields=["answer", "value_key"], name="client_score_unique"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="client_score_1_to_5",
            ),
        ]


class MessageStatus(models.TextChoices):
    NEW = "new", _("New")
    HANDLING = "handling", _("Being handled")
    ANSWERED = "answered", pgettext_lazy("feedback message", "Answered")
    CLOSED = "closed", _("Closed")


class FeedbackMessage(models.Model):
    """What a client wrote to "what should we do better", scrubbed of identity codes, phone
    numbers and e-mail addresses, in the unit's inbox. Due five working days after arrival."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="feedback_messages")
    received_on = models.DateField(_("received"))
    due_on = models.DateField(_("due"))
    text = models.TextField(_("message"), max_length=2000)
    language = models.CharField(_("language"), max_length=2, default="fi")
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.NEW
    )
    # The first day a reply was sent or the message was marked answered (the 5-day measure).
    answered_on = models.DateField(_("answered"), null=True, blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("feedback message")
        verbose_name_plural = _("feedback messages")
        indexes = [
            models.Index(fields=["unit", "status", "due_on"], name="feedback_message_inbox"),
            models.Index(fields=["unit", "received_on"], name="feedback_message_received"),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class MessageContact(models.Model):
    """How the client asked to be answered (an e-mail address or a phone number), stored apart
    from the message and deleted when the message is closed."""

    message = models.OneToOneField(
        FeedbackMessage, on_delete=models.CASCADE, primary_key=True, related_name="contact"
    )
    contact = models.CharField(_("contact"), max_length=254)

    class Meta:
        verbose_name = _("message contact")
        verbose_name_plural = _("message contacts")


class MessageReply(models.Model):
    """A reply written in the inbox (sent to the contact when there was one)."""

    message = models.ForeignKey(FeedbackMessage, on_delete=models.CASCADE, related_name="replies")
    text = models.TextField(_("reply"), max_length=4000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    written_at = models.DateTimeField(_("written"), auto_now_add=True)
    sent_to_client = models.BooleanField(_("sent to the client"), default=False)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["written_at", "pk"]


class InboxReader(models.Model):
    """A person a supervisor has named to read and answer the unit's feedback inbox."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="inbox_readers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("inbox reader")
        verbose_name_plural = _("inbox readers")
        constraints = [models.UniqueConstraint(fields=["unit", "user"], name="inbox_reader_unique")]


class SmsSent(models.Model):
    """Only that feedback links were sent by text message: how many, per unit and day. The
    phone number is used for the one message and never stored."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("messages"), default=0)

    class Meta:
        verbose_name = _("text messages sent")
        verbose_name_plural = _("text messages sent")
        constraints = [models.UniqueConstraint(fields=["unit", "day"], name="sms_sent_unique")]


class CapTrip(models.Model):
    """The unit's hourly cap on answers was reached: answers refused, per unit and day, for the
    supervisor to see (a flood, or a poster in a busier place than thought)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    refused = models.PositiveIntegerField(_("answers refused"), default=0)

    class Meta:
        verbose_name = _("answer cap reached")
        verbose_name_plural = _("answer cap reached")
        constraints = [models.UniqueConstraint(fields=["unit", "day"], name="cap_trip_unique")]


class ClientMonth(models.Model):
    """Client answers summed per unit, month and value (the row of value_key RECOMMEND holds the
    0–10 question), rebuilt from ClientAnswer each night: every figure shown reads these rows,
    so a page costs the same whatever the number of answers."""

    RECOMMEND = "recommend"

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))  # its first day
    value_key = models.CharField(max_length=32)
    answers = models.PositiveIntegerField(default=0)  # answers that reached this question
    scored = models.PositiveIntegerField(default=0)  # of them, with a score (not "can't say")
    score_sum = models.PositiveIntegerField(default=0)
    count_1 = models.PositiveIntegerField(default=0)
    count_2 = models.PositiveIntegerField(default=0)
    count_3 = models.PositiveIntegerField(default=0)
    count_4 = models.PositiveIntegerField(default=0)
    count_5 = models.PositiveIntegerField(default=0)
    promoters = models.PositiveIntegerField(default=0)  # recommend 9–10
    detractors = models.PositiveIntegerField(default=0)  # recommend 0–6

    class Meta:
        verbose_name = _("client answers of a month")
        verbose_name_plural = _("client answers of a month")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "value_key"], name="client_month_unique"
            )
        ]
