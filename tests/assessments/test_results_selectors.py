"""Results of a closed round: means, distributions, the anonymity threshold, comparisons, trend."""

import dataclasses
import datetime

import pytest
from django.db import IntegrityError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from assessments.models import AnonymitySettings, AssessmentRound, RespondentRole
from assessments.selectors.results import round_results, unit_trend
from tests.assessments.factories import add_responses, closed_round, framework_version
from tests.toolkit.factories import UnitFactory

SPRING = datetime.date(2026, 3, 31)
AUTUMN = datetime.date(2025, 10, 31)


def results_of(round, viewer):
    return round_results(round=round, viewer=viewer)


def test_statement_and_value_means_leave_out_cant_say(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 6, lambda i, s: [1, 2, 3, 4, 5, None][i])
    results = results_of(round, org.supervisor_a)
    assert not results.suppressed
    assert [v.key for v in results.values] == [
        "dignity",
        "client_centredness",
        "equality",
        "trust",
        "empathy",
    ]
    value = results.values[0]
    assert value.mean == pytest.approx(3.0)
    assert value.scored == 15
    statement = value.statements[0]
    assert statement.mean == pytest.approx(3.0)
    assert statement.distribution == (1, 1, 1, 1, 1)
    assert statement.cant_say == 1
    assert statement.scored == 5
    assert statement.answers == 6


def test_distribution_counts_each_score(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 7, lambda i, s: [5, 5, 5, 4, 4, 1, None][i])
    statement = results_of(round, org.supervisor_a).values[2].statements[1]
    assert statement.distribution == (1, 0, 0, 2, 3)
    assert statement.cant_say == 1
    assert statement.mean == pytest.approx(24 / 6)


def test_round_with_one_answer_fewer_than_k_is_suppressed_and_holds_nothing(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 4, 2, barrier="A SECRET BARRIER", means="A SECRET MEANS")
    results = results_of(round, org.supervisor_a)
    assert results.suppressed
    assert "5" in str(results.suppressed_reason)
    assert results.values == []
    dumped = repr(dataclasses.asdict(results))
    assert "SECRET" not in dumped
    assert results.response_count == 4


def test_round_with_exactly_k_answers_is_shown_with_free_text(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 5, 2, barrier="Kiire", means="Aikaa")
    results = results_of(round, org.supervisor_a)
    assert not results.suppressed
    assert results.values[0].mean == pytest.approx(2.0)
    assert results.values[0].barriers == ["Kiire"] * 5
    assert results.values[0].means == ["Aikaa"] * 5


def test_threshold_set_by_administrator_is_respected(org, version):
    AnonymitySettings.objects.create(threshold=7)
    round = closed_round(org.unit_a, version)
    add_responses(round, 6, 3)
    assert results_of(round, org.supervisor_a).suppressed
    add_responses(round, 1, 3)
    assert not results_of(round, org.supervisor_a).suppressed


def test_threshold_of_three_shows_three_answers(org, version):
    AnonymitySettings.objects.create(threshold=3)
    round = closed_round(org.unit_a, version)
    add_responses(round, 3, 3)
    assert not results_of(round, org.supervisor_a).suppressed


def test_threshold_can_never_be_set_below_three(db):
    with pytest.raises(IntegrityError):
        AnonymitySettings.objects.create(threshold=2)


def test_staff_supervisor_split_hidden_when_one_group_is_below_k(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 6, 4, role=RespondentRole.STAFF)
    add_responses(round, 4, 2, role=RespondentRole.SUPERVISOR)
    results = results_of(round, org.supervisor_a)
    assert not results.split_shown
    assert all(v.staff_mean is None and v.supervisor_mean is None for v in results.values)


def test_staff_supervisor_split_shown_when_both_groups_reach_k(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 5, 4, role=RespondentRole.STAFF)
    add_responses(round, 5, 2, role=RespondentRole.SUPERVISOR)
    results = results_of(round, org.supervisor_a)
    assert results.split_shown
    assert results.values[0].staff_mean == pytest.approx(4.0)
    assert results.values[0].supervisor_mean == pytest.approx(2.0)
    assert results.values[0].mean == pytest.approx(3.0)


