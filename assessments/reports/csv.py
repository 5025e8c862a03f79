"""CSV exports of results: the aggregates of one round and a unit's timeline.

Only what the results selectors return goes out, so the anonymity rule holds: never a single
response, and for a round under the threshold nothing but a notice.

Format (for Excel in Finnish and Swedish, the product's main users): UTF-8 with a byte order mark,
semicolon as the separator and numbers written in the active language (decimal comma in fi/sv),
which is what Excel expects where the decimal separator is a comma. Any cell that starts with
= + - @, a tab or a carriage return gets a leading apostrophe, so no spreadsheet reads it as a
formula.
"""

from __future__ import annotations

import csv
import io

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from ..selectors.results import RoundResults, UnitTrend

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell) -> str:
    """The cell as text that no spreadsheet evaluates (CSV/formula injection)."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _num(value: float | None) -> str:
    return number_format(value, 2) if value is not None else ""


def _hidden(k: int) -> str:
    return _("Hidden: fewer than %(k)s people gave a score, so no figure is shown.") % {"k": k}


def write_rows(rows: list[list]) -> str:
    """Rows as CSV text for spreadsheets (see the module docstring), every cell neutralised."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerows([[neutralise(c) for c in row] for row in rows])
    return buffer.getvalue()


def round_aggregates_csv(results: RoundResults) -> str:
    """Per value and statement: mean, the 1–5 distribution, "can't say" and answer counts."""
    rows: list[list] = [
        [_("Unit"), results.unit.name],
        [_("Round"), results.round.title],
        [_("Responses"), results.response_count],
        [_("Invited"), results.invited_count],
    ]
    if results.suppressed:
        rows.append([_("Results are not shown"), results.suppressed_reason])
        return write_rows(rows)
    rows.append([])
    rows.append(
        [
            _("Value"),
            _("Statement"),
            _("Mean"),
            "1",
            "2",
            "3",
            "4",
            "5",
            _("Can't say"),
            _("Answers"),
        ]
    )
    for value in results.values:
        rows.append([value.name, "", _num(value.mean), "", "", "", "", "", "", value.scored])
        for s in value.statements:
            if s.hidden:
                rows.append([value.name, s.text, _hidden(results.threshold)])
                continue
            rows.append([value.name, s.text, _num(s.mean), *s.distribution, s.cant_say, s.answers])
    return write_rows(rows)


def unit_timeline_csv(trend: UnitTrend) -> str:
    """Per closed round of the unit: dates, response count and the five value means."""
    rows: list[list] = [
        [_("Round"), _("Opened"), _("Closed"), _("Responses")]
        + [name for _key, name in trend.value_keys]
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
            row += [_num(point.means.get(key)) for key, _name in trend.value_keys]
        rows.append(row)
    return write_rows(rows)
