"""The unit report PDF of one closed round, made with ReportLab platypus.

A document a supervisor can forward to their director: page 1 is a summary (the scores per value
with the change since the previous round, responses and response rate, the barriers the team
agrees on, its conclusions and the actions with their status); the details follow (comparison
with the area and the organisation, the rounds over time, the written answers, every conclusion
and action). The charts have the web's colours and order (pdf_charts), tables fit their words
(pdf_tables) and every figure is rounded and written by toolkit.numbers, as on the page.

Every figure and text comes from the results selectors, so the anonymity rule holds: below the
threshold the report has the summary's heading and a notice, and no figure or written answer at
all. The fonts (DejaVu, see toolkit.pdf_fonts) are embedded so that ä, ö and å render anywhere.
ReportLab does not write tagged PDF (docs/reports.md): the document carries a title, author,
subject and language instead, and the viewer shows the title.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepInFrame,
    KeepTogether,
    ListFlowable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from toolkit.numbers import format_change, format_count, format_mean, format_percent
from toolkit.pdf_fonts import FONT, FONT_BOLD, register_fonts

from ..models import AssessmentRound
from ..report_parts import ReportSection, ReportTable, ReportText, report_sections
from ..selectors.followups import ActionRow, RoundFollowups, round_followups
from ..selectors.result_types import Change, RoundResults, UnitTrend
from ..selectors.results import round_results, unit_trend
from .pdf_charts import trend_line_chart, values_bar_chart
from .pdf_tables import Cell, fitted_table

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 16 * mm, 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
CONTENT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
FOOTER_Y = 11 * mm
INK = colors.HexColor("#1d2a33")
MUTED = colors.HexColor("#4a5863")  # the web's --ink-muted
UP, DOWN = "#1e6b3a", "#a4161a"  # the web's --ok and --error (change up / down)
SUMMARY_BARRIERS, SUMMARY_MEANS, SUMMARY_ACTIONS = 5, 5, 6
ROUNDS_PER_TABLE = 6
TREND_DATE_FORMAT = "n/Y"  # as under the web's trend chart


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, textColor=INK)
    return {
        "body": body,
        "muted": ParagraphStyle("muted", parent=body, fontSize=8.5, leading=11.5, textColor=MUTED),
        "kicker": ParagraphStyle("kicker", parent=body, fontSize=9, textColor=MUTED),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=20, leading=25),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=17, spaceAfter=4
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=10,
            spaceAfter=5,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=15,
            spaceBefore=7,
            spaceAfter=3,
        ),
        "h3": ParagraphStyle(
            "h3", parent=body, fontName=FONT_BOLD, fontSize=9.5, leading=13, spaceBefore=3
        ),
        "item": ParagraphStyle("item", parent=body, fontSize=9.5, leading=12.5),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: whatever people wrote is escaped, never read as markup."""
    return Paragraph(escape(str(text)), style)


def _date(value) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def change_text(change: Change | None) -> Cell:
    """The change as the web's change partial words it, with its arrow and colour."""
    if change is None:
        return Cell(_("no comparison"), nowrap=True)
    arrow, colour = {"up": ("↑", UP), "down": ("↓", DOWN)}.get(change.direction, ("→", None))
    return Cell(f"{arrow} {format_change(change.amount)}", colour, nowrap=True)


def _bullets(texts: list[str], styles: dict, *, empty: str | None = None) -> list:
    if not texts:
        return [_p(empty or _("Nobody wrote about this."), styles["muted"])]
    items = [_p(t, styles["item"]) for t in texts]
    return [
        ListFlowable(
            items,
            bulletType="bullet",
            bulletFontName=FONT,
            start="•",
            leftIndent=12,
            bulletDedent=9,
        )
    ]


def _labelled(items: list[tuple[str, str]], styles: dict) -> list:
    """Bullets that each start with a value's name in bold: "Trust: Hurry"."""
    paragraphs = [
        Paragraph(f"<b>{escape(name)}:</b> {escape(text)}", styles["item"]) for name, text in items
    ]
    return [
        ListFlowable(
            paragraphs,
            bulletType="bullet",
            bulletFontName=FONT,
            start="•",
            leftIndent=12,
            bulletDedent=9,
        )
    ]


