"""Server-rendered SVG charts of assessment results: no JavaScript, no chart library.

Pure functions: they take the result dataclasses and return SVG markup with every text escaped.
Each chart has role="img" with a <title> and <desc> (aria-labelledby), direct text labels on the
marks, and tells series apart by pattern, marker shape and dash as well as by colour. The page
always puts a data table beside each chart: the table is the accessible alternative.
"""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from toolkit.numbers import format_mean

from .selectors.result_types import RoundResults, UnitTrend

# Every colour has at least 4.5:1 contrast on white (text and graphics, WCAG 2.1 AA).
SERIES_COLOURS = ("#0f5c5a", "#a3461b", "#5b3f8c", "#1d5fa0", "#6b5a00")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
DASHES = ("", "8 4", "2 4", "10 4 2 4", "4 4")
INK = "#1d2a33"
GRID = "#8a949b"
SCALE_MIN, SCALE_MAX = 1, 5
WIDTH = 640


def _num(value: float) -> str:
    return format_mean(value)


def _text(x: float, y: float, content: str, **attributes: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(v)}"' for name, v in attributes.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(content)}</text>'


def _open(id_prefix: str, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" class="chart" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" font-family="sans-serif" '
        f'font-size="13" fill="{INK}">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>',
    ]


def _scale_x(score: float, left: float, right: float) -> float:
    return left + (score - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * (right - left)


def values_bar_chart(results: RoundResults, *, id_prefix: str = "values-chart") -> SafeString:
    """Horizontal grouped bars: each value's mean this round (solid) and last round (hatched)."""
    left, right, row_height, top = 16.0, WIDTH - 110.0, 64, 48
    values = [v for v in results.values if v.mean is not None]
    height = top + row_height * len(values) + 40
    now_label, before_label = _("This round"), _("Previous round")
    desc = _("Mean of each value on a scale from 1 to 5; the table below gives the same figures.")
    parts = _open(id_prefix, height, _("Values this round and in the previous round"), desc)
    parts.append(
        f'<defs><pattern id="{id_prefix}-hatch" width="6" height="6" '
        f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{SERIES_COLOURS[1]}" stroke-width="3"/>'
        f"</pattern></defs>"
    )
    # Legend: a solid and a hatched swatch, each with words.
    parts.append(f'<rect x="{left}" y="10" width="18" height="14" fill="{SERIES_COLOURS[0]}"/>')
    parts.append(_text(left + 24, 22, now_label))
    parts.append(
        f'<rect x="{left + 170}" y="10" width="18" height="14" fill="url(#{id_prefix}-hatch)" '
        f'stroke="{SERIES_COLOURS[1]}"/>'
    )
    parts.append(_text(left + 194, 22, before_label))
    bottom = top + row_height * len(values)
    for score in range(SCALE_MIN, SCALE_MAX + 1):
        x = _scale_x(score, left, right)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="{GRID}" '
            f'stroke-width="1" stroke-dasharray="2 3"/>'
        )
        parts.append(_text(x, bottom + 18, str(score), text_anchor="middle"))
    for index, value in enumerate(values):
        y = top + index * row_height
        parts.append(_text(left, y + 14, value.name, font_weight="bold"))
        bars = [(value.mean, now_label, f'fill="{SERIES_COLOURS[0]}"')]
        if value.previous_mean is not None:
            bars.append(
                (
                    value.previous_mean,
                    before_label,
                    f'fill="url(#{id_prefix}-hatch)" stroke="{SERIES_COLOURS[1]}"',
                )
            )
        for offset, (score, label, paint) in enumerate(bars):
            bar_y = y + 20 + offset * 20
            width = max(_scale_x(score, left, right) - left, 2)
            parts.append(f'<rect x="{left}" y="{bar_y}" width="{width:.1f}" height="16" {paint}/>')
            parts.append(_text(left + width + 6, bar_y + 13, f"{_num(score)} ({label})"))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}"/>'
    if shape == "triangle":
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "diamond":
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    return (
        f'<path d="M{x - 5:.1f},{y - 5:.1f}L{x + 5:.1f},{y + 5:.1f}M{x - 5:.1f},{y + 5:.1f}'
        f'L{x + 5:.1f},{y - 5:.1f}" stroke="{colour}" stroke-width="2.5"/>'
    )


def trend_line_chart(trend: UnitTrend, *, id_prefix: str = "trend-chart") -> SafeString:
    """One line per value over the unit's closed rounds; suppressed rounds leave a gap."""
    legend_rows = (len(trend.value_keys) + 1) // 2
    top = 16 + legend_rows * 22 + 12
    left, right, plot_height = 40.0, WIDTH - 24.0, 220.0
    bottom = top + plot_height
    height = int(bottom + 44)
    desc = _(
        "Mean of each value in every closed round, on a scale from 1 to 5; rounds with too few "
        "answers are left out. The table below gives the same figures."
    )
    parts = _open(id_prefix, height, _("Values over the rounds"), desc)
    for index, (_key, name) in enumerate(trend.value_keys):
        colour, x = SERIES_COLOURS[index], 16 + (index % 2) * 310
        y = 20 + (index // 2) * 22
        dash = f' stroke-dasharray="{DASHES[index]}"' if DASHES[index] else ""
        parts.append(
            f'<line x1="{x}" y1="{y}" x2="{x + 30}" y2="{y}" stroke="{colour}" '
            f'stroke-width="2.5"{dash}/>'
        )
        parts.append(_marker(MARKERS[index], x + 15, y, colour))
        parts.append(_text(x + 38, y + 5, name))
    for score in range(SCALE_MIN, SCALE_MAX + 1):
        y = bottom - (score - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * plot_height
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GRID}" '
            f'stroke-width="1" stroke-dasharray="2 3"/>'
        )
        parts.append(_text(left - 8, y + 4, str(score), text_anchor="end"))
    points = trend.points
    step = (right - left - 20) / max(len(points) - 1, 1)
    label_every = 1 if len(points) <= 8 else 2
    xs = [
        left + 10 + i * step if len(points) > 1 else (left + right) / 2 for i in range(len(points))
    ]
    for i, point in enumerate(points):
        if i % label_every == 0 or i == len(points) - 1:
            label = date_format(point.round.closes_on, "n/Y")
            parts.append(_text(xs[i], bottom + 18, label, text_anchor="middle"))
    for index, (key, _name) in enumerate(trend.value_keys):
        colour = SERIES_COLOURS[index]
        dash = f' stroke-dasharray="{DASHES[index]}"' if DASHES[index] else ""
        segment: list[str] = []
        segments: list[list[str]] = [segment]
        for i, point in enumerate(points):
            mean = point.means.get(key)
            if mean is None:
                segment = []
                segments.append(segment)
                continue
            y = bottom - (mean - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * plot_height
            segment.append(f"{xs[i]:.1f},{y:.1f}")
            parts.append(_marker(MARKERS[index], xs[i], y, colour))
        for seg in segments:
            if len(seg) > 1:
                parts.append(
                    f'<polyline points="{" ".join(seg)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5"{dash}/>'
                )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
