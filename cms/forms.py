"""Forms for readers: accessibility and content feedback."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 3000
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


class AccessibilityFeedbackForm(forms.Form):
    """What the problem is, where, and (optionally) where to send the answer.

    `website` is a honeypot: hidden from people, so only robots fill it in."""

    message = forms.CharField(
        label=_("What problem did you notice?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("Plain text, at most 3,000 characters."),
    )
    page_url = forms.CharField(
        label=_("Address of the page (optional)"), max_length=500, required=False
    )
    email = forms.EmailField(
        label=_("Your e-mail address, if you want an answer (optional)"), required=False
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Write what problem you noticed."))
        if _HTML_TAG.search(message):
            raise forms.ValidationError(_("Write plain text without HTML tags."))
        return message

    def clean_page_url(self) -> str:
        url = self.cleaned_data["page_url"].strip()
        if url and not (url.startswith("/") or re.match(r"^https?://", url)):
            raise forms.ValidationError(_("Give the page address as it is in the browser."))
        if _HTML_TAG.search(url) or any(c in url for c in "<>\"'"):
            raise forms.ValidationError(_("Give the page address as it is in the browser."))
        return url

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))