# --- Page 1: the summary -------------------------------------------------------------------------


def _header(results: RoundResults, styles: dict) -> list:
    round = results.round
    dates = _("Round open %(opens)s – %(closes)s") % {
        "opens": _date(round.opens_on),
        "closes": _date(round.closes_on),
    }
    facts = [
        [_("Responses"), _("Invited"), _("Response rate"), _("Previous round")],
        [
            format_count(results.response_count),
            format_count(results.invited_count),
            format_percent(results.response_rate),
            f"{results.previous_round.title} ({_date(results.previous_round.closes_on)})"
            if results.previous_round
            else "–",
        ],
    ]
    return [
        _p(_("Unit report"), styles["kicker"]),
        _p(results.unit.name, styles["title"]),
        _p(f"{round.title} · {dates}", styles["subtitle"]),
        Spacer(1, 2 * mm),
        fitted_table(facts, width=CONTENT_WIDTH),
    ]


def _scores(results: RoundResults, styles: dict) -> list:
    rows = [[_("Value"), _("This round"), _("Previous round"), _("Change")]]
    for v in results.values:
        rows.append(
            [v.name, format_mean(v.mean), format_mean(v.previous_mean), change_text(v.change)]
        )
    parts = [
        _p(_("Summary"), styles["h1"]),
        fitted_table(rows, width=CONTENT_WIDTH, numeric=(1, 2), first_column_bold=True),
        Spacer(1, 2 * mm),
    ]
    if results.previous_suppressed:
        parts.append(
            _p(_("The previous round had too few answers to be compared with."), styles["muted"])
        )
    elif results.previous_round is None:
        parts.append(
            _p(
                _(
                    "This is the unit's first closed round, so there is nothing to compare with yet."
                ),
                styles["muted"],
            )
        )
    shown = [v for v in results.values if v.mean is not None]
    if shown:
        parts.append(
            values_bar_chart(
                shown,
                width=CONTENT_WIDTH,
                this_label=_("This round"),
                before_label=_("Previous round"),
            )
        )
    parts.append(
        _p(
            _(
                "Means on a scale from 1 (fully disagree) to 5 (fully agree); “can't say” answers are not counted in the means."
            ),
            styles["muted"],
        )
    )
    return parts


def _weakest_first(results: RoundResults) -> dict[str, int]:
    """value key -> rank, the lowest mean first (values without a mean last)."""
    ranked = sorted(
        results.values, key=lambda v: (v.mean is None, v.mean if v.mean is not None else 0)
    )
    return {v.key: i for i, v in enumerate(ranked)}


def _summary_followups(results: RoundResults, followups: RoundFollowups, styles: dict) -> list:
    rank = _weakest_first(results)
    conclusions = sorted(followups.conclusions, key=lambda c: rank.get(c.value_key, 99))
    barriers = [(c.value_name, b) for c in conclusions for b in c.barriers]
    means = [(c.value_name, m) for c in conclusions for m in c.means]
    parts = [_p(_("Top barriers"), styles["h2"])]
    if barriers:
        parts += _labelled(barriers[:SUMMARY_BARRIERS], styles)
    else:
        parts.append(
            _p(
                _(
                    "The team has not recorded the barriers it agrees on yet; what the staff wrote "
                    "is in the details."
                ),
                styles["muted"],
            )
        )
    parts.append(_p(_("Means the team will use"), styles["h2"]))
    if means:
        parts += _labelled(means[:SUMMARY_MEANS], styles)
    else:
        parts.append(_p(_("No team conclusions recorded."), styles["muted"]))
    parts.append(_p(_("Improvement actions"), styles["h2"]))
    actions = sorted(followups.actions, key=lambda a: (not a.is_open, a.due_on))
    if not actions:
        parts.append(_p(_("No actions recorded."), styles["muted"]))
        return parts
    parts.append(_actions_table(actions[:SUMMARY_ACTIONS]))
    hidden = len(actions) - SUMMARY_ACTIONS
    if hidden > 0:
        parts.append(
            _p(
                ngettext(
                    "%(count)s more action is listed in the details.",
                    "%(count)s more actions are listed in the details.",
                    hidden,
                )
                % {"count": hidden},
                styles["muted"],
            )
        )
    return parts