def test_change_since_previous_round_matches_values_by_key_across_versions(org, version):
    earlier = closed_round(org.unit_a, version, closes_on=AUTUMN, title="Syksy")
    add_responses(earlier, 5, 3)
    new_version = framework_version(number=2, framework=version.framework, statements=4)
    round = closed_round(org.unit_a, new_version, closes_on=SPRING)
    add_responses(round, 5, lambda i, s: 4 if s.value.key != "trust" else 2)
    results = results_of(round, org.supervisor_a)
    assert results.previous_round.pk == earlier.pk
    by_key = {v.key: v for v in results.values}
    assert by_key["dignity"].previous_mean == pytest.approx(3.0)
    assert by_key["dignity"].change.amount == pytest.approx(1.0)
    assert by_key["dignity"].change.direction == "up"
    assert by_key["trust"].change.direction == "down"
    assert by_key["dignity"].name.endswith("v2")


def test_no_change_is_shown_when_the_previous_round_was_below_k(org, version):
    earlier = closed_round(org.unit_a, version, closes_on=AUTUMN)
    add_responses(earlier, 4, 3)
    round = closed_round(org.unit_a, version, closes_on=SPRING)
    add_responses(round, 5, 4)
    results = results_of(round, org.supervisor_a)
    assert results.previous_suppressed
    assert all(v.change is None and v.previous_mean is None for v in results.values)


def test_previous_round_ignores_open_rounds_and_later_rounds(org, version):
    closed_round(org.unit_a, version, closes_on=AUTUMN, status=AssessmentRound.Status.OPEN)
    later = closed_round(org.unit_a, version, closes_on=datetime.date(2026, 9, 30))
    add_responses(later, 5, 1)
    round = closed_round(org.unit_a, version, closes_on=SPRING)
    add_responses(round, 5, 4)
    results = results_of(round, org.supervisor_a)
    assert results.previous_round is None
    assert all(v.change is None for v in results.values)


def test_area_and_organisation_averages_leave_out_units_below_k(org, version):
    other_area = UnitFactory(code="AREA2")
    unit_c = UnitFactory(code="C", parent=other_area)
    unit_d = UnitFactory(code="D", parent=org.area)
    round = closed_round(org.unit_a, version)
    add_responses(round, 5, 4)
    add_responses(closed_round(org.unit_b, version, closes_on=AUTUMN), 5, 2)
    add_responses(closed_round(unit_c, version, closes_on=SPRING), 6, 5)
    add_responses(closed_round(unit_d, version, closes_on=AUTUMN), 4, 1)  # below k
    results = results_of(round, org.supervisor_a)
    value = results.values[0]
    assert value.area_mean == pytest.approx(3.0)  # A 4 and B 2; D left out
    assert value.organisation_mean == pytest.approx(11 / 3)  # A, B and C
    assert results.area_unit_count == 2
    assert results.organisation_unit_count == 3


def test_comparison_uses_each_units_latest_round_by_this_rounds_closing(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 5, 4)
    add_responses(closed_round(org.unit_b, version, closes_on=AUTUMN), 5, 2)
    add_responses(closed_round(org.unit_b, version, closes_on=datetime.date(2026, 2, 1)), 5, 4)
    # A round closing after this one does not count.
    add_responses(closed_round(org.unit_b, version, closes_on=datetime.date(2026, 9, 1)), 5, 1)
    assert results_of(round, org.supervisor_a).values[0].area_mean == pytest.approx(4.0)


def test_unit_whose_latest_round_is_below_k_does_not_fall_back_to_an_older_round(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 5, 4)
    add_responses(closed_round(org.unit_b, version, closes_on=AUTUMN), 5, 2)
    add_responses(closed_round(org.unit_b, version, closes_on=datetime.date(2026, 2, 1)), 3, 2)
    results = results_of(round, org.supervisor_a)
    assert results.values[0].area_mean == pytest.approx(4.0)
    assert results.area_unit_count == 1


def test_free_texts_come_in_random_order_not_in_the_order_written(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 30, 3, barrier=lambda i: f"este {i:02d}")
    written = [f"este {i:02d}" for i in range(30)]
    orders = [tuple(results_of(round, org.supervisor_a).values[0].barriers) for _ in range(3)]
    assert all(sorted(order) == written for order in orders)
    assert all(list(order) != written for order in orders)


