"""The organisation overview: every unit the viewer oversees with its latest closed round.

Administrators oversee every unit; supervisors the units they lead and every unit below them.
The anonymity rule of the results page holds: a value mean is given only for a round with at
least k responses, and only over the statements that at least k people scored (results.py); a
change only where both rounds give the value's mean.

A fixed number of queries, however many units and rounds: the unit tree (one query), the latest
two closed rounds of every unit with their counts (one window query), the value means of those
rounds (one grouped query) and the open and overdue actions (one grouped query). Sorting,
filtering by area and paging then happen in Python on at most a few hundred rows. The page
(organisation_overview_page) sorted by name reads the rounds of its own units only. What other
apps add to the page's rows (assessments.report_parts: the clients' means, the reply times)
comes from their providers, each in a fixed number of queries, for the shown page only.

Definitions: a unit's latest closed round is shown even when its means are hidden; the overview
never falls back to an older round (as the comparable rounds of results.py). The change compares
with the unit's previous closed round through `Value.key` (see results.py). The area filter keeps
the chosen unit and every unit below it. The response rate is
responses / invitations of the latest closed round. Sorting puts rows without a figure (no
round, hidden mean) last in both directions, then by unit name.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.expressions import Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from toolkit import permissions as toolkit_permissions
from toolkit.models import Unit
from toolkit.numbers import percent_of, rounded
from toolkit.selectors import subtree_ids

from ..anonymity import current_threshold, threshold_for
from ..models import AssessmentRound, ImprovementAction, Invitation, ValueKey
from ..report_parts import OverviewFigure, OverviewUnit, overview_additions
from .aggregates import response_count_subquery
from .result_types import Change
from .suppression import closed_round_means

SORT_KEYS = ("name", "response_rate", *(key.value for key in ValueKey))
DEFAULT_SORT = "name"
# Upper bounds of the heatmap's colour steps (a mean below 2.5 is step 0, 4.5 or more is step 5).
HEAT_STEPS = (2.5, 3.0, 3.5, 4.0, 4.5)
_HEAT_BOUNDS = tuple(rounded(bound) for bound in HEAT_STEPS)


@dataclass(frozen=True)
class ValueCell:
    """One value of a unit's latest round: its mean and change, or None where not shown."""

    key: str
    mean: float | None
    change: Change | None = None

    @cached_property
    def step(self) -> int | None:
        """The heatmap colour step 0–5 (None where there is no mean to show)."""
        if self.mean is None:
            return None
        shown = rounded(self.mean)
        return sum(1 for bound in _HEAT_BOUNDS if shown >= bound)


@dataclass(frozen=True)
class ActionCounts:
    open: int = 0
    overdue: int = 0


@dataclass
class OverviewRow:
    """A unit with its latest closed round (round fields are None when it has none)."""

    unit: Unit
    round_pk: int | None = None
    round_title: str = ""
    opens_on: datetime.date | None = None
    closes_on: datetime.date | None = None
    round_threshold: int | None = None  # the round's own k (today's, or its k at closing)
    response_count: int = 0
    invited_count: int = 0
    suppressed: bool = False
    cells: list[ValueCell] = field(default_factory=list)
    actions: ActionCounts = field(default_factory=ActionCounts)

    @property
    def response_rate(self) -> int | None:
        """Answered / invited as a whole percent; None without a round or invitations."""
        if self.round_pk is None:
            return None
        return percent_of(self.response_count, self.invited_count)

    def sort_value(self, key: str):
        if key == "response_rate":
            return self.response_rate
        return next((c.mean for c in self.cells if c.key == key), None)


@dataclass
class Overview:
    """What the overview page shows: rows already filtered and sorted, and the choices."""

    threshold: int
    value_keys: list[tuple[str, str]]
    rows: list[OverviewRow]
    areas: list[Unit]
    area: Unit | None
    sort: str
    descending: bool


def action_counts(*, unit_ids: list[int], today: datetime.date) -> dict[int, ActionCounts]:
    """unit id -> open and overdue improvement actions, in one grouped query. Open means
    planned or in progress; overdue, open and past its due date."""
    rows = (
        ImprovementAction.objects.filter(
            unit_id__in=unit_ids, status__in=list(ImprovementAction.OPEN_STATUSES)
        )
        .order_by()
        .values("unit_id")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    )
    return {row["unit_id"]: ActionCounts(row["open"], row["overdue"]) for row in rows}


