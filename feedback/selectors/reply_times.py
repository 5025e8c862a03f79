"""How quickly units answer their clients' messages: the share answered within five working
days (the message's due date, services/working_days.py), per unit, for the organisation
overview.

Definitions: the messages received in the last twelve months (from the same day a year ago);
of them, those whose five working days are over (due before today) are counted: a message due
today is not late yet, so the share does not dip every morning. On time means a first reply
(or "answered") on or before the due date; late, after it; not answered, no reply yet (a
message closed without a reply counts as not answered). One grouped query for any number of
units.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q

from toolkit.numbers import percent_of

from ..models import FeedbackMessage


@dataclass(frozen=True)
class ReplyTimes:
    """A unit's messages whose due date has passed: answered on time, late, or not at all."""

    on_time: int = 0
    late: int = 0
    unanswered: int = 0

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.unanswered

    @property
    def share_on_time(self) -> int | None:
        """Answered within five working days, as a whole percent of those due (None if none)."""
        return percent_of(self.on_time, self.due)


def year_before(today: datetime.date) -> datetime.date:
    """The same day a year before (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def reply_times(*, unit_ids: list[int], today: datetime.date) -> dict[int, ReplyTimes]:
    """unit id -> its reply times over the last twelve months (see the module); a unit with no
    message due is left out."""
    rows = (
        FeedbackMessage.objects.filter(
            unit_id__in=unit_ids, received_on__gte=year_before(today), due_on__lt=today
        )
        .order_by()
        .values("unit_id")
        .annotate(
            on_time=Count("pk", filter=Q(answered_on__lte=F("due_on"))),
            late=Count("pk", filter=Q(answered_on__gt=F("due_on"))),
            unanswered=Count("pk", filter=Q(answered_on__isnull=True)),
        )
    )
    return {
        row["unit_id"]: ReplyTimes(row["on_time"], row["late"], row["unanswered"]) for row in rows
    }
