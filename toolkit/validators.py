"""The one check of a person's name, wherever a name is set: the people import, the Wagtail
admin's user forms and account settings (through the model field, so every model form runs it),
and any other form that edits a name.

A name may hold any letters, spaces and punctuation, but no control character (a NUL byte is
refused by PostgreSQL with a server error, a line break breaks CSV files and e-mail headers) and
may not start with = + - @, which spreadsheets run as a formula when an export is opened."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FORMULA_STARTS = ("=", "+", "-", "@")


def control_characters(value: str) -> list[str]:
    """The control characters (Unicode category Cc: NUL, tab, line breaks…) in the text."""
    return [char for char in value if unicodedata.category(char) == "Cc"]


def validate_person_name(value: str) -> None:
    """Refuse a name with control characters or a start that spreadsheets run as a formula."""
    if control_characters(value):
        raise ValidationError(
            _("A name may not contain control characters (such as a line break or a NUL byte)."),
            code="control_character",
        )
    if value.lstrip().startswith(FORMULA_STARTS):
        raise ValidationError(
            _("A name may not start with “%(char)s”: spreadsheets would run it as a formula."),
            code="formula",
            params={"char": value.lstrip()[0]},
        )
