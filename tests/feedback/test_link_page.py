"""The feedback link page of a unit: who may open it and what each sees, renewing the link
behind a confirmation, the text messages sent and the hourly caps reached of the last 30 days,
and the unit page's button to it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback.models import CapTrip, FeedbackLink, SmsSent
from feedback.selectors.link_page import public_url
from feedback.services.links import link_for

pytestmark = pytest.mark.django_db


def page_url(unit) -> str:
    return reverse("feedback:unit_link", args=[unit.code])


def renew_url(unit) -> str:
    return reverse("feedback:link_renew", args=[unit.code])


def test_supervisor_of_the_unit_sees_the_link_qr_poster_and_ready_texts(client, org):
    client.force_login(org.supervisor_a)
    response = client.get(page_url(org.unit_a))
    assert response.status_code == 200
    html = response.content.decode()
    url = public_url(link_for(org.unit_a))
    assert url.startswith("http") and url.endswith(f"/p/{link_for(org.unit_a).code}/")
    assert f'<a href="{url}">{url}</a>' in html
    assert '<svg role="img"' in html and "QR-koodi osoitteeseen" in html
    for language in ("fi", "sv", "en"):
        assert reverse("feedback:poster", args=[org.unit_a.code, language]) in html
        assert f"{url}?lang={language}" in html  # the ready text of each language
    assert "Yksikkö A kiittää yhteydenotosta" in html
    assert "Enhet A tackar för kontakten" in html
    assert "Thank you for contacting Unit A" in html
    assert renew_url(org.unit_a) in html
    assert 'name="number"' in html
    assert "Viimeisten 30 päivän aikana linkkiä ei ole lähetetty tekstiviestillä." in html


def test_administrator_manages_every_unit_link(client, org):
    client.force_login(org.administrator)
    response = client.get(page_url(org.unit_b))
    assert response.status_code == 200
    assert renew_url(org.unit_b) in response.content.decode()


def test_member_sees_only_the_text_message_form(client, org):
    client.force_login(org.employee_a)
    response = client.get(page_url(org.unit_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="number"' in html
    assert "/p/" not in html and "<svg" not in html
    assert renew_url(org.unit_a) not in html
    assert "/poster/" not in html
    assert client.get(renew_url(org.unit_a)).status_code == 404
    assert client.post(renew_url(org.unit_a), {"confirm": "yes"}).status_code == 404
    poster = reverse("feedback:poster", args=[org.unit_a.code, "fi"])
    assert client.get(poster).status_code == 404


@pytest.mark.parametrize("who", ["supervisor_b", "employee_b", "trainer"])
def test_people_of_other_units_get_404(client, org, who):
    client.force_login(getattr(org, who))
    assert client.get(page_url(org.unit_a)).status_code == 404
    assert client.get(renew_url(org.unit_a)).status_code == 404
    sms = reverse("feedback:link_sms", args=[org.unit_a.code])
    assert client.post(sms, {"number": "040 123 4567", "language": "fi"}).status_code == 404
    assert not SmsSent.objects.exists()


def test_anonymous_is_sent_to_log_in(client, org):
    for url in (
        page_url(org.unit_a),
        renew_url(org.unit_a),
        reverse("feedback:poster", args=[org.unit_a.code, "fi"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not FeedbackLink.objects.exists()


def test_unknown_unit_gets_404(client, org):
    client.force_login(org.administrator)
    assert client.get(reverse("feedback:unit_link", args=["NOPE"])).status_code == 404


def test_renewing_asks_first_and_then_retires_the_old_code(client, org):
    client.force_login(org.supervisor_a)
    old = link_for(org.unit_a)
    confirm = client.get(renew_url(org.unit_a))
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert public_url(old) in html and "lakkaavat toimimasta" in html
    assert 'name="confirm" value="yes"' in html
    # Without the confirmation the page is shown again and nothing changes.
    assert client.post(renew_url(org.unit_a)).status_code == 200
    old.refresh_from_db()
    assert old.is_active

    response = client.post(renew_url(org.unit_a), {"confirm": "yes"}, follow=True)
    assert response.redirect_chain[-1][0] == page_url(org.unit_a)
    old.refresh_from_db()
    new = FeedbackLink.objects.get(unit=org.unit_a, is_active=True)
    assert not old.is_active and new.code != old.code
    html = response.content.decode()
    assert "Palautelinkki uusittiin." in html
    assert public_url(new) in html and public_url(old) not in html


def collecting_url(unit) -> str:
    return reverse("feedback:link_collecting", args=[unit.code])


def test_a_supervisor_stops_and_resumes_collecting_with_the_same_code(client, org):
    client.force_login(org.supervisor_a)
    code = link_for(org.unit_a).code
    response = client.post(collecting_url(org.unit_a), {"collecting": "no"}, follow=True)
    assert response.redirect_chain[-1][0] == page_url(org.unit_a)
    html = response.content.decode()
    assert "Yksikkö ei enää kerää asiakaspalautetta." in html
    assert "Jatka palautteen keräämistä" in html
    # Members see why no link can be sent, not the form.
    sms_action = reverse("feedback:link_sms", args=[org.unit_a.code])
    assert f'action="{sms_action}' not in html
    link = link_for(org.unit_a)
    assert (link.code, link.collecting) == (code, False)

    client.post(collecting_url(org.unit_a), {"collecting": "yes"})
    link = link_for(org.unit_a)
    assert (link.code, link.collecting) == (code, True)


@pytest.mark.parametrize("value", ["", "maybe", "<script>", "no" * 600])
def test_a_wrong_collecting_choice_changes_nothing(client, org, value):
    client.force_login(org.supervisor_a)
    link_for(org.unit_a)
    response = client.post(collecting_url(org.unit_a), {"collecting": value}, follow=True)
    assert "Valitse, kerääkö yksikkö asiakaspalautetta." in response.content.decode()
    assert link_for(org.unit_a).collecting


def test_a_renewed_link_keeps_collecting_off(client, org):
    client.force_login(org.supervisor_a)
    client.post(collecting_url(org.unit_a), {"collecting": "no"})
    client.post(renew_url(org.unit_a), {"confirm": "yes"})
    assert FeedbackLink.objects.filter(unit=org.unit_a, is_active=True, collecting=False).exists()


def test_renew_by_get_changes_nothing(client, org):
    client.force_login(org.supervisor_a)
    old = link_for(org.unit_a)
    client.get(renew_url(org.unit_a) + "?confirm=yes")
    assert FeedbackLink.objects.get(unit=org.unit_a, is_active=True) == old


def test_text_messages_per_day_of_the_last_30_days(client, org):
    today = timezone.localdate()
    SmsSent.objects.create(unit=org.unit_a, day=today, count=3)
    SmsSent.objects.create(unit=org.unit_a, day=today - datetime.timedelta(days=29), count=2)
    SmsSent.objects.create(unit=org.unit_a, day=today - datetime.timedelta(days=30), count=50)
    SmsSent.objects.create(unit=org.unit_b, day=today, count=7)
    client.force_login(org.supervisor_a)
    html = client.get(page_url(org.unit_a)).content.decode()
    assert "5 viestiä viimeisten 30 päivän aikana." in html
    oldest = today - datetime.timedelta(days=29)
    assert f"<td>{oldest.day}.{oldest.month}.{oldest.year}</td>" in html
    assert '<td class="num">50</td>' not in html and '<td class="num">7</td>' not in html


def test_a_tripped_hourly_cap_is_told_with_its_day(client, org):
    day = timezone.localdate() - datetime.timedelta(days=3)
    CapTrip.objects.create(unit=org.unit_a, day=day, refused=12)
    CapTrip.objects.create(unit=org.unit_a, day=day - datetime.timedelta(days=40), refused=99)
    client.force_login(org.supervisor_a)
    html = client.get(page_url(org.unit_a)).content.decode()
    assert (
        f"{day.day}.{day.month}.{day.year} hylättiin 12 vastausta, koska yksikön "
        "tuntikohtainen enimmäismäärä täyttyi." in html
    )
    assert "99 vastausta" not in html
    client.force_login(org.employee_a)
    assert "hylättiin" not in client.get(page_url(org.unit_a)).content.decode()


def test_the_page_in_swedish(client, org):
    client.force_login(org.supervisor_a)
    html = client.get(reverse("feedback:unit_link", args=["A"]).replace("/fi/", "/sv/", 1))
    assert "Responslänk: Enhet A" in html.content.decode()


def test_the_page_costs_the_same_queries_with_one_or_thirty_days_of_messages(
    client, org, django_assert_max_num_queries
):
    client.force_login(org.supervisor_a)
    link_for(org.unit_a)
    today = timezone.localdate()
    SmsSent.objects.create(unit=org.unit_a, day=today, count=1)
    client.get(page_url(org.unit_a))  # the session and the link are warm
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(page_url(org.unit_a))
    for back in range(1, 30):
        SmsSent.objects.create(unit=org.unit_a, day=today - datetime.timedelta(days=back), count=2)
        CapTrip.objects.create(
            unit=org.unit_a, day=today - datetime.timedelta(days=back), refused=1
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(page_url(org.unit_a))
    assert "59 viestiä" in response.content.decode()


def test_unit_page_has_the_button_for_supervisors_and_members(client, org):
    unit_page = reverse("toolkit:unit_detail", args=[org.unit_a.code])
    client.force_login(org.supervisor_a)
    html = client.get(unit_page).content.decode()
    assert page_url(org.unit_a) in html and "Asiakaspalautteen linkki ja juliste" in html
    client.force_login(org.employee_a)
    html = client.get(unit_page).content.decode()
    assert page_url(org.unit_a) in html and "Lähetä palautelinkki tekstiviestillä" in html