def _actions_table(actions: list[ActionRow]):
    rows = [[_("Action"), _("Value"), _("Owner"), _("Due date"), _("Status")]]
    for a in actions:
        rows.append([a.title, a.value_name, a.owner or "–", _date(a.due_on), a.status])
    return fitted_table(rows, width=CONTENT_WIDTH)


def _summary(results: RoundResults, followups: RoundFollowups | None, styles: dict) -> list:
    """Everything of page 1, shrunk to fit it if a team wrote a great deal."""
    parts = _header(results, styles)
    if results.suppressed:
        parts += _suppressed_section(results, styles)
    else:
        parts += _scores(results, styles)
        parts += _summary_followups(results, followups, styles)
    return [KeepInFrame(CONTENT_WIDTH, CONTENT_HEIGHT, parts, mode="shrink")]


# --- The details ---------------------------------------------------------------------------------


def _comparison_section(results: RoundResults, styles: dict) -> list:
    rows = [
        [
            _("Value"),
            _("This round"),
            _("Previous round"),
            _("Change"),
            _("Area average"),
            _("Organisation average"),
        ]
    ]
    for v in results.values:
        rows.append(
            [
                v.name,
                format_mean(v.mean),
                format_mean(v.previous_mean),
                change_text(v.change),
                format_mean(v.area_mean),
                format_mean(v.organisation_mean),
            ]
        )
    note = ngettext(
        "Averages are over the units whose latest round by this date had enough answers: "
        "%(area)s in the area, %(units)s unit in the organisation.",
        "Averages are over the units whose latest round by this date had enough answers: "
        "%(area)s in the area, %(units)s units in the organisation.",
        results.organisation_unit_count,
    ) % {"area": results.area_unit_count, "units": results.organisation_unit_count}
    return [
        _p(_("Values at a glance"), styles["h1"]),
        fitted_table(rows, width=CONTENT_WIDTH, numeric=(1, 2, 4, 5), first_column_bold=True),
        Spacer(1, 2 * mm),
        _p(note, styles["muted"]),
    ]


def _trend_tables(trend: UnitTrend) -> list:
    """The rounds side by side, value by value, at most ROUNDS_PER_TABLE to a table so that
    every heading and date fits whole."""
    tables = []
    for start in range(0, len(trend.points), ROUNDS_PER_TABLE):
        points = trend.points[start : start + ROUNDS_PER_TABLE]
        rows = [
            [_("Round")] + [p.round.title for p in points],
            [_("Closed")] + [_date(p.round.closes_on) for p in points],
            [_("Responses")] + [format_count(p.response_count) for p in points],
        ]
        for key, name in trend.value_keys:
            rows.append([name] + [format_mean(p.means.get(key)) for p in points])
        numeric = tuple(range(1, len(points) + 1))
        tables += [
            fitted_table(rows, width=CONTENT_WIDTH, header_rows=1, numeric=numeric),
            Spacer(1, 3 * mm),
        ]
    return tables


def _trend_section(trend: UnitTrend, styles: dict) -> list:
    """The heading stays with the chart (or the first table); each table stays whole."""
    opening = [_p(_("Over the rounds"), styles["h1"])]
    if len(trend.shown_points) > 1:
        opening.append(
            trend_line_chart(
                trend,
                width=CONTENT_WIDTH,
                date_label=lambda r: date_format(r.closes_on, TREND_DATE_FORMAT),
            )
        )
        opening.append(Spacer(1, 3 * mm))
    tables = _trend_tables(trend)
    parts = [KeepTogether(opening + tables[:2])]
    parts += [KeepTogether(tables[i : i + 2]) for i in range(2, len(tables), 2)]
    if any(p.suppressed for p in trend.points):
        parts.append(_p(f"–: {_('Too few answers to show')}", styles["muted"]))
    return parts


