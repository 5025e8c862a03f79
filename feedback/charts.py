"""The mirror chart: a server-rendered SVG with the unit's own view and its clients' view of each
value on the 1–5 scale, as two marks joined by the gap between them.

Made as the self-assessment's charts are (assessments/charts.py): role="img" with a <title> and
<desc>, every text escaped, the two views told apart by shape and by words as well as by colour,
and a table beside it as the accessible alternative. It is narrow (320 units), one value a row
with the value's name above its marks, so that on a phone it is shown at full size without
sideways scrolling."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from assessments.charts import GRID, INK, SERIES_COLOURS
from toolkit.numbers import format_mean

from .selectors.mirror import Mirror

WIDTH = 320
LEFT, RIGHT = 14.0, WIDTH - 14.0
TOP = 58  # below the legend
ROW = 70
STAFF_COLOUR, CLIENT_COLOUR = SERIES_COLOURS[0], SERIES_COLOURS[1]


def _text(x: float, y: float, content: str, **attributes: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(v)}"' for name, v in attributes.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(content)}</text>'


def _x(score: float) -> float:
    return LEFT + (score - 1) / 4 * (RIGHT - LEFT)


def _staff_mark(x: float, y: float) -> str:
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6.5" fill="{STAFF_COLOUR}"/>'


def _client_mark(x: float, y: float) -> str:
    points = f"{x:.1f},{y - 8:.1f} {x + 8:.1f},{y:.1f} {x:.1f},{y + 8:.1f} {x - 8:.1f},{y:.1f}"
    return f'<polygon points="{points}" fill="{CLIENT_COLOUR}"/>'


def _anchor(x: float) -> str:
    """Labels near the ends of the scale are anchored inwards, so they never leave the chart."""
    if x < LEFT + 24:
        return "start"
    if x > RIGHT - 24:
        return "end"
    return "middle"


def mirror_chart(mirror: Mirror, *, id_prefix: str = "mirror-chart") -> SafeString:
    """Per value: the own view (circle, above its line) and the clients' view (diamond, below),
    joined by a line; a value missing one side says so in words."""
    own, clients = _("Your own view"), _("Clients")
    bottom = TOP + ROW * len(mirror.values)
    height = bottom + 28
    title = _("Your own view and your clients' view of each value")
    desc = _(
        "Mean of each value on a scale from 1 to 5: the circle is your own view (the "
        "self-assessment), the diamond your clients' view. The table gives the same figures."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" class="chart mirror-chart" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" font-family="sans-serif" '
        f'font-size="14" fill="{INK}">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>',
        _staff_mark(LEFT + 7, 18),
        _text(LEFT + 20, 23, own),
        _client_mark(LEFT + 7, 40),
        _text(LEFT + 20, 45, clients),
    ]
    for score in range(1, 6):
        x = _x(score)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{bottom}" stroke="{GRID}" '
            f'stroke-width="1" stroke-dasharray="2 3"/>'
        )
        parts.append(_text(x, bottom + 18, str(score), text_anchor=_anchor(x)))
    for index, value in enumerate(mirror.values):
        parts += _row(TOP + index * ROW, value, own, clients)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _row(y: float, value, own: str, clients: str) -> list[str]:
    parts = [
        f'<rect x="0" y="{y + 2}" width="{WIDTH}" height="20" fill="#ffffff"/>',
        _text(LEFT, y + 16, value.name, font_weight="bold"),
    ]
    line_y = y + 44
    staff, client = value.staff_mean, value.client_mean
    if staff is not None and client is not None:
        parts.append(
            f'<line x1="{_x(staff):.1f}" y1="{line_y}" x2="{_x(client):.1f}" y2="{line_y}" '
            f'stroke="{INK}" stroke-width="2"/>'
        )
    if staff is not None:
        x = _x(staff)
        parts.append(_staff_mark(x, line_y))
        parts.append(_text(x, line_y - 11, format_mean(staff), text_anchor=_anchor(x)))
    else:  # the label row of the own view is free: say there that it is missing
        parts.append(_missing(line_y - 11, own))
    if client is not None:
        x = _x(client)
        parts.append(_client_mark(x, line_y))
        parts.append(_text(x, line_y + 22, format_mean(client), text_anchor=_anchor(x)))
    else:
        parts.append(_missing(line_y + 22, clients))
    return parts


def _missing(y: float, view: str) -> str:
    return _text(LEFT, y, _("%(view)s: not shown") % {"view": view}, font_style="italic")
