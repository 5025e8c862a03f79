"""What the clients said, in the unit report (PDF and CSV) and the organisation overview:
filled into the slots assessments offers (assessments.report_parts) from contributions.py.

Every figure comes from the selectors (report_rows, client_results, reply_times), already
under the anonymity rule, and is written by toolkit.numbers, so the page, the PDF and the CSV
agree. A unit without any client answer in the round's months gets no section at all."""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.report_parts import (
    OverviewAddition,
    OverviewFigure,
    OverviewUnit,
    ReportSection,
    ReportTable,
    ReportText,
)
from assessments.selectors.result_types import RoundResults
from toolkit.numbers import (
    format_count,
    format_full,
    format_gap,
    format_mean,
    format_percent,
    format_points,
)
from toolkit.values import ValueKey

from ..selectors.client_results import Period, RecommendFigure, client_figures_by_period
from ..selectors.reply_times import reply_times
from ..selectors.report_rows import MirrorRow, MirrorRows, round_report_rows


def _date(value: datetime.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def hidden_clients_text(k: int) -> str:
    return _(
        "Fewer than %(k)s clients gave a score in these months, or in one of them, so no "
        "figure is shown to protect anonymity."
    ) % {"k": k}


def hidden_recommend_text(k: int) -> str:
    return _(
        "Fewer than %(k)s clients answered the recommendation question in these months, or in "
        "one of them, so no figure is shown to protect anonymity."
    ) % {"k": k}


def widest_gap_text(mirror: MirrorRows) -> str:
    """The value where the staff's and the clients' means lie furthest apart, in words."""
    row = mirror.widest
    if row is None:
        return _("No value has both a staff and a client figure to compare.")
    if row.gap == 0:
        return _("Staff and clients give every value the same mean.")
    return _("The gap is widest in %(value)s: staff %(staff)s, clients %(clients)s (%(gap)s).") % {
        "value": row.name,
        "staff": format_mean(row.staff_mean),
        "clients": format_mean(row.client_mean),
        "gap": format_gap(row.gap),
    }


def _period_text(mirror: MirrorRows) -> str:
    answers = mirror.clients.answers
    return ngettext(
        "Clients' answers from %(start)s to %(end)s, the months of the round: %(count)s answer.",
        "Clients' answers from %(start)s to %(end)s, the months of the round: %(count)s answers.",
        answers,
    ) % {"start": _date(mirror.start), "end": _date(mirror.end), "count": format_count(answers)}


def _value_table(mirror: MirrorRows) -> ReportTable:
    rows = [[_("Value"), _("Staff"), _("Clients"), _("Gap"), _("Client answers")]]
    for row in mirror.rows:
        rows.append(
            [
                row.name,
                format_mean(row.staff_mean),
                format_mean(row.client_mean),
                format_gap(row.gap),
                format_count(row.clients.scored),
            ]
        )
    return ReportTable(rows, numeric=(1, 2, 4))


def _recommend_table(figure: RecommendFigure) -> ReportTable:
    return ReportTable(
        [
            [_("% would recommend (9–10)"), _("Mean (0–10)"), _("NPS"), _("Answers")],
            [
                format_percent(figure.share_recommend),
                format_mean(figure.mean),
                format_points(figure.nps),
                format_count(figure.given),
            ],
        ],
        numeric=(0, 1, 2, 3),
    )


def _notes(mirror: MirrorRows) -> list[ReportText]:
    k = mirror.threshold
    notes = [
        ReportText(
            _(
                "Means on a scale from 1 to 5; “can't say” answers are not counted. Client "
                "answers: clients who gave the value a score. The gap is the clients' mean "
                "minus the staff's."
            ),
            "note",
        )
    ]
    if any(row.client_mean is None for row in mirror.rows):
        notes.append(ReportText(f"{_('Clients')} –: {hidden_clients_text(k)}", "note"))
    if any(row.staff_mean is None for row in mirror.rows):
        notes.append(
            ReportText(
                _("Staff –: fewer than %(k)s people gave this value a score in the round.")
                % {"k": k},
                "note",
            )
        )
    return notes


def _recommend_blocks(mirror: MirrorRows) -> list:
    figure = mirror.clients.recommend or RecommendFigure(0, None, None, None)
    blocks: list = [ReportText(_("Would recommend the unit"), "subheading")]
    if not figure.shown:
        return [*blocks, ReportText(hidden_recommend_text(mirror.threshold))]
    return [
        *blocks,
        _recommend_table(figure),
        ReportText(
            _(
                "How likely clients would recommend the unit, from 0 to 10. NPS (Net Promoter "
                "Score) is the share of 9–10 minus the share of 0–6, in points from −100 to 100."
            ),
            "note",
        ),
    ]


def _csv_value_row(row: MirrorRow, k: int) -> list:
    client = format_mean(row.client_mean, missing="") if row.clients.shown else None
    return [
        row.name,
        format_mean(row.staff_mean, missing=""),
        client if client is not None else hidden_clients_text(k),
        format_full(row.client_mean),
        format_gap(row.gap, missing=""),
        row.clients.scored,
        row.clients.cant_say,
    ]


def _csv_rows(mirror: MirrorRows) -> list[list]:
    k = mirror.threshold
    rows: list[list] = [
        [_("Months"), _date(mirror.start), _date(mirror.end)],
        [_("Client answers"), mirror.clients.answers],
        [
            _("Value"),
            _("Staff mean"),
            _("Client mean"),
            _("%(column)s (full precision)") % {"column": _("Client mean")},
            _("Gap"),
            _("Clients who gave a score"),
            _("Can't say"),
        ],
        *[_csv_value_row(row, k) for row in mirror.rows],
        [_("Widest gap"), widest_gap_text(mirror)],
    ]
    figure = mirror.clients.recommend or RecommendFigure(0, None, None, None)
    if not figure.shown:
        return [*rows, [_("Would recommend the unit"), hidden_recommend_text(k)]]
    return rows + [
        [_("% would recommend (9–10)"), format_percent(figure.share_recommend, missing="")],
        [_("Mean (0–10)"), format_mean(figure.mean, missing="")],
        [_("NPS"), format_points(figure.nps, missing="")],
        [_("Answers to the recommendation question"), figure.given],
    ]


def unit_report_section(results: RoundResults) -> ReportSection | None:
    """ "What clients said" for the round's report; None when no client answered in its months."""
    mirror = round_report_rows(round=results.round, results=results)
    if not mirror.clients.answers:
        return None
    blocks = [
        ReportText(_period_text(mirror)),
        _value_table(mirror),
        *_notes(mirror),
        ReportText(_("Widest gap"), "subheading"),
        ReportText(widest_gap_text(mirror)),
        *_recommend_blocks(mirror),
    ]
    return ReportSection(_("What clients said"), blocks, _csv_rows(mirror))


# --- The organisation overview -----------------------------------------------------------------


def _client_figures(units: list[OverviewUnit]) -> dict[int, dict[str, OverviewFigure]]:
    periods = {
        u.unit_id: Period(u.round_opens_on, u.round_closes_on, u.threshold)
        for u in units
        if u.round_closes_on is not None
    }
    found = {}
    for unit_id, figures in client_figures_by_period(periods).items():
        if not figures.answers:
            continue  # no client answered in the round's months: nothing to say
        found[unit_id] = {
            key: OverviewFigure(
                _("clients"),
                format_mean(figures.values[key].mean),
                hidden=not figures.values[key].shown,
            )
            for key in ValueKey.values
        }
    return found


def _reply_figures(units: list[OverviewUnit], today) -> dict[int, list[OverviewFigure]]:
    found = {}
    for unit_id, times in reply_times(unit_ids=[u.unit_id for u in units], today=today).items():
        detail = _("%(on_time)s of %(due)s") % {
            "on_time": format_count(times.on_time),
            "due": format_count(times.due),
        }
        found[unit_id] = [OverviewFigure("", format_percent(times.share_on_time), detail)]
    return found


def overview_addition(units: list[OverviewUnit], today: datetime.date) -> OverviewAddition:
    """Under each staff mean the clients' mean of the same months, and the share of client
    messages answered within five working days: two queries for any number of units."""
    notes = [
        _(
            "Under each staff mean, the clients' mean for the months of the unit's latest "
            "round; “clients –”: fewer clients than the round's anonymity threshold gave a "
            "score in those months, or in one of them, so no figure is shown."
        ),
        _(
            "Answered within 5 working days: of the clients' messages of the last twelve "
            "months whose due date has passed, the share answered by the due date."
        ),
    ]
    return OverviewAddition(
        value_figures=_client_figures(units),
        columns=[_("Answered within 5 working days")],
        column_figures=_reply_figures(units, today),
        notes=notes,
    )
