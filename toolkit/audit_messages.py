"""How each audit event is written in the reader's language, from its message key and
parameters ("1 henkilö luotu", "3 henkilöä luotu"). Imports no model, so that AuditEvent can
describe itself without an import circle."""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _role(params: dict) -> str:
    # Looked up through the app registry: the models import this module (AuditEvent.description).
    roles = apps.get_model("toolkit", "Membership").Role
    return str(dict(roles.choices).get(params.get("role"), params.get("role", "")))


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
    "threshold_set": lambda p: _("anonymity threshold set to %(new)s") % p,
    "threshold_changed": lambda p: _("anonymity threshold %(old)s -> %(new)s") % p,
    "inbox_reader_added": lambda p: (
        _("Person #%(person)s named to read the feedback inbox of %(unit)s") % p
    ),
    "inbox_reader_removed": lambda p: (
        _("Person #%(person)s no longer reads the feedback inbox of %(unit)s") % p
    ),
    "unit_moved": lambda p: _("unit %(unit)s: from %(old)s to %(new)s") % p,
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
