"""What the supervisors' weekly digest says of client feedback: the overdue messages of the
units each leads (see feedback.contributions)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from toolkit.models import Membership, Unit, User

from .inbox import overdue_by_unit


@dataclass(frozen=True)
class UnitOverdueMessages:
    unit: Unit
    count: int


def unit_supervisor_ids(*, unit_ids: list[int]) -> list[int]:
    """The active supervisors of these units."""
    return list(
        Membership.objects.filter(
            unit_id__in=unit_ids, role=Membership.Role.SUPERVISOR, user__is_active=True
        )
        .values_list("user_id", flat=True)
        .distinct()
    )


def overdue_messages_of_units_led_by(
    *, user: User, today: datetime.date
) -> list[UnitOverdueMessages]:
    """The units this person leads that have overdue client messages, with how many."""
    led = list(
        Membership.objects.filter(user=user, role=Membership.Role.SUPERVISOR).values_list(
            "unit_id", flat=True
        )
    )
    counts = overdue_by_unit(unit_ids=led, today=today)
    units = Unit.objects.filter(pk__in=counts).order_by("name_fi")
    return [UnitOverdueMessages(unit, counts[unit.pk]) for unit in units]
