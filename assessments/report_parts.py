"""What other apps add to the unit report (PDF and CSV) and to the organisation overview, without
assessments knowing them: as toolkit.contributions does for the core app's pages, an app
registers a provider from its AppConfig.ready() and assessments renders whatever is registered,
lowest order first. An app that is not installed simply adds nothing.

A provider gives finished words and figures (formatted by toolkit.numbers), already under its
own anonymity rule: assessments only lays them out, in the PDF's styles, the CSV's rows and the
overview's cells.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from .selectors.result_types import RoundResults

# --- The unit report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportText:
    """A paragraph of a report section: "body" text, a muted "note" or a "subheading"."""

    text: str
    kind: str = "body"


@dataclass(frozen=True)
class ReportTable:
    """A table of plain-text cells, its first row the header; `numeric` columns align right."""

    rows: list[list[str]]
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReportSection:
    """A section of the unit report: in the PDF its heading and blocks in order, in the CSV
    `csv_rows` after the round's own rows (the same figures, one cell each)."""

    heading: str
    blocks: list[ReportText | ReportTable]
    csv_rows: list[list] = field(default_factory=list)


ReportSectionProvider = Callable[[RoundResults], "ReportSection | None"]
_report_sections: list[tuple[int, ReportSectionProvider]] = []


def report_section_register(provider: ReportSectionProvider, *, order: int) -> None:
    """`provider(results)` gives a section for the round's report, or None to add nothing
    (again on a second ready(), as in tests, changes nothing)."""
    if all(registered is not provider for _order, registered in _report_sections):
        _report_sections.append((order, provider))


def report_sections(results: RoundResults) -> list[ReportSection]:
    """The registered sections for this round, lowest order first."""
    found = (provider(results) for _order, provider in sorted(_report_sections, key=_first))
    return [section for section in found if section is not None]


def _first(item: tuple) -> int:
    return item[0]


# --- The organisation overview -----------------------------------------------------------------


@dataclass(frozen=True)
class OverviewUnit:
    """A unit on the overview's page: its latest closed round's dates and k (None without one)."""

    unit_id: int
    round_opens_on: datetime.date | None = None
    round_closes_on: datetime.date | None = None
    threshold: int | None = None


@dataclass(frozen=True)
class OverviewFigure:
    """A figure shown in the overview: `label` says what it is ("Clients"), `text` the figure
    as written, `detail` a second muted line; `hidden` marks the hidden marker's muted style."""

    label: str
    text: str
    detail: str = ""
    hidden: bool = False


@dataclass
class OverviewAddition:
    """What a provider adds to the page's rows: a figure under the staff mean of each value
    (unit id -> value key -> figure), columns of their own (headers, and unit id -> a figure
    per column) and notes under the table."""

    value_figures: dict[int, dict[str, OverviewFigure]] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    column_figures: dict[int, list[OverviewFigure]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


OverviewProvider = Callable[[list[OverviewUnit], datetime.date], OverviewAddition]
_overview_providers: list[tuple[int, OverviewProvider]] = []


def overview_provider_register(provider: OverviewProvider, *, order: int) -> None:
    """`provider(units, today)` gives what it adds for these units, in a number of queries that
    does not depend on how many units or answers there are."""
    if all(registered is not provider for _order, registered in _overview_providers):
        _overview_providers.append((order, provider))


def overview_additions(units: list[OverviewUnit], today: datetime.date) -> list[OverviewAddition]:
    """The registered providers' additions for these units, lowest order first."""
    return [provider(units, today) for _order, provider in sorted(_overview_providers, key=_first)]
