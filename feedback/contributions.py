"""What client feedback adds to the core app's pages (toolkit.contributions) and to the
self-assessment's pages: the mirror on the unit page and on a round's results page
(assessments.contributions' slot), the clients' section of the unit report and their figures in
the organisation overview (assessments.report_parts)."""

from assessments import report_parts
from assessments.contributions import ROUND_RESULTS_PANELS
from toolkit import contributions as slots
from toolkit.contributions import Part

from . import report_parts as client_parts
from .panels import round_mirror_panel, unit_mirror_panel

MIRROR_CSS = ("feedback/mirror.css",)


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
