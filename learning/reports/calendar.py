"""The .ics calendar file of a live webinar (RFC 5545, written with the icalendar library)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from ..models import LessonPage


def webinar_ics(*, lesson: LessonPage, url: str) -> bytes:
    """One event with the webinar's time (UTC), place or meeting link, and the lesson's page.
    The UID is the lesson's translation key, so every language updates the same event."""
    calendar = Calendar()
    calendar.add("prodid", "-//Arvokas//Live webinars//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0] or "arvokas"
    event.add("uid", f"webinar-{lesson.translation_key}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", lesson.starts_at)
    event.add("dtend", lesson.ends_at)
    event.add("summary", lesson.title)
    event.add("description", "\n\n".join(filter(None, [lesson.summary, lesson.meeting_url, url])))
    event.add("location", lesson.place or lesson.meeting_url)
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()
