"""The unit report PDF of one closed round, made with ReportLab platypus.

Every figure and text comes from the results selectors, so the anonymity rule holds: below the
threshold the report has a cover and a notice, and no figure or written answer at all. The fonts
(DejaVu, see toolkit.pdf_fonts) are embedded so that ä, ö and å render anywhere.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from toolkit.pdf_fonts import FONT, FONT_BOLD, register_fonts

from ..models import AssessmentRound
from ..selectors.results import RoundResults, UnitTrend, round_results, unit_trend
from .followups import RoundFollowups, round_followups

# The same palette as the SVG charts (each at least 4.5:1 on white).
SERIES_COLOURS = [
    colors.HexColor(c) for c in ("#0f5c5a", "#a3461b", "#5b3f8c", "#1d5fa0", "#6b5a00")
]
INK = colors.HexColor("#1d2a33")
RULE = colors.HexColor("#8a949b")
CONTENT_WIDTH = A4[0] - 40 * mm


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, textColor=INK)
    return {
        "body": body,
        "muted": ParagraphStyle(
            "muted", parent=body, fontSize=9, textColor=colors.HexColor("#4a5560")
        ),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=22, leading=28),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=20,
            spaceBefore=12,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: whatever people wrote is escaped, never read as markup."""
    return Paragraph(escape(str(text)), style)


def _num(value: float | None) -> str:
    return number_format(value, 1) if value is not None else "–"


