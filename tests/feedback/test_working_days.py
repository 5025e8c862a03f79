"""Reply due dates in Finnish working days: weekends, Midsummer, Christmas, Easter, May Day."""

import datetime

import pytest

from feedback.services.working_days import add_working_days, is_working_day, reply_due

D = datetime.date


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # An ordinary week: Monday → next Monday; Friday → next Friday.
        (D(2026, 3, 2), D(2026, 3, 9)),
        (D(2026, 3, 6), D(2026, 3, 13)),
        # A Saturday or Sunday message counts from Monday: due the Friday after.
        (D(2026, 3, 7), D(2026, 3, 13)),
        (D(2026, 3, 8), D(2026, 3, 13)),
        # Midsummer 2026: Eve Fri 19.6. is a day off (Midsummer Day Sat 20.6.). A message on
        # Wed 17.6. counts Thu 18, Mon 22, Tue 23, Wed 24, Thu 25: due Thu 25.6.
        (D(2026, 6, 17), D(2026, 6, 25)),
        (D(2026, 6, 19), D(2026, 6, 26)),
        # Christmas 2026: Eve Thu 24.12., Christmas Fri 25.12., Boxing Day Sat; New Year Fri
        # 1.1.2027. A message on Wed 23.12. counts Mon 28, Tue 29, Wed 30, Thu 31, Mon 4.1.
        (D(2026, 12, 23), D(2027, 1, 4)),
        # Easter 2026: Good Friday 3.4., Easter Monday 6.4. Thu 2.4. → Tue 7 … Fri 10, Mon 13.
        (D(2026, 4, 2), D(2026, 4, 13)),
        # May Day Fri 1.5.2026 and Ascension Thu 14.5.2026.
        (D(2026, 4, 30), D(2026, 5, 8)),
        (D(2026, 5, 12), D(2026, 5, 20)),
        # Epiphany Tue 6.1.2026 and Independence Day Sun 6.12.2026 (a Sunday anyway).
        (D(2026, 1, 5), D(2026, 1, 13)),
    ],
)
def test_reply_is_due_five_finnish_working_days_after_arrival(received, due):
    assert reply_due(received) == due


@pytest.mark.parametrize(
    "day",
    [D(2026, 6, 19), D(2026, 12, 24), D(2026, 12, 25), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 1)],
)
def test_holidays_are_not_working_days(day):
    assert not is_working_day(day)


def test_weekends_are_not_working_days_and_weekdays_are():
    assert not is_working_day(D(2026, 3, 7)) and not is_working_day(D(2026, 3, 8))
    assert all(is_working_day(D(2026, 3, day)) for day in range(2, 7))


def test_adding_no_working_days_keeps_the_day():
    assert add_working_days(D(2026, 6, 19), 0) == D(2026, 6, 19)
