"""The results page: who sees it, what an open or small round shows, and bounded queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import AssessmentRound
from tests.assessments.factories import add_responses, closed_round, invite
from tests.toolkit.factories import UnitFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture
def answered_round(org, team, version, today):
    round = closed_round(org.unit_a, version, closes_on=today - DAY)
    invite(round, team)
    add_responses(round, 5, score=4, barrier="Kiire")
    return round


def results_url(round):
    return f"/fi/assessments/rounds/{round.pk}/results/"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("employee_a", 200),
        ("supervisor_a", 200),
        ("administrator", 200),
        ("employee_b", 404),
        ("supervisor_b", 404),
        ("trainer", 404),
    ],
)
def test_results_are_for_the_unit_and_administrators(client, org, answered_round, who, status):
    client.force_login(getattr(org, who))
    response = client.get(results_url(answered_round))
    assert response.status_code == status
    if status == 200:
        assert "Kiire" in response.content.decode()


def test_open_round_shows_no_figures_and_a_draft_is_not_found(client, org, version, today):
    open_round = closed_round(
        org.unit_a, version, closes_on=today + DAY, status=AssessmentRound.Status.OPEN
    )
    add_responses(open_round, 6, barrier="Salainen")
    client.force_login(org.supervisor_a)
    page = client.get(results_url(open_round)).content.decode()
    assert "Salainen" not in page
    assert "<dd>6</dd>" not in page
    open_round.status = AssessmentRound.Status.DRAFT
    open_round.save()
    assert client.get(results_url(open_round)).status_code == 404


def test_round_under_the_threshold_says_why_and_shows_nothing(client, org, version, today):
    small = closed_round(org.unit_a, version, closes_on=today - DAY)
    add_responses(small, 4, score=1, barrier="Yksittäinen kommentti")
    client.force_login(org.supervisor_a)
    page = client.get(results_url(small)).content.decode()
    assert "Yksittäinen kommentti" not in page
    assert "1,0" not in page
    assert "<svg" not in page
    assert "Tuloksia ei näytetä" in page


def test_results_page_queries_do_not_grow_with_rounds_units_or_answers(client, org, version, today):
    counts = []
    for rounds, answers, units in ((2, 10, 1), (40, 200, 8)):
        AssessmentRound.objects.all().delete()
        for _ in range(units):
            sibling = UnitFactory(parent=org.area)
            add_responses(closed_round(sibling, version, closes_on=today - 2 * DAY), 5)
        last = None
        for i in range(rounds):
            last = closed_round(org.unit_a, version, closes_on=today - (rounds - i) * DAY)
        add_responses(last, answers, score=lambda i, s: 1 + i % 5, barrier=lambda i: f"t{i}")
        client.force_login(org.employee_a)
        client.get(results_url(last))
        with CaptureQueriesContext(connection) as context:
            assert client.get(results_url(last)).status_code == 200
        counts.append(len(context))
    assert counts[0] == counts[1], counts


def test_bench_command_times_the_pages(answered_round, org):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("bench_results", runs=2, stdout=out)
    assert "results page: median" in out.getvalue()
    assert "round list: median" in out.getvalue()
