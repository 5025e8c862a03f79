"""Wagtail's spreadsheet exports (the "Site history" report and the admin's other CSV and XLSX
downloads) in Helsinki time and the reader's date format.

Wagtail's SpreadsheetExportMixin writes a datetime into a CSV as str() of the stored UTC value
("2026-12-03 07:30:00.123456+00:00") and into an XLSX as naive UTC. People read these files as
local time, so both get Europe/Helsinki (settings.TIME_ZONE); the CSV writes the active
language's SHORT_DATETIME_FORMAT (3.12.2026 9.30, toolkit/formats) and dates as d.m.yyyy.

Only the date handling lives here, so that other changes to the same exports (such as escaping
cells that spreadsheets would read as formulas) can live beside it.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.views.mixins import SpreadsheetExportMixin

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


def use_local_time_in_spreadsheet_exports() -> None:
    """Make every Wagtail admin export write local time (called once, from wagtail_hooks).

    The datetime entry keeps its place before Wagtail's (date, time) entry, so a datetime (a
    subclass of date) is formatted as a datetime; idempotent."""
    SpreadsheetExportMixin.custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {CSV: local_datetime_text, XLSX: local_naive_datetime},
        datetime.date: {CSV: local_date_text},
    }
