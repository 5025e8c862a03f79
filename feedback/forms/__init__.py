"""Client feedback's forms: the public client form (public.py), the mirror's period choice
(mirror_period.py), the inbox (inbox.py) and texting the link (link_sms.py)."""

from .mirror_period import PERIOD_FIELD, MirrorPeriodForm
from .public import (
    CANT_SAY,
    CONTACT_MAX,
    LANGUAGES,
    TEXT_MAX,
    ClientFeedbackForm,
    clean_text,
    score_field_name,
    validate_contact,
)

__all__ = [
    "CANT_SAY",
    "CONTACT_MAX",
    "LANGUAGES",
    "PERIOD_FIELD",
    "TEXT_MAX",
    "ClientFeedbackForm",
    "MirrorPeriodForm",
    "clean_text",
    "score_field_name",
    "validate_contact",
]
