"""What a lesson page shows its reader is decided in permissions and selectors, not in the
template: the meeting link only to those with a place, "I have read this lesson" only on an
unfinished reading without a quiz."""

from learning import permissions, services
from learning.models import LessonPage, WebinarRegistration
from learning.selectors import lesson_state
from learning.selectors.training import webinar_state
from learning.services import webinars
from tests.toolkit.factories import UserFactory

MEETING = "https://meet.example.org/arvokas-live"


def test_only_those_with_a_place_see_the_meeting_link(client, lessons):
    live = lessons["live"]
    live.meeting_url = MEETING
    live.save_revision().publish()
    live = LessonPage.objects.get(pk=live.pk)
    first, second, waiting, stranger = UserFactory.create_batch(4)
    for person in (first, second, waiting):
        webinars.webinar_register(user=person, lesson=live)
    assert webinar_state(lesson=live, user=first).meeting_url == MEETING
    assert webinar_state(lesson=live, user=waiting).meeting_url == ""
    assert webinar_state(lesson=live, user=stranger).meeting_url == ""
    registration = WebinarRegistration.objects.get(user=first)
    assert not permissions.can_see_meeting_link(stranger, live, registration)
    client.force_login(first)
    assert MEETING in client.get(live.url).content.decode()
    client.force_login(waiting)
    assert MEETING not in client.get(live.url).content.decode()


def test_only_an_unfinished_reading_without_a_quiz_is_marked_read(client, lessons):
    person = UserFactory()
    reading, quiz, recorded = lessons["lukeminen"], lessons["testi"], lessons["webinaari"]
    assert lesson_state(lesson=reading, user=person).can_mark_read
    assert not lesson_state(lesson=quiz, user=person).can_mark_read
    assert not lesson_state(lesson=recorded, user=person).can_mark_read
    read_url = f"/fi/learning/lessons/{reading.pk}/read/"
    client.force_login(person)
    assert read_url in client.get(reading.url).content.decode()
    services.lesson_mark_read(user=person, lesson=reading)
    assert not lesson_state(lesson=reading, user=person).can_mark_read
    assert read_url not in client.get(reading.url).content.decode()
