"""Services of the follow-up: actions, status changes, notes, suggestions, conclusions, history."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from assessments.models import ActionHistory, ActionSuggestion, ImprovementAction, TeamConclusion
from assessments.selectors import actions as action_selectors
from assessments.services import actions as action_services
from assessments.services import conclusions as conclusion_services
from assessments.services import suggestions as suggestion_services
from tests.assessments.factories import closed_round

Status = ImprovementAction.Status


def test_supervisor_creates_a_planned_action_with_history(org, action):
    assert action.status == Status.PLANNED
    assert action.version == 1
    entry = ActionHistory.objects.get(action=action)
    assert entry.event == "created"
    assert entry.actor == org.supervisor_a


def test_update_records_who_changed_what_and_bumps_the_version(org, action):
    updated = action_services.action_update(
        action=action, version=1, changed_by=org.supervisor_a, title="Uusi otsikko"
    )
    assert updated.version == 2
    rows = action_selectors.action_history(action=action)
    assert rows[0].event == "changed"
    assert rows[0].changes == [("otsikko", "Asiakaspalaute kuukausittain", "Uusi otsikko")]
    assert rows[0].actor == str(org.supervisor_a)


def test_saving_without_changes_writes_no_history(org, action):
    action_services.action_update(action=action, version=1, changed_by=org.supervisor_a)
    assert ActionHistory.objects.filter(action=action).count() == 1


@pytest.mark.parametrize(
    "path",
    [
        ["in_progress", "done"],
        ["in_progress", "done", "in_progress"],
        ["dropped", "in_progress"],
        ["in_progress", "planned"],
        ["in_progress", "dropped"],
    ],
)
def test_sensible_status_changes_are_allowed(org, action, path):
    for number, status in enumerate(path, start=1):
        action = action_services.action_update(
            action=action, version=number, changed_by=org.supervisor_a, status=status
        )
    assert action.status == path[-1]


def test_done_date_is_set_and_cleared_on_reopen(org, action):
    action = action_services.action_update(
        action=action, version=1, changed_by=org.supervisor_a, status="in_progress"
    )
    action = action_services.action_update(
        action=action, version=2, changed_by=org.supervisor_a, status="done"
    )
    assert action.done_at is not None
    action = action_services.action_update(
        action=action, version=3, changed_by=org.supervisor_a, status="in_progress"
    )
    assert action.done_at is None


def test_owner_adds_a_dated_progress_note_that_history_shows(org, action):
    note = action_services.progress_note_add(action=action, author=org.employee_a, text=" Alku ")
    assert note.text == "Alku"
    assert note.created_at is not None
    assert action_selectors.action_history(action=action)[0].event == "note"


def test_member_suggestion_is_accepted_as_an_action(org, autumn, due):
    suggestion = suggestion_services.suggestion_create(
        unit=org.unit_a,
        value_key="empathy",
        title="Kiireettömät hetket",
        description="",
        suggested_by=org.employee_a,
    )
    action = suggestion_services.suggestion_accept(
        suggestion=suggestion,
        decided_by=org.supervisor_a,
        source_round=autumn,
        value_key="empathy",
        title=suggestion.title,
        owner=org.employee_a,
        due_on=due,
    )
    suggestion.refresh_from_db()
    assert suggestion.status == ActionSuggestion.Status.ACCEPTED
    assert suggestion.action == action
    with pytest.raises(ValidationError):
        suggestion_services.suggestion_decline(
            suggestion=suggestion, decided_by=org.supervisor_a, reason="Jo tehty."
        )


def test_declined_suggestion_makes_no_action(org, autumn):
    suggestion = suggestion_services.suggestion_create(
        unit=org.unit_a, value_key="trust", title="X", description="", suggested_by=org.employee_a
    )
    suggestion_services.suggestion_decline(
        suggestion=suggestion, decided_by=org.supervisor_a, reason=" Ei nyt. "
    )
    suggestion.refresh_from_db()
    assert suggestion.status == ActionSuggestion.Status.DECLINED
    assert suggestion.decline_reason == "Ei nyt."
    assert not ImprovementAction.objects.exists()


def test_accepting_with_a_bad_owner_leaves_the_suggestion_pending(org, autumn, due):
    suggestion = suggestion_services.suggestion_create(
        unit=org.unit_a, value_key="trust", title="X", description="", suggested_by=org.employee_a
    )
    with pytest.raises(ValidationError):
        suggestion_services.suggestion_accept(
            suggestion=suggestion,
            decided_by=org.supervisor_a,
            source_round=autumn,
            value_key="trust",
            title="X",
            owner=org.employee_b,
            due_on=due,
        )
    suggestion.refresh_from_db()
    assert suggestion.status == ActionSuggestion.Status.PENDING
    assert not ImprovementAction.objects.exists()


def test_conclusions_are_saved_and_versioned(org, autumn):
    first = conclusion_services.conclusion_save(
        round=autumn,
        value_key="trust",
        barriers="Kiire\nVaihtuvuus",
        means="Palaverit",
        version=0,
        saved_by=org.supervisor_a,
    )
    assert first.version == 1
    assert first.barrier_list() == ["Kiire", "Vaihtuvuus"]
    second = conclusion_services.conclusion_save(
        round=autumn,
        value_key="trust",
        barriers="Kiire",
        means="",
        version=1,
        saved_by=org.supervisor_a,
    )
    assert second.version == 2
    assert TeamConclusion.objects.count() == 1


def test_conclusions_stay_editable_until_the_next_round_closes(
    org, actions_version, spring, autumn
):
    assert not conclusion_services.conclusions_editable(round=spring)
    assert conclusion_services.conclusions_editable(round=autumn)
    with pytest.raises(ValidationError):
        conclusion_services.conclusion_save(
            round=spring,
            value_key="trust",
            barriers="a",
            means="",
            version=0,
            saved_by=org.supervisor_a,
        )
    # A round of another unit does not close the window.
    closed_round(org.unit_b, actions_version, closes_on=datetime.date(2026, 10, 30))
    assert conclusion_services.conclusions_editable(round=autumn)
