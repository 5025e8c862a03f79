"""The QR code of a unit's feedback link, one way for the page (inline SVG) and the poster (the
module grid, drawn as vector shapes): segno, at error level M, so a worn or creased poster
still scans."""

from __future__ import annotations

import segno

ERROR_LEVEL = "m"


def qr_code(url: str) -> segno.QRCode:
    return segno.make(url, error=ERROR_LEVEL, micro=False)


def qr_svg(url: str, *, title: str) -> str:
    """The code as an inline <svg> that scales with its CSS width, on white whatever the page's
    colours, `title` its text alternative (segno escapes it)."""
    svg = qr_code(url).svg_inline(
        scale=1, border=4, omitsize=True, title=title, svgclass="qr", lineclass=None, light="#fff"
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def qr_dark_runs(url: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The code's size in modules and its dark modules as horizontal runs (row, column,
    length), so a drawing makes one shape per run rather than one per module."""
    matrix = qr_code(url).matrix
    runs = []
    for row, modules in enumerate(matrix):
        column = 0
        while column < len(modules):
            if modules[column]:
                start = column
                while column < len(modules) and modules[column]:
                    column += 1
                runs.append((row, start, column - start))
            else:
                column += 1
    return len(matrix), runs
