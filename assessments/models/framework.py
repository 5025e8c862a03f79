"""Framework versions: the five values, their staff statements and the one statement a value that
clients rate, in Finnish, Swedish and English.

A version is frozen once a round uses it, so old rounds stay comparable; the value keys
(toolkit.values.ValueKey) stay the same across versions.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from toolkit.languages import active_language
from toolkit.values import ValueKey

__all__ = ["Framework", "FrameworkVersion", "Statement", "TranslatedText", "Value", "ValueKey"]


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
    # What the unit's clients rate for this value (the feedback app's form), in plain language.
    client_statement_fi = models.CharField(
        _("client statement in Finnish"), max_length=300, blank=True
    )
    client_statement_sv = models.CharField(
        _("client statement in Swedish"), max_length=300, blank=True
    )
    client_statement_en = models.CharField(
        _("client statement in English"), max_length=300, blank=True
    )
    name = TranslatedText("name")
    description = TranslatedText("description")
    client_statement = TranslatedText("client_statement")

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
