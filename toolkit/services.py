"""Writes for the organisation: people's settings, their home-page notices, and the units and
memberships that administrators change in the Wagtail admin (each change in the audit log).
Imports live in people_import.py."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .audit import audit_record
from .models import AuditEvent, Membership, Notice, Unit, User
from .outbox import enqueue_on_commit


def user_set_language(*, user: User, language: str) -> bool:
    """Remember the person's interface language; unknown codes change nothing."""
    if language not in dict(settings.LANGUAGES) or user.preferred_language == language:
        return False
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return True


# --- Home-page notices -------------------------------------------------------------------------

MAIL_BATCH = 200


def notices_send(
    *,
    user_ids: Iterable[int],
    message: str,
    params: dict | None = None,
    detail: str = "",
    link: tuple[str, list] | None = None,
    mail: bool = True,
) -> list[Notice]:
    """Put a notice on each person's home page and, once the transaction commits, e-mail it to
    each in their own language (through the outbox). `message` is the untranslated text
    (marked with gettext_noop); people no longer active and duplicates are left out."""
    ids = sorted(
        User.objects.filter(pk__in=set(user_ids), is_active=True).values_list("pk", flat=True)
    )
    if not ids:
        return []
    link_name, link_args = link or ("", [])
    notices = Notice.objects.bulk_create(
        [
            Notice(
                user_id=pk,
                message=message,
                params=params or {},
                detail=detail,
                link_name=link_name,
                link_args=list(link_args),
            )
            for pk in ids
        ]
    )
    if mail:
        notice_ids = [n.pk for n in notices]
        for start in range(0, len(notice_ids), MAIL_BATCH):
            enqueue_on_commit(
                "toolkit.tasks.send_notice_mails", notice_ids[start : start + MAIL_BATCH]
            )
    return notices


def notice_mark_read(*, user: User, pk: int) -> bool:
    """Mark one of the person's own notices read; False when it is not theirs (or not there)."""
    mine = Notice.objects.filter(pk=pk, user=user)
    if not mine.exists():
        return False
    mine.filter(read_at__isnull=True).update(read_at=timezone.now())
    return True


def notices_mark_all_read(*, user: User) -> int:
    """Mark every unread notice of the person read. Returns how many."""
    return Notice.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


# --- Units and memberships (the Wagtail admin's pages call these) -----------------------------


def _audit_membership(*, membership: Membership, change: str, by: User) -> None:
    audit_record(
        actor=by,
        action=AuditEvent.Action.ROLE_CHANGE,
        message=f"membership_{change}",
        params={
            "person": membership.user_id,
            "role": membership.role,
            "unit": membership.unit.code,
        },
    )


@transaction.atomic
def membership_add(*, membership: Membership, by: User) -> Membership:
    """Save a new membership (validated by the admin form, not yet saved) and log it."""
    membership.save()
    _audit_membership(membership=membership, change="added", by=by)
    return membership


@transaction.atomic
def membership_change(*, membership: Membership, by: User) -> Membership:
    """Save the changes made to a membership (validated by the admin form) and log them."""
    membership.save()
    _audit_membership(membership=membership, change="changed", by=by)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    """Remove a membership; the log keeps who was in which unit with which role."""
    _audit_membership(membership=membership, change="removed", by=by)
    membership.delete()


@transaction.atomic
def unit_change(*, unit: Unit, by: User) -> Unit:
    """Save the changes made to a unit (validated by the admin form). A change of its parent (a
    move in the tree) goes into the audit log, since it changes the area that the unit's later
    rounds are pooled and averaged with."""
    before = Unit.objects.filter(pk=unit.pk).values_list("parent__code", flat=True)
    old_parent = before.first()
    unit.save()
    new_parent = unit.parent.code if unit.parent_id else None
    if old_parent != new_parent:
        audit_record(
            actor=by,
            action=AuditEvent.Action.UNIT_MOVE,
            message="unit_moved",
            params={"unit": unit.code, "old": old_parent or "–", "new": new_parent or "–"},
        )
    return unit
