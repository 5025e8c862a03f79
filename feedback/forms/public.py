"""The public client feedback form, /p/<code>/ (the contract is in feedback/views/public.py):
one 1–5 question with "can't say" per value, the 0–10 recommendation, one free text and an
optional contact. Every question is optional, but an answer must answer something."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from assessments.models import Value

from ..services.answering import ClientSubmission

CANT_SAY = "cant_say"
TEXT_MAX = 1000
CONTACT_MAX = 254
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Control characters other than tab and newline: nothing a person types, and some break
# storage (NUL on PostgreSQL) or the inbox's display.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A phone number as people write it: an optional +, then 7–15 digits with spaces, dashes,
# dots or brackets between them.
_PHONE = re.compile(r"^\+?[\d\s().-]+$")


def score_field_name(value_key: str) -> str:
    return f"score_{value_key}"


def clean_text(text: str) -> str:
    """Line ends made one, invisible control characters removed, ends trimmed."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def validate_contact(contact: str) -> None:
    """An e-mail address or a phone number, nothing else."""
    if "@" in contact:
        validate_email(contact)  # raises with Django's own translated message
        return
    digits = re.sub(r"\D", "", contact)
    if not _PHONE.match(contact) or not 7 <= len(digits) <= 15:
        raise ValidationError(
            _("Give an e-mail address (name@example.fi) or a phone number (040 123 4567)."),
            code="contact",
        )


class ClientFeedbackForm(forms.Form):
    """The client's answer to one framework version's client statements."""

    score_choices = [(str(n), str(n)) for n in range(1, 6)] + [(CANT_SAY, _("Can't say"))]
    recommend_choices = [(str(n), str(n)) for n in range(11)]

    recommend = forms.ChoiceField(
        required=False,
        choices=recommend_choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a number from 0 to 10.")},
    )
    better = forms.CharField(
        label=_("What should we do better?"),
        required=False,
        strip=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": ngettext_lazy(
                "Write at most %(limit_value)d character (you wrote %(show_value)d). "
                "Nothing was stored yet.",
                "Write at most %(limit_value)d characters (you wrote %(show_value)d). "
                "Nothing was stored yet.",
                "limit_value",
            )
        },
    )
    contact = forms.CharField(
        label=_("Your e-mail address or phone number, if you want an answer (optional)"),
        required=False,
        max_length=CONTACT_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={
            "max_length": _("An e-mail address or phone number is at most %(limit_value)d long.")
        },
    )
    # The trap: hidden from people by the style sheet, filled in by bots that fill everything.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    lang = forms.ChoiceField(
        required=False, choices=[(code, code) for code in LANGUAGES], widget=forms.HiddenInput
    )

    def __init__(self, *args, values: list[Value], version_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.values = values
        self.version_id = version_id
        scores = {}
        for value in values:
            scores[score_field_name(value.key)] = forms.ChoiceField(
                label=value.client_statement or value.client_statement_fi,
                required=False,
                choices=self.score_choices,
                widget=forms.RadioSelect,
                error_messages={
                    "invalid_choice": _("Choose a score from 1 to 5, or “can't say”."),
                },
            )
        # The value questions first, in the framework's order.
        self.fields = {**scores, **self.fields}
        self.fields["recommend"].label = _(
            "How likely would you recommend us to a friend or someone close to you?"
        )

    @property
    def score_fields(self) -> list[forms.BoundField]:
        return [self[score_field_name(value.key)] for value in self.values]

    @property
    def is_trap_filled(self) -> bool:
        """A bot filled the hidden field: it is thanked, and nothing is stored."""
        return bool(self.data.get("website", "").strip())

    def clean_better(self) -> str:
        return clean_text(self.cleaned_data.get("better", ""))

    def clean_contact(self) -> str:
        contact = clean_text(self.cleaned_data.get("contact", ""))
        if contact:
            validate_contact(contact)
        return contact

    def clean(self):
        cleaned = super().clean()
        self._refuse_unknown_fields()
        answered = any(cleaned.get(name) for name in self.fields if name.startswith("score_"))
        nothing = not (answered or cleaned.get("recommend") or cleaned.get("better"))
        if nothing and not self.errors:
            raise ValidationError(_("Answer at least one question."), code="empty")
        if cleaned.get("contact") and not cleaned.get("better"):
            self.add_error(
                "contact",
                _(
                    "A contact is needed only with a message: write what we should do better, "
                    "or leave the contact empty."
                ),
            )
        return cleaned

    def _refuse_unknown_fields(self) -> None:
        """A browser sends only the form's own fields, once each: anything else was made by
        hand, and is refused whole rather than stored in part."""
        names = list(self.data.keys())
        unknown = [name for name in names if name not in self.fields]
        getlist = getattr(self.data, "getlist", lambda name: [self.data[name]])
        repeated = [name for name in names if len(getlist(name)) > 1]
        if unknown or repeated:
            raise ValidationError(
                _("The answer had parts this form does not ask. Nothing was stored."),
                code="unknown",
            )

    def submission(self, *, language: str) -> ClientSubmission:
        """The validated answer in the shape answer_submit stores."""
        data = self.cleaned_data
        scores = {}
        for value in self.values:
            chosen = data.get(score_field_name(value.key))
            if chosen:
                scores[value.key] = None if chosen == CANT_SAY else int(chosen)
        recommend = data.get("recommend")
        return ClientSubmission(
            version_id=self.version_id,
            scores=scores,
            recommend=int(recommend) if recommend else None,
            text=data.get("better", ""),
            contact=data.get("contact", "") if data.get("better") else "",
            language=language,
        )
