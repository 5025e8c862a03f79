"""The feedback inbox's writes: a message's status, replies (sent to the client's contact when
they left one), and the people a supervisor names to read the unit's inbox.

The status moves forward: new → being handled → answered → closed, and any open message may
be closed. A closed message stays closed: closing deletes the client's contact, so a reopened
message could not be answered, and the five-working-day measure counts each message once.

A reply to a message with a contact is sent at once, inside the transaction that stores it: if
the mail server or the SMS gateway refuses, the writer sees why and nothing is stored, so no
reply is ever shown as sent that the client did not get."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from toolkit import mail
from toolkit.audit import audit_record
from toolkit.models import Membership, Unit, User
from toolkit.sms import SmsError, send_sms

from ..models import FeedbackMessage, InboxReader, MessageContact, MessageReply, MessageStatus

REPLY_LIMIT = 4000
EMAIL = "email"
PHONE = "phone"
# A phone number as clients write one: +358 40 123 4567, 040-1234567, (09) 123 456.
PHONE_PATTERN = re.compile(r"^\+?[\d\s\-().]{6,24}$")

# Where each status may go (closed is final, see the module).
TRANSITIONS: dict[str, set[str]] = {
    MessageStatus.NEW: {MessageStatus.HANDLING, MessageStatus.ANSWERED, MessageStatus.CLOSED},
    MessageStatus.HANDLING: {MessageStatus.ANSWERED, MessageStatus.CLOSED},
    MessageStatus.ANSWERED: {MessageStatus.CLOSED},
    MessageStatus.CLOSED: set(),
}


def contact_kind(contact: str) -> str | None:
    """EMAIL, PHONE, or None for a contact that is neither (it cannot be answered)."""
    contact = contact.strip()
    try:
        validate_email(contact)
    except ValidationError:
        digits = sum(ch.isdigit() for ch in contact)
        return PHONE if PHONE_PATTERN.match(contact) and 6 <= digits <= 15 else None
    return EMAIL


def contact_masked(contact: str) -> str:
    """Enough of the contact to tell two apart, never the whole: m***@example.org, ******567."""
    contact = contact.strip()
    if contact_kind(contact) == EMAIL:
        name, _at, domain = contact.rpartition("@")
        return f"{name[:1]}***@{domain}"
    return "*" * max(0, len(contact) - 3) + contact[-3:]


def _locked(message: FeedbackMessage) -> FeedbackMessage:
    return FeedbackMessage.objects.select_for_update().get(pk=message.pk)


def message_status_set(*, message: FeedbackMessage, status: str, by: User) -> FeedbackMessage:
    """Move the message to `status` (see TRANSITIONS). "Answered" records the day, as a reply
    does; "closed" records the day and deletes the client's contact."""
    with transaction.atomic():
        locked = _locked(message)
        if status == locked.status:
            return locked
        if status not in TRANSITIONS.get(locked.status, set()):
            refusal = _("A message that is “%(status)s” cannot be moved to that status.")
            raise ValidationError(
                {"status": ValidationError(refusal, params={"status": locked.get_status_display()})}
            )
        today = timezone.localdate()
        locked.status = status
        if status == MessageStatus.ANSWERED and locked.answered_on is None:
            locked.answered_on = today
        if status == MessageStatus.CLOSED:
            locked.closed_on = today
            MessageContact.objects.filter(message=locked).delete()
        locked.save(update_fields=["status", "answered_on", "closed_on"])
        return locked


def message_reply(*, message: FeedbackMessage, text: str, by: User) -> MessageReply:
    """Store a reply; when the client left a contact, send it there first (all or nothing).
    The first reply marks a new or handled message answered."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the reply first.")})
    if len(text) > REPLY_LIMIT:
        too_long = _("The reply is too long: at most %(limit)s characters.")
        raise ValidationError({"text": ValidationError(too_long, params={"limit": REPLY_LIMIT})})
    with transaction.atomic():
        locked = _locked(message)
        if locked.status == MessageStatus.CLOSED:
            raise ValidationError(_("The message is closed: it can no longer be answered."))
        contact = MessageContact.objects.filter(message=locked).first()
        kind = contact_kind(contact.contact) if contact else None
        reply = MessageReply.objects.create(
            message=locked, text=text, written_by=by, sent_to_client=kind is not None
        )
        if locked.status in (MessageStatus.NEW, MessageStatus.HANDLING):
            locked.status = MessageStatus.ANSWERED
        locked.answered_on = locked.answered_on or timezone.localdate()
        locked.save(update_fields=["status", "answered_on"])
        if kind is not None:
            # Last, so that a refusal rolls back everything above.
            _send_to_client(locked, contact.contact, kind, text)
        return reply


def _send_to_client(message: FeedbackMessage, contact: str, kind: str, text: str) -> None:
    unit_names = {
        "fi": message.unit.name_fi,
        "sv": message.unit.name_sv,
        "en": message.unit.name_en,
    }
    unit_name = unit_names.get(message.language) or message.unit.name_fi
    try:
        if kind == EMAIL:
            mail.send(
                [
                    mail.Mail(
                        template="feedback/email/reply",
                        to=(contact,),
                        language=message.language or settings.LANGUAGE_CODE,
                        context={"unit_name": unit_name, "message": message, "reply": text},
                    )
                ]
            )
        else:
            with translation.override(message.language or settings.LANGUAGE_CODE):
                intro = str(_("%(unit)s answers your feedback:") % {"unit": unit_name})
            send_sms(to=contact, text=f"{intro}\n{text}")
    except (OSError, SmsError) as error:
        raise ValidationError(
            _(
                "The reply could not be sent to the client (%(kind)s): nothing was saved. "
                "Try again in a moment."
            ),
            params={"kind": _("e-mail") if kind == EMAIL else _("text message")},
        ) from error


def inbox_reader_add(*, unit: Unit, user: User, by: User) -> InboxReader:
    """Name a member of the unit to read and answer its inbox (audited: it opens client
    messages to them)."""
    if not Membership.objects.filter(unit=unit, user=user, user__is_active=True).exists():
        raise ValidationError({"user": _("Only a member of the unit can read its inbox.")})
    with transaction.atomic():
        reader, created = InboxReader.objects.get_or_create(
            unit=unit, user=user, defaults={"added_by": by}
        )
        if created:
            audit_record(
                actor=by,
                action="inbox_reader_added",
                message="inbox_reader_added",
                params={"person": user.pk, "unit": unit.code},
            )
    return reader


def inbox_reader_remove(*, unit: Unit, user: User, by: User) -> bool:
    """The person no longer reads the unit's inbox. True if they did."""
    with transaction.atomic():
        deleted, _rows = InboxReader.objects.filter(unit=unit, user=user).delete()
        if deleted:
            audit_record(
                actor=by,
                action="inbox_reader_removed",
                message="inbox_reader_removed",
                params={"person": user.pk, "unit": unit.code},
            )
    return bool(deleted)