def _texts_section(results: RoundResults, styles: dict) -> list:
    parts = [
        CondPageBreak(60 * mm),
        _p(_("What stands in the way and how could we promote it"), styles["h1"]),
        _p(
            _("Written answers are shown in random order, without names or dates."), styles["muted"]
        ),
    ]
    for v in results.values:
        heading = [CondPageBreak(30 * mm), _p(f"{v.name} ({format_mean(v.mean)})", styles["h2"])]
        if v.texts_hidden:  # as the page says it: hidden, not "nobody wrote"
            hidden = _(
                "Fewer than %(k)s people wrote about this value, so the written answers are not "
                "shown to protect anonymity."
            ) % {"k": results.threshold}
            parts += [*heading, _p(hidden, styles["muted"])]
            continue
        parts += [
            *heading,
            _p(_("What stands in the way"), styles["h3"]),
            *_bullets(v.barriers, styles),
            _p(_("How could we promote it"), styles["h3"]),
            *_bullets(v.means, styles),
        ]
    return parts


def _followups_section(followups: RoundFollowups, styles: dict) -> list:
    parts = [CondPageBreak(40 * mm), _p(_("Team conclusions"), styles["h1"])]
    if not followups.conclusions:
        parts.append(_p(_("No team conclusions recorded."), styles["muted"]))
    for c in followups.conclusions:
        parts += [
            _p(c.value_name, styles["h2"]),
            _p(_("Barriers the team agrees on"), styles["h3"]),
            *_bullets(c.barriers, styles, empty="–"),
            _p(_("Means the team will use"), styles["h3"]),
            *_bullets(c.means, styles, empty="–"),
        ]
    parts.append(_p(_("Improvement actions"), styles["h1"]))
    if not followups.actions:
        parts.append(_p(_("No actions recorded."), styles["muted"]))
    else:
        parts.append(_actions_table(followups.actions))
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


def _contributed_section(section: ReportSection, styles: dict) -> list:
    """A section another app adds (assessments.report_parts), in the report's own styles."""
    kinds = {"body": styles["body"], "note": styles["muted"], "subheading": styles["h2"]}
    parts = [CondPageBreak(50 * mm), _p(section.heading, styles["h1"])]
    for block in section.blocks:
        if isinstance(block, ReportTable):
            table = fitted_table(
                block.rows, width=CONTENT_WIDTH, numeric=block.numeric, first_column_bold=True
            )
            parts += [table, Spacer(1, 2 * mm)]
        elif isinstance(block, ReportText):
            parts.append(_p(block.text, kinds.get(block.kind, styles["body"])))
    return parts


def _contributed_sections(results: RoundResults, styles: dict) -> list:
    return [part for s in report_sections(results) for part in _contributed_section(s, styles)]


def _story(round: AssessmentRound, viewer) -> tuple[list, str]:
    styles = _styles()
    results = round_results(round=round, viewer=viewer)
    if results.suppressed:  # the other apps' sections stand under their own rule
        story = _summary(results, None, styles) + _contributed_sections(results, styles)
        return story, results.unit.name
    followups = round_followups(round=round)
    trend = unit_trend(unit=round.unit, viewer=viewer, until=round)
    story = _summary(results, followups, styles) + [PageBreak()]
    story += _comparison_section(results, styles)
    story += _contributed_sections(results, styles)
    story += _trend_section(trend, styles)
    story += _texts_section(results, styles)
    story += _followups_section(followups, styles)
    return story, results.unit.name


def _document(buffer, *, title: str, subject: str, language: str, footer) -> BaseDocTemplate:
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author="Arvokas",
        subject=subject,
        creator="Arvokas",
        lang=language,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        CONTENT_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=footer)])
    return doc


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
            canvas.setViewerPreference("DisplayDocTitle", "true")
            canvas.setFont(FONT, 8)
            canvas.setFillColor(MUTED)
            canvas.drawString(MARGIN_X, FOOTER_Y, f"{unit_name} · {round.title}")
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, str(doc.page))
            canvas.restoreState()

        doc = _document(buffer, title=title, subject=subject, language=language, footer=footer)
        doc.build(story)
    return buffer.getvalue()
