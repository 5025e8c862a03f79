"""Every CSV the site serves is written here, so that no cell runs as a formula (CSV injection).

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as a
formula: `=HYPERLINK(...)` in a person's name would become a link in the administrator's Excel.
Each such cell gets a leading apostrophe. Our own exports (results, timeline, training) are
written by `write_rows` and served by `csv_response`; the apps only say which rows. Wagtail's exports (site history, page and snippet listings, form
submissions) through toolkit.wagtail_exports, installed when the app starts.

Format of our exports (for Excel in Finnish and Swedish, the product's main users): UTF-8 with a
byte order mark, semicolon as the separator.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell) -> str:
    """The cell as text that no spreadsheet evaluates."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_rows(rows: Iterable[Iterable]) -> str:
    """Rows as CSV text for spreadsheets (see the module docstring), every cell neutralised."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerows([[neutralise(cell) for cell in row] for row in rows])
    return buffer.getvalue()


def csv_response(rows: Iterable[Iterable], file_name: str) -> HttpResponse:
    """The rows as a CSV attachment named `file_name` (written by `write_rows`)."""
    response = HttpResponse(write_rows(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response
