"""What client feedback adds to the core app's pages (toolkit.contributions) and to the
self-assessment's report and overview (assessments.report_parts)."""

from assessments import report_parts

from . import report_parts as client_parts


def register() -> None:
    """The clients' section of the unit report (PDF and CSV) and their columns in the
    organisation overview; the mirror and the inbox slices add their parts here too."""
    report_parts.report_section_register(client_parts.unit_report_section, order=100)
    report_parts.overview_provider_register(client_parts.overview_addition, order=100)