def _invited_count_subquery() -> Coalesce:
    counts = (
        Invitation.objects.filter(round=OuterRef("pk"))
        .order_by()
        .values("round")
        .annotate(c=Count("pk"))
        .values("c")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def _latest_two_rounds(unit_ids: list[int] | None) -> dict[int, list[dict]]:
    """unit id -> [latest closed round, previous closed round] as dicts, in one query."""
    rounds = AssessmentRound.objects.filter(status=AssessmentRound.Status.CLOSED)
    if unit_ids is not None:
        rounds = rounds.filter(unit_id__in=unit_ids)
    ranked = (
        rounds.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("unit_id")],
                order_by=[F("closes_on").desc(), F("pk").desc()],
            ),
            n=response_count_subquery(),
            invited=_invited_count_subquery(),
        )
        .filter(rank__lte=2)
        .order_by("unit_id", "rank")
        .values(
            "pk", "unit_id", "title", "opens_on", "closes_on", "n", "invited", "closed_threshold"
        )
    )
    by_unit: dict[int, list[dict]] = defaultdict(list)
    for row in ranked:
        by_unit[row["unit_id"]].append(row)
    return by_unit


def _scope(viewer, units: dict[int, Unit]) -> set[int]:
    """Ids of the units the viewer oversees (see the module docstring)."""
    if toolkit_permissions.is_administrator(viewer):
        return set(units)
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit in units.values():
        children[unit.parent_id].append(unit.pk)
    led = toolkit_permissions.units_led_by(viewer).values_list("pk", flat=True)
    return subtree_ids(children, [pk for pk in led if pk in units])


def _shown(round: dict, threshold: int) -> bool:
    """Whether a round row met its own k (today's `threshold`, or its k at closing if higher)."""
    return round["n"] >= threshold_for(round["closed_threshold"], current=threshold)


def _row(unit: Unit, rounds: list[dict], means: dict, threshold: int, keys) -> OverviewRow:
    if not rounds:
        return OverviewRow(unit=unit, cells=[ValueCell(key, None) for key in keys])
    latest = rounds[0]
    previous = rounds[1] if len(rounds) > 1 else None
    own = means.get(latest["pk"], {}) if _shown(latest, threshold) else {}
    suppressed = not own  # too few responses, or no value that k people scored
    before = means.get(previous["pk"], {}) if previous and _shown(previous, threshold) else {}
    cells = []
    for key in keys:
        mean, earlier = own.get(key), before.get(key)
        change = Change.between(mean, earlier)
        cells.append(ValueCell(key, mean, change))
    return OverviewRow(
        unit=unit,
        round_pk=latest["pk"],
        round_title=latest["title"],
        opens_on=latest["opens_on"],
        closes_on=latest["closes_on"],
        round_threshold=threshold_for(latest["closed_threshold"], current=threshold),
        response_count=latest["n"],
        invited_count=latest["invited"],
        suppressed=suppressed,
        cells=cells,
    )


def _sorted(rows: list[OverviewRow], key: str, descending: bool) -> list[OverviewRow]:
    """Rows by `key`, rows without a figure last in both directions, ties by unit name."""
    rows = sorted(rows, key=lambda r: (r.unit.name.casefold(), r.unit.code))
    if key == "name":
        return list(reversed(rows)) if descending else rows
    present = [r for r in rows if r.sort_value(key) is not None]
    missing = [r for r in rows if r.sort_value(key) is None]
    present.sort(key=lambda r: r.sort_value(key), reverse=descending)
    return present + missing


def _parse_sort(sort: str | None) -> tuple[str, bool]:
    sort = (sort or "").strip()
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        return DEFAULT_SORT, False
    return key, descending


@dataclass(frozen=True)
class _Frame:
    """Whom and what the viewer's overview covers, before any round is read."""

    threshold: int
    units: dict[int, Unit]
    shown: set[int]
    areas: list[Unit]
    area: Unit | None
    all_units: bool  # every unit of the organisation: no unit filter in the round query


def _frame(viewer, area_id: int | None) -> _Frame:
    units = {
        u.pk: u
        for u in Unit.objects.only("pk", "code", "name_fi", "name_sv", "name_en", "parent_id")
    }
    scope = _scope(viewer, units)
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk in scope:
        children[units[pk].parent_id].append(pk)
    areas = sorted((units[pk] for pk in scope if children.get(pk)), key=lambda u: u.name.casefold())
    area = units[area_id] if area_id in scope and children.get(area_id) else None
    shown = subtree_ids(children, [area.pk]) if area else scope
    all_units = toolkit_permissions.is_administrator(viewer) and area is None
    return _Frame(current_threshold(), units, shown, areas, area, all_units)


