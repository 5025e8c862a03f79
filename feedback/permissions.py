"""Who may do what with client feedback, in one place.

The public form needs no login. A unit's supervisors manage its feedback link, poster and text
messages and read its inbox, with the people they name as inbox readers (the inbox only);
administrators everywhere. Client results follow the unit's staff results: whoever may see the
unit's self-assessment results sees its clients' view beside them."""

from __future__ import annotations

from toolkit.models import Unit, User
from toolkit.permissions import can_manage_unit, can_view_unit, is_member_of

from .models import InboxReader


def can_manage_feedback(user: User, unit: Unit) -> bool:
    """The feedback link, the poster, the text message and the inbox's readers."""
    return can_manage_unit(user, unit)


def can_send_feedback_link(user: User, unit: Unit) -> bool:
    """Any member of the unit may text the link to a client after a contact."""
    return can_view_unit(user, unit)


def can_read_inbox(user: User, unit: Unit) -> bool:
    """The unit's supervisors and administrators, and the people the supervisors named while
    they stay members of the unit (one who leaves it loses the inbox with it)."""
    if can_manage_feedback(user, unit):
        return True
    return (
        user.is_authenticated
        and is_member_of(user, unit)
        and InboxReader.objects.filter(unit=unit, user=user).exists()
    )


def can_manage_inbox_readers(user: User, unit: Unit) -> bool:
    """Naming and removing the inbox's readers: the unit's supervisors, not the readers."""
    return can_manage_feedback(user, unit)


def can_view_client_results(user: User, unit: Unit) -> bool:
    """The unit's members see its client view, as they see its self-assessment results."""
    return can_view_unit(user, unit)