def _table(rows: list[list], styles: dict, *, widths: list[float] | None = None) -> Table:
    cells = [[c if not isinstance(c, str) else _p(c, styles["cell"]) for c in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _cover(results: RoundResults, styles: dict) -> list:
    round = results.round
    rate = f"{results.response_rate} %" if results.response_rate is not None else "–"
    facts = [
        [_("Unit"), results.unit.name],
        [_("Round"), round.title],
        [
            _("Round open"),
            f"{date_format(round.opens_on, 'SHORT_DATE_FORMAT')} – "
            f"{date_format(round.closes_on, 'SHORT_DATE_FORMAT')}",
        ],
        [_("Responses"), str(results.response_count)],
        [_("Invited"), str(results.invited_count)],
        [_("Response rate"), rate],
    ]
    return [
        _p(_("Unit report"), styles["muted"]),
        _p(results.unit.name, styles["title"]),
        _p(round.title, styles["h1"]),
        Spacer(1, 6 * mm),
        _table(facts, styles, widths=[45 * mm, CONTENT_WIDTH - 45 * mm]),
    ]


def _legend(names: list[str], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.columnMaximum = 5
    legend.colorNamePairs = list(zip(SERIES_COLOURS, names, strict=False))
    return legend


def values_chart(results: RoundResults) -> Drawing:
    """Horizontal bars: each value's mean this round and in the previous round (scale 1–5)."""
    values = results.values
    drawing = Drawing(CONTENT_WIDTH, 40 + 36 * len(values))
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 30
    chart.width, chart.height = CONTENT_WIDTH - 160, 36 * len(values)
    this_round = [v.mean for v in values][::-1]
    previous = [v.previous_mean for v in values][::-1]
    chart.data = [this_round, previous] if any(p is not None for p in previous) else [this_round]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 1, 5, 1
    chart.categoryAxis.categoryNames = [v.name for v in values][::-1]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = FONT, 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.barLabelFormat = lambda v: _num(v)
    chart.barLabels.fontName, chart.barLabels.fontSize = FONT, 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for i, colour in enumerate(SERIES_COLOURS[:2]):
        chart.bars[i].fillColor = colour
    drawing.add(chart)
    names = [_("This round"), _("Previous round")][: len(chart.data)]
    drawing.add(_legend(names, CONTENT_WIDTH, 12))
    return drawing


def _values_section(results: RoundResults, styles: dict) -> list:
    rows = [
        [
            _("Value"),
            _("This round"),
            _("Previous round"),
            _("Area average"),
            _("Organisation average"),
        ]
    ]
    for v in results.values:
        rows.append(
            [
                v.name,
                _num(v.mean),
                _num(v.previous_mean),
                _num(v.area_mean),
                _num(v.organisation_mean),
            ]
        )
    parts = [
        _p(_("Values at a glance"), styles["h1"]),
        _p(
            _(
                "Means on a scale from 1 (fully disagree) to 5 (fully agree); “can't say” answers are not counted in the means."
            ),
            styles["muted"],
        ),
        values_chart(results),
        Spacer(1, 4 * mm),
        _table(rows, styles, widths=[60 * mm] + [(CONTENT_WIDTH - 60 * mm) / 4] * 4),
    ]
    if results.previous_suppressed:
        parts.append(
            _p(_("The previous round had too few answers to be compared with."), styles["muted"])
        )
    return parts


def trend_chart(trend: UnitTrend) -> Drawing:
    """One line per value over the unit's closed rounds that had enough answers."""
    points = trend.shown_points
    drawing = Drawing(CONTENT_WIDTH, 220)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 30, 60, CONTENT_WIDTH - 40, 150
    chart.data = [[p.means.get(key) for p in points] for key, _name in trend.value_keys]
    chart.categoryAxis.categoryNames = [p.round.title for p in points]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 1, 5, 1
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = FONT, 8
    chart.joinedLines = True
    for i, colour in enumerate(SERIES_COLOURS):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.5
    drawing.add(chart)
    drawing.add(_legend([name for _key, name in trend.value_keys], CONTENT_WIDTH, 40))
    return drawing


def _trend_section(trend: UnitTrend, styles: dict) -> list:
    header = [_("Round"), _("Closed"), _("Responses")] + [name for _k, name in trend.value_keys]
    rows = [header]
    for point in trend.points:
        row = [
            point.round.title,
            date_format(point.round.closes_on, "SHORT_DATE_FORMAT"),
            str(point.response_count),
        ]
        if point.suppressed:
            row += [_("Too few answers to show")] + [""] * (len(trend.value_keys) - 1)
        else:
            row += [_num(point.means.get(key)) for key, _name in trend.value_keys]
        rows.append(row)
    parts = [_p(_("Over the rounds"), styles["h1"])]
    if len(trend.shown_points) > 1:
        parts.append(trend_chart(trend))
    first = 40 * mm
    parts.append(
        _table(
            rows,
            styles,
            widths=[first, 20 * mm, 20 * mm] + [(CONTENT_WIDTH - first - 40 * mm) / 5] * 5,
        )
    )
    return parts


def _bullets(texts: list[str], styles: dict) -> ListFlowable | Paragraph:
    if not texts:
        return _p(_("Nobody wrote about this."), styles["muted"])
    return ListFlowable(
        [_p(t, styles["body"]) for t in texts], bulletType="bullet", bulletFontName=FONT, start="•"
    )


def _texts_section(results: RoundResults, styles: dict) -> list:
    parts = [
        _p(_("What stands in the way and how could we promote it"), styles["h1"]),
        _p(
            _("Written answers are shown in random order, without names or dates."), styles["muted"]
        ),
    ]
    for v in results.values:
        parts += [
            _p(f"{v.name} ({_num(v.mean)})", styles["h2"]),
            _p(_("What stands in the way"), styles["body"]),
            _bullets(v.barriers, styles),
            _p(_("How could we promote it"), styles["body"]),
            _bullets(v.means, styles),
        ]
    return parts


def _followups_section(followups: RoundFollowups, styles: dict) -> list:
    parts = [_p(_("Team conclusions"), styles["h1"])]
    if not followups.conclusions:
        parts.append(_p(_("No team conclusions recorded."), styles["muted"]))
    for c in followups.conclusions:
        parts += [
            _p(c.value_name, styles["h2"]),
            _p(_("Barriers the team agrees on"), styles["body"]),
            _bullets(c.barriers, styles),
            _p(_("Means the team will use"), styles["body"]),
            _bullets(c.means, styles),
        ]
    parts.append(_p(_("Improvement actions"), styles["h1"]))
    if not followups.actions:
        parts.append(_p(_("No actions recorded."), styles["muted"]))
        return parts
    rows = [[_("Action"), _("Value"), _("Owner"), _("Due date"), _("Status")]]
    for a in followups.actions:
        rows.append(
            [
                a.title,
                a.value_name,
                a.owner or "–",
                date_format(a.due_on, "SHORT_DATE_FORMAT"),
                a.status,
            ]
        )
    parts.append(
        _table(rows, styles, widths=[55 * mm, 35 * mm, 35 * mm, 22 * mm, CONTENT_WIDTH - 147 * mm])
    )
    return parts


def _suppressed_section(results: RoundResults, styles: dict) -> list:
    return [
        _p(_("Results are not shown"), styles["h1"]),
        _p(results.suppressed_reason, styles["body"]),
        _p(
            _("No figures or written answers from this round are shown in this report."),
            styles["muted"],
        ),
    ]


def _story(round: AssessmentRound, viewer) -> tuple[list, str]:
    styles = _styles()
    results = round_results(round=round, viewer=viewer)
    story = _cover(results, styles)
    if results.suppressed:
        return story + _suppressed_section(results, styles), results.unit.name
    trend = unit_trend(unit=round.unit, viewer=viewer, until=round)
    story += _values_section(results, styles)
    story.append(KeepTogether(_trend_section(trend, styles)))
    story += _texts_section(results, styles)
    story += _followups_section(round_followups(round=round), styles)
    return story, results.unit.name


def unit_report_pdf(*, round: AssessmentRound, language: str, viewer=None) -> bytes:
    """The unit report of a closed round in `language`, as PDF bytes (check permissions first)."""
    register_fonts()
    with translation.override(language):
        story, unit_name = _story(round, viewer or AnonymousUser())
        title = _("Unit report: %(unit)s, %(round)s") % {"unit": unit_name, "round": round.title}
        subject = _("Results of an assessment round and the follow-up")
        buffer = io.BytesIO()

        def footer(canvas, doc) -> None:
            canvas.saveState()
            canvas.setFont(FONT, 8)
            canvas.setFillColor(RULE)
            canvas.drawString(20 * mm, 10 * mm, f"{unit_name} · {round.title}")
            canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, str(doc.page))
            canvas.restoreState()

        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=title,
            author="Arvokas",
            subject=subject,
            creator="Arvokas",
            lang=language,
        )
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
