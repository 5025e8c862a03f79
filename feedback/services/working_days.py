"""Working days in Finland: Monday to Friday, without the public holidays of the `holidays`
library (Midsummer Eve, Christmas Eve and others the Finnish calendar keeps as days off)."""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays

REPLY_WORKING_DAYS = 5


@lru_cache(maxsize=32)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("FI", years=year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The date `count` working days after `day` (a message on Friday, due 5 working days on,
    is due the next Friday; on Midsummer week, a day later)."""
    current = day
    left = count
    while left > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


def reply_due(received: datetime.date) -> datetime.date:
    return add_working_days(received, REPLY_WORKING_DAYS)
