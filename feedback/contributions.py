"""What client feedback adds to the core app's pages (toolkit.contributions): the mirror and
the buttons to the feedback link page and the inbox on the unit page; to the self-assessment's pages: the mirror on a round's results
page (assessments.contributions' slot), the clients' section of the unit report and their figures
in the organisation overview (assessments.report_parts), and overdue client messages in the
supervisors' weekly digest (assessments.digest_sections)."""

from __future__ import annotations

import datetime

from assessments import digest_sections, report_parts
from assessments.contributions import ROUND_RESULTS_PANELS
from toolkit import contributions as slots
from toolkit.contributions import Part

from .panels import round_mirror_panel, unit_mirror_panel
from .reports import clients_said as client_parts

MIRROR_CSS = ("feedback/mirror.css",)


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
    # After the self-assessment's follow-up (100): the unit's own results come first.
    slots.part_register(
        slots.UNIT_PANELS,
        Part(
            "feedback/partials/unit_mirror.html",
            150,
            unit_mirror_panel,
            stylesheets=("assessments/results.css", *MIRROR_CSS),
        ),
    )
    slots.part_register(
        ROUND_RESULTS_PANELS,
        Part(
            "feedback/partials/round_mirror.html",
            100,
            round_mirror_panel,
            stylesheets=MIRROR_CSS,
        ),
    )
    report_parts.report_section_register(client_parts.unit_report_section, order=100)
    report_parts.overview_provider_register(client_parts.overview_addition, order=100)
    # The unit page's buttons: the feedback link page (the link, the poster, the text message),
    # then the inbox.
    slots.part_register(slots.UNIT_ACTIONS, Part("feedback/partials/unit_link_button.html", 300))
    slots.part_register(
        slots.UNIT_ACTIONS,
        Part("feedback/partials/unit_inbox_button.html", 310, unit_inbox_button),
    )
    digest_sections.provider_register(
        digest_sections.DigestSectionProvider(
            order=100,
            recipients=overdue_messages_recipients,
            section=overdue_messages_section,
        )
    )