def test_unit_trend_lists_closed_rounds_and_marks_those_below_k(org, version):
    first = closed_round(org.unit_a, version, closes_on=datetime.date(2025, 3, 31))
    add_responses(first, 5, 2)
    second = closed_round(org.unit_a, version, closes_on=AUTUMN)
    add_responses(second, 3, 5)
    third = closed_round(org.unit_a, version, closes_on=SPRING)
    add_responses(third, 5, 4)
    closed_round(org.unit_a, version, closes_on=datetime.date(2026, 9, 1), status="open")
    trend = unit_trend(unit=org.unit_a, viewer=org.supervisor_a)
    assert [p.round.pk for p in trend.points] == [first.pk, second.pk, third.pk]
    assert [p.suppressed for p in trend.points] == [False, True, False]
    assert trend.points[1].means == {}
    assert trend.points[0].means["empathy"] == pytest.approx(2.0)
    assert trend.points[2].means["dignity"] == pytest.approx(4.0)
    until = unit_trend(unit=org.unit_a, viewer=org.supervisor_a, until=second)
    assert [p.round.pk for p in until.points] == [first.pk, second.pk]


def test_closed_rounds_means_come_from_the_cache_the_second_time(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 5, score=4)
    first = round_results(round=round, viewer=org.supervisor_a)
    with CaptureQueriesContext(connection) as second_queries:
        second = round_results(round=round, viewer=org.supervisor_a)
    assert [v.mean for v in second.values] == [v.mean for v in first.values] == [4.0] * 5
    assert not [
        q for q in second_queries if "AVG" in q["sql"] and "statement__value__key" in q["sql"]
    ]


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "toolkit.cache.RedisWithLocalFallback",  # as in production
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens: the cache is down
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
)
def test_results_are_computed_from_the_database_while_the_cache_is_down(org, version):
    round = closed_round(org.unit_a, version)
    add_responses(round, 5, score=3)
    results = round_results(round=round, viewer=org.supervisor_a)
    assert [v.mean for v in results.values] == [3.0] * 5


def test_a_cached_comparison_is_made_again_when_another_unit_closes_a_round(
    org, version, django_capture_on_commit_callbacks
):
    from assessments.services.rounds import round_close

    round = closed_round(org.unit_a, version)
    add_responses(round, 5, 4)
    neighbour = closed_round(org.unit_b, version, status=AssessmentRound.Status.OPEN)
    add_responses(neighbour, 5, 2)
    assert results_of(round, org.supervisor_a).values[0].area_mean == pytest.approx(4.0)
    with CaptureQueriesContext(connection) as cached:
        assert results_of(round, org.supervisor_a).values[0].area_mean == pytest.approx(4.0)
    assert not any("ROW_NUMBER" in q["sql"] for q in cached)  # no comparable-rounds query

    with django_capture_on_commit_callbacks(execute=True):
        round_close(round=neighbour, today=SPRING)
    results = results_of(round, org.supervisor_a)
    assert results.values[0].area_mean == pytest.approx(3.0)  # A 4 and B 2
    assert results.area_unit_count == 2


def test_the_area_average_keeps_the_tree_as_it_stood_when_the_rounds_closed(
    org, version, django_capture_on_commit_callbacks
):
    """Moving a unit to another area changes no average of rounds closed before the move: the
    average before and after would otherwise differ by the moved unit's round."""
    round = closed_round(org.unit_a, version)
    add_responses(round, 5, 4)
    add_responses(closed_round(org.unit_b, version), 5, 2)
    before = results_of(round, org.supervisor_a)
    assert before.area_unit_count == 2
    with django_capture_on_commit_callbacks(execute=True):
        org.unit_b.parent = UnitFactory(code="AREA2")
        org.unit_b.save()
    results = results_of(round, org.supervisor_a)
    assert results.area_unit_count == 2
    assert results.organisation_unit_count == 2
    assert results.values[0].area_mean == before.values[0].area_mean == pytest.approx(3.0)
    # A round of B that closes after the move belongs to its new area.
    later = closed_round(org.unit_b, version, closes_on=datetime.date(2026, 4, 30))
    add_responses(later, 5, 1)
    assert later.parent_at_close.code == "AREA2"
    mine = closed_round(org.unit_a, version, closes_on=datetime.date(2026, 5, 31), title="Syksy")
    add_responses(mine, 5, 4)
    assert results_of(mine, org.supervisor_a).area_unit_count == 1
