"""What users see first of the follow-up: "My actions" on the home page, the unit page with its
latest results, open round, open actions and waiting suggestions, the confirmation before a
round is closed by hand, and a status list that offers only the allowed moves. Query counts of
the home page and the unit page stay the same as the data grows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.forms import ActionForm, status_choices
from assessments.models import ActionSuggestion, AssessmentRound, ImprovementAction
from assessments.services import actions as action_services
from assessments.services import answering
from assessments.services import suggestions as suggestion_services
from tests.assessments.factories import add_responses, closed_round, full_submission, invite


def _my_actions(page: str) -> str:
    """The "My actions" card of a home page ("" when there is none)."""
    if 'id="my-actions-heading"' not in page:
        return ""
    return page.split('id="my-actions-heading"', 1)[1].split("</section>", 1)[0]


def _page(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _new_action(org, round, due, title, owner=None, status=None):
    made = action_services.action_create(
        unit=org.unit_a,
        source_round=round,
        value_key="trust",
        title=title,
        owner=owner or org.employee_a,
        due_on=due,
        created_by=org.supervisor_a,
    )
    if status:
        ImprovementAction.objects.filter(pk=made.pk).update(status=status)
    return made


# --- "My actions" on the home page -------------------------------------------------------------


def test_home_page_lists_the_open_actions_the_person_owns_with_due_dates(client, org, autumn, due):
    mine = _new_action(org, autumn, due, "Oma avoin")
    _new_action(org, autumn, due, "Oma valmis", status="done")
    _new_action(org, autumn, due, "Kollegan", owner=org.supervisor_a)
    card = _my_actions(_page(client, org.employee_a, "/fi/dashboard/"))
    assert "Oma avoin" in card and f'href="/fi/assessments/actions/{mine.pk}/"' in card
    assert due.strftime("%-d.%-m.%Y") in card
    assert "Oma valmis" not in card and "Kollegan" not in card


def test_no_my_actions_card_for_someone_who_owns_none(client, org, autumn, due):
    _new_action(org, autumn, due, "Työntekijän")
    assert 'id="my-actions-heading"' not in _page(client, org.employee_b, "/fi/dashboard/")


def test_actions_of_a_unit_the_owner_has_left_are_not_listed(client, org, action):
    org.employee_a.memberships.all().delete()
    assert action.title not in _my_actions(_page(client, org.employee_a, "/fi/dashboard/"))


# --- the unit page -----------------------------------------------------------------------------


def test_unit_page_shows_latest_results_open_round_actions_and_suggestions(
    client, org, spring, autumn, due, django_capture_on_commit_callbacks
):
    _new_action(org, autumn, due, "Avoin toimenpide")
    _new_action(org, autumn, due, "Valmis toimenpide", status="done")
    open_round = closed_round(
        org.unit_a,
        autumn.framework_version,
        closes_on=timezone.localdate() + datetime.timedelta(days=5),
        status=AssessmentRound.Status.OPEN,
        title="Talvi",
    )
    invite(open_round, [org.employee_a, org.supervisor_a])
    suggestion_services.suggestion_create(
        unit=org.unit_a,
        value_key="trust",
        title="Ehdotus palaverista",
        description="",
        suggested_by=org.employee_a,
    )
    page = _page(client, org.supervisor_a, "/fi/units/A/")
    assert "Syksy" in page and f'href="/fi/assessments/rounds/{autumn.pk}/results/"' in page
    assert "4,0" in page  # the latest round's means
    assert "Talvi" in page and "0/2 vastannut" in page
    assert "Avoin toimenpide" in page and "Valmis toimenpide" not in page
    assert "Ehdotus palaverista" in page
    employee = _page(client, org.employee_a, "/fi/units/A/")
    assert "Avoin toimenpide" in employee and "4,0" in employee
    assert f'href="/fi/assessments/rounds/{open_round.pk}/answer/"' in employee
    assert "Ehdotus palaverista" not in employee  # suggestions are for those who decide


def test_unit_page_keeps_hidden_results_hidden(client, org, actions_version, due):
    thin = closed_round(
        org.unit_a, actions_version, closes_on=datetime.date(2026, 9, 30), title="Ohut"
    )
    add_responses(thin, 2, 5)
    page = _page(client, org.employee_a, "/fi/units/A/")
    assert "Ohut" in page
    assert "5,0" not in page


def test_unit_page_tells_an_employee_who_has_answered_to_wait(client, org, open_round):
    answering.response_submit(
        round=open_round, user=org.employee_a, submission=full_submission(open_round)
    )
    page = _page(client, org.employee_a, "/fi/units/A/")
    assert f'href="/fi/assessments/rounds/{open_round.pk}/answer/"' not in page
    assert "Olet vastannut" in page
    assert "1/7 vastannut" not in page  # the rate is the supervisor's


def _grow(org, version, size: int) -> None:
    """`size` more closed rounds, open actions, done actions and pending suggestions."""
    for i in range(size):
        r = closed_round(
            org.unit_a, version, closes_on=datetime.date(2025, 1, 1) + datetime.timedelta(40 * i)
        )
        add_responses(r, 5, 4)
        for status in (None, "done"):
            _new_action(
                org, r, timezone.localdate() + datetime.timedelta(30), f"T{i}", None, status
            )
        ActionSuggestion.objects.create(
            unit=org.unit_a, value_key="trust", title=f"E{i}", suggested_by=org.employee_a
        )


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer", ["supervisor_a", "employee_a"])
def test_home_and_unit_page_queries_stay_the_same_as_rounds_actions_and_notices_grow(
    client, org, actions_version, viewer
):
    client.force_login(getattr(org, viewer))
    urls = ["/fi/dashboard/", "/fi/units/A/"]
    _grow(org, actions_version, 1)
    for url in urls:
        _count(client, url)  # warm the per-process caches and the round means
    small = [_count(client, url) for url in urls]
    _grow(
        org, actions_version, 12
    )  # 12 more rounds, 24 actions, 12 suggestions (and their notices)
    for url in urls:
        _count(client, url)  # the new rounds' means go into the cache
    large = [_count(client, url) for url in urls]
    assert large == small, (small, large)
    # Home: units, rounds, learning with recommendations, notices and "My actions". Unit page:
    # the unit, recommendations, latest results, the current round, actions and suggestions;
    # the clients' mirror (k, the staff round, its sums, the client months) and the inbox button.
    assert large[0] <= 24 and large[1] <= 25, large


# --- confirm before closing a round by hand ----------------------------------------------------


def test_closing_early_asks_first_with_who_is_missing_and_the_days_left(
    client, org, open_round, today
):
    answering.response_submit(
        round=open_round, user=org.employee_a, submission=full_submission(open_round)
    )
    client.force_login(org.supervisor_a)
    detail = client.get(reverse("assessments:round_detail", args=[open_round.pk])).content
    confirm = reverse("assessments:round_close_confirm", args=[open_round.pk])
    assert f'href="{confirm}"'.encode() in detail
    page = _page(client, org.supervisor_a, confirm)
    assert "Kutsutuista 7 henkilöstä 6 ei ole vielä vastannut." in page
    assert "14 päivää" in page
    assert 'name="confirm" value="yes"' in page
    close = reverse("assessments:round_action", args=[open_round.pk, "close"])
    assert client.post(close).url == confirm  # no confirmation: nothing happens
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.OPEN
    client.post(close, {"confirm": "yes"})
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.CLOSED


def test_last_day_is_said_as_such(client, org, open_round, today):
    AssessmentRound.objects.filter(pk=open_round.pk).update(closes_on=today)
    page = _page(
        client, org.supervisor_a, reverse("assessments:round_close_confirm", args=[open_round.pk])
    )
    assert "viimeinen päivä" in page


@pytest.mark.parametrize("who", ["employee_a", "supervisor_b", "trainer"])
def test_the_close_confirmation_is_the_units_managers_only(client, org, open_round, who):
    client.force_login(getattr(org, who))
    url = reverse("assessments:round_close_confirm", args=[open_round.pk])
    assert client.get(url).status_code == 404


# --- the status list ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "offered"),
    [
        ("planned", ["planned", "in_progress", "dropped"]),
        ("in_progress", ["planned", "in_progress", "done", "dropped"]),
        ("done", ["in_progress", "done"]),
        ("dropped", ["in_progress", "dropped"]),
    ],
)
def test_status_list_offers_only_allowed_moves(current, offered):
    assert [value for value, _label in status_choices(current)] == offered
    for value in offered:
        assert action_services.status_change_allowed(current, value)


def test_edit_page_of_a_planned_action_does_not_offer_done(client, org, action):
    page = _page(client, org.supervisor_a, reverse("assessments:action_edit", args=[action.pk]))
    assert 'value="in_progress"' in page and 'value="dropped"' in page
    assert 'value="done"' not in page
    form = ActionForm(unit=org.unit_a, editing=True, initial={"status": "done"})
    assert [v for v, _l in form.fields["status"].choices] == ["in_progress", "done"]
