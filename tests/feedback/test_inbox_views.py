"""The feedback inbox's pages: who may read them (as attacks), what they show, hostile input on
their forms, the unit page's button, and bounded queries at two data sizes."""

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback.models import FeedbackMessage, InboxReader, MessageContact, MessageReply
from feedback.models import MessageStatus as S
from feedback.services import inbox as services
from tests.toolkit.factories import member
from toolkit import sms
from toolkit.models import Membership

from .inbox_factories import inbox_message, overdue_message

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script><b>lihava</b>"


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def inbox_url(unit):
    return reverse("feedback:inbox", args=[unit.code])


def message_url(message, name="message_detail"):
    return reverse(f"feedback:{name}", args=[message.unit.code, message.pk])


def readers_url(unit):
    return reverse("feedback:inbox_readers", args=[unit.code])


# --- Who may read (attacks) ---


@pytest.mark.parametrize("person", ["employee_a", "supervisor_b", "trainer", "employee_b"])
def test_others_get_404_for_the_inbox_its_messages_and_forms(client, org, person, mailoutbox):
    message = inbox_message(org.unit_a, contact="asiakas@example.org")
    client.force_login(getattr(org, person))
    assert client.get(inbox_url(org.unit_a)).status_code == 404
    assert client.get(message_url(message)).status_code == 404
    assert client.get(readers_url(org.unit_a)).status_code == 404
    response = client.post(message_url(message, "message_reply"), {"text": "Hei"})
    assert response.status_code == 404
    response = client.post(message_url(message, "message_status"), {"status": S.CLOSED})
    assert response.status_code == 404
    response = client.post(readers_url(org.unit_a), {"user": getattr(org, person).pk})
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.status == S.NEW and not MessageReply.objects.exists()
    assert not InboxReader.objects.exists() and mailoutbox == []


def test_anonymous_is_sent_to_log_in(client, org):
    message = inbox_message(org.unit_a)
    for url in (inbox_url(org.unit_a), message_url(message), readers_url(org.unit_a)):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(message_url(message, "message_status"), {"status": S.CLOSED})
    assert response.status_code == 302
    assert FeedbackMessage.objects.get(pk=message.pk).status == S.NEW


@pytest.mark.parametrize("person", ["supervisor_a", "administrator"])
def test_the_units_supervisors_and_administrators_read_the_inbox(client, org, person):
    message = inbox_message(org.unit_a, text="Ovikello ei toimi.")
    client.force_login(getattr(org, person))
    assert "Ovikello ei toimi." in client.get(inbox_url(org.unit_a)).content.decode()
    assert client.get(message_url(message)).status_code == 200


def test_a_named_reader_reads_and_answers_but_cannot_name_others(client, org):
    message = inbox_message(org.unit_a)
    services.inbox_reader_add(unit=org.unit_a, user=org.employee_a, by=org.supervisor_a)
    client.force_login(org.employee_a)
    assert client.get(inbox_url(org.unit_a)).status_code == 200
    response = client.post(message_url(message, "message_reply"), {"text": "Kiitos palautteesta."})
    assert response.status_code == 302
    assert MessageReply.objects.get().written_by == org.employee_a
    assert client.get(readers_url(org.unit_a)).status_code == 404
    assert "/inbox/readers/" not in client.get(inbox_url(org.unit_a)).content.decode()


def test_a_reader_of_unit_a_cannot_read_unit_b(client, org):
    services.inbox_reader_add(unit=org.unit_a, user=org.employee_a, by=org.supervisor_a)
    message_b = inbox_message(org.unit_b)
    client.force_login(org.employee_a)
    assert client.get(inbox_url(org.unit_b)).status_code == 404
    assert client.get(message_url(message_b)).status_code == 404
    # Unit B's message under unit A's address is not found either.
    wrong = reverse("feedback:message_detail", args=["A", message_b.pk])
    assert client.get(wrong).status_code == 404
    wrong_post = reverse("feedback:message_status", args=["A", message_b.pk])
    assert client.post(wrong_post, {"status": S.CLOSED}).status_code == 404
    assert FeedbackMessage.objects.get(pk=message_b.pk).status == S.NEW


