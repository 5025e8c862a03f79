"""The audit log: one call records an event; one selector reads the log for administrators."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import AuditEvent, User


def audit_record(*, actor: User | None, action: str, subject: str) -> AuditEvent:
    """Record that `actor` did `action` to `subject` (a short description: what, of which)."""
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject[:300],
    )


def audit_events(*, action: str = "") -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor")
    return events.filter(action=action) if action else events
