"""What a team does after a round: its conclusions per value, improvement actions with progress
notes, members' suggestions, and a history of every change to an action.

Rows that people edit together (conclusions, actions) carry a `version` number: a save names the
version it was based on, and a stale one is refused instead of silently overwriting.

Status transitions of an action (see ImprovementAction.TRANSITIONS): planned → in progress or
dropped; in progress → done, dropped or back to planned; done or dropped → in progress (reopen).
Planned → done is refused: an action is started before it is finished, so its history shows when
work began.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.models import Unit
from toolkit.values import value_label as name_of_value

TITLE_LIMIT = 200
TEXT_LIMIT = 2000
BARRIER_LIMIT = 500


class TeamConclusion(models.Model):
    """The barriers the team agrees on and the means it will use, for one value of one round."""

    round = models.ForeignKey(
        "assessments.AssessmentRound",
        verbose_name=_("round"),
        on_delete=models.CASCADE,
        related_name="conclusions",
    )
    value_key = models.CharField(_("value"), max_length=32)
    barriers = models.TextField(_("barriers the team agrees on"), max_length=TEXT_LIMIT, blank=True)
    means = models.TextField(_("means the team will use"), max_length=TEXT_LIMIT, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("team conclusion")
        verbose_name_plural = _("team conclusions")
        constraints = [
            models.UniqueConstraint(fields=["round", "value_key"], name="conclusion_unique")
        ]

    def barrier_list(self) -> list[str]:
        return [line.strip() for line in self.barriers.splitlines() if line.strip()]

    def means_list(self) -> list[str]:
        return [line.strip() for line in self.means.splitlines() if line.strip()]


class ImprovementAction(models.Model):
    """One improvement action of a unit, tied to a value and to the round it came from."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    TRANSITIONS = {
        Status.PLANNED: {Status.IN_PROGRESS, Status.DROPPED},
        Status.IN_PROGRESS: {Status.PLANNED, Status.DONE, Status.DROPPED},
        Status.DONE: {Status.IN_PROGRESS},
        Status.DROPPED: {Status.IN_PROGRESS},
    }
    OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS)

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="improvement_actions"
    )
    source_round = models.ForeignKey(
        "assessments.AssessmentRound",
        verbose_name=_("round it came from"),
        on_delete=models.PROTECT,
        related_name="actions",
    )
    value_key = models.CharField(_("value"), max_length=32)
    title = models.CharField(_("title"), max_length=TITLE_LIMIT)
    description = models.TextField(_("description"), max_length=TEXT_LIMIT, blank=True)
    barrier = models.CharField(_("barrier it answers"), max_length=BARRIER_LIMIT, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    reminder_week_sent = models.BooleanField(default=False)
    reminder_overdue_sent = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("improvement action")
        verbose_name_plural = _("improvement actions")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["unit", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()

    def value_label(self) -> str:
        return name_of_value(self.value_key)

    @property
    def suggestion_or_none(self) -> "ActionSuggestion | None":
        """The member's suggestion this action was accepted from, if any (credited on its
        page)."""
        try:
            return self.suggestion
        except ActionSuggestion.DoesNotExist:
            return None


class ProgressNote(models.Model):
    """A dated note on how an action is going, by its owner or a supervisor."""

    action = models.ForeignKey(ImprovementAction, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("progress note"), max_length=TEXT_LIMIT)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["-created_at", "-pk"]


class ActionSuggestion(models.Model):
    """An action a member of the unit suggests; a supervisor accepts (making an action) or
    declines it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="action_suggestions")
    value_key = models.CharField(_("value"), max_length=32)
    title = models.CharField(_("title"), max_length=TITLE_LIMIT)
    description = models.TextField(_("description"), max_length=TEXT_LIMIT, blank=True)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("suggested"), auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), max_length=TEXT_LIMIT, blank=True)
    action = models.OneToOneField(
        ImprovementAction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestion",
    )

    class Meta:
        verbose_name = _("action suggestion")
        verbose_name_plural = _("action suggestions")
        ordering = ["-created_at", "-pk"]

    def value_label(self) -> str:
        return name_of_value(self.value_key)


class ActionHistory(models.Model):
    """Who changed what on an action and when: one row per save, with the changed fields."""

    action = models.ForeignKey(ImprovementAction, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    event = models.CharField(max_length=16)  # created, changed, note
    # [{"field": name, "old": raw, "new": raw}]; labels are translated when shown.
    changes = models.JSONField(default=list)

    class Meta:
        verbose_name = _("action history entry")
        verbose_name_plural = _("action history")
        ordering = ["-at", "-pk"]
