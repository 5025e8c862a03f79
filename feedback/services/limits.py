"""Abuse of the public form held off without a login and without a CAPTCHA: rate limits per
address and per unit (django-ratelimit, counted in the shared cache), and an hourly cap on a
unit's answers whose refusals the unit's supervisor sees (CapTrip, per unit and day).

An address never reaches the database. In the cache it is only part of ratelimit's hashed key,
and keyed with the site's secret first, so that the key cannot be turned back into the address
by hashing every possible one."""

from __future__ import annotations

import ipaddress
import time
from enum import Enum

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_ratelimit.core import is_ratelimited

from toolkit.client_address import client_address
from toolkit.models import Unit

from ..models import CapTrip

CAP_KEY = "feedback:cap:{unit}:{hour}"


class Refusal(Enum):
    ADDRESS = "address"  # too many pages or answers from one address
    UNIT = "unit"  # too many answers to the unit in a short time
    CAP = "cap"  # the unit's hourly cap is reached


def address_key(request: HttpRequest) -> str:
    """The client's address (behind a trusted proxy, from X-Forwarded-For: toolkit.client_address;
    an IPv6 address by its /64 network, as one household or phone has a whole one), keyed with
    the secret."""
    address = client_address(request) or "unknown"
    try:
        ip = ipaddress.ip_address(address)
        if ip.version == 6:
            address = str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    except ValueError:
        pass
    return salted_hmac("feedback.limits.address", address).hexdigest()


def page_refused(request: HttpRequest) -> Refusal | None:
    """Every request to the public pages counts, a GET as a POST: a generous limit per address
    that stops a flood of page loads or guessed codes."""
    limited = is_ratelimited(
        request,
        group="feedback.pages.address",
        key=lambda _group, req: address_key(req),
        rate=settings.FEEDBACK_RATE_PAGES_PER_ADDRESS,
        increment=True,
    )
    return Refusal.ADDRESS if limited else None


def answer_refused(request: HttpRequest, *, unit: Unit, kiosk: bool) -> Refusal | None:
    """Whether a valid answer to `unit` is refused: too many from this address to this unit (a
    kiosk tablet answers for a waiting room, so more), too many to the unit in a burst, or the
    unit's hourly cap reached. Each check counts the answer it lets through."""
    rate = (
        settings.FEEDBACK_RATE_KIOSK_ANSWERS_PER_ADDRESS
        if kiosk
        else settings.FEEDBACK_RATE_ANSWERS_PER_ADDRESS
    )
    if is_ratelimited(
        request,
        group="feedback.answers.kiosk" if kiosk else "feedback.answers.address",
        key=lambda _group, req: f"{unit.pk}:{address_key(req)}",
        rate=rate,
        increment=True,
    ):
        return Refusal.ADDRESS
    if is_ratelimited(
        request,
        group="feedback.answers.unit",
        key=lambda _group, _req: str(unit.pk),
        rate=settings.FEEDBACK_RATE_ANSWERS_PER_UNIT,
        increment=True,
    ):
        return Refusal.UNIT
    if cap_reached(unit=unit):
        return Refusal.CAP
    return None


def cap_reached(*, unit: Unit) -> bool:
    """Count one answer towards the unit's cap of this hour; past the cap, the answer is refused
    and counted in the unit's CapTrip of the day."""
    key = CAP_KEY.format(unit=unit.pk, hour=int(time.time() // 3600))
    cache.add(key, 0, timeout=3600 + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=3600 + 60)
        count = 1
    if count <= settings.FEEDBACK_UNIT_HOURLY_CAP:
        return False
    cap_trip_record(unit=unit)
    return True


def cap_trip_record(*, unit: Unit) -> None:
    """One more answer refused by the cap today."""
    day = timezone.localdate()
    if CapTrip.objects.filter(unit=unit, day=day).update(refused=F("refused") + 1):
        return
    try:
        with transaction.atomic():
            CapTrip.objects.create(unit=unit, day=day, refused=1)
    except IntegrityError:  # another server made today's row at the same moment
        CapTrip.objects.filter(unit=unit, day=day).update(refused=F("refused") + 1)
