"""What a unit's feedback link page shows: the public address and its QR code, the text a phone
service sends after a contact, the text messages sent per day and the days the hourly cap on
answers refused some."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from toolkit.models import Unit

from ..models import CapTrip, FeedbackLink, SmsSent
from ..qr import qr_svg

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The ready texts' labels, each in its own language as language choices are written in Finland
# (the form's radio buttons say Suomi, Svenska, English).
IN_LANGUAGE = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}
# How far back the page counts text messages and reached caps.
WINDOW_DAYS = 30


def public_url(link: FeedbackLink, *, language: str = "") -> str:
    """The link's absolute address, as printed and sent; `language` opens the form in it. The
    form's address has no language prefix: the visitor's browser picks the language."""
    path = reverse("feedback_public:form", args=[link.code])
    url = settings.SITE_URL.rstrip("/") + path
    return f"{url}?lang={language}" if language else url


def sms_text(*, unit: Unit, link: FeedbackLink, language: str) -> str:
    """The text message that takes a client to the form after a contact, in `language`: short,
    plain, and one message long for a unit of a usual name (no characters outside GSM 7-bit)."""
    with translation.override(language):
        return _(
            "Thank you for contacting %(unit)s. Tell us how we did: it takes less than a "
            "minute, and nobody sees who answered. %(url)s"
        ) % {"unit": unit.name, "url": public_url(link, language=language)}


@dataclass(frozen=True)
class ReadyText:
    language: str
    language_name: str
    text: str


@dataclass(frozen=True)
class DayCount:
    day: datetime.date
    count: int


@dataclass(frozen=True)
class LinkPage:
    link: FeedbackLink
    url: str
    qr_svg: str
    ready_texts: list[ReadyText]
    sms_days: list[DayCount]  # newest first, days with a message only
    sms_total: int
    cap_trips: list[DayCount]  # newest first


def window_start() -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=WINDOW_DAYS - 1)


def sms_days(*, unit: Unit) -> list[DayCount]:
    """Text messages sent from the unit per day, over the last 30 days."""
    rows = SmsSent.objects.filter(unit=unit, day__gte=window_start(), count__gt=0)
    return [
        DayCount(day, count) for day, count in rows.order_by("-day").values_list("day", "count")
    ]


def cap_trips(*, unit: Unit) -> list[DayCount]:
    """The days of the last 30 on which the unit's hourly cap refused answers."""
    rows = CapTrip.objects.filter(unit=unit, day__gte=window_start(), refused__gt=0)
    return [
        DayCount(day, refused)
        for day, refused in rows.order_by("-day").values_list("day", "refused")
    ]


def link_page(*, unit: Unit, link: FeedbackLink) -> LinkPage:
    """Everything the supervisor's link page shows, for the unit's active link."""
    url = public_url(link)
    sent = sms_days(unit=unit)
    return LinkPage(
        link=link,
        url=url,
        qr_svg=qr_svg(url, title=_("QR code of the address %(url)s") % {"url": url}),
        ready_texts=[
            ReadyText(
                code, IN_LANGUAGE.get(code, name), sms_text(unit=unit, link=link, language=code)
            )
            for code, name in settings.LANGUAGES
        ],
        sms_days=sent,
        sms_total=sum(day.count for day in sent),
        cap_trips=cap_trips(unit=unit),
    )