def _rows(frame: _Frame, unit_ids: set[int], *, every_unit: bool) -> list[OverviewRow]:
    """The rows of these units (unsorted), in four queries whatever their number."""
    threshold = frame.threshold
    keys = [key.value for key in ValueKey]
    rounds = _latest_two_rounds(None if every_unit else sorted(unit_ids)) if unit_ids else {}
    means = closed_round_means(
        {
            r["pk"]: threshold_for(r["closed_threshold"], current=threshold)
            for pk in unit_ids
            for r in rounds.get(pk, [])
            if _shown(r, threshold)
        }
    )
    counts = (
        action_counts(unit_ids=sorted(unit_ids), today=timezone.localdate()) if unit_ids else {}
    )
    rows = []
    for pk in unit_ids:
        row = _row(frame.units[pk], rounds.get(pk, []), means, threshold, keys)
        row.actions = counts.get(pk, row.actions)
        rows.append(row)
    return rows


def _overview(frame: _Frame, rows: list[OverviewRow], key: str, descending: bool) -> Overview:
    return Overview(
        threshold=frame.threshold,
        value_keys=[(k.value, str(k.label)) for k in ValueKey],
        rows=rows,
        areas=frame.areas,
        area=frame.area,
        sort=key,
        descending=descending,
    )


def organisation_overview(
    *, viewer, area_id: int | None = None, sort: str | None = None
) -> Overview:
    """Every unit the viewer oversees with its latest closed round, filtered to an area (the
    area and the units under it) and sorted by `sort` ("name", "response_rate" or a value key,
    with a leading "-" for descending). An area outside the viewer's units and an unknown sort
    are ignored (then overview.area is None and overview.sort is "name")."""
    frame = _frame(viewer, area_id)
    key, descending = _parse_sort(sort)
    rows = _rows(frame, frame.shown, every_unit=frame.all_units)
    return _overview(frame, _sorted(rows, key, descending), key, descending)


def organisation_overview_page(
    *, viewer, area_id: int | None = None, sort: str | None = None, number=1, per_page: int
) -> tuple[Overview, Page]:
    """One page of organisation_overview (a number past the end gives the last page), with
    overview.rows the page's rows. In the order by name the page's units are known before any
    round is read, so only their rows are made; a figure's order needs every row."""
    frame = _frame(viewer, area_id)
    key, descending = _parse_sort(sort)
    if key != "name":
        rows = _sorted(_rows(frame, frame.shown, every_unit=frame.all_units), key, descending)
        page = _page(rows, number, per_page)
        return _overview(frame, list(page.object_list), key, descending), page
    units = sorted(
        (frame.units[pk] for pk in frame.shown), key=lambda u: (u.name.casefold(), u.code)
    )
    page = _page(list(reversed(units)) if descending else units, number, per_page)
    on_page = {unit.pk for unit in page.object_list}
    rows = _sorted(_rows(frame, on_page, every_unit=False), key, descending)
    page.object_list = rows
    return _overview(frame, rows, key, descending), page


def _page(items: list, number, per_page: int) -> Page:
    paginator = Paginator(items, per_page)
    return paginator.get_page(min(number, paginator.num_pages))


# --- What other apps add to the page's rows (assessments.report_parts) -------------------------


@dataclass(frozen=True)
class AddedRow:
    """A row of the page with the other apps' figures: per value the staff cell and the figures
    under it, then a figure (or None) per added column."""

    row: OverviewRow
    cells: list[tuple[ValueCell, list[OverviewFigure]]]
    column_figures: list[OverviewFigure | None]

    @property
    def has_value_figures(self) -> bool:
        return any(figures for _cell, figures in self.cells)


@dataclass(frozen=True)
class OverviewAdditions:
    """The added columns' headers, the notes under the table and the page's rows."""

    columns: list[str]
    notes: list[str]
    rows: list[AddedRow]


def overview_page_additions(
    rows: list[OverviewRow], *, today: datetime.date | None = None
) -> OverviewAdditions:
    """What the registered providers add to these rows (one page of the overview), in a number
    of queries that does not depend on the number of rows."""
    today = today or timezone.localdate()
    units = [
        OverviewUnit(r.unit.pk, r.opens_on, r.closes_on, r.round_threshold)
        if r.round_pk is not None
        else OverviewUnit(r.unit.pk)
        for r in rows
    ]
    additions = overview_additions(units, today) if units else []
    columns = [header for a in additions for header in a.columns]
    added = []
    for r in rows:
        cells = [
            (
                cell,
                [f for a in additions if (f := a.value_figures.get(r.unit.pk, {}).get(cell.key))],
            )
            for cell in r.cells
        ]
        figures: list[OverviewFigure | None] = []
        for a in additions:
            own = a.column_figures.get(r.unit.pk, [])
            figures += [own[i] if i < len(own) else None for i in range(len(a.columns))]
        added.append(AddedRow(r, cells, figures))
    return OverviewAdditions(columns, [n for a in additions for n in a.notes], added)
