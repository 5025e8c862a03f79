"""Every CSV the site serves is written here, so that no cell runs as a formula (CSV injection).

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as a
formula: `=HYPERLINK(...)` in a person's name would become a link in the administrator's Excel.
Each such cell gets a leading apostrophe. Our own exports (results, timeline, training) go
through `write_rows`; Wagtail's exports (site history, page and snippet listings, form
submissions) through `neutralise_wagtail_exports`, installed when the app starts.

Format of our exports (for Excel in Finnish and Swedish, the product's main users): UTF-8 with a
byte order mark, semicolon as the separator.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

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


def _neutralised_csv_row(self, writer, row_dict):
    """SpreadsheetExportMixin.write_csv_row, with each value neutralised after Wagtail's own
    preprocessing (which formats dates and lists): the view's own formatting stays its own."""
    return writer.writerow(
        {
            field: _neutralise_value(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        }
    )


def _neutralise_value(value):
    return neutralise(value) if isinstance(value, str) else value


def neutralise_wagtail_exports() -> None:
    """Make every Wagtail CSV export write neutralised cells. Wagtail has no hook for it, so
    this replaces the one method all its exports write rows with (wagtail.admin.views.mixins);
    its XLSX exports already store such cells as text. tests/toolkit/test_csv_export.py fails
    if a Wagtail upgrade renames the method."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    SpreadsheetExportMixin.write_csv_row = _neutralised_csv_row
