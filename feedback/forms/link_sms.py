"""The feedback link page's form: texting the link to a client's mobile number."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..services.link_sms import MAX_INPUT, finnish_mobile


class LinkSmsForm(forms.Form):
    """A client's mobile number and the message's language. The browser is told not to keep
    the number (autocomplete off); the server keeps it only for the send."""

    number = forms.CharField(
        label=_("Client's mobile number"),
        max_length=MAX_INPUT,
        help_text=_("Used for this one message only, and not stored anywhere."),
        error_messages={"required": _("Give the client's mobile number.")},
        widget=forms.TextInput(
            attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of the message"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the language of the message."),
            "invalid_choice": _("Choose the language of the message."),
        },
    )

    def clean_number(self) -> str:
        return finnish_mobile(self.cleaned_data["number"])
