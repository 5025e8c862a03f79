"""The feedback inbox's services and selectors: the status flow, replies sent by e-mail and text
message (all or nothing), the contact deleted on close, the named readers, the weekly digest."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.utils import timezone

from assessments import tasks as assessment_tasks
from assessments.services import action_reminders
from feedback.models import FeedbackMessage, InboxReader, MessageContact, MessageReply
from feedback.models import MessageStatus as S
from feedback.selectors import inbox as selectors
from feedback.services import inbox as services
from toolkit import sms
from toolkit.models import AuditEvent, Membership

from .inbox_factories import inbox_message, overdue_message

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


class RefusingSms:
    def send(self, message):
        raise sms.SmsError("gateway down")


class RefusingMail(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("no mail server")


# --- Status ---


def test_status_moves_forward_and_answered_records_the_day(org):
    message = inbox_message(org.unit_a)
    message = services.message_status_set(message=message, status=S.HANDLING, by=org.supervisor_a)
    assert message.status == S.HANDLING and message.answered_on is None
    message = services.message_status_set(message=message, status=S.ANSWERED, by=org.supervisor_a)
    assert message.answered_on == timezone.localdate()


def test_closing_records_the_day_and_deletes_the_contact(org):
    message = inbox_message(org.unit_a, contact="asiakas@example.org")
    message = services.message_status_set(message=message, status=S.CLOSED, by=org.supervisor_a)
    assert message.closed_on == timezone.localdate()
    assert not MessageContact.objects.filter(message=message).exists()
    assert FeedbackMessage.objects.get(pk=message.pk).status == S.CLOSED


@pytest.mark.parametrize("start", [S.NEW, S.HANDLING, S.ANSWERED])
def test_any_open_message_can_be_closed(org, start):
    message = inbox_message(org.unit_a, status=start)
    assert services.message_status_set(message=message, status=S.CLOSED, by=org.supervisor_a)


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (S.CLOSED, S.NEW),
        (S.CLOSED, S.HANDLING),
        (S.CLOSED, S.ANSWERED),
        (S.ANSWERED, S.NEW),
        (S.ANSWERED, S.HANDLING),
        (S.HANDLING, S.NEW),
        (S.NEW, "deleted"),
    ],
)
def test_a_closed_message_stays_closed_and_nothing_moves_back(org, start, target):
    message = inbox_message(org.unit_a, status=start)
    with pytest.raises(ValidationError):
        services.message_status_set(message=message, status=target, by=org.supervisor_a)
    assert FeedbackMessage.objects.get(pk=message.pk).status == start


def test_setting_the_same_status_changes_nothing(org):
    message = inbox_message(org.unit_a, status=S.HANDLING)
    assert services.message_status_set(message=message, status=S.HANDLING, by=org.supervisor_a)


# --- Replies ---


def test_reply_without_contact_is_stored_and_marks_the_message_answered(org, mailoutbox):
    message = inbox_message(org.unit_a)
    reply = services.message_reply(message=message, text="  Kiitos!  ", by=org.supervisor_a)
    assert reply.text == "Kiitos!" and not reply.sent_to_client
    message.refresh_from_db()
    assert message.status == S.ANSWERED and message.answered_on == timezone.localdate()
    assert mailoutbox == [] and sms.outbox == []


def test_reply_is_emailed_to_the_client_in_the_messages_language(org, mailoutbox):
    message = inbox_message(org.unit_a, contact="kund@example.org", language="sv")
    reply = services.message_reply(message=message, text="Tack, vi fixar det.", by=org.supervisor_a)
    assert reply.sent_to_client
    assert len(mailoutbox) == 1
    sent = mailoutbox[0]
    assert sent.to == ["kund@example.org"]
    assert "Enhet A" in sent.subject
    assert "Tack, vi fixar det." in sent.body and "Tack för" in sent.body


def test_reply_is_texted_to_a_phone_number(org, mailoutbox):
    message = inbox_message(org.unit_a, contact="040 123 4567")
    services.message_reply(message=message, text="Soitamme huomenna.", by=org.supervisor_a)
    assert mailoutbox == []
    assert len(sms.outbox) == 1
    assert sms.outbox[0].to == "040 123 4567"
    assert "Yksikkö A" in sms.outbox[0].text and "Soitamme huomenna." in sms.outbox[0].text


def test_a_contact_that_is_neither_is_not_sent_to(org, mailoutbox):
    message = inbox_message(org.unit_a, contact="kysy vaimolta")
    reply = services.message_reply(message=message, text="Kiitos.", by=org.supervisor_a)
    assert not reply.sent_to_client and mailoutbox == [] and sms.outbox == []


@override_settings(SMS_BACKEND="tests.feedback.test_inbox_services.RefusingSms")
def test_a_refused_text_message_stores_nothing(org):
    message = inbox_message(org.unit_a, contact="+358 40 123 4567")
    with pytest.raises(ValidationError) as refused:
        services.message_reply(message=message, text="Kiitos.", by=org.supervisor_a)
    assert "mitään ei tallennettu" in " ".join(refused.value.messages)
    message.refresh_from_db()
    assert message.status == S.NEW and message.answered_on is None
    assert not MessageReply.objects.exists()


@override_settings(EMAIL_BACKEND="tests.feedback.test_inbox_services.RefusingMail")
def test_a_refused_email_stores_nothing(org):
    message = inbox_message(org.unit_a, contact="asiakas@example.org", status=S.HANDLING)
    with pytest.raises(ValidationError):
        services.message_reply(message=message, text="Kiitos.", by=org.supervisor_a)
    message.refresh_from_db()
    assert message.status == S.HANDLING and message.answered_on is None
    assert not MessageReply.objects.exists()
    assert MessageContact.objects.filter(message=message).exists()


def test_a_later_reply_keeps_the_first_answer_day(org):
    message = inbox_message(org.unit_a, status=S.ANSWERED)
    FeedbackMessage.objects.filter(pk=message.pk).update(answered_on=datetime.date(2026, 1, 2))
    services.message_reply(message=message, text="Vielä yksi asia.", by=org.supervisor_a)
    message.refresh_from_db()
    assert message.answered_on == datetime.date(2026, 1, 2) and message.status == S.ANSWERED


@pytest.mark.parametrize("text", ["", "   ", "x" * (services.REPLY_LIMIT + 1)])
def test_empty_and_oversized_replies_are_refused(org, text):
    message = inbox_message(org.unit_a)
    with pytest.raises(ValidationError):
        services.message_reply(message=message, text=text, by=org.supervisor_a)
    assert not MessageReply.objects.exists()


def test_a_closed_message_cannot_be_answered(org):
    message = inbox_message(org.unit_a, status=S.CLOSED)
    with pytest.raises(ValidationError):
        services.message_reply(message=message, text="Kiitos.", by=org.supervisor_a)


@pytest.mark.parametrize(
    ("contact", "kind", "masked"),
    [
        ("maija.asiakas@example.org", "email", "m***@example.org"),
        ("040 123 4567", "phone", "*********567"),
        ("+358401234567", "phone", "**********567"),
        ("soita illalla", None, "**********lla"),
        ("12", None, "12"),
    ],
)
def test_contact_kind_and_mask(contact, kind, masked):
    assert services.contact_kind(contact) == kind
    assert services.contact_masked(contact) == masked


# --- Readers ---


def test_a_supervisor_names_and_removes_a_reader_audited(org):
    reader = services.inbox_reader_add(unit=org.unit_a, user=org.employee_a, by=org.supervisor_a)
    assert reader.added_by == org.supervisor_a
    # Naming twice keeps one.
    services.inbox_reader_add(unit=org.unit_a, user=org.employee_a, by=org.supervisor_a)
    assert InboxReader.objects.count() == 1
    assert services.inbox_reader_remove(unit=org.unit_a, user=org.employee_a, by=org.supervisor_a)
    assert not services.inbox_reader_remove(
        unit=org.unit_a, user=org.employee_a, by=org.supervisor_a
    )
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["inbox_reader_added", "inbox_reader_removed"]


def test_only_a_member_of_the_unit_can_be_named(org):
    with pytest.raises(ValidationError):
        services.inbox_reader_add(unit=org.unit_a, user=org.employee_b, by=org.supervisor_a)
    assert not InboxReader.objects.exists()


def test_reader_candidates_are_the_units_employees_not_yet_named(org):
    assert list(selectors.reader_candidates(unit=org.unit_a)) == [org.employee_a]
    services.inbox_reader_add(unit=org.unit_a, user=org.employee_a, by=org.supervisor_a)
    assert list(selectors.reader_candidates(unit=org.unit_a)) == []


# --- Selectors ---


def test_tabs_count_and_overdue_means_unanswered_past_the_due_date(org):
    today = timezone.localdate()
    overdue_message(org.unit_a)
    overdue_message(org.unit_a, status=S.HANDLING)
    overdue_message(org.unit_a, status=S.ANSWERED)  # answered: not overdue
    overdue_message(org.unit_a, status=S.CLOSED)
    inbox_message(org.unit_a)
    inbox_message(org.unit_b)
    counts = selectors.inbox_counts(unit=org.unit_a, today=today)
    assert counts == {
        "open": 4,
        "new": 2,
        "handling": 1,
        "overdue": 2,
        "answered": 1,
        "closed": 1,
    }
    overdue = list(selectors.inbox_messages(unit=org.unit_a, tab="overdue", today=today))
    assert len(overdue) == 2 and all(m.is_overdue for m in overdue)
    assert selectors.inbox_attention_count(unit=org.unit_a, today=today) == 3
    assert selectors.overdue_by_unit(today=today) == {org.unit_a.pk: 2}
    # Waiting for an answer first, the most overdue first; answered ones after.
    statuses = [m.status for m in selectors.inbox_messages(unit=org.unit_a, today=today)]
    assert sorted(statuses[:2]) == [S.HANDLING, S.NEW] and statuses[2:] == [S.NEW, S.ANSWERED]
    # An unknown tab reads as the open ones.
    assert selectors.inbox_messages(unit=org.unit_a, tab="<x>", today=today).count() == 4


def test_a_message_due_today_is_not_overdue_yet(org):
    message = inbox_message(org.unit_a)
    assert selectors.inbox_counts(unit=org.unit_a, today=message.due_on)["overdue"] == 0
    later = message.due_on + datetime.timedelta(days=1)
    assert selectors.inbox_counts(unit=org.unit_a, today=later)["overdue"] == 1


# --- Weekly digest ---


def _send_digest(capture, today=None):
    with capture(execute=True):
        return action_reminders.overdue_digest_send(today=today)


def test_digest_tells_the_supervisor_of_overdue_messages_without_overdue_actions(
    org, mailoutbox, django_capture_on_commit_callbacks
):
    overdue_message(org.unit_a)
    overdue_message(org.unit_a, status=S.HANDLING)
    inbox_message(org.unit_b)  # not overdue: unit B's supervisor hears nothing
    assert _send_digest(django_capture_on_commit_callbacks) == 1
    assert len(mailoutbox) == 1
    digest = mailoutbox[0]
    assert digest.to == [org.supervisor_a.email]
    assert "Yksikkö A: 2" in digest.body
    assert "/fi/feedback/units/A/inbox/?tab=overdue" in digest.body
    assert "toimenpiteet" not in digest.body  # no empty list of actions


def test_digest_is_in_the_supervisors_language(org, mailoutbox, django_capture_on_commit_callbacks):
    org.supervisor_a.preferred_language = "sv"
    org.supervisor_a.save()
    overdue_message(org.unit_a)
    _send_digest(django_capture_on_commit_callbacks)
    assert "Enhet A" in mailoutbox[0].body and "/sv/feedback/units/A/inbox/" in mailoutbox[0].body


def test_digest_has_both_actions_and_messages(
    org, action, due, mailoutbox, django_capture_on_commit_callbacks
):
    later = due + datetime.timedelta(days=3)
    FeedbackMessage.objects.create(
        unit=org.unit_a,
        received_on=later - datetime.timedelta(days=30),
        due_on=later - datetime.timedelta(days=20),
        text="Vanha viesti",
    )
    assert _send_digest(django_capture_on_commit_callbacks, today=later) == 1
    body = mailoutbox[0].body
    assert action.title in body and "/feedback/units/A/inbox/" in body


def test_no_digest_for_nothing_overdue_and_not_for_a_removed_supervisor(
    org, mailoutbox, django_capture_on_commit_callbacks
):
    inbox_message(org.unit_a)
    assert _send_digest(django_capture_on_commit_callbacks) == 0
    overdue_message(org.unit_a)
    Membership.objects.filter(user=org.supervisor_a).delete()
    assert _send_digest(django_capture_on_commit_callbacks) == 0
    assert assessment_tasks.send_overdue_digest(org.supervisor_a.pk, []) == 0
    assert mailoutbox == []


# --- Demo ---


def test_demo_inbox_has_every_status_an_overdue_one_and_contacts_once():
    from feedback.demo_messages import seed_demo_messages
    from toolkit.demo import DEMO_UNIT_CODE, seed_demo_organisation

    seed_demo_organisation()
    assert seed_demo_messages() == 12
    assert seed_demo_messages() == 0
    messages = FeedbackMessage.objects.filter(unit__code=DEMO_UNIT_CODE)
    assert set(messages.values_list("status", flat=True)) == set(S.values)
    today = timezone.localdate()
    assert selectors.overdue_by_unit(today=today)
    assert all(m.received_on < today and m.received_on.weekday() < 5 for m in messages)
    contacts = list(MessageContact.objects.values_list("contact", flat=True))
    assert any(services.contact_kind(c) == "email" for c in contacts)
    assert not MessageContact.objects.filter(message__status=S.CLOSED).exists()
    answered = messages.filter(status__in=[S.ANSWERED, S.CLOSED])
    assert all(m.answered_on for m in answered.exclude(replies=None))
