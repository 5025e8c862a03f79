"""Small pieces of the results pages written in Python, not as included templates: the
overview writes them for every cell of a hundred rows, where an include costs ~50 µs each."""

from django import template
from django.utils.html import format_html
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
