"""Rounds: one self-assessment of one unit (draft → open → closed), who was invited to it,
the organisation's anonymity threshold, and the combined pools of parent units."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from toolkit.models import Unit

from .framework import FrameworkVersion


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