def test_a_removed_reader_and_one_who_left_the_unit_lose_access(client, org):
    services.inbox_reader_add(unit=org.unit_a, user=org.employee_a, by=org.supervisor_a)
    client.force_login(org.supervisor_a)
    remove = reverse("feedback:inbox_reader_remove", args=["A", org.employee_a.pk])
    assert client.post(remove).status_code == 302
    assert not InboxReader.objects.exists()
    client.force_login(org.employee_a)
    assert client.get(inbox_url(org.unit_a)).status_code == 404

    other = member(org.unit_a, email="other.a@example.org")
    services.inbox_reader_add(unit=org.unit_a, user=other, by=org.supervisor_a)
    Membership.objects.filter(user=other).delete()
    client.force_login(other)
    assert client.get(inbox_url(org.unit_a)).status_code == 404


def test_removing_someone_who_is_no_reader_is_404(client, org):
    client.force_login(org.supervisor_a)
    remove = reverse("feedback:inbox_reader_remove", args=["A", org.employee_a.pk])
    assert client.post(remove).status_code == 404
    assert client.get(remove).status_code == 405


def test_a_supervisor_names_a_reader_from_the_page(client, org):
    client.force_login(org.supervisor_a)
    page = client.get(readers_url(org.unit_a)).content.decode()
    assert org.employee_a.email in page
    assert client.post(readers_url(org.unit_a), {"user": org.employee_a.pk}).status_code == 302
    assert InboxReader.objects.get().user == org.employee_a


@pytest.mark.parametrize("value", ["", "abc", "999999", "-1", SCRIPT])
def test_naming_someone_outside_the_unit_or_nonsense_is_refused(client, org, value):
    client.force_login(org.supervisor_a)
    for posted in (value, str(org.employee_b.pk), str(org.supervisor_a.pk)):
        response = client.post(readers_url(org.unit_a), {"user": posted})
        assert response.status_code == 400
        assert "<script>alert(1)" not in response.content.decode()
    assert not InboxReader.objects.exists()


# --- What the pages show ---


def test_list_flags_overdue_in_words_and_shows_dates_day_month_year(client, org):
    message = overdue_message(org.unit_a, text="Vanha viesti")
    client.force_login(org.supervisor_a)
    page = client.get(inbox_url(org.unit_a)).content.decode()
    assert "inbox-row--overdue" in page
    assert "Myöhässä" in page
    due = message.due_on
    assert f"{due.day}.{due.month}.{due.year}" in page


def test_tabs_filter_by_status(client, org):
    inbox_message(org.unit_a, text="Uusi viesti")
    inbox_message(org.unit_a, text="Suljettu viesti", status=S.CLOSED)
    client.force_login(org.supervisor_a)
    open_page = client.get(inbox_url(org.unit_a)).content.decode()
    assert "Uusi viesti" in open_page and "Suljettu viesti" not in open_page
    closed = client.get(inbox_url(org.unit_a) + "?tab=closed").content.decode()
    assert "Suljettu viesti" in closed and "Uusi viesti" not in closed
    # A made-up tab, page or script reads as the open ones.
    for query in ("?tab=%3Cscript%3E", "?page=abc", "?tab=overdue&page=99999"):
        response = client.get(inbox_url(org.unit_a) + query)
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_message_text_and_replies_are_escaped(client, org):
    message = inbox_message(org.unit_a, text=SCRIPT)
    MessageReply.objects.create(message=message, text=SCRIPT, written_by=org.supervisor_a)
    client.force_login(org.supervisor_a)
    for url in (inbox_url(org.unit_a), message_url(message)):
        page = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in page and "<b>lihava</b>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_contact_is_shown_only_masked_with_its_kind(client, org):
    email = inbox_message(org.unit_a, contact="maija.asiakas@example.org")
    phone = inbox_message(org.unit_a, contact="040 123 4567")
    client.force_login(org.supervisor_a)
    page = client.get(message_url(email)).content.decode()
    assert "Asiakas jätti yhteystiedon: sähköposti" in page
    assert "m***@example.org" in page and "maija.asiakas" not in page
    assert "poistetaan" in page
    page = client.get(message_url(phone)).content.decode()
    assert "Asiakas jätti yhteystiedon: puhelin" in page
    assert "*********567" in page and "040 123" not in page


