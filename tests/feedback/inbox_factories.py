"""Messages in a unit's feedback inbox, for the inbox's tests."""

from __future__ import annotations

import datetime

from django.utils import timezone

from feedback.models import FeedbackMessage, MessageContact, MessageStatus
from feedback.services.working_days import reply_due


def inbox_message(
    unit,
    *,
    text: str = "Puhelinaika on liian lyhyt.",
    received_on: datetime.date | None = None,
    status: str = MessageStatus.NEW,
    contact: str = "",
    language: str = "fi",
) -> FeedbackMessage:
    received_on = received_on or timezone.localdate()
    message = FeedbackMessage.objects.create(
        unit=unit,
        received_on=received_on,
        due_on=reply_due(received_on),
        text=text,
        language=language,
        status=status,
    )
    if contact:
        MessageContact.objects.create(message=message, contact=contact)
    return message


def overdue_message(unit, **kwargs) -> FeedbackMessage:
    """Received three weeks ago and not answered: past its due date."""
    return inbox_message(
        unit, received_on=timezone.localdate() - datetime.timedelta(days=21), **kwargs
    )
