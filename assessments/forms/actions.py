"""Forms of the follow-up: team conclusions, improvement actions, progress notes, suggestions.

The choices of round and owner come from the unit itself, so another unit's ids cannot even be
posted; the services check everything again."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from toolkit.values import ValueKey

from ..models.actions import BARRIER_LIMIT, TEXT_LIMIT, TITLE_LIMIT, ImprovementAction
from ..selectors import actions as action_selectors
from .widgets import DateInput


class ConclusionForm(forms.Form):
    """The team's conclusion on one value; one form per value, prefixed with the value key."""

    barriers = forms.CharField(
        label=_("Barriers the team agrees on"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
    means = forms.CharField(
        label=_("Means the team will use"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


def status_choices(current: str | None) -> list[tuple[str, str]]:
    """The current status and the ones an action may move to from it, in the usual order
    (see ImprovementAction.TRANSITIONS): the list never offers a move that would be refused."""
    Status = ImprovementAction.Status
    if current not in Status.values:
        return list(Status.choices)
    allowed = {current} | ImprovementAction.TRANSITIONS[Status(current)]
    return [(value, label) for value, label in Status.choices if value in allowed]


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class ActionForm(forms.Form):
    """A new action, or an existing one (then with its status and the version it was based on)."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_LIMIT)
    value_key = forms.ChoiceField(label=_("Value it serves"), choices=ValueKey.choices)
    barrier = forms.CharField(
        label=_("Barrier it answers"),
        max_length=BARRIER_LIMIT,
        required=False,
        help_text=_("Optional: the barrier the team named that this action removes."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    source_round = forms.ModelChoiceField(
        label=_("Round it came from"), queryset=None, empty_label=None
    )
    owner = OwnerChoiceField(label=_("Owner"), queryset=None)
    due_on = forms.DateField(label=_("Due date"), widget=DateInput())

    def __init__(self, *args, unit, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_round"].queryset = action_selectors.closed_rounds_of(unit=unit)
        self.fields["owner"].queryset = action_selectors.unit_members(unit=unit)
        if editing:
            del self.fields["source_round"]
            self.fields["status"] = forms.ChoiceField(
                label=_("Status"),
                choices=status_choices(self.initial.get("status")),
                help_text=_(
                    "A planned action is started before it is done; a done or dropped action "
                    "can be reopened as in progress."
                ),
            )
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ProgressNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Progress note"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What has been done, and what comes next. The note is dated."),
    )


class SuggestionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_LIMIT)
    value_key = forms.ChoiceField(label=_("Value it serves"), choices=ValueKey.choices)
    description = forms.CharField(
        label=_("Description"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DeclineForm(forms.Form):
    """Declining a suggestion asks why: the reason goes to the person who suggested it."""

    reason = forms.CharField(
        label=_("Why is the suggestion declined?"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The person who suggested it gets this reason by e-mail and on their home page."
        ),
        error_messages={"required": _("Tell the person who suggested it why.")},
    )
