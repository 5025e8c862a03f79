"""Writes for the organisation: people's settings and their home-page notices. Imports live in
people_import.py."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone

from .models import Notice, User
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
