"""The share of client messages answered within five working days: on time, late, not yet due,
not answered and overdue, the twelve months, and one query for any number of units."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from feedback.selectors.reply_times import ReplyTimes, reply_times, year_before
from tests.feedback.factories import add_message
from tests.toolkit.factories import UnitFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)
DAY = datetime.timedelta(days=1)


def test_on_time_late_unanswered_and_not_yet_due(org):
    unit = org.unit_a
    received = TODAY - 20 * DAY
    due = TODAY - 13 * DAY
    add_message(unit, received_on=received, due_on=due, answered_on=due)  # on the due day
    add_message(unit, received_on=received, due_on=due, answered_on=received)  # at once
    add_message(unit, received_on=received, due_on=due, answered_on=due + DAY)  # late
    add_message(unit, received_on=received, due_on=due)  # not answered, overdue
    add_message(unit, received_on=TODAY - 2 * DAY, due_on=TODAY + 3 * DAY)  # not yet due
    add_message(unit, received_on=TODAY - 7 * DAY, due_on=TODAY)  # due today: not late yet
    add_message(
        unit, received_on=TODAY - 7 * DAY, due_on=TODAY, answered_on=TODAY - DAY
    )  # answered, but its days are not over: counted tomorrow with the other
    times = reply_times(unit_ids=[unit.pk], today=TODAY)[unit.pk]
    assert times == ReplyTimes(on_time=2, late=1, unanswered=1)
    assert times.due == 4
    assert times.share_on_time == 50


def test_only_the_last_twelve_months_count(org):
    unit = org.unit_a
    a_year_ago = year_before(TODAY)
    add_message(unit, received_on=a_year_ago, due_on=a_year_ago + 7 * DAY, answered_on=a_year_ago)
    add_message(unit, received_on=a_year_ago - DAY, due_on=a_year_ago + 6 * DAY)
    assert reply_times(unit_ids=[unit.pk], today=TODAY)[unit.pk] == ReplyTimes(on_time=1)


def test_leap_day_has_a_year_before():
    assert year_before(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


def test_units_without_messages_due_are_left_out_and_others_units_not_mixed(org):
    add_message(org.unit_b, received_on=TODAY - 20 * DAY, due_on=TODAY - 13 * DAY)
    found = reply_times(unit_ids=[org.unit_a.pk, org.unit_b.pk], today=TODAY)
    assert org.unit_a.pk not in found
    assert found[org.unit_b.pk] == ReplyTimes(unanswered=1)
    assert found[org.unit_b.pk].share_on_time == 0
    assert ReplyTimes().share_on_time is None


@pytest.mark.parametrize("size", [3, 30])
def test_one_query_for_any_number_of_units(org, size):
    units = [UnitFactory(parent=org.area) for _ in range(size)]
    for unit in units:
        add_message(unit, received_on=TODAY - 20 * DAY, due_on=TODAY - 13 * DAY)
    with CaptureQueriesContext(connection) as queries:
        found = reply_times(unit_ids=[u.pk for u in units], today=TODAY)
    assert len(queries) == 1
    assert len(found) == size
