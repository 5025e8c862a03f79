"""Dates, times and numbers in Finnish usage in all three languages (toolkit/formats): d.m.yyyy,
Helsinki time, the decimal comma in Finnish and Swedish; and Wagtail's own spreadsheet exports."""

import csv
import datetime
import io
import zoneinfo

import pytest
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from wagtail.models import PageLogEntry

from toolkit.forms import PeopleImportForm

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
# 7.05 UTC on 3 December is 9.05 in Helsinki (winter time, UTC+2).
MOMENT = datetime.datetime(2026, 12, 3, 7, 5, tzinfo=datetime.UTC)


def test_the_site_runs_on_helsinki_time():
    assert settings.TIME_ZONE == "Europe/Helsinki" and settings.USE_TZ


@pytest.mark.parametrize(
    ("language", "datetime_text", "decimal"),
    [
        ("fi", "3.12.2026 9.05", "3,6"),
        ("sv", "3.12.2026 9.05", "3,6"),
        ("en", "3.12.2026 9:05", "3.6"),
    ],
)
def test_dates_times_and_decimals_follow_finnish_usage(language, datetime_text, decimal):
    with translation.override(language):
        assert date_format(datetime.date(2026, 12, 3)) == "3.12.2026"
        assert date_format(datetime.date(2026, 3, 12), "SHORT_DATE_FORMAT") == "12.3.2026"
        local = timezone.localtime(MOMENT)
        assert date_format(local, "SHORT_DATETIME_FORMAT") == datetime_text
        assert date_format(local, "DATETIME_FORMAT") == datetime_text
        assert number_format(3.6, 1) == decimal


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("typed", ["12.3.2026", "12.03.2026", "12.3.26", "2026-03-12"])
def test_date_fields_accept_d_m_yyyy_and_iso(language, typed):
    with translation.override(language):
        field = forms.DateField()
        assert field.clean(typed) == datetime.date(2026, 3, 12)


@pytest.mark.parametrize(
    ("language", "expected"), [("fi", "20,0 Mt"), ("sv", "20,0 MB"), ("en", "20.0 MB")]
)
def test_file_sizes_use_the_languages_decimal_separator_and_unit(language, expected):
    with translation.override(language):
        assert filesizeformat(20 * 1024 * 1024).replace("\xa0", " ") == expected


@pytest.mark.parametrize(
    ("language", "size"), [("fi", "2,5 Mt"), ("sv", "2,5 MB"), ("en", "2.5 MB")]
)
def test_too_large_import_file_says_its_size_with_a_decimal_comma(settings, language, size):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.PEOPLE_IMPORT_MAX_BYTES = 1_048_576
    upload = SimpleUploadedFile("people.csv", b"x" * 2_621_440, content_type="text/csv")
    with translation.override(language):
        form = PeopleImportForm(files={"file": upload})
        assert not form.is_valid()
        assert size in form.errors["file"][0]


def _site_history_rows(client, user):
    client.force_login(user)
    response = client.get("/cms/reports/site-history/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def _log_entry(user) -> PageLogEntry:
    from wagtail.models import Page

    root = Page.get_first_root_node()
    return PageLogEntry.objects.create(
        page=root,
        content_type=root.content_type,
        action="wagtail.edit",
        timestamp=MOMENT,
        label=root.title,
        user=user,
    )


def test_site_history_csv_writes_helsinki_time_as_d_m_yyyy(client, org):
    entry = _log_entry(org.administrator)
    rows = _site_history_rows(client, org.administrator)
    (row,) = [row for row in rows[1:] if row[0] == str(entry.page_id)]
    assert row[-1] == "3.12.2026 9.05"


def test_site_history_xlsx_writes_helsinki_wall_clock_time(client, org):
    from openpyxl import load_workbook

    entry = _log_entry(org.administrator)
    client.force_login(org.administrator)
    response = client.get("/cms/reports/site-history/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    (row,) = [r for r in rows if str(r[0]) == str(entry.page_id)]
    assert row[-1] == datetime.datetime(2026, 12, 3, 9, 5)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_wagtail_admin_date_pickers_write_and_read_d_m_yyyy(language):
    from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

    with translation.override(language):
        assert AdminDateInput().format_value(datetime.date(2026, 3, 12)) == "12.03.2026"
        date_field = forms.DateField(widget=AdminDateInput())
        assert date_field.clean("12.03.2026") == datetime.date(2026, 3, 12)
        moment = forms.DateTimeField(widget=AdminDateTimeInput()).clean("03.12.2026 09.05")
        assert moment == MOMENT  # read as Helsinki time
        assert AdminDateTimeInput().format_value(timezone.localtime(MOMENT)) == "03.12.2026 09.05"
