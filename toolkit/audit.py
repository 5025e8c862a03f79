"""The audit log: one call records an event; one selector reads the log for administrators.
How each message is written lives in toolkit.audit_messages (the model needs it too).

An event stores a message key and its parameters (`AuditEvent.message`, `.params`), not a
finished sentence, so each administrator reads it in their own language with the right plural
("1 henkilö luotu", "3 henkilöä luotu"). `subject` keeps the English text for a reader of the
database and for events recorded without a key, which are shown as they were written.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import translation

from .audit_messages import MESSAGES, audit_describe
from .models import AuditEvent, User


def audit_record(
    *,
    actor: User | None,
    action: str,
    subject: str = "",
    message: str = "",
    params: dict | None = None,
) -> AuditEvent:
    """Record that `actor` did `action` to a subject: a message key of MESSAGES with its
    parameters (shown in the reader's language), or a short description (what, of which)."""
    params = params or {}
    if message:
        if message not in MESSAGES:
            raise ValueError(f"Unknown audit message {message!r}")
        with translation.override("en"):
            subject = audit_describe(message=message, params=params, subject=subject)
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject[:300],
        message=message,
        params=params,
    )


def audit_events(*, action: str = "") -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor")
    return events.filter(action=action) if action else events
