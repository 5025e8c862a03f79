"""Free text is scrubbed before it is stored: Finnish personal identity codes, phone numbers
and e-mail addresses become "[removed]", so a client who writes them gives them to nobody."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

# Finnish personal identity code: ddmmyy, the century sign (+ - A–F, Y X W V U), three digits and
# a check character (e.g. 131052-308T, 010594Y9032).
_IDENTITY_CODE = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers: +358 or a leading 0, then 6–12 digits with spaces or dashes between groups
# (040 123 4567, 0401234567, +358 40 123 4567, +358 (0)40 123 4567, (09) 123 456).
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s-]?(?:\(0\)[\s-]?)?|\(?0\d{1,3}\)?[\s-]?)\d(?:[\s-]?\d){4,10}\b"
)


def scrub(text: str) -> str:
    removed = "[" + _("removed") + "]"
    for pattern in (_IDENTITY_CODE, _EMAIL, _PHONE):
        text = pattern.sub(removed, text)
    return text
