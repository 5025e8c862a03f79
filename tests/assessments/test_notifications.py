"""Notifications close the loop: a home-page notice and an e-mail (after the commit, in each
recipient's language) when a round's results are ready, a suggestion arrives, a suggestion is
accepted or declined (with the reason), someone becomes an action's owner, and (notice beside
the reminder mail) before an action is due. Only the recipient ever sees a notice."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import ActionSuggestion, ImprovementAction
from assessments.services import action_reminders as reminder_services
from assessments.services import actions as action_services
from assessments.services import rounds as round_services
from assessments.services import suggestions as suggestion_services
from tests.toolkit.factories import member
from toolkit.models import Notice


def _notices(user) -> list[Notice]:
    return list(Notice.objects.filter(user=user))


def _dashboard(client, user, language="fi") -> str:
    client.force_login(user)
    response = client.get(f"/{language}/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


def _suggest(org, capture, title="Kiireettömät hetket"):
    with capture(execute=True):
        return suggestion_services.suggestion_create(
            unit=org.unit_a,
            value_key="empathy",
            title=title,
            description="",
            suggested_by=org.employee_a,
        )


# --- results ready -----------------------------------------------------------------------------


def test_closing_a_round_tells_the_invited_and_the_supervisors_in_their_language(
    org, open_round, mailoutbox, django_capture_on_commit_callbacks
):
    org.employee_a.preferred_language = "sv"
    org.employee_a.save()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        round_services.round_close(round=open_round)
    invited = set(open_round.invitations.values_list("user_id", flat=True))
    told = set(Notice.objects.values_list("user_id", flat=True))
    assert told == invited | {org.supervisor_a.pk}
    assert org.employee_b.pk not in told and org.supervisor_b.pk not in told
    by_address = {m.to[0]: m for m in mailoutbox}
    assert len(mailoutbox) == len(told)
    swedish = by_address[org.employee_a.email]
    assert "Syksy 2026" in swedish.subject and "resultaten" in swedish.subject
    assert f"/sv/assessments/rounds/{open_round.pk}/results/" in swedish.body
    finnish = by_address[org.supervisor_a.email]
    assert "tulokset" in finnish.subject
    assert f"/fi/assessments/rounds/{open_round.pk}/results/" in finnish.body


def test_a_close_that_fails_tells_nobody(org, open_round, mailoutbox):
    round_services.round_close(round=open_round)
    Notice.objects.all().delete()
    with pytest.raises(ValidationError):
        round_services.round_close(round=open_round)
    assert not Notice.objects.exists()


def test_results_notice_is_on_the_recipients_home_page_only(client, org, open_round):
    round_services.round_close(round=open_round)
    assert "Syksy 2026" in _dashboard(client, org.employee_a)
    assert "Syksy 2026" not in _dashboard(client, org.employee_b)
    assert "Syksy 2026" not in _dashboard(client, org.administrator)


# --- suggestions -------------------------------------------------------------------------------


def test_a_suggestion_tells_the_units_supervisors_only(
    org, autumn, mailoutbox, django_capture_on_commit_callbacks
):
    other_lead = member(org.unit_a, role="supervisor")
    _suggest(org, django_capture_on_commit_callbacks)
    told = {n.user_id for n in Notice.objects.all()}
    assert told == {org.supervisor_a.pk, other_lead.pk}
    assert sorted(m.to[0] for m in mailoutbox) == sorted([org.supervisor_a.email, other_lead.email])
    assert "Kiireettömät hetket" in mailoutbox[0].subject
    assert "/fi/assessments/units/A/actions/" in mailoutbox[0].body


def test_accepting_tells_the_author_and_the_action_credits_them(
    client, org, autumn, due, mailoutbox, django_capture_on_commit_callbacks
):
    suggestion = _suggest(org, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        action = suggestion_services.suggestion_accept(
            suggestion=suggestion,
            decided_by=org.supervisor_a,
            source_round=autumn,
            value_key="empathy",
            title=suggestion.title,
            owner=org.supervisor_a,
            due_on=due,
        )
    [notice] = _notices(org.employee_a)
    assert notice.link_args == [action.pk]
    assert [m.to[0] for m in mailoutbox] == [org.employee_a.email]
    assert f"/fi/assessments/actions/{action.pk}/" in mailoutbox[0].body
    client.force_login(org.supervisor_a)
    page = client.get(reverse("assessments:action_detail", args=[action.pk])).content.decode()
    assert "Ehdottanut" in page and org.employee_a.get_full_name() in page


def test_an_action_made_without_a_suggestion_credits_nobody(client, org, action):
    client.force_login(org.supervisor_a)
    page = client.get(reverse("assessments:action_detail", args=[action.pk])).content.decode()
    assert "Ehdottanut" not in page


def test_declining_sends_the_reason_to_the_author_alone(
    client, org, autumn, mailoutbox, django_capture_on_commit_callbacks
):
    suggestion = _suggest(org, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    client.force_login(org.supervisor_a)
    url = reverse("assessments:suggestion_decline", args=[suggestion.pk])
    page = client.get(url).content.decode()
    assert 'name="reason"' in page and "Kiireettömät hetket" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Tämä tehdään jo aamupalaverissa."})
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == ActionSuggestion.Status.DECLINED
    assert [m.to[0] for m in mailoutbox] == [org.employee_a.email]
    assert "Tämä tehdään jo aamupalaverissa." in mailoutbox[0].body
    assert "Tämä tehdään jo aamupalaverissa." in _dashboard(client, org.employee_a)
    for other in (org.supervisor_a, org.employee_b, org.supervisor_b):
        assert "aamupalaverissa" not in _dashboard(client, other)


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_declining_without_a_usable_reason_is_refused_and_changes_nothing(
    client, org, autumn, reason, django_capture_on_commit_callbacks
):
    suggestion = _suggest(org, django_capture_on_commit_callbacks)
    Notice.objects.all().delete()
    client.force_login(org.supervisor_a)
    url = reverse("assessments:suggestion_decline", args=[suggestion.pk])
    response = client.post(url, {"reason": reason})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kerro ehdottajalle" in page or "enintään 2000" in page
    suggestion.refresh_from_db()
    assert suggestion.status == ActionSuggestion.Status.PENDING
    assert not Notice.objects.exists()


def test_decline_service_requires_a_reason(org, autumn, django_capture_on_commit_callbacks):
    suggestion = _suggest(org, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError) as error:
        suggestion_services.suggestion_decline(
            suggestion=suggestion, decided_by=org.supervisor_a, reason=" "
        )
    assert "reason" in error.value.error_dict
    suggestion.refresh_from_db()
    assert suggestion.status == ActionSuggestion.Status.PENDING


def test_the_unit_actions_page_links_to_the_decline_page_not_a_bare_button(
    client, org, autumn, django_capture_on_commit_callbacks
):
    suggestion = _suggest(org, django_capture_on_commit_callbacks)
    client.force_login(org.supervisor_a)
    page = client.get(reverse("assessments:unit_actions", args=["A"])).content.decode()
    decline = reverse("assessments:suggestion_decline", args=[suggestion.pk])
    assert f'href="{decline}"' in page
    assert f'action="{decline}"' not in page


# --- owners ------------------------------------------------------------------------------------


def test_the_new_owner_is_told_but_not_someone_who_makes_themselves_owner(
    org, autumn, due, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action = action_services.action_create(
            unit=org.unit_a,
            source_round=autumn,
            value_key="trust",
            title="Palaute",
            owner=org.employee_a,
            due_on=due,
            created_by=org.supervisor_a,
        )
    assert [n.link_args for n in _notices(org.employee_a)] == [[action.pk]]
    assert [m.to[0] for m in mailoutbox] == [org.employee_a.email]
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        action_services.action_create(
            unit=org.unit_a,
            source_round=autumn,
            value_key="trust",
            title="Oma",
            owner=org.supervisor_a,
            due_on=due,
            created_by=org.supervisor_a,
        )
    assert _notices(org.supervisor_a) == [] and mailoutbox == []


def test_a_change_of_owner_tells_the_new_owner(
    org, action, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = member(org.unit_a)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        action_services.action_update(
            action=action, version=1, changed_by=org.supervisor_a, owner=colleague
        )
    assert len(_notices(colleague)) == 1
    assert [m.to[0] for m in mailoutbox] == [colleague.email]
    with django_capture_on_commit_callbacks(execute=True):
        action_services.action_update(
            action=action, version=2, changed_by=org.supervisor_a, title="Uusi nimi"
        )
    assert len(_notices(colleague)) == 1  # no new owner, no new notice


# --- before the due date -----------------------------------------------------------------------


def test_the_week_reminder_also_puts_one_notice_on_the_owners_home_page(
    client, org, action, due, mailoutbox, django_capture_on_commit_callbacks
):
    Notice.objects.all().delete()
    mailoutbox.clear()
    week_before = due - datetime.timedelta(days=7)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            reminder_services.action_reminders_send_due(today=week_before)
    assert len(mailoutbox) == 1  # the existing reminder mail, not a second one
    [notice] = _notices(org.employee_a)
    assert notice.link_args == [action.pk]
    assert "viikon kuluttua" in _dashboard(client, org.employee_a)


def test_the_overdue_reminder_puts_its_own_notice(
    org, action, due, django_capture_on_commit_callbacks
):
    Notice.objects.all().delete()
    ImprovementAction.objects.filter(pk=action.pk).update(reminder_week_sent=True)
    with django_capture_on_commit_callbacks(execute=True):
        reminder_services.action_reminders_send_due(today=due + datetime.timedelta(days=1))
    [notice] = _notices(org.employee_a)
    assert "past its due date" in notice.message


# --- the notice itself -------------------------------------------------------------------------


def test_notice_follows_the_readers_language(client, org, action):
    assert "Asiakaspalaute kuukausittain" in _dashboard(client, org.employee_a, "fi")
    swedish = _dashboard(client, org.employee_a, "sv")
    assert "Du är nu ansvarig" in swedish and "Enhet A" in swedish
    english = _dashboard(client, org.employee_a, "en")
    assert "You are now the owner" in english and "Unit A" in english
    assert f'href="/en/assessments/actions/{action.pk}/"' in english


def test_a_notice_is_marked_read_only_by_its_recipient(client, org, action):
    [notice] = _notices(org.employee_a)
    url = reverse("toolkit:notice_read", args=[notice.pk])
    for intruder in (org.supervisor_a, org.employee_b, org.administrator):
        client.force_login(intruder)
        assert client.post(url).status_code == 404
        assert client.post(reverse("toolkit:notices_read_all")).status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is None
    client.force_login(org.employee_a)
    assert client.post(url).status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert 'id="notices-heading"' not in _dashboard(client, org.employee_a)


def test_mark_all_read_clears_only_ones_own(client, org, action, open_round):
    round_services.round_close(round=open_round)
    client.force_login(org.employee_a)
    assert client.post(reverse("toolkit:notices_read_all")).status_code == 302
    assert not Notice.objects.filter(user=org.employee_a, read_at__isnull=True).exists()
    assert Notice.objects.filter(user=org.supervisor_a, read_at__isnull=True).exists()


def test_notice_texts_are_escaped(client, org, autumn, due):
    action_services.action_create(
        unit=org.unit_a,
        source_round=autumn,
        value_key="trust",
        title="<script>alert(1)</script>",
        owner=org.employee_a,
        due_on=due,
        created_by=org.supervisor_a,
    )
    page = _dashboard(client, org.employee_a)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_notices_are_in_the_persons_data_and_go_with_erasure(org, action):
    from toolkit.personal_data import person_erase, personal_data

    org.employee_a.preferred_language = "en"
    org.employee_a.save()
    [exported] = personal_data(org.employee_a)["notices"]
    assert "You are now the owner" in exported["text"] and exported["read"] is None
    assert personal_data(org.employee_b)["notices"] == []
    person_erase(user=org.employee_a, erased_by=org.administrator)
    assert not Notice.objects.filter(user=org.employee_a).exists()
