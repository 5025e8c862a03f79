"""The feedback inbox's reads: a unit's messages by tab, the count in each tab, one message with
its replies and contact, and the unit's named readers. Each is a fixed number of queries,
whatever the number of messages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.models import Membership, Unit, User

from ..models import FeedbackMessage, InboxReader, MessageContact, MessageStatus

OPEN = "open"  # not closed: the default tab
OVERDUE = "overdue"
TABS = (
    OPEN,
    MessageStatus.NEW,
    MessageStatus.HANDLING,
    OVERDUE,
    MessageStatus.ANSWERED,
    MessageStatus.CLOSED,
)
UNANSWERED = (MessageStatus.NEW, MessageStatus.HANDLING)
TAB_LABELS = {
    OPEN: _("Open"),
    MessageStatus.NEW: MessageStatus.NEW.label,
    MessageStatus.HANDLING: MessageStatus.HANDLING.label,
    OVERDUE: _("Overdue"),
    MessageStatus.ANSWERED: MessageStatus.ANSWERED.label,
    MessageStatus.CLOSED: MessageStatus.CLOSED.label,
}


def overdue_q(today: datetime.date) -> Q:
    """Neither answered nor closed, and past its due date."""
    return Q(status__in=UNANSWERED, due_on__lt=today)


def _tab_q(tab: str, today: datetime.date) -> Q:
    if tab == OVERDUE:
        return overdue_q(today)
    if tab == OPEN:
        return ~Q(status=MessageStatus.CLOSED)
    return Q(status=tab)


def inbox_messages(
    *, unit: Unit, tab: str = OPEN, today: datetime.date | None = None
) -> QuerySet[FeedbackMessage]:
    """The unit's messages in a tab (an unknown tab reads as the open ones), the most urgent
    first, each with `has_contact` and `is_overdue`. Slice or paginate it: one query a page."""
    today = today or timezone.localdate()
    tab = tab if tab in TABS else OPEN
    # Those waiting for an answer first, by due date; answered ones after; closed ones latest
    # first.
    order = (
        ("-closed_on", "-received_on") if tab == MessageStatus.CLOSED else ("-is_waiting", "due_on")
    )
    return (
        FeedbackMessage.objects.filter(Q(unit=unit) & _tab_q(tab, today))
        .annotate(
            has_contact=Exists(MessageContact.objects.filter(message=OuterRef("pk"))),
            is_overdue=ExpressionWrapper(overdue_q(today), output_field=BooleanField()),
            is_waiting=ExpressionWrapper(Q(status__in=UNANSWERED), output_field=BooleanField()),
        )
        .order_by(*order, "received_on", "pk")
    )


def inbox_counts(*, unit: Unit, today: datetime.date | None = None) -> dict[str, int]:
    """How many messages in each tab, in one query."""
    today = today or timezone.localdate()
    return FeedbackMessage.objects.filter(unit=unit).aggregate(
        **{tab: Count("pk", filter=_tab_q(tab, today)) for tab in TABS}
    )


@dataclass(frozen=True)
class InboxTab:
    key: str
    label: str
    count: int


def inbox_tabs(*, unit: Unit, today: datetime.date | None = None) -> list[InboxTab]:
    """The inbox's tabs with the number of messages in each, in one query."""
    counts = inbox_counts(unit=unit, today=today)
    return [InboxTab(key, TAB_LABELS[key], counts[key]) for key in TABS]


def inbox_attention_count(*, unit: Unit, today: datetime.date | None = None) -> int:
    """New or overdue: what the unit page's inbox button counts."""
    today = today or timezone.localdate()
    return (
        FeedbackMessage.objects.filter(unit=unit)
        .filter(Q(status=MessageStatus.NEW) | overdue_q(today))
        .count()
    )


def overdue_by_unit(
    *, unit_ids: list[int] | None = None, today: datetime.date | None = None
) -> dict[int, int]:
    """unit id -> its overdue messages (units with none left out), in one query."""
    today = today or timezone.localdate()
    messages = FeedbackMessage.objects.filter(overdue_q(today))
    if unit_ids is not None:
        messages = messages.filter(unit_id__in=unit_ids)
    return dict(messages.values("unit_id").annotate(n=Count("pk")).values_list("unit_id", "n"))


@dataclass(frozen=True)
class MessageView:
    """A message as its page shows it: the replies, and the contact if the client left one."""

    message: FeedbackMessage
    replies: list
    contact: str | None
    is_overdue: bool


def message_for_page(*, unit: Unit, pk, today: datetime.date | None = None) -> MessageView:
    """The unit's message `pk` (FeedbackMessage.DoesNotExist for another unit's)."""
    today = today or timezone.localdate()
    message = FeedbackMessage.objects.select_related("unit").get(unit=unit, pk=pk)
    contact = MessageContact.objects.filter(message=message).values_list("contact", flat=True)
    return MessageView(
        message=message,
        replies=list(message.replies.select_related("written_by")),
        contact=contact.first(),
        is_overdue=message.status in UNANSWERED and message.due_on < today,
    )


def inbox_readers(*, unit: Unit) -> QuerySet[InboxReader]:
    return (
        InboxReader.objects.filter(unit=unit)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def reader_candidates(*, unit: Unit) -> QuerySet[User]:
    """Members of the unit who could be named readers: active, not its supervisors (they read
    it already), not readers yet."""
    return (
        User.objects.filter(
            memberships__unit=unit,
            memberships__role=Membership.Role.EMPLOYEE,
            is_active=True,
        )
        .exclude(pk__in=InboxReader.objects.filter(unit=unit).values("user_id"))
        .order_by("last_name", "first_name", "email")
    )
