"""The audit log: one call records an event; one selector reads the log for administrators.

An event stores a message key and its parameters (`AuditEvent.message`, `.params`), not a
finished sentence, so each administrator reads it in their own language with the right plural
("1 henkilö luotu", "3 henkilöä luotu"). `subject` keeps the English text for a reader of the
database and for events recorded without a key, which are shown as they were written.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import AuditEvent, Membership, User


def _role(params: dict) -> str:
    return str(dict(Membership.Role.choices).get(params.get("role"), params.get("role", "")))


def _people_import(params: dict) -> str:
    created, memberships = params.get("created", 0), params.get("memberships", 0)
    return _("%(file)s: %(people)s, %(memberships)s") % {
        "file": params.get("file", ""),
        "people": ngettext("%(count)d person created", "%(count)d people created", created)
        % {"count": created},
        "memberships": ngettext(
            "%(count)d membership added or changed",
            "%(count)d memberships added or changed",
            memberships,
        )
        % {"count": memberships},
    }


# Message key -> how to write it in the active language from its parameters.
MESSAGES: dict[str, Callable[[dict], str]] = {
    "membership_added": lambda p: (
        _("Person #%(person)s added to %(unit)s as %(role)s") % {**p, "role": _role(p)}
    ),
    "membership_changed": lambda p: (
        _("Person #%(person)s in %(unit)s is now %(role)s") % {**p, "role": _role(p)}
    ),
    "membership_removed": lambda p: (
        _("Person #%(person)s (%(role)s) removed from %(unit)s") % {**p, "role": _role(p)}
    ),
    "people_import": _people_import,
    "person": lambda p: _("Person #%(person)s") % p,
    "unit_report_pdf": lambda p: _("Unit report PDF, round #%(round)s of %(unit)s") % p,
    "aggregates_csv": lambda p: _("Aggregates CSV, round #%(round)s of %(unit)s") % p,
    "timeline_csv": lambda p: _("Timeline CSV of %(unit)s") % p,
    "training_csv": lambda p: _("Training CSV of %(unit)s") % p,
}


def audit_describe(*, message: str, params: dict, subject: str = "") -> str:
    """The event's subject in the active language; `subject` as written if the key is unknown
    or its parameters do not fit (an event must always be readable)."""
    write = MESSAGES.get(message)
    if write is None:
        return subject
    try:
        return write(params)
    except (KeyError, TypeError, ValueError):
        return subject


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
