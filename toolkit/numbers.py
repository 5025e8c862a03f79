"""How every figure the product shows is rounded and written: one rule for the page, the charts,
the PDF reports and the CSV exports, so that no two of them disagree.

The rule:

- A figure is rounded half up (``ROUND_HALF_UP``): 3.65 → 3.7, 3.64 → 3.6, -0.05 → -0.1. Means and
  changes keep one decimal, percents none. Python's ``round()`` is not used: it rounds half to
  even and works on the binary float (``round(3.65, 1)`` is 3.6), and ``number_format`` with a
  number of decimals cuts the rest off (30/7 with two decimals is "4,28").
- A float is read through its shortest representation (``repr``), so a mean of 73 answers over
  20 (3.65) rounds as a person would round it, not as 3.6499999… does.
- A change is the difference of the two *shown* (rounded) figures, so "3,6 → 3,7" always says
  "up 0,1" and never "no change".
- Figures are written in the active language as ``django.utils.formats.number_format`` writes
  them: a decimal comma in Finnish and Swedish, a point in English (the locale's format files
  decide). A figure under 1,000 (every mean, change and percent) has no digits to group, so it is
  written by `_written` without number_format's per-call lookups: the overview writes 1,000
  figures a page.
- A missing figure is written as an en dash ("–") where a table shows it, and as an empty cell
  in a CSV.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import get_format, number_format
from django.utils.translation import gettext as _

MEAN_PLACES = 1
PERCENT_PLACES = 0
MISSING = "–"

Number = int | float | Decimal


def rounded(value: Number | None, places: int = MEAN_PLACES) -> Decimal | None:
    """`value` rounded half up to `places` decimals (None stays None)."""
    if value is None:
        return None
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def change_between(now: Number | None, before: Number | None) -> Decimal | None:
    """The change from `before` to `now` as the reader sees it: the difference of the two figures
    rounded for display (None when either is missing)."""
    if now is None or before is None:
        return None
    return rounded(now) - rounded(before)


def percent_of(part: int, whole: int) -> int | None:
    """`part` of `whole` as a whole percent, rounded half up (None when `whole` is 0)."""
    if not whole:
        return None
    return int(rounded(Decimal(100 * part) / Decimal(whole), PERCENT_PLACES))


def _written(shown: Decimal | int, places: int) -> str:
    """A rounded figure as number_format(shown, places) writes it (tests/toolkit/test_numbers.py
    holds them equal)."""
    if not -1000 < shown < 1000:
        return number_format(shown, places)
    if shown == 0:
        shown = abs(shown)  # number_format writes -0.0 as "0,0"
    text = f"{shown:.{places}f}"
    return text.replace(".", get_format("DECIMAL_SEPARATOR"), 1) if places else text


def format_number(
    value: Number | None, places: int = MEAN_PLACES, *, missing: str = MISSING
) -> str:
    """`value` rounded half up to `places` decimals, written in the active language."""
    shown = rounded(value, places)
    return missing if shown is None else _written(shown, places)


def format_mean(value: Number | None, *, missing: str = MISSING) -> str:
    """A mean (or any score on the 1–5 scale) with one decimal: "3,7" in fi/sv, "3.7" in en."""
    return format_number(value, MEAN_PLACES, missing=missing)


def format_change_size(amount: Number | None, *, missing: str = MISSING) -> str:
    """The size of a change without its sign, for "up 0,1" / "down 0,1"."""
    shown = rounded(amount)
    return missing if shown is None else _written(abs(shown), MEAN_PLACES)


def format_change(amount: Number | None, *, missing: str = MISSING) -> str:
    """A change in words, as the results page words it: "up 0,1", "down 0,1" or "no change"."""
    shown = rounded(amount)
    if shown is None:
        return missing
    size = _written(abs(shown), MEAN_PLACES)
    if shown > 0:
        return _("up %(amount)s") % {"amount": size}
    if shown < 0:
        return _("down %(amount)s") % {"amount": size}
    return _("no change")


def format_percent(value: Number | None, *, missing: str = MISSING) -> str:
    """A percent as a whole number followed by " %": "79 %"."""
    shown = rounded(value, PERCENT_PLACES)
    return missing if shown is None else f"{_written(shown, PERCENT_PLACES)} %"


def format_count(value: int | None, *, missing: str = MISSING) -> str:
    """A count of people or answers, written in the active language."""
    return missing if value is None else number_format(value)


def format_full(value: Number | None, *, missing: str = "") -> str:
    """`value` with all the digits it has (for a CSV's "full precision" column), with the active
    language's decimal separator: 30/7 → "4,285714285714286"."""
    if value is None:
        return missing
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return number_format(exact)


def gap_between(clients: Number | None, staff: Number | None) -> Decimal | None:
    """The clients' figure minus the staff's, as the reader sees them: the difference of the
    two shown (rounded) means, so "staff 4,1, clients 3,2" always gives 0,9 (None when either
    is missing)."""
    return change_between(clients, staff)


def format_gap(amount: Number | None, *, missing: str = MISSING) -> str:
    """A gap between the clients' and the staff's means in words: "clients 0,3 higher",
    "clients 0,9 lower" or "no difference"."""
    shown = rounded(amount)
    if shown is None:
        return missing
    size = _written(abs(shown), MEAN_PLACES)
    if shown > 0:
        return _("clients %(amount)s higher") % {"amount": size}
    if shown < 0:
        return _("clients %(amount)s lower") % {"amount": size}
    return _("no difference")


def format_points(value: Number | None, *, missing: str = MISSING) -> str:
    """A score in whole points that may be negative (NPS, from −100 to 100), with a true minus
    sign ("−12"): a spreadsheet reads it as text, not as a formula, and it prints as on paper."""
    shown = rounded(value, PERCENT_PLACES)
    if shown is None:
        return missing
    written = _written(abs(shown), PERCENT_PLACES)
    return f"\u2212{written}" if shown < 0 else written


def format_difference(
    amount: Number | None, places: int = MEAN_PLACES, *, missing: str = MISSING
) -> str:
    """A difference with its sign, rounded half up: "+0,6", "−0,7" (a minus sign), "0,0". (A
    Net Promoter Score is written by `format_points`, without "+", as the CSV needs.)"""
    shown = rounded(amount, places)
    if shown is None:
        return missing
    size = _written(abs(shown), places)
    if shown > 0:
        return f"+{size}"
    if shown < 0:
        return f"\u2212{size}"
    return size
