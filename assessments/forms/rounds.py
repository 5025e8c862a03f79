"""Forms of a round: a new round's title, dates and framework version, and a later closing date."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models.framework import FrameworkVersion
from ..models.rounds import AssessmentRound
from .widgets import DateInput


class RoundForm(forms.ModelForm):
    """A new round: title, dates and a published framework version."""

    class Meta:
        model = AssessmentRound
        fields = ["title", "opens_on", "closes_on", "framework_version"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput()}
        help_texts = {
            "opens_on": _("If this is today, the round opens and invitations go out at once."),
            "closes_on": _("The round closes at the end of this day."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        versions = FrameworkVersion.objects.filter(is_published=True).select_related("framework")
        self.fields["framework_version"].queryset = versions
        self.fields["framework_version"].empty_label = None
        self.fields["framework_version"].label = _("Framework version")
        self.fields["title"].widget.attrs["maxlength"] = 200

    def clean(self):
        """The date order in words, before the database constraint would say it in code."""
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The closing date must be on or after the opening date."))
        return cleaned


class ExtendForm(forms.Form):
    closes_on = forms.DateField(label=_("New closing date"), widget=DateInput())
