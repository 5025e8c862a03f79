"""What client feedback adds to the core app's pages (toolkit.contributions), to the
self-assessment pages (assessments' result extensions) and to the supervisors' weekly digest
(assessments.digest_sections)."""

from __future__ import annotations

import datetime

from assessments import digest_sections
from toolkit import contributions as slots
from toolkit.contributions import Part


def unit_inbox_button(context, *, unit, **kwargs) -> dict | None:
    """The inbox button on the unit page, for those who may read it, with the messages that
    wait: new ones and overdue ones."""
    from .permissions import can_read_inbox
    from .selectors.inbox import inbox_attention_count

    if not can_read_inbox(context["request"].user, unit):
        return None
    return {"unit": unit, "waiting": inbox_attention_count(unit=unit)}


def overdue_messages_recipients(today: datetime.date) -> set[int]:
    """The supervisors of units with overdue client messages."""
    from .selectors.digest import unit_supervisor_ids
    from .selectors.inbox import overdue_by_unit

    return set(unit_supervisor_ids(unit_ids=list(overdue_by_unit(today=today))))


def overdue_messages_section(user, today: datetime.date) -> digest_sections.DigestSection | None:
    """The overdue client messages of the units the person leads: a count and a link a unit."""
    from .selectors.digest import overdue_messages_of_units_led_by

    units = overdue_messages_of_units_led_by(user=user, today=today)
    if not units:
        return None
    return digest_sections.DigestSection("feedback/email/digest_overdue_messages", {"units": units})


def register() -> None:
    slots.part_register(
        slots.UNIT_ACTIONS,
        Part("feedback/partials/unit_inbox_button.html", 300, unit_inbox_button),
    )
    digest_sections.provider_register(
        digest_sections.DigestSectionProvider(
            order=100,
            recipients=overdue_messages_recipients,
            section=overdue_messages_section,
        )
    )
