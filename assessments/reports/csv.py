"""CSV exports of results: the aggregates of one round and a unit's timeline.

Only what the results selectors return goes out, so the anonymity rule holds: never a single
response, and for a round under the threshold nothing but a notice.

Format (for Excel in Finnish and Swedish, the product's main users): UTF-8 with a byte order mark,
semicolon as the separator and numbers written in the active language (decimal comma in fi/sv),
which is what Excel expects where the decimal separator is a comma. A mean is written as the page,
the charts and the PDF show it (toolkit.numbers: half up to one decimal), and again with all its
digits in a column of its own named "… (full precision)", for those who compute further. This
module says only which rows; the site's one CSV writer (toolkit/csv_export.py) writes them, and
any cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe, so no
spreadsheet reads it as a formula.
"""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from toolkit.csv_export import write_rows
from toolkit.numbers import format_change, format_full, format_mean

from ..report_parts import report_sections
from ..selectors.result_types import RoundResults, UnitTrend


def _num(value: float | None) -> str:
    """A mean as it is shown everywhere: one decimal, rounded half up; empty when missing."""
    return format_mean(value, missing="")


def _full(value: float | None) -> str:
    """A mean with all its digits, for the full-precision columns."""
    return format_full(value)


def _full_header(name: str) -> str:
    return _("%(column)s (full precision)") % {"column": name}


def _hidden(k: int) -> str:
    return _("Hidden: fewer than %(k)s people gave a score, so no figure is shown.") % {"k": k}


def round_aggregates_rows(results: RoundResults) -> list[list]:
    """The round's own rows (below), then those of the sections other apps add to the unit
    report (assessments.report_parts), each after a blank row and its heading."""
    rows = _round_rows(results)
    for section in report_sections(results):
        rows += [[], [section.heading], *section.csv_rows]
    return rows


def _round_rows(results: RoundResults) -> list[list]:
    """Per value and statement: mean, the 1–5 distribution, "can't say" and answer counts; per
    value also the previous round's mean and the change, worded as on the page."""
    rows: list[list] = [
        [_("Unit"), results.unit.name],
        [_("Round"), results.round.title],
        [_("Responses"), results.response_count],
        [_("Invited"), results.invited_count],
    ]
    if results.suppressed:
        rows.append([_("Results are not shown"), results.suppressed_reason])
        return rows
    rows.append([])
    rows.append(
        [
            _("Value"),
            _("Statement"),
            _("Mean"),
            _full_header(_("Mean")),
            "1",
            "2",
            "3",
            "4",
            "5",
            _("Can't say"),
            _("Answers"),
            _("Previous round"),
            _("Change"),
        ]
    )
    for value in results.values:
        change = format_change(value.change.amount, missing="") if value.change else ""
        rows.append(
            [
                value.name,
                "",
                _num(value.mean),
                _full(value.mean),
                *[""] * 6,
                value.scored,
                _num(value.previous_mean),
                change,
            ]
        )
        for s in value.statements:
            if s.hidden:
                rows.append([value.name, s.text, _hidden(results.threshold)])
                continue
            rows.append(
                [
                    value.name,
                    s.text,
                    _num(s.mean),
                    _full(s.mean),
                    *s.distribution,
                    s.cant_say,
                    s.answers,
                ]
            )
    return rows


def unit_timeline_rows(trend: UnitTrend) -> list[list]:
    """Per closed round of the unit: dates, response count and the five value means (as shown,
    then with full precision)."""
    names = [name for _key, name in trend.value_keys]
    rows: list[list] = [
        [_("Round"), _("Opened"), _("Closed"), _("Responses")]
        + names
        + [_full_header(name) for name in names]
    ]
    for point in trend.points:
        row = [
            point.round.title,
            date_format(point.round.opens_on, "SHORT_DATE_FORMAT"),
            date_format(point.round.closes_on, "SHORT_DATE_FORMAT"),
            point.response_count,
        ]
        if point.suppressed:
            row.append(_("Too few answers to show"))
        else:
            means = [point.means.get(key) for key, _name in trend.value_keys]
            row += [_num(m) for m in means] + [_full(m) for m in means]
        rows.append(row)
    return rows


def round_aggregates_csv(results: RoundResults) -> str:
    return write_rows(round_aggregates_rows(results))


def unit_timeline_csv(trend: UnitTrend) -> str:
    return write_rows(unit_timeline_rows(trend))
