"""A unit's public feedback link: one active short code a unit, renewed on request."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from toolkit.models import Unit

from ..models import FeedbackLink

# No 0/O, 1/l/I: the code can be typed from a poster. 10 of 31 symbols: ~50 bits, unguessable.
ALPHABET = "23456789abcdefghijkmnpqrstuvwxyz"
CODE_LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def link_for(unit: Unit) -> FeedbackLink:
    """The unit's active link, made on first use."""
    link = FeedbackLink.objects.filter(unit=unit, is_active=True).first()
    return link or _create(unit)


def link_renew(*, unit: Unit) -> FeedbackLink:
    """Retire the unit's code and make a new one; the old address then says it was replaced.
    The new link collects, or not, as the old one did."""
    with transaction.atomic():
        Unit.objects.select_for_update().filter(pk=unit.pk).first()
        old = FeedbackLink.objects.filter(unit=unit, is_active=True).first()
        FeedbackLink.objects.filter(unit=unit, is_active=True).update(is_active=False)
        return _create(unit, collecting=old.collecting if old else True)


def collecting_set(*, unit: Unit, collecting: bool) -> FeedbackLink:
    """Stop or resume collecting answers at the unit's link (the code stays the same)."""
    with transaction.atomic():
        Unit.objects.select_for_update().filter(pk=unit.pk).first()
        link = link_for(unit)
        if link.collecting != collecting:
            link.collecting = collecting
            link.save(update_fields=["collecting"])
        return link


def links_ensure() -> int:
    """A link for every unit that has none (the demo, and new units on first view)."""
    have = set(FeedbackLink.objects.filter(is_active=True).values_list("unit_id", flat=True))
    made = 0
    for unit in Unit.objects.exclude(pk__in=have):
        _create(unit)
        made += 1
    return made


def _create(unit: Unit, *, collecting: bool = True) -> FeedbackLink:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return FeedbackLink.objects.create(
                    unit=unit,
                    code=new_code(),
                    collecting=collecting,
                    created_on=timezone.localdate(),
                )
        except IntegrityError:
            # Another request made the unit's link at the same moment, or (never yet) a code
            # collided: take the one that is there, or try a new code.
            existing = FeedbackLink.objects.filter(unit=unit, is_active=True).first()
            if existing:
                return existing
    raise RuntimeError("no free feedback code")
