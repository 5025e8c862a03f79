"""Live webinars: places and the waiting list, cancelling, the calendar file, attendance and
the reminder the day before; bad input changes nothing."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from learning.models import Enrolment, LessonCompletion, WebinarRegistration
from learning.services import webinars
from learning.tasks import run_webinar_reminders
from tests.toolkit.factories import UserFactory

Status = WebinarRegistration.Status


@pytest.fixture
def live(lessons):
    """The course's optional live webinar: two places, a week ahead."""
    return lessons["live"]


def register(user, lesson, **kwargs):
    return webinars.webinar_register(user=user, lesson=lesson, **kwargs)


def test_places_fill_up_then_the_waiting_list_in_order(live, django_capture_on_commit_callbacks):
    people = UserFactory.create_batch(4)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [register(person, live).status for person in people]
    assert statuses == [Status.REGISTERED, Status.REGISTERED, Status.WAITING, Status.WAITING]
    subjects = [message.subject for message in mail.outbox]
    assert sum("paikkasi" in s.lower() for s in subjects) == 2
    assert sum("jonossa" in s.lower() or "jonotus" in s.lower() for s in subjects) == 2


def test_registering_twice_keeps_one_place(live):
    person = UserFactory()
    register(person, live)
    register(person, live)
    assert WebinarRegistration.objects.filter(user=person).count() == 1


def test_cancelling_a_place_gives_it_to_the_first_waiting(live, django_capture_on_commit_callbacks):
    first, second, waiting_first, waiting_second = UserFactory.create_batch(4)
    for person in (first, second, waiting_first, waiting_second):
        register(person, live)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = webinars.webinar_cancel(user=first, lesson=live)
    assert promoted.user == waiting_first
    states = dict(WebinarRegistration.objects.values_list("user_id", "status"))
    assert states[first.pk] == Status.CANCELLED
    assert states[waiting_first.pk] == Status.REGISTERED
    assert states[waiting_second.pk] == Status.WAITING
    assert [m.to for m in mail.outbox] == [[waiting_first.email]]


def test_leaving_the_waiting_list_promotes_nobody(live):
    people = UserFactory.create_batch(3)
    for person in people:
        register(person, live)
    assert webinars.webinar_cancel(user=people[2], lesson=live) is None
    assert WebinarRegistration.objects.filter(status=Status.REGISTERED).count() == 2


def test_registering_again_after_cancelling_queues_at_the_end(live):
    a, b, c = UserFactory.create_batch(3)
    for person in (a, b, c):
        register(person, live)
    webinars.webinar_cancel(user=c, lesson=live)
    d = UserFactory()
    register(d, live)
    register(c, live)
    queue = WebinarRegistration.objects.filter(status=Status.WAITING).order_by("queued_at", "pk")
    assert [r.user for r in queue] == [d, c]


def test_a_started_webinar_takes_no_registration_or_cancellation(live):
    person = UserFactory()
    register(person, live)
    later = live.starts_at + datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError, match="alkanut"):
        register(UserFactory(), live, now=later)
    with pytest.raises(ValidationError):
        webinars.webinar_cancel(user=person, lesson=live, now=later)
    assert WebinarRegistration.objects.filter(status=Status.REGISTERED).count() == 1


def test_only_live_lessons_take_registrations(lessons):
    with pytest.raises(ValidationError):
        register(UserFactory(), lessons["lukeminen"])
    assert not WebinarRegistration.objects.exists()


def test_cancelling_without_a_registration_is_refused(live):
    with pytest.raises(ValidationError):
        webinars.webinar_cancel(user=UserFactory(), lesson=live)


def test_attendance_completes_the_lesson_and_only_for_the_registered(live):
    came, absent, waiting = UserFactory.create_batch(3)
    for person in (came, absent, waiting):
        register(person, live)
    after = live.starts_at + datetime.timedelta(hours=2)
    with pytest.raises(ValidationError):
        webinars.webinar_attendance_mark(lesson=live, user_ids={came.pk}, now=timezone.now())
    with pytest.raises(ValidationError):
        webinars.webinar_attendance_mark(lesson=live, user_ids={waiting.pk}, now=after)
    assert not LessonCompletion.objects.exists()
    assert webinars.webinar_attendance_mark(lesson=live, user_ids={came.pk}, now=after) == 1
    assert webinars.webinar_attendance_mark(lesson=live, user_ids={came.pk}, now=after) == 0
    completion = LessonCompletion.objects.get()
    assert completion.user == came and completion.reason == "attended"
    assert Enrolment.objects.filter(user=came).exists()