def test_reply_from_the_page_is_sent_and_status_closes(client, org, mailoutbox):
    message = inbox_message(org.unit_a, contact="asiakas@example.org")
    client.force_login(org.supervisor_a)
    response = client.post(message_url(message, "message_reply"), {"text": "Korjaamme asian."})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and "Korjaamme asian." in mailoutbox[0].body
    page = client.get(message_url(message)).content.decode()
    assert "lähetetty asiakkaalle" in page
    response = client.post(message_url(message, "message_status"), {"status": S.CLOSED})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == S.CLOSED and not MessageContact.objects.exists()
    page = client.get(message_url(message)).content.decode()
    assert 'name="text"' not in page  # no reply form on a closed message


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"status": ""},
        {"status": "deleted"},
        {"status": S.NEW},  # back to new from being handled
        {"status": SCRIPT},
        {"status": "x" * 5000},
    ],
)
def test_bad_status_values_are_refused_and_change_nothing(client, org, data):
    message = inbox_message(org.unit_a, status=S.HANDLING, contact="040 123 4567")
    client.force_login(org.supervisor_a)
    response = client.post(message_url(message, "message_status"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "<script>alert(1)" not in body
    assert 'class="field__error"' in body
    message.refresh_from_db()
    assert message.status == S.HANDLING and message.contact.contact == "040 123 4567"


@pytest.mark.parametrize("text", ["", "   ", "x" * (services.REPLY_LIMIT + 1), "<ä>" * 3000])
def test_empty_and_oversized_replies_are_refused_with_a_translated_error(client, org, text):
    message = inbox_message(org.unit_a, contact="040 123 4567")
    client.force_login(org.supervisor_a)
    response = client.post(message_url(message, "message_reply"), {"text": text})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'class="field__error"' in body and "<ä>" not in body
    assert not MessageReply.objects.exists() and sms.outbox == []
    assert FeedbackMessage.objects.get(pk=message.pk).status == S.NEW


def test_a_scripted_reply_is_stored_as_written_and_shown_escaped(client, org):
    message = inbox_message(org.unit_a)
    client.force_login(org.supervisor_a)
    client.post(message_url(message, "message_reply"), {"text": SCRIPT})
    assert MessageReply.objects.get().text == SCRIPT
    page = client.get(message_url(message)).content.decode()
    assert "<script>alert(1)</script>" not in page


def test_a_malformed_message_id_is_404(client, org):
    client.force_login(org.supervisor_a)
    assert client.get("/fi/feedback/units/A/inbox/not-a-uuid/").status_code == 404
    missing = reverse("feedback:message_detail", args=["A", "00000000-0000-0000-0000-000000000000"])
    assert client.get(missing).status_code == 404


# --- The unit page ---


def test_unit_page_links_the_inbox_with_new_and_overdue_for_its_readers_only(client, org):
    inbox_message(org.unit_a)
    overdue_message(org.unit_a, status=S.HANDLING)
    inbox_message(org.unit_a, status=S.ANSWERED)
    unit_page = reverse("toolkit:unit_detail", args=["A"])
    client.force_login(org.supervisor_a)
    page = client.get(unit_page).content.decode()
    assert inbox_url(org.unit_a) in page and "2 uutta tai myöhässä" in page
    client.force_login(org.employee_a)
    assert inbox_url(org.unit_a) not in client.get(unit_page).content.decode()
    services.inbox_reader_add(unit=org.unit_a, user=org.employee_a, by=org.supervisor_a)
    assert inbox_url(org.unit_a) in client.get(unit_page).content.decode()


# --- Bounded queries ---


def _fill(unit, count):
    today = timezone.localdate()
    for index in range(count):
        inbox_message(
            unit,
            text=f"Viesti {index}",
            received_on=today.replace(day=1) if index % 3 else today,
            status=[S.NEW, S.HANDLING, S.ANSWERED][index % 3],
            contact="040 123 4567" if index % 2 else "",
        )


@pytest.mark.parametrize("size", [3, 60])
def test_inbox_list_queries_do_not_grow_with_messages(
    client, org, size, django_assert_max_num_queries
):
    _fill(org.unit_a, size)
    client.force_login(org.supervisor_a)
    client.get(inbox_url(org.unit_a))  # warm the session
    with django_assert_max_num_queries(12):
        response = client.get(inbox_url(org.unit_a))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 30])
def test_message_page_queries_do_not_grow_with_replies(
    client, org, size, django_assert_max_num_queries
):
    message = inbox_message(org.unit_a, contact="040 123 4567")
    for index in range(size):
        MessageReply.objects.create(message=message, text=f"V{index}", written_by=org.supervisor_a)
    client.force_login(org.supervisor_a)
    client.get(message_url(message))
    with django_assert_max_num_queries(12):
        assert client.get(message_url(message)).status_code == 200
