"""The staff's and the clients' figures of a round side by side: the gap of the shown means,
the widest gap, and both sides under the round's k."""

import datetime
from decimal import Decimal

import pytest

from assessments.selectors.results import round_results
from feedback.selectors.client_results import ClientFigures, ValueFigure
from feedback.selectors.report_rows import mirror_rows, round_report_rows
from tests.assessments.factories import add_responses, closed_round
from tests.feedback.factories import add_client_answers

DAY = datetime.timedelta(days=1)
NAMES = [("dignity", "Arvokkuus"), ("trust", "Luottamus"), ("empathy", "Empatia")]


def figures(**means) -> ClientFigures:
    values = {
        key: ValueFigure(key, 10 if mean is not None else 2, 0, mean, None)
        for key, mean in means.items()
    }
    day = datetime.date(2026, 3, 1)
    return ClientFigures(start=day, end=day, answers=10, threshold=5, values=values)


def test_gap_is_clients_minus_staff_of_the_shown_means():
    # 3.65 shows as 3,7 and 4.04 as 4,0: the gap is 3,7 − 4,0, never the raw −0,39.
    mirror = mirror_rows(
        names=NAMES[:1], staff_means={"dignity": 4.04}, clients=figures(dignity=3.65)
    )
    assert mirror.rows[0].gap == Decimal("-0.3")


def test_widest_gap_is_the_largest_in_size_and_the_lower_client_view_on_a_tie():
    # The same rule as the mirror on the unit page: the report never names another value.
    mirror = mirror_rows(
        names=NAMES,
        staff_means={"dignity": 3.0, "trust": 4.0, "empathy": 4.0},
        clients=figures(dignity=3.8, trust=3.2, empathy=3.2),
    )
    assert mirror.widest.key == "trust"


def test_widest_gap_is_the_largest_in_size_and_the_first_on_a_tie():
    mirror = mirror_rows(
        names=NAMES,
        staff_means={"dignity": 4.0, "trust": 3.0, "empathy": 4.0},
        clients=figures(dignity=3.2, trust=3.8, empathy=4.8),
    )
    assert [row.gap for row in mirror.rows] == [Decimal("-0.8"), Decimal("0.8"), Decimal("0.8")]
    assert mirror.widest.key == "dignity"


def test_no_widest_gap_without_a_value_that_has_both_figures():
    mirror = mirror_rows(
        names=NAMES,
        staff_means={"dignity": 4.0},
        clients=figures(dignity=None, trust=3.0),
    )
    assert mirror.widest is None
    assert all(row.gap is None for row in mirror.rows)
    assert mirror.rows[2].clients.scored == 0  # a value the clients never scored


@pytest.mark.django_db
def test_round_rows_take_the_staff_means_of_the_results_and_the_round_months(org, version, today):
    round = closed_round(org.unit_a, version, closes_on=today - DAY)
    add_responses(round, 5, score=4)
    add_client_answers(org.unit_a, version, round.closes_on, [2, 3, 3, 2, 5])
    mirror = round_report_rows(round=round)
    results = round_results(round=round, viewer=org.supervisor_a)
    assert [row.staff_mean for row in mirror.rows] == [v.mean for v in results.values]
    assert round_report_rows(round=round, results=results) == mirror
    assert {row.client_mean for row in mirror.rows} == {3.0}
    assert mirror.widest.gap == Decimal("-1.0")
    assert mirror.start == round.opens_on.replace(day=1)


@pytest.mark.django_db
def test_both_sides_are_hidden_below_the_rounds_k(org, version, today):
    round = closed_round(org.unit_a, version, closes_on=today - DAY)
    add_responses(round, 4, score=4)
    add_client_answers(org.unit_a, version, round.closes_on, [2, 3, 3, 2])
    mirror = round_report_rows(round=round)
    assert all(row.staff_mean is None and row.client_mean is None for row in mirror.rows)
    assert mirror.clients.answers == 4
    assert mirror.widest is None


@pytest.mark.django_db
def test_a_round_closed_under_a_higher_k_keeps_it_for_the_clients_too(org, version, today):
    round = closed_round(org.unit_a, version, closes_on=today - DAY)
    round.closed_threshold = 7
    round.save()
    add_responses(round, 7, score=4)
    add_client_answers(org.unit_a, version, round.closes_on, [4] * 6)
    mirror = round_report_rows(round=round)
    assert mirror.threshold == 7
    assert all(row.staff_mean == 4.0 and row.client_mean is None for row in mirror.rows)


@pytest.mark.parametrize(
    ("language", "amount", "words"),
    [
        ("en", Decimal("0.3"), "clients 0.3 higher"),
        ("en", Decimal("-0.9"), "clients 0.9 lower"),
        ("en", Decimal("0"), "no difference"),
        ("fi", Decimal("-0.9"), "asiakkailla 0,9 matalampi"),
        ("sv", Decimal("0.3"), "klienterna 0,3 högre"),
    ],
)
def test_gap_is_written_in_words_in_each_language(language, amount, words):
    from django.utils import translation

    from toolkit.numbers import format_gap

    with translation.override(language):
        assert format_gap(amount) == words
    assert format_gap(None) == "–"


def test_nps_points_have_a_true_minus_sign_that_no_spreadsheet_reads_as_a_formula():
    from toolkit.csv_export import neutralise
    from toolkit.numbers import format_points

    assert format_points(-12.5) == "\u221213"  # half up in size, as every figure
    assert format_points(25.0) == "25"
    assert neutralise(format_points(-40)) == "\u221240"


@pytest.mark.django_db
def test_each_unit_gets_its_own_months_in_one_query(org, version, django_assert_num_queries):
    from feedback.selectors.client_results import Period, client_figures_by_period

    march, april = datetime.date(2026, 3, 10), datetime.date(2026, 4, 10)
    add_client_answers(org.unit_a, version, march, [2] * 5)
    add_client_answers(org.unit_a, version, april, [4] * 5)
    add_client_answers(org.unit_b, version, april, [5] * 5)
    add_client_answers(org.unit_b, version, march, [1] * 2)  # a month under k
    periods = {
        org.unit_a.pk: Period(march, march, 5),
        org.unit_b.pk: Period(march, april, 5),
    }
    with django_assert_num_queries(1):
        found = client_figures_by_period(periods)
    assert found[org.unit_a.pk].values["trust"].mean == 2.0
    assert found[org.unit_a.pk].answers == 5
    assert found[org.unit_b.pk].values["trust"].mean is None  # March had 2 of them
    assert found[org.unit_b.pk].answers == 7