def test_reminder_goes_the_day_before_once(live, django_capture_on_commit_callbacks):
    person, waiting = UserFactory(), UserFactory()
    live.capacity = 1
    live.save_revision().publish()
    register(person, live)
    register(waiting, live)
    mail.outbox.clear()
    assert webinars.webinar_reminders_send_due(now=timezone.now()) == 0
    day_before = live.starts_at - datetime.timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):  # the mails go after commit
        assert webinars.webinar_reminders_send_due(now=day_before) == 1
        assert webinars.webinar_reminders_send_due(now=day_before) == 0
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert live.title in mail.outbox[0].subject


def test_beat_task_sends_the_due_reminders(live, monkeypatch):
    register(UserFactory(), live)
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: live.starts_at - datetime.timedelta(hours=3)
    )
    assert run_webinar_reminders.delay().get() == 1


# --- Views ---


def test_lesson_page_offers_registration_and_shows_the_place(learner_client, org, live):
    page = learner_client.get(live.url).content.decode()
    assert "2 / 2" in page or "2 of 2" in page or "2/2" in page or "2 paikasta 2" in page
    response = learner_client.post(f"/fi/learning/webinars/{live.pk}/register/")
    assert response.status_code == 302
    page = learner_client.get(live.url).content.decode()
    assert "Sinulla on paikka" in page
    assert WebinarRegistration.objects.get(user=org.employee_a).status == Status.REGISTERED


def test_calendar_file_parses_with_the_webinars_time(learner_client, live):
    response = learner_client.get(f"/fi/learning/webinars/{live.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]) == live.title
    assert event.decoded("dtstart") == live.starts_at.replace(microsecond=0)
    assert event.decoded("dtend") == live.ends_at.replace(microsecond=0)
    assert str(event["location"]) == live.place


def test_calendar_and_registration_of_a_non_webinar_are_404(learner_client, lessons):
    reading = lessons["lukeminen"]
    assert learner_client.get(f"/fi/learning/webinars/{reading.pk}/calendar.ics").status_code == 404
    assert learner_client.post(f"/fi/learning/webinars/{reading.pk}/register/").status_code == 404
    assert learner_client.post("/fi/learning/webinars/999999/register/").status_code == 404
    assert not WebinarRegistration.objects.exists()


def test_registration_needs_sign_in_and_post(client, learner_client, live):
    assert learner_client.get(f"/fi/learning/webinars/{live.pk}/register/").status_code == 405
    client.logout()
    response = client.post(f"/fi/learning/webinars/{live.pk}/register/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not WebinarRegistration.objects.exists()


def test_trainer_marks_attendance_after_the_start(client, org, live, monkeypatch):
    register(org.employee_a, live)
    register(org.employee_b, live)
    client.force_login(org.trainer)
    url = f"/fi/learning/webinars/{live.pk}/attendance/"
    page = client.get(url).content.decode()
    assert org.employee_a.email in page and "kun webinaari on alkanut" in page
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: live.starts_at + datetime.timedelta(hours=2)
    )
    assert client.post(url, {"attended": [str(org.employee_a.pk)]}).status_code == 302
    assert LessonCompletion.objects.get().user == org.employee_a
    response = client.post(url, {"attended": ["999999"]})
    assert response.status_code == 400
    assert LessonCompletion.objects.count() == 1


@pytest.mark.parametrize("who", ["employee_a", "supervisor_a"])
def test_attendance_and_webinar_list_are_for_trainers_only(client, org, live, who):
    client.force_login(getattr(org, who))
    assert client.get(f"/fi/learning/webinars/{live.pk}/attendance/").status_code == 404
    assert client.get("/fi/learning/webinars/").status_code == 404


def test_trainers_webinar_list_counts_registrations(client, org, live):
    register(org.employee_a, live)
    client.force_login(org.trainer)
    response = client.get("/fi/learning/webinars/")
    assert response.status_code == 200
    assert live.title in response.content.decode()
    assert response.context["rows"][0].registered == 1
