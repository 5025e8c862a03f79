"""The organisation overview: who sees which units, the anonymity rule, changes, the area filter,
sorting, bad query strings and a query count that does not grow with the organisation."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import ImprovementAction
from assessments.selectors.overview import (
    ValueCell,
    action_counts,
    organisation_overview,
    organisation_overview_page,
)
from tests.assessments.factories import add_responses, closed_round, framework_version, invite
from tests.toolkit.factories import UnitFactory, member

URL = "/fi/assessments/overview/"
SPRING = datetime.date(2026, 3, 31)
AUTUMN = datetime.date(2025, 9, 30)


def codes(overview) -> list[str]:
    return [row.unit.code for row in overview.rows]


def row_of(overview, code: str):
    return next(row for row in overview.rows if row.unit.code == code)


@pytest.fixture
def small_version(db):
    return framework_version(statements=1)


@pytest.mark.parametrize(
    ("who", "status"),
    [("administrator", 200), ("supervisor_a", 200), ("employee_a", 404), ("trainer", 404)],
)
def test_overview_is_for_administrators_and_supervisors(client, org, who, status):
    client.force_login(getattr(org, who))
    assert client.get(URL).status_code == status


def test_anonymous_visitor_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_administrator_sees_every_unit(org):
    overview = organisation_overview(viewer=org.administrator)
    assert sorted(codes(overview)) == ["A", "AREA", "B"]


def test_supervisor_sees_only_their_units_and_those_under_them(client, org):
    child = UnitFactory(code="A1", name_fi="Alayksikkö", parent=org.unit_a)
    UnitFactory(code="A11", name_fi="Alialayksikkö", parent=child)
    overview = organisation_overview(viewer=org.supervisor_a)
    assert sorted(codes(overview)) == ["A", "A1", "A11"]
    client.force_login(org.supervisor_a)
    page = client.get(URL).content.decode()
    assert "Alialayksikkö" in page
    assert "Yksikkö B" not in page


def test_supervisor_gets_no_link_to_results_of_units_they_are_not_a_member_of(
    client, org, small_version
):
    child = UnitFactory(code="A1", name_fi="Alayksikkö", parent=org.unit_a)
    round = closed_round(child, small_version, closes_on=SPRING)
    add_responses(round, 5, score=4)
    client.force_login(org.supervisor_a)
    page = client.get(URL).content.decode()
    assert f"/rounds/{round.pk}/results/" not in page
    client.force_login(org.administrator)
    assert f"/rounds/{round.pk}/results/" in client.get(URL).content.decode()


def test_means_are_hidden_under_the_threshold_but_the_response_rate_shows(org, small_version):
    round = closed_round(org.unit_a, small_version, closes_on=SPRING)
    invite(round, [org.employee_a, org.supervisor_a, org.employee_b, org.supervisor_b])
    add_responses(round, 4, score=5)
    row = row_of(organisation_overview(viewer=org.administrator), "A")
    assert row.suppressed
    assert all(cell.mean is None and cell.change is None for cell in row.cells)
    assert row.response_rate == 100


def test_hidden_means_do_not_reach_the_page(client, org, small_version):
    round = closed_round(org.unit_a, small_version, closes_on=SPRING)
    add_responses(round, 4, score=2)
    client.force_login(org.administrator)
    page = client.get(URL).content.decode()
    assert "2,0" not in page
    assert "piilotettu: vastaajia alle 5" in page


def test_change_is_computed_value_by_value_across_framework_versions(org, small_version):
    newer = framework_version(number=2, framework=small_version.framework, statements=2)
    before = closed_round(org.unit_a, small_version, closes_on=AUTUMN)
    add_responses(before, 5, score=lambda i, s: 2 if s.value.key == "trust" else 3)
    latest = closed_round(org.unit_a, newer, closes_on=SPRING)
    add_responses(latest, 5, score=4)
    row = row_of(organisation_overview(viewer=org.administrator), "A")
    assert row.round_pk == latest.pk
    changes = {cell.key: round(cell.change.amount, 2) for cell in row.cells}
    assert changes == {
        "dignity": 1.0,
        "client_centredness": 1.0,
        "equality": 1.0,
        "trust": 2.0,
        "empathy": 1.0,
    }


def test_no_change_when_the_previous_round_was_under_the_threshold(org, small_version):
    before = closed_round(org.unit_a, small_version, closes_on=AUTUMN)
    add_responses(before, 3, score=2)
    latest = closed_round(org.unit_a, small_version, closes_on=SPRING)
    add_responses(latest, 5, score=4)
    row = row_of(organisation_overview(viewer=org.administrator), "A")
    assert [cell.mean for cell in row.cells] == [4.0] * 5
    assert all(cell.change is None for cell in row.cells)


def test_open_and_draft_rounds_are_not_the_latest_round(org, small_version):
    closed = closed_round(org.unit_a, small_version, closes_on=AUTUMN)
    add_responses(closed, 5, score=3)
    closed_round(org.unit_a, small_version, closes_on=SPRING, status="open")
    row = row_of(organisation_overview(viewer=org.administrator), "A")
    assert row.round_pk == closed.pk


def test_area_filter_keeps_the_area_and_the_units_under_it(org):
    other = UnitFactory(code="AREA2", name_fi="Toinen alue")
    UnitFactory(code="C", name_fi="Yksikkö C", parent=other)
    overview = organisation_overview(viewer=org.administrator, area_id=org.area.pk)
    assert sorted(codes(overview)) == ["A", "AREA", "B"]
    assert overview.area == org.area
    assert {unit.code for unit in overview.areas} == {"AREA", "AREA2"}


def test_area_outside_the_supervisors_units_is_ignored(org):
    child = UnitFactory(code="A1", parent=org.unit_a)
    overview = organisation_overview(viewer=org.supervisor_a, area_id=org.area.pk)
    assert overview.area is None
    assert sorted(codes(overview)) == ["A", "A1"]
    assert [unit.pk for unit in overview.areas] == [org.unit_a.pk]
    assert child.pk in {row.unit.pk for row in overview.rows}


@pytest.fixture
def three_scored_units(org, small_version):
    """A at 4.0, B at 2.0, a hidden round in C, and AREA without any round."""
    unit_c = UnitFactory(code="C", name_fi="Yksikkö C", parent=org.area)
    for unit, score, count in ((org.unit_a, 4, 5), (org.unit_b, 2, 5), (unit_c, 5, 2)):
        round = closed_round(unit, small_version, closes_on=SPRING)
        add_responses(round, count, score=score)
    return org


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("trust", ["B", "A", "AREA", "C"]),
        ("-trust", ["A", "B", "AREA", "C"]),
        ("name", ["AREA", "A", "B", "C"]),
        ("-name", ["C", "B", "A", "AREA"]),
    ],
)
def test_sorting_puts_units_without_a_figure_last_in_both_directions(
    three_scored_units, sort, expected
):
    overview = organisation_overview(viewer=three_scored_units.administrator, sort=sort)
    assert codes(overview) == expected


def test_sorting_by_response_rate(org, small_version):
    for unit, invited in ((org.unit_a, 10), (org.unit_b, 5)):
        round = closed_round(unit, small_version, closes_on=SPRING)
        invite(round, [member(unit) for _ in range(invited)])
        add_responses(round, 5)
    overview = organisation_overview(viewer=org.administrator, sort="-response_rate")
    assert codes(overview) == ["B", "A", "AREA"]
    assert [row.response_rate for row in overview.rows] == [100, 50, None]


@pytest.mark.parametrize(
    "query",
    [
        "?sort=evil",
        "?sort=evil&order=sideways",
        "?area=abc",
        "?area=999999",
        "?area=99999999999999999999",
        "?page=-1",
        "?page=abc",
        "?page=999",
        "?sort=&area=&page=",
    ],
)
def test_bad_query_strings_show_the_default_view(client, three_scored_units, query):
    client.force_login(three_scored_units.administrator)
    response = client.get(URL + query)
    assert response.status_code == 200
    assert response.context["overview"].sort == "name"
    assert response.context["overview"].area is None
    assert response.context["page"].number == 1


def test_column_headers_sort_and_tell_the_order(client, three_scored_units):
    client.force_login(three_scored_units.administrator)
    page = client.get(URL + "?sort=trust&order=desc").content.decode()
    assert 'aria-sort="descending"' in page
    assert "sort=trust&amp;order=asc" in page


def test_open_and_overdue_actions_are_counted(org, small_version):
    model = ImprovementAction
    round = closed_round(org.unit_a, small_version, closes_on=SPRING)
    today = datetime.date(2026, 6, 1)
    for status, due in (
        ("planned", today - datetime.timedelta(days=1)),
        ("in_progress", today + datetime.timedelta(days=5)),
        ("done", today - datetime.timedelta(days=10)),
        ("dropped", today - datetime.timedelta(days=10)),
    ):
        model.objects.create(
            unit=org.unit_a,
            source_round=round,
            value_key="trust",
            title=status,
            status=status,
            due_on=due,
        )
    counts = action_counts(unit_ids=[org.unit_a.pk, org.unit_b.pk], today=today)
    assert counts[org.unit_a.pk].open == 2
    assert counts[org.unit_a.pk].overdue == 1
    assert org.unit_b.pk not in counts


def _organisation_of(size: int, version, area) -> None:
    for _ in range(size):
        unit = UnitFactory(parent=area)
        for closes_on, score in ((AUTUMN, 3), (SPRING, 4)):
            round = closed_round(unit, version, closes_on=closes_on)
            add_responses(round, 5, score=score)


def _queries_for_overview(client) -> int:
    client.get(URL)  # the first page of a site creates its settings row once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL + "?sort=-trust")
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_units_and_rounds(client, org, small_version):
    client.force_login(org.administrator)
    _organisation_of(5, small_version, org.area)
    small = _queries_for_overview(client)
    _organisation_of(55, small_version, org.area)
    large = _queries_for_overview(client)
    assert large == small
    assert small <= 12


def test_supervisor_query_count_does_not_grow_either(client, org, small_version):
    client.force_login(org.supervisor_a)
    _organisation_of(5, small_version, org.unit_a)
    small = _queries_for_overview(client)
    _organisation_of(55, small_version, org.unit_a)
    large = _queries_for_overview(client)
    assert large == small


def test_large_organisation_is_paged(client, org, small_version):
    for _ in range(120):
        UnitFactory(parent=org.area)
    client.force_login(org.administrator)
    first = client.get(URL)
    assert len(first.context["page"].object_list) == 100
    second = client.get(URL + "?page=2")
    assert len(second.context["page"].object_list) == 23
    assert 'aria-current="page"' in second.content.decode()


@pytest.mark.parametrize("sort", ["name", "-name", "-trust", "response_rate"])
def test_a_page_holds_the_rows_the_full_overview_has_there(org, small_version, sort):
    # By name the page reads only its own units' rounds: its rows must be those of the whole.
    _organisation_of(4, small_version, org.area)
    for _ in range(3):
        UnitFactory(parent=org.area)  # units without a round
    whole = organisation_overview(viewer=org.administrator, sort=sort).rows
    pages = []
    for number in (1, 2, 3, 4):
        overview, page = organisation_overview_page(
            viewer=org.administrator, sort=sort, number=number, per_page=4
        )
        assert overview.rows == list(page.object_list)
        pages.append(overview.rows)
    assert [row for rows in pages[:3] for row in rows] == whole
    assert pages[3] == pages[2]  # a number past the end gives the last page


@pytest.mark.parametrize(("mean", "step"), [(1.0, 0), (2.44, 0), (2.46, 1), (3.0, 2), (4.5, 5)])
def test_heatmap_colour_step_follows_the_printed_one_decimal_mean(mean, step):
    assert ValueCell("trust", mean).step == step
    assert ValueCell("trust", None).step is None


@pytest.mark.parametrize(
    ("who", "linked"),
    [("administrator", True), ("supervisor_a", True), ("employee_a", False)],
)
def test_dashboard_links_to_the_overview_for_those_who_may_open_it(client, org, who, linked):
    client.force_login(getattr(org, who))
    page = client.get("/fi/dashboard/").content.decode()
    assert (URL in page) is linked
