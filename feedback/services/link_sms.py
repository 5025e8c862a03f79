"""Texting a unit's feedback link to a client after a contact. The phone number is used for the
one message and kept nowhere: not in the database, not in a task's arguments (toolkit.outbox
stores those), not in a log line. The message is sent within the request, which waits at most
the gateway's timeout (SMS_GATEWAY_TIMEOUT, 5 s); only the count per unit and day is stored."""

from __future__ import annotations

import logging
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.models import Unit
from toolkit.sms import send_sms

from ..models import SmsSent
from ..selectors.link_page import LANGUAGES, sms_text
from .links import link_for

logger = logging.getLogger(__name__)

# Written with spaces, dashes, dots or brackets: 040 123 4567, (040) 123-4567, +358 40 123 4567.
SEPARATORS = re.compile(r"[\s\-./()]")
# Finnish mobile numbers start 04x or 050 and have 7 to 10 digits after the leading 0.
NATIONAL_MOBILE = re.compile(r"(?:4[0-9]|50)[0-9]{5,8}")
MAX_INPUT = 32

INVALID_NUMBER = _("Give a Finnish mobile number, such as 040 123 4567 or +358 40 123 4567.")
NOT_COLLECTING = _(
    "The unit is not collecting client feedback now, so the link would not work. "
    "A supervisor can resume collecting on this page."
)


def finnish_mobile(raw: str) -> str:
    """The number in international form (+358401234567), or a ValidationError."""
    if len(raw) > MAX_INPUT:
        raise ValidationError(INVALID_NUMBER, code="invalid")
    digits = SEPARATORS.sub("", raw.strip())
    for prefix in ("+358", "00358", "358", "0"):
        if digits.startswith(prefix):
            national = digits[len(prefix) :]
            break
    else:
        raise ValidationError(INVALID_NUMBER, code="invalid")
    if not NATIONAL_MOBILE.fullmatch(national):
        raise ValidationError(INVALID_NUMBER, code="invalid")
    return f"+358{national}"


def link_sms_send(*, unit: Unit, number: str, language: str) -> None:
    """Text the unit's feedback link to `number` in `language` and count the message for the
    unit's day; toolkit.sms.SmsError (nothing counted) when the gateway fails."""
    if language not in LANGUAGES:
        raise ValidationError(_("Choose the language of the message."), code="language")
    link = link_for(unit)
    if not link.collecting:
        raise ValidationError(NOT_COLLECTING, code="not_collecting")
    to = finnish_mobile(number)
    send_sms(to=to, text=sms_text(unit=unit, link=link, language=language))
    sms_sent_count(unit=unit)
    logger.info("A feedback link was sent by text message for unit %s", unit.code)


def sms_sent_count(*, unit: Unit) -> None:
    """One more message for the unit today, safe when two sends count at the same moment."""
    today = timezone.localdate()
    if SmsSent.objects.filter(unit=unit, day=today).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SmsSent.objects.create(unit=unit, day=today, count=1)
    except IntegrityError:  # the other send made today's row first
        SmsSent.objects.filter(unit=unit, day=today).update(count=F("count") + 1)
