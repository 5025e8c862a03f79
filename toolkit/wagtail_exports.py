"""Wagtail's spreadsheet exports (the "Site history" report and the admin's other CSV and XLSX
downloads): Helsinki time in the reader's date format, and no cell a spreadsheet runs as a formula.

Wagtail has no hook for its exports, so `wagtail_exports_adapt` (called once, from
ToolkitConfig.ready) adjusts SpreadsheetExportMixin in the two places all exports go through;
tests/toolkit/test_csv_export.py and test_formats.py fail if a Wagtail upgrade renames them.

Wagtail's SpreadsheetExportMixin writes a datetime into a CSV as str() of the stored UTC value
("2026-12-03 07:30:00.123456+00:00") and into an XLSX as naive UTC. People read these files as
local time, so both get Europe/Helsinki (settings.TIME_ZONE); the CSV writes the active
language's SHORT_DATETIME_FORMAT (3.12.2026 9.30, toolkit/formats) and dates as d.m.yyyy.

Each CSV value is then neutralised (toolkit.csv_export) after Wagtail's own preprocessing; its
XLSX exports already store such cells as text.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .csv_export import neutralise

CSV = SpreadsheetExportMixin.FORMAT_CSV
XLSX = SpreadsheetExportMixin.FORMAT_XLSX


def local_datetime_text(value: datetime.datetime) -> str:
    """A datetime as people read it: Helsinki time, d.m.yyyy H.MM in fi and sv."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "SHORT_DATETIME_FORMAT")


def local_naive_datetime(value: datetime.datetime) -> datetime.datetime:
    """A datetime for an XLSX cell (which holds no time zone): Helsinki wall-clock time."""
    if timezone.is_aware(value):
        return timezone.make_naive(value)
    return value


def local_date_text(value: datetime.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


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


def wagtail_exports_adapt() -> None:
    """Local time and neutralised cells in every Wagtail admin export; idempotent.

    The datetime entry keeps its place before Wagtail's (date, time) entry, so a datetime (a
    subclass of date) is formatted as a datetime."""
    SpreadsheetExportMixin.custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {CSV: local_datetime_text, XLSX: local_naive_datetime},
        datetime.date: {CSV: local_date_text},
    }
    SpreadsheetExportMixin.write_csv_row = _neutralised_csv_row
