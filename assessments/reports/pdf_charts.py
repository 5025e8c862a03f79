"""The charts of the unit report PDF, drawn as the web's SVG charts are (assessments.charts).

Same palette, same order and the same marks: each value from the top in framework order, this
round's bar (solid) above the previous round's (hatched), the trend's lines with the web's
colours, markers and dashes. Every label is measured before it is placed, so nothing runs past
the drawing's width: legends wrap onto another line, long value names onto several.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from toolkit.numbers import format_mean
from toolkit.pdf_fonts import FONT, FONT_BOLD

from .. import charts as web

SERIES = [colors.HexColor(c) for c in web.SERIES_COLOURS]
INK = colors.HexColor(web.INK)
GRID = colors.HexColor(web.GRID)
WHITE = colors.white
LABEL_SIZE = 8
NAME_SIZE = 8.5


def _dash(index: int) -> list[float] | None:
    """The web chart's stroke-dasharray of series `index` as ReportLab wants it."""
    pattern = web.DASHES[index]
    return [float(n) for n in pattern.split()] if pattern else None


def _hatched_bar(x: float, y: float, width: float, height: float, colour) -> list:
    """A white bar with a border and 45° stripes in `colour`, as the web's hatch pattern."""
    shapes = [Rect(x, y, width, height, fillColor=WHITE, strokeColor=colour, strokeWidth=0.8)]
    step = 3.5
    offset = -height
    while offset < width:
        start, end = max(0.0, -offset), min(height, width - offset)
        if end > start:
            shapes.append(
                Line(
                    x + offset + start,
                    y + start,
                    x + offset + end,
                    y + end,
                    strokeColor=colour,
                    strokeWidth=1.1,
                )
            )
        offset += step
    return shapes


def _legend(items: list[tuple[str, callable]], width: float) -> tuple[list, float]:
    """Legend entries left to right, wrapping onto a new line before any runs past `width`.

    Each item is (label, draw) where draw(x, y_mid) returns the swatch shapes (18 pt wide).
    Returns the shapes, placed from y=0 downwards (negative y), and the height they take."""
    shapes, x, line, row_height, gap = [], 0.0, 0, 14.0, 14.0
    for label, draw in items:
        text = stringWidth(label, FONT, LABEL_SIZE)
        needed = 18 + 5 + text
        if x > 0 and x + needed > width:
            x, line = 0.0, line + 1
        y_mid = -line * row_height - row_height / 2
        shapes += draw(x, y_mid)
        shapes.append(
            String(x + 23, y_mid - 3, label, fontName=FONT, fontSize=LABEL_SIZE, fillColor=INK)
        )
        x += needed + gap
    return shapes, (line + 1) * row_height


def _place(shapes: list, dy: float) -> list:
    """Move shapes drawn around y=0 up by `dy`."""
    from reportlab.graphics.shapes import Group

    group = Group(*shapes)
    group.translate(0, dy)
    return [group]


def values_bar_chart(values, *, width: float, this_label: str, before_label: str) -> Drawing:
    """Each value's mean this round (solid) and in the previous round (hatched), scale 1–5.

    `values` are the ValueResults that have a mean, in framework order (top first)."""
    has_previous = any(v.previous_mean is not None for v in values)
    legend_items = [(this_label, lambda x, y: [Rect(x, y - 5, 18, 10, fillColor=SERIES[0])])]
    if has_previous:
        legend_items.append((before_label, lambda x, y: _hatched_bar(x, y - 5, 18, 10, SERIES[1])))
    legend, legend_height = _legend(legend_items, width)

    name_width = min(
        max((stringWidth(v.name, FONT_BOLD, NAME_SIZE) for v in values), default=0) + 2,
        width * 0.34,
    )
    names = [simpleSplit(v.name, FONT_BOLD, NAME_SIZE, name_width) for v in values]
    bar, gap = 9.0, 2.0
    bars_height = bar * 2 + gap if has_previous else bar
    rows = [max(bars_height, len(lines) * (NAME_SIZE + 1.5)) + 8 for lines in names]
    left = name_width + 8
    right = width - stringWidth("5,0", FONT, LABEL_SIZE) - 8
    axis_height = 14.0
    plot_height = sum(rows)
    height = legend_height + 6 + plot_height + axis_height

    def x_of(score: float) -> float:
        return left + (score - web.SCALE_MIN) / (web.SCALE_MAX - web.SCALE_MIN) * (right - left)

    shapes = _place(legend, height)
    bottom = axis_height
    for score in range(web.SCALE_MIN, web.SCALE_MAX + 1):
        x = x_of(score)
        shapes.append(
            Line(x, bottom, x, bottom + plot_height, strokeColor=GRID, strokeDashArray=[2, 3])
        )
        shapes.append(
            String(x, 3, str(score), fontName=FONT, fontSize=LABEL_SIZE, textAnchor="middle")
        )
    top = bottom + plot_height
    for value, lines, row in zip(values, names, rows, strict=True):
        top -= row
        mid = top + row / 2
        for i, text in enumerate(lines):
            y = mid + (len(lines) / 2 - i - 1) * (NAME_SIZE + 1.5) + 2.5
            shapes.append(
                String(left - 8, y, text, fontName=FONT_BOLD, fontSize=NAME_SIZE, textAnchor="end")
            )
        bar_top = mid + bars_height / 2
        series = [(value.mean, 0)]
        if value.previous_mean is not None:
            series.append((value.previous_mean, 1))
        for offset, (score, index) in enumerate(series):
            y = bar_top - bar - offset * (bar + gap)
            w = max(x_of(score) - left, 2)
            if index == 0:
                shapes.append(Rect(left, y, w, bar, fillColor=SERIES[0], strokeColor=None))
            else:
                shapes += _hatched_bar(left, y, w, bar, SERIES[1])
            label = format_mean(score)
            label_width = stringWidth(label, FONT, 7.5)
            # a white ground, so that a grid line does not cross the figure
            shapes.append(
                Rect(left + w + 3, y, label_width + 2, bar, fillColor=WHITE, strokeColor=None)
            )
            shapes.append(String(left + w + 4, y + 1.5, label, fontName=FONT, fontSize=7.5))
    drawing = Drawing(width, height)
    for shape in shapes:
        drawing.add(shape)
    return drawing


