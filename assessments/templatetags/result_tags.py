"""Small pieces of the results pages written in Python, not as included templates or inner
loops: the overview writes them for every cell of a hundred rows (1,000 cells a page), where an
include costs ~50 µs and a loop of template nodes ~30 µs a cell."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from toolkit import numbers

register = template.Library()

ARROWS = {"up": "↑", "down": "↓", "same": "→"}


@register.simple_tag
def change_badge(change) -> str:
    """A value's change since the previous round: an arrow and "up 0,3", "down 0,3", "no change",
    or "no comparison" where there is no change to give."""
    if change is None:
        return format_html('<span class="muted">{}</span>', _("no comparison"))
    direction = change.direction
    if direction == "same":
        words = _("no change")
    else:
        amount = numbers.format_change_size(change.amount)
        words = (_("up %(amount)s") if direction == "up" else _("down %(amount)s")) % {
            "amount": amount
        }
    return format_html(
        '<span class="change change--{}"><span aria-hidden="true">{}</span> {}</span>',
        direction,
        ARROWS[direction],
        words,
    )


@register.simple_tag
def overview_figure(figure) -> str:
    """A figure another app adds to an overview cell (assessments.report_parts.OverviewFigure)."""
    html = format_html(
        '<span class="overview-figure{}">{} {}</span>',
        " muted" if figure.hidden else "",
        figure.label,
        figure.text,
    )
    if figure.detail:
        html += format_html('<br><span class="muted">{}</span>', figure.detail)
    return html


@register.simple_tag
def heat_cells(row) -> str:
    """A unit's value means in the heatmap, each coloured by its step (ValueCell.step)."""
    return format_html_join(
        "",
        '<span class="heat heat--{}">{}</span>',
        (
            ("none" if cell.step is None else cell.step, numbers.format_mean(cell.mean))
            for cell in row.cells
        ),
    )


@register.simple_tag
def value_cells(added) -> str:
    """A unit's value cells in the overview table (selectors.overview.AddedRow): the mean and
    its change (a dash where the round's means are hidden), then the figures other apps add."""
    suppressed = added.row.suppressed
    html = []
    for cell, figures in added.cells:
        if suppressed:
            own = format_html('<span class="muted">–</span>')
        else:
            own = format_html("{}<br>{}", numbers.format_mean(cell.mean), change_badge(cell.change))
        more = format_html_join("", "<br>{}", ((overview_figure(f),) for f in figures))
        html.append(format_html('<td class="num">{}{}</td>', own, more))
    return format_html_join("", "{}", ((cell,) for cell in html))
