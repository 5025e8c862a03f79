"""Who may see and do what on the follow-up pages: every role on its own and another unit.

Another unit's pages are a 404, never a 403, so unit names and actions do not leak."""

import pytest
from django.urls import reverse

from assessments.models import ActionSuggestion, ProgressNote, TeamConclusion
from tests.toolkit.factories import member

ROLES = ["employee_a", "supervisor_a", "employee_b", "supervisor_b", "trainer", "administrator"]
SEE = {"employee_a", "supervisor_a", "administrator"}
MANAGE = {"supervisor_a", "administrator"}
MEMBERS = {"employee_a", "supervisor_a"}


def _status(client, org, who, url, method="get", data=None):
    client.force_login(getattr(org, who))
    return getattr(client, method)(url, data or {}).status_code


@pytest.mark.parametrize("who", ROLES)
def test_unit_pages_are_for_the_units_members_and_administrators(client, org, action, who):
    for name in ("unit_actions", "unit_timeline"):
        url = reverse(f"assessments:{name}", args=[org.unit_a.code])
        assert _status(client, org, who, url) == (200 if who in SEE else 404), name
    url = reverse("assessments:action_detail", args=[action.pk])
    assert _status(client, org, who, url) == (200 if who in SEE else 404)
    url = reverse("assessments:round_conclusions", args=[action.source_round_id])
    assert _status(client, org, who, url) == (200 if who in SEE else 404)


@pytest.mark.parametrize("who", ROLES)
def test_only_the_units_supervisors_and_administrators_create_and_edit(client, org, action, who):
    expected = 200 if who in MANAGE else 404
    assert _status(client, org, who, reverse("assessments:action_create", args=["A"])) == expected
    assert _status(client, org, who, reverse("assessments:action_edit", args=[action.pk])) == (
        expected
    )


@pytest.mark.parametrize("who", ROLES)
def test_only_members_of_the_unit_suggest(client, org, who):
    url = reverse("assessments:action_suggest", args=["A"])
    assert _status(client, org, who, url) == (200 if who in MEMBERS else 404)


@pytest.mark.parametrize("who", ROLES)
def test_progress_notes_by_the_owner_and_the_units_supervisors(client, org, action, who):
    url = reverse("assessments:action_note", args=[action.pk])
    allowed = {"employee_a", "supervisor_a", "administrator"}  # employee_a owns the action
    assert _status(client, org, who, url, "post", {"text": "Edistyy"}) == (
        302 if who in allowed else 404
    )
    assert ProgressNote.objects.filter(action=action).count() == (1 if who in allowed else 0)


def test_a_member_who_does_not_own_the_action_cannot_add_notes(client, org, action):
    colleague = member(org.unit_a)
    client.force_login(colleague)
    url = reverse("assessments:action_note", args=[action.pk])
    assert client.post(url, {"text": "Hei"}).status_code == 404
    page = client.get(reverse("assessments:action_detail", args=[action.pk]))
    assert page.status_code == 200
    assert b'name="text"' not in page.content
    assert not ProgressNote.objects.exists()


@pytest.mark.parametrize("who", ROLES)
def test_only_the_units_supervisors_decide_on_suggestions(client, org, autumn, who):
    suggestion = ActionSuggestion.objects.create(
        unit=org.unit_a, value_key="trust", title="Ehdotus", suggested_by=org.employee_a
    )
    expected = 200 if who in MANAGE else 404
    accept = reverse("assessments:suggestion_accept", args=[suggestion.pk])
    assert _status(client, org, who, accept) == expected
    decline = reverse("assessments:suggestion_decline", args=[suggestion.pk])
    assert _status(client, org, who, decline) == expected
    assert _status(client, org, who, decline, "post", {"reason": "Ei nyt."}) == (
        302 if who in MANAGE else 404
    )
    suggestion.refresh_from_db()
    assert (suggestion.status == "declined") == (who in MANAGE)


@pytest.mark.parametrize("who", ["employee_a", "supervisor_b", "employee_b", "trainer"])
def test_conclusions_cannot_be_posted_by_others(client, org, autumn, who):
    url = reverse("assessments:round_conclusions", args=[autumn.pk])
    data = {"trust-barriers": "Kiire", "trust-means": "", "trust-version": "0"}
    assert _status(client, org, who, url, "post", data) == 404
    assert not TeamConclusion.objects.exists()


def test_employees_read_the_conclusions_without_a_form(client, org, autumn):
    TeamConclusion.objects.create(round=autumn, value_key="trust", barriers="Kiire", means="")
    client.force_login(org.employee_a)
    page = client.get(reverse("assessments:round_conclusions", args=[autumn.pk]))
    assert b"Kiire" in page.content
    assert b"<textarea" not in page.content


def test_anonymous_visitors_are_sent_to_log_in(client, action):
    response = client.get(reverse("assessments:action_detail", args=[action.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_employee_suggests_and_supervisor_accepts_through_the_pages(client, org, autumn, due):
    client.force_login(org.employee_a)
    suggest = reverse("assessments:action_suggest", args=["A"])
    data = {"title": "Kiireettömät hetket", "value_key": "empathy", "description": "Joka viikko"}
    assert client.post(suggest, data).status_code == 302
    suggestion = ActionSuggestion.objects.get()
    client.force_login(org.supervisor_a)
    assert (
        "Kiireettömät hetket"
        in client.get(reverse("assessments:unit_actions", args=["A"])).content.decode()
    )
    accept = reverse("assessments:suggestion_accept", args=[suggestion.pk])
    form = {
        "title": suggestion.title,
        "value_key": "empathy",
        "barrier": "",
        "description": suggestion.description,
        "source_round": autumn.pk,
        "owner": org.employee_a.pk,
        "due_on": due.isoformat(),
    }
    response = client.post(accept, form)
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted"
    assert suggestion.action.title == "Kiireettömät hetket"
    assert client.get(accept).status_code == 302  # already decided
