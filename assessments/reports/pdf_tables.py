"""Tables of the unit report PDF whose columns fit their words.

ReportLab breaks a word that is wider than its column ("Vastauksi a", "21.3.202 5"). Here each
column gets at least the width of its longest word (a date, a heading like "Vastauksia" or
"Asiakaslähtöisyys") and, when there is room, the width of its longest text; only a table whose
words cannot fit side by side is set in a smaller size, down to a floor. So words wrap only at
spaces and no cell runs past the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from toolkit.pdf_fonts import FONT, FONT_BOLD

PADDING = 4.0
SIZES = (9.0, 8.5, 8.0, 7.5, 7.0)
INK = colors.HexColor("#1d2a33")
RULE = colors.HexColor("#8a949b")


@dataclass(frozen=True)
class Cell:
    """A cell's text with an optional colour (the change column) and weight."""

    text: str
    colour: str | None = None
    bold: bool = False
    nowrap: bool = False


def _cell(value) -> Cell:
    return value if isinstance(value, Cell) else Cell("" if value is None else str(value))


def _widths_of(cell: Cell, size: float, bold: bool) -> tuple[float, float]:
    """(longest word, whole text) widths of a cell, padding included."""
    font = FONT_BOLD if bold else FONT
    lines = cell.text.split("\n") or [""]
    words = [w for line in lines for w in line.split()] or [""]
    longest = max(stringWidth(w, font, size) for w in words)
    whole = max(stringWidth(line, font, size) for line in lines)
    return longest + 2 * PADDING + 1, whole + 2 * PADDING + 1


def fit_widths(rows: list[list[Cell]], total: float, size: float, header_rows: int) -> list | None:
    """Column widths that hold every word of `rows` whole within `total`, or None if the longest
    words side by side are already too wide at `size`."""
    columns = len(rows[0])
    least, most = [0.0] * columns, [0.0] * columns
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            low, high = _widths_of(cell, size, bold=r < header_rows or cell.bold)
            if cell.nowrap:
                low = high
            least[c], most[c] = max(least[c], low), max(most[c], high)
    if sum(least) > total:
        return None
    if sum(most) <= total:
        extra = total - sum(most)
        return [w + extra * w / sum(most) for w in most]
    room = total - sum(least)
    wish = [m - low for m, low in zip(most, least, strict=True)]
    return [low + room * w / sum(wish) for low, w in zip(least, wish, strict=True)]


def _paragraph(cell: Cell, size: float, *, bold: bool, right: bool) -> Paragraph:
    style = ParagraphStyle(
        "cell",
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=size + 2.5,
        textColor=INK,
        alignment=TA_RIGHT if right else 0,
        splitLongWords=0,
    )
    text = "<br/>".join(escape(line) for line in cell.text.split("\n"))
    if cell.colour:
        text = f'<font color="{cell.colour}">{text}</font>'
    return Paragraph(text, style)


def fitted_table(
    rows: list[list],
    *,
    width: float,
    header_rows: int = 1,
    numeric: tuple[int, ...] = (),
    first_column_bold: bool = False,
) -> Table:
    """A table of plain-text cells (str or Cell) whose columns fit their words (see above).

    `numeric` columns are right-aligned; header rows are bold and repeat on a new page."""
    cells = [[_cell(v) for v in row] for row in rows]
    if first_column_bold:
        cells = [[Cell(row[0].text, row[0].colour, True, row[0].nowrap), *row[1:]] for row in cells]
    for size in SIZES:
        widths = fit_widths(cells, width, size, header_rows)
        if widths is not None:
            break
    else:  # even the smallest size is too wide: share the width equally (words may wrap)
        widths = [width / len(cells[0])] * len(cells[0])
    flow = [
        [
            _paragraph(cell, size, bold=r < header_rows or cell.bold, right=c in numeric)
            for c, cell in enumerate(row)
        ]
        for r, row in enumerate(cells)
    ]
    table = Table(flow, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    commands = [
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header_rows:
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK))
    table.setStyle(TableStyle(commands))
    return table