def _marker(shape: str, x: float, y: float, colour) -> list:
    """The web chart's marker shapes (circle, square, triangle, diamond, cross), 0.8× the size."""
    if shape == "circle":
        return [Circle(x, y, 3.2, fillColor=colour, strokeColor=None)]
    if shape == "square":
        return [Rect(x - 3, y - 3, 6, 6, fillColor=colour, strokeColor=None)]
    if shape == "triangle":
        return [
            Polygon([x, y + 4, x + 4, y - 3.5, x - 4, y - 3.5], fillColor=colour, strokeColor=None)
        ]
    if shape == "diamond":
        return [
            Polygon([x, y + 4, x + 4, y, x, y - 4, x - 4, y], fillColor=colour, strokeColor=None)
        ]
    return [
        Line(x - 3.5, y - 3.5, x + 3.5, y + 3.5, strokeColor=colour, strokeWidth=1.8),
        Line(x - 3.5, y + 3.5, x + 3.5, y - 3.5, strokeColor=colour, strokeWidth=1.8),
    ]


def _line_swatch(index: int):
    def draw(x: float, y: float) -> list:
        colour = SERIES[index]
        return [
            Line(
                x, y, x + 18, y, strokeColor=colour, strokeWidth=1.8, strokeDashArray=_dash(index)
            ),
            *_marker(web.MARKERS[index], x + 9, y, colour),
        ]

    return draw


def trend_line_chart(trend, *, width: float, date_label) -> Drawing:
    """One line per value over the unit's closed rounds; a suppressed round leaves a gap.

    `date_label(round)` gives the label under each round (the web chart's month/year)."""
    legend, legend_height = _legend(
        [(name, _line_swatch(i)) for i, (_key, name) in enumerate(trend.value_keys)], width
    )
    plot_height, axis_height, left = 150.0, 16.0, 18.0
    right = width - 8
    height = legend_height + 10 + plot_height + axis_height
    bottom = axis_height
    shapes = _place(legend, height)
    for score in range(web.SCALE_MIN, web.SCALE_MAX + 1):
        y = bottom + (score - web.SCALE_MIN) / (web.SCALE_MAX - web.SCALE_MIN) * plot_height
        shapes.append(Line(left, y, right, y, strokeColor=GRID, strokeDashArray=[2, 3]))
        shapes.append(
            String(
                left - 6, y - 3, str(score), fontName=FONT, fontSize=LABEL_SIZE, textAnchor="end"
            )
        )
    points = trend.points
    count = len(points)
    step = (right - left - 40) / max(count - 1, 1)
    xs = [left + 20 + i * step if count > 1 else (left + right) / 2 for i in range(count)]
    label_every = 1 if count <= 8 else 2
    for i, point in enumerate(points):
        if i % label_every == 0 or i == count - 1:
            shapes.append(
                String(
                    xs[i],
                    3,
                    date_label(point.round),
                    fontName=FONT,
                    fontSize=LABEL_SIZE,
                    textAnchor="middle",
                )
            )
    for index, (key, _name) in enumerate(trend.value_keys):
        colour, segments, segment = SERIES[index], [], []
        segments.append(segment)
        markers = []
        for i, point in enumerate(points):
            mean = point.means.get(key)
            if mean is None:
                segment = []
                segments.append(segment)
                continue
            y = bottom + (mean - web.SCALE_MIN) / (web.SCALE_MAX - web.SCALE_MIN) * plot_height
            segment += [xs[i], y]
            markers += _marker(web.MARKERS[index], xs[i], y, colour)
        for seg in segments:
            if len(seg) >= 4:
                shapes.append(
                    PolyLine(seg, strokeColor=colour, strokeWidth=1.8, strokeDashArray=_dash(index))
                )
        shapes += markers
    drawing = Drawing(width, height)
    for shape in shapes:
        drawing.add(shape)
    return drawing
