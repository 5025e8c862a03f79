"""Bad input on the follow-up: a clear translated error or a 404, and nothing written."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import ActionHistory, ImprovementAction, TeamConclusion
from assessments.services import actions as action_services
from assessments.services import conclusions as conclusion_services
from assessments.services import suggestions as suggestion_services


def _form(autumn, org, due, **overrides):
    data = {
        "title": "Uusi toimenpide",
        "value_key": "trust",
        "barrier": "",
        "description": "",
        "source_round": autumn.pk,
        "owner": org.employee_a.pk,
        "due_on": due.isoformat(),
    }
    return data | overrides


def _create(client, org, data):
    client.force_login(org.supervisor_a)
    return client.post(reverse("assessments:action_create", args=["A"]), data)


def test_due_date_in_the_past_is_refused_on_create(client, org, autumn, today, due):
    yesterday = today - datetime.timedelta(days=1)
    response = _create(client, org, _form(autumn, org, due, due_on=yesterday.isoformat()))
    assert response.status_code == 200
    assert "Määräpäivä ei voi olla menneisyydessä." in response.content.decode()
    assert not ImprovementAction.objects.exists()


def test_an_existing_past_due_date_may_stay_when_other_fields_change(org, action, today):
    ImprovementAction.objects.filter(pk=action.pk).update(due_on=today - datetime.timedelta(days=3))
    action.refresh_from_db()
    updated = action_services.action_update(
        action=action, version=1, changed_by=org.supervisor_a, title="Uusi"
    )
    assert updated.title == "Uusi"


def test_owner_who_is_not_a_member_is_refused(client, org, autumn, due):
    response = _create(client, org, _form(autumn, org, due, owner=org.employee_b.pk))
    assert response.status_code == 200
    assert not ImprovementAction.objects.exists()
    with pytest.raises(ValidationError) as error:
        action_services.action_create(
            unit=org.unit_a,
            source_round=autumn,
            value_key="trust",
            title="X",
            owner=org.employee_b,
            due_on=due,
            created_by=org.supervisor_a,
        )
    assert "owner" in error.value.error_dict
    assert not ImprovementAction.objects.exists()


def test_round_of_another_unit_is_refused(client, org, autumn, round_b, due):
    response = _create(client, org, _form(autumn, org, due, source_round=round_b.pk))
    assert response.status_code == 200
    with pytest.raises(ValidationError):
        action_services.action_create(
            unit=org.unit_a,
            source_round=round_b,
            value_key="trust",
            title="X",
            owner=org.employee_a,
            due_on=due,
            created_by=org.supervisor_a,
        )
    assert not ImprovementAction.objects.exists()


@pytest.mark.parametrize("field,length", [("title", 201), ("description", 2001), ("barrier", 501)])
def test_over_long_text_is_refused(client, org, autumn, due, field, length):
    response = _create(client, org, _form(autumn, org, due, **{field: "x" * length}))
    assert response.status_code == 200
    assert "field--error" in response.content.decode()
    assert not ImprovementAction.objects.exists()
    fields = {"title": "X", "description": "", "barrier": ""} | {field: "x" * length}
    with pytest.raises(ValidationError) as error:
        action_services.action_create(
            unit=org.unit_a,
            source_round=autumn,
            value_key="trust",
            owner=org.employee_a,
            due_on=due,
            created_by=org.supervisor_a,
            **fields,
        )
    assert field in error.value.error_dict
    assert not ImprovementAction.objects.exists()


def test_unknown_value_is_refused(org, autumn, due):
    with pytest.raises(ValidationError):
        action_services.action_create(
            unit=org.unit_a,
            source_round=autumn,
            value_key="happiness",
            title="X",
            owner=org.employee_a,
            due_on=due,
            created_by=org.supervisor_a,
        )


@pytest.mark.parametrize("status", ["done", "nonsense"])
def test_status_jumps_that_make_no_sense_are_refused(org, action, status):
    with pytest.raises(ValidationError) as error:
        action_services.action_update(
            action=action, version=1, changed_by=org.supervisor_a, status=status
        )
    assert "status" in error.value.error_dict
    action.refresh_from_db()
    assert action.status == "planned"
    assert action.version == 1


def test_status_jump_through_the_form_shows_a_translated_error(client, org, action, due):
    """The list does not offer "done" for a planned action; posted anyway, the form refuses."""
    client.force_login(org.supervisor_a)
    data = _form(action.source_round, org, due, status="done", version=1)
    response = client.post(reverse("assessments:action_edit", args=[action.pk]), data)
    assert response.status_code == 200
    assert "Valitse oikea vaihtoehto" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "planned"


def test_stale_version_is_refused_not_overwritten(client, org, action, due):
    action_services.action_update(
        action=action, version=1, changed_by=org.supervisor_a, title="Ensimmäinen"
    )
    client.force_login(org.administrator)
    data = _form(action.source_round, org, due, title="Toinen", status="planned", version=1)
    response = client.post(reverse("assessments:action_edit", args=[action.pk]), data)
    assert response.status_code == 200
    assert "Joku muu tallensi muutoksen" in response.content.decode()
    action.refresh_from_db()
    assert action.title == "Ensimmäinen"
    assert action.version == 2
    assert ActionHistory.objects.filter(action=action).count() == 2


def test_stale_conclusion_is_refused(client, org, autumn):
    TeamConclusion.objects.create(round=autumn, value_key="trust", barriers="Ensin", version=2)
    client.force_login(org.supervisor_a)
    data = {"trust-barriers": "Myöhemmin", "trust-means": "", "trust-version": "1"}
    for key in ("dignity", "client_centredness", "equality", "empathy"):
        data |= {f"{key}-barriers": "", f"{key}-means": "", f"{key}-version": "0"}
    response = client.post(reverse("assessments:round_conclusions", args=[autumn.pk]), data)
    assert response.status_code == 200
    assert "Joku muu tallensi muutoksen" in response.content.decode()
    assert TeamConclusion.objects.get().barriers == "Ensin"


def test_a_refused_value_saves_none_of_the_conclusions(client, org, autumn):
    TeamConclusion.objects.create(round=autumn, value_key="trust", barriers="Ensin", version=2)
    client.force_login(org.supervisor_a)
    data = {"trust-barriers": "Myöhemmin", "trust-means": "", "trust-version": "1"}
    data |= {"dignity-barriers": "Uusi", "dignity-means": "", "dignity-version": "0"}
    for key in ("client_centredness", "equality", "empathy"):
        data |= {f"{key}-barriers": "", f"{key}-means": "", f"{key}-version": "0"}
    client.post(reverse("assessments:round_conclusions", args=[autumn.pk]), data)
    assert TeamConclusion.objects.count() == 1


def test_over_long_conclusion_is_refused(org, autumn):
    with pytest.raises(ValidationError):
        conclusion_services.conclusion_save(
            round=autumn,
            value_key="trust",
            barriers="x" * 2001,
            means="",
            version=0,
            saved_by=org.supervisor_a,
        )
    assert not TeamConclusion.objects.exists()


def test_edit_by_a_non_supervisor_is_not_found_and_writes_nothing(client, org, action, due):
    client.force_login(org.employee_a)
    data = _form(action.source_round, org, due, title="Kaapattu", status="planned", version=1)
    assert (
        client.post(reverse("assessments:action_edit", args=[action.pk]), data).status_code == 404
    )
    action.refresh_from_db()
    assert action.title == "Asiakaspalaute kuukausittain"


def test_tampered_ids_of_another_unit_are_not_found(client, org, action, action_b):
    client.force_login(org.supervisor_a)
    for name in ("action_detail", "action_edit"):
        assert client.get(reverse(f"assessments:{name}", args=[action_b.pk])).status_code == 404
    note = reverse("assessments:action_note", args=[action_b.pk])
    assert client.post(note, {"text": "x"}).status_code == 404
    assert client.get(reverse("assessments:action_create", args=["B"])).status_code == 404
    assert action_b.notes.count() == 0


def test_empty_or_over_long_progress_note_is_refused(client, org, action):
    client.force_login(org.employee_a)
    url = reverse("assessments:action_note", args=[action.pk])
    assert client.post(url, {"text": "   "}).status_code == 400
    assert client.post(url, {"text": "x" * 2001}).status_code == 400
    assert action.notes.count() == 0


def test_suggestion_by_a_non_member_is_refused(org):
    with pytest.raises(ValidationError):
        suggestion_services.suggestion_create(
            unit=org.unit_a,
            value_key="trust",
            title="X",
            description="",
            suggested_by=org.employee_b,
        )
