"""Forms of the feedback inbox: a message's status, a reply, a reader to name.

The status choices are the moves the message may make from where it is, and the reader choices
the unit's own members, so nothing else can even be posted; the services check again."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import FeedbackMessage, MessageStatus
from ..selectors.inbox import reader_candidates
from ..services.inbox import REPLY_LIMIT, TRANSITIONS


class MessageStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))

    def __init__(self, *args, message: FeedbackMessage, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS.get(message.status, set())
        self.fields["status"].choices = [
            (value, label) for value, label in MessageStatus.choices if value in allowed
        ]


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your reply"),
        max_length=REPLY_LIMIT,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ReaderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        name = obj.get_full_name()
        return f"{name} ({obj.email})" if name else obj.email


class InboxReaderForm(forms.Form):
    user = ReaderChoiceField(
        label=_("Member of the unit"), queryset=None, empty_label=_("Choose a member")
    )

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = reader_candidates(unit=unit)
