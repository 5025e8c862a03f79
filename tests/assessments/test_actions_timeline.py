"""The unit timeline and the results page's follow-up: rounds with their means (hidden under the
threshold), actions placed between rounds, the change of their value; bounded queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import AssessmentRound, ImprovementAction
from assessments.selectors import actions as action_selectors
from assessments.services import actions as action_services
from tests.assessments.factories import add_responses, closed_round
from tests.assessments.fixtures import AUTUMN


def _make_action(org, round, due, *, created_on, value_key="trust", title="Toimenpide"):
    action = action_services.action_create(
        unit=org.unit_a,
        source_round=round,
        value_key=value_key,
        title=title,
        owner=org.employee_a,
        due_on=due,
        created_by=org.supervisor_a,
    )
    created = timezone.make_aware(datetime.datetime.combine(created_on, datetime.time(12)))
    ImprovementAction.objects.filter(pk=action.pk).update(created_at=created)
    return action


def test_actions_sit_between_rounds_with_the_change_at_the_next_round(org, spring, autumn, due):
    between = _make_action(org, spring, due, created_on=datetime.date(2026, 5, 1))
    after = _make_action(org, autumn, due, created_on=datetime.date(2026, 10, 5), title="Uusi")
    timeline = action_selectors.unit_timeline(unit=org.unit_a, viewer=org.employee_a)
    assert [s.point.round.title for s in timeline.steps] == ["Syksy", "Kevät"]  # newest first
    second, first = timeline.steps
    assert first.point.means["trust"] == 3.0
    assert [a.action for a in first.actions] == [between]
    assert first.actions[0].next_round.title == "Syksy"
    assert first.actions[0].change.direction == "up"
    assert first.actions[0].change.size == pytest.approx(1.0)
    assert [a.action for a in second.actions] == [after]
    assert second.actions[0].next_round is None
    assert second.actions[0].change is None


def test_a_round_under_the_threshold_shows_no_means_and_no_change(
    org, actions_version, spring, due
):
    thin = closed_round(
        org.unit_a, actions_version, closes_on=datetime.date(2026, 9, 30), title="Ohut"
    )
    add_responses(thin, 2, 5)
    _make_action(org, spring, due, created_on=datetime.date(2026, 5, 1))
    timeline = action_selectors.unit_timeline(unit=org.unit_a, viewer=org.employee_a)
    hidden = timeline.steps[0].point
    assert hidden.suppressed
    assert hidden.means == {}
    assert timeline.steps[1].actions[0].change is None


def test_actions_stay_under_their_own_round_when_two_rounds_closed_the_same_day(
    org, actions_version, spring, due
):
    """A round closed early and the next one closed the same day: an action agreed later from
    the first round belongs under the first round, not under whichever closed "last"."""
    early = closed_round(
        org.unit_a, actions_version, closes_on=datetime.date(2026, 9, 30), title="A1"
    )
    add_responses(early, 5, 3)
    AssessmentRound.objects.filter(pk=early.pk).update(opens_on=datetime.date(2026, 9, 1))
    same_day = closed_round(
        org.unit_a, actions_version, closes_on=datetime.date(2026, 9, 30), title="A2"
    )
    add_responses(same_day, 5, 5)
    AssessmentRound.objects.filter(pk=same_day.pk).update(opens_on=datetime.date(2026, 9, 30))
    from_early = _make_action(
        org, early, due, created_on=datetime.date(2026, 10, 2), title="Ensimmäisestä"
    )
    from_same_day = _make_action(
        org, same_day, due, created_on=datetime.date(2026, 10, 1), title="Toisesta"
    )
    timeline = action_selectors.unit_timeline(unit=org.unit_a, viewer=org.employee_a)
    steps = {step.point.round.title: step for step in timeline.steps}
    assert [a.action for a in steps["A1"].actions] == [from_early]
    assert [a.action for a in steps["A2"].actions] == [from_same_day]
    assert steps["A1"].actions[0].next_round.title == "A2"
    assert steps["A1"].actions[0].change.direction == "up"  # trust 3 → 5 at the next round
    assert steps["A2"].actions[0].next_round is None


def test_timeline_runs_in_the_order_of_the_round_list(client, org, actions_version, spring, autumn):
    same_day = closed_round(org.unit_a, actions_version, closes_on=AUTUMN, title="Samana päivänä")
    AssessmentRound.objects.filter(pk=same_day.pk).update(opens_on=AUTUMN)
    client.force_login(org.employee_a)
    listed = [
        r.title
        for r in client.get(reverse("assessments:unit_rounds", args=["A"])).context["rounds"]
    ]
    timeline = client.get(reverse("assessments:unit_timeline", args=["A"])).context["timeline"]
    assert [step.point.round.title for step in timeline.steps] == listed
    assert listed == ["Samana päivänä", "Syksy", "Kevät"]


def test_timeline_page_shows_rounds_means_and_actions(client, org, spring, autumn, due):
    _make_action(org, spring, due, created_on=datetime.date(2026, 5, 1), title="Palaute")
    client.force_login(org.employee_a)
    page = client.get(reverse("assessments:unit_timeline", args=["A"])).content.decode()
    assert "Kevät" in page and "Syksy" in page and "Palaute" in page
    assert "3,0" in page and "4,0" in page


def test_results_page_lists_the_previous_rounds_actions_first_with_the_change(
    client, org, spring, autumn, due
):
    _make_action(org, spring, due, created_on=datetime.date(2026, 5, 1), title="Palaute")
    client.force_login(org.employee_a)
    page = client.get(reverse("assessments:results", args=[autumn.pk])).content.decode()
    assert "Palaute" in page
    assert page.index("Palaute") < page.index("results-chart")
    follow_up = client.get(reverse("assessments:results", args=[autumn.pk])).context["follow_up"]
    assert follow_up.previous_actions[0].change.direction == "up"


def _grow(org, version, spring, due, rounds: int, actions: int):
    for i in range(rounds):
        r = closed_round(
            org.unit_a,
            version,
            closes_on=datetime.date(2027, 1, 1) + datetime.timedelta(days=40 * i),
            title=f"R{i}",
        )
        add_responses(r, 5, 4)
    for i in range(actions):
        action = _make_action(org, spring, due, created_on=datetime.date(2026, 5, 1))
        action_services.progress_note_add(action=action, author=org.employee_a, text=f"n{i}")


def _query_counts(client, urls) -> list[int]:
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts


def test_follow_up_pages_do_the_same_number_of_queries_at_two_sizes(
    client, org, actions_version, spring, autumn, due, django_assert_max_num_queries
):
    _grow(org, actions_version, spring, due, rounds=1, actions=2)
    action = ImprovementAction.objects.first()
    client.force_login(org.supervisor_a)
    urls = [
        reverse("assessments:unit_actions", args=["A"]),
        reverse("assessments:unit_timeline", args=["A"]),
        reverse("assessments:action_detail", args=[action.pk]),
        reverse("assessments:round_conclusions", args=[autumn.pk]),
        reverse("assessments:results", args=[autumn.pk]),
    ]
    _query_counts(client, urls)  # warm the per-process caches (site, content types)
    small = _query_counts(client, urls)
    _grow(org, actions_version, spring, due, rounds=8, actions=25)
    # Cold: the new rounds' means are not cached yet (the timeline: one query), and the new
    # rounds retired the results page's cached comparison (one query to make it again).
    cold = _query_counts(client, urls)
    large = _query_counts(client, urls)
    assert large == small
    extra = [c - n for c, n in zip(cold, large, strict=True)]
    assert extra[0] == extra[2] == extra[3] == 0 and extra[1] <= 1 and extra[4] <= 1
    assert max(large) <= 25
