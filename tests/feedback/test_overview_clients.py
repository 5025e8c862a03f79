"""The clients in the organisation overview: the clients' mean under each staff mean for the
months of the unit's latest round, hidden below k; the share of messages answered within five
working days; the same people as before; a query count that grows with neither units nor
answers."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.selectors.overview import organisation_overview, overview_page_additions
from tests.assessments.factories import add_responses, closed_round, framework_version
from tests.feedback.factories import add_client_answers, add_message
from tests.toolkit.factories import UnitFactory

URL = "/en/assessments/overview/"
DAY = datetime.timedelta(days=1)


@pytest.fixture
def small_version(db):
    return framework_version(statements=1)


def _unit_with_clients(unit, version, today, *, clients, score=2, messages=0):
    round = closed_round(unit, version, closes_on=today - 3 * DAY)
    add_responses(round, 5, score=4)
    if clients:
        add_client_answers(unit, version, round.closes_on, [score] * clients)
    for n in range(messages):
        due = today - 10 * DAY
        add_message(unit, received_on=due - 7 * DAY, due_on=due, answered_on=due if n % 2 else None)
    return round


def added_row(overview, code):
    rows = overview_page_additions(overview.rows)
    return next(added for added in rows.rows if added.row.unit.code == code), rows


def test_clients_mean_stands_under_each_staff_mean(client, org, small_version, today):
    _unit_with_clients(org.unit_a, small_version, today, clients=6, score=2, messages=4)
    added, additions = added_row(organisation_overview(viewer=org.administrator), "A")
    assert [figures[0].text for _cell, figures in added.cells] == ["2,0"] * 5  # Finnish here
    assert added.column_figures[0].text.startswith("50")
    assert len(additions.columns) == 1
    client.force_login(org.administrator)
    page = client.get(URL).content.decode()
    assert "clients 2.0" in page
    assert "Answered within 5 working days" in page
    assert "50 %" in page and "2 of 4" in page


def test_k_minus_one_clients_show_no_client_mean_on_the_overview(client, org, small_version, today):
    _unit_with_clients(org.unit_a, small_version, today, clients=4, score=2)
    added, _additions = added_row(organisation_overview(viewer=org.administrator), "A")
    assert all(f.hidden and f.text == "–" for _cell, figures in added.cells for f in figures)
    client.force_login(org.administrator)
    page = client.get(URL).content.decode()
    assert "clients –" in page
    assert "2.0" not in page


def test_staff_hidden_and_clients_shown_keeps_the_hidden_marker(client, org, small_version, today):
    round = closed_round(org.unit_a, small_version, closes_on=today - 3 * DAY)
    add_responses(round, 4, score=5)
    add_client_answers(org.unit_a, small_version, round.closes_on, [3] * 6)
    client.force_login(org.administrator)
    page = client.get(URL).content.decode()
    assert "hidden: fewer than 5 answered" in page
    assert "clients 3.0" in page
    assert "5.0" not in page


def test_units_without_client_answers_or_messages_show_none(client, org, small_version, today):
    _unit_with_clients(org.unit_a, small_version, today, clients=0)
    added, _additions = added_row(organisation_overview(viewer=org.administrator), "A")
    assert not added.has_value_figures
    assert added.column_figures == [None]


def test_supervisor_sees_client_figures_only_of_their_units(client, org, small_version, today):
    _unit_with_clients(org.unit_b, small_version, today, clients=6, score=1, messages=2)
    client.force_login(org.supervisor_a)
    page = client.get(URL).content.decode()
    assert "Unit B" not in page and "clients 1.0" not in page


@pytest.mark.parametrize(("who", "status"), [("employee_a", 404), ("trainer", 404)])
def test_overview_is_still_closed_to_others(client, org, small_version, today, who, status):
    _unit_with_clients(org.unit_a, small_version, today, clients=6)
    client.force_login(getattr(org, who))
    assert client.get(URL).status_code == status


def _grow(size: int, version, area, today) -> None:
    for n in range(size):
        unit = UnitFactory(parent=area)
        round = closed_round(unit, version, closes_on=today - (3 + n % 40) * DAY)
        add_responses(round, 5, score=4)
        add_client_answers(unit, version, round.closes_on, [n % 5 + 1] * (5 + n % 3))
        add_message(unit, received_on=today - 30 * DAY, due_on=today - 23 * DAY)


def _queries(client) -> int:
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL + "?sort=-trust")
    assert response.status_code == 200
    return len(queries)


def test_query_count_grows_with_neither_units_nor_client_answers(client, org, small_version, today):
    client.force_login(org.administrator)
    _grow(4, small_version, org.area, today)
    small = _queries(client)
    _grow(40, small_version, org.area, today)
    for unit in org.area.children.all()[:10]:  # more answers in the same months
        round = unit.assessment_rounds.first()
        if round:
            add_client_answers(unit, small_version, round.closes_on, [4] * 20)
    large = _queries(client)
    assert large == small
