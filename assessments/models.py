"""The self-assessment: framework versions, rounds, anonymous responses and participation.

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
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from toolkit.languages import active_language
from toolkit.models import Unit

from .sealing import EncryptedJSONField


class TranslatedText:
    """Picks the field `<name>_<language>` for the active language, falling back to Finnish."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        language = active_language()
        return getattr(instance, f"{self.name}_{language}", "") or getattr(
            instance, f"{self.name}_fi"
        )


class ValueKey(models.TextChoices):
    """The five values; the key stays the same across framework versions, so rounds compare."""

    DIGNITY = "dignity", _("Respect for human dignity")
    CLIENT_CENTREDNESS = "client_centredness", _("Client-centredness")
    EQUALITY = "equality", _("Equality")
    TRUST = "trust", _("Trust")
    EMPATHY = "empathy", _("Empathy")


class Framework(models.Model):
    """An assessment framework; its content lives in numbered versions."""

    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name = TranslatedText("name")

    class Meta:
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return self.name


class FrameworkVersion(ClusterableModel):
    """One version of a framework: its values and statements. Frozen once a round uses it."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    is_published = models.BooleanField(
        _("available for new rounds"),
        default=False,
        help_text=_("Supervisors can open rounds only with published versions."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="framework_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.framework} – {_('version')} {self.number}"

    @property
    def is_frozen(self) -> bool:
        """A version that a round has used can no longer change (old rounds stay comparable)."""
        return self.rounds.exists()


class Value(ClusterableModel):
    """One of the five values in a framework version, with its statements."""

    version = ParentalKey(FrameworkVersion, on_delete=models.CASCADE, related_name="values")
    key = models.CharField(_("value"), max_length=32, choices=ValueKey.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    name = TranslatedText("name")
    description = TranslatedText("description")

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        ordering = ["version", "sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="value_key_unique_in_version")
        ]

    def __str__(self) -> str:
        return self.name


class Statement(models.Model):
    """A statement scored 1–5 (fully disagree … fully agree) or "can't say"."""

    value = ParentalKey(Value, on_delete=models.CASCADE, related_name="statements")
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_fi = models.CharField(_("text in Finnish"), max_length=400)
    text_sv = models.CharField(_("text in Swedish"), max_length=400, blank=True)
    text_en = models.CharField(_("text in English"), max_length=400, blank=True)
    text = TranslatedText("text")

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["value", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.text


class AnonymitySettings(models.Model):
    """Organisation-wide anonymity rule: results need at least k answers (k ≥ 3, default 5)."""

    threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold"),
        default=5,
        validators=[MinValueValidator(3), MaxValueValidator(50)],
        help_text=_("Results are shown only where at least this many people answered (3 or more)."),
    )

    class Meta:
        verbose_name = _("anonymity settings")
        verbose_name_plural = _("anonymity settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(threshold__gte=3), name="threshold_at_least_3"
            )
        ]

    def __str__(self) -> str:
        return str(_("Anonymity threshold: %(k)s") % {"k": self.threshold})

    @classmethod
    def current_threshold(cls) -> int:
        row = cls.objects.order_by("pk").first()
        return row.threshold if row else 5


class AssessmentRound(models.Model):
    """One self-assessment of one unit: draft → open → closed."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="assessment_rounds"
    )
    framework_version = models.ForeignKey(
        FrameworkVersion,
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The anonymity threshold in force when the round closed: its floor for good, so lowering
    # k later never reveals it (assessments.anonymity.round_threshold).
    closed_threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold at closing"), null=True, blank=True, editable=False
    )
    # The unit's parent when the round closed: the area it is pooled and averaged with, for
    # good (assessments.selectors.combined). Moving the unit later changes no pool.
    parent_at_close = models.ForeignKey(
        Unit,
        verbose_name=_("area when closed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_manual_reminder_on = models.DateField(null=True, blank=True)
    reminder_before_sent = models.BooleanField(default=False)
    reminder_last_day_sent = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        ordering = ["-opens_on", "-pk"]
        indexes = [models.Index(fields=["unit", "status", "closes_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="round_closes_after_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.title}"


class CombinedPool(models.Model):
    """A parent unit's combined result of one year as it was first shown: which rounds it
    pooled and under which k. It is shown again only with exactly these rounds, so the same
    pool seen twice never differs (assessments.selectors.combined)."""

    parent = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    round_ids = models.JSONField(default=list)
    threshold = models.PositiveSmallIntegerField()
    first_shown_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("combined result shown")
        verbose_name_plural = _("combined results shown")
        constraints = [
            models.UniqueConstraint(fields=["parent", "year"], name="combined_pool_unique")
        ]


class Invitation(models.Model):
    """Who was asked to answer a round (never what they answered)."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="invitation_unique")]


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


from .models_actions import (  # noqa: E402,F401  (improvement actions live in their own module)
    ActionHistory,
    ActionSuggestion,
    ImprovementAction,
    ProgressNote,
    TeamConclusion,
)
