"""Who hears what from the organisation: the invitation with its set-password link, and the
e-mail copy of each home-page notice with the link to it. The mails are sent by toolkit.mail,
each in its recipient's language."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from . import invitations, mail, selectors
from .models import Notice, User


def invitations_send(*, users: Iterable[User]) -> int:
    """Each person their invitation to set a password. Returns how many were sent."""
    return mail.send(
        mail.to_person(
            user,
            "toolkit/email/invitation",
            lambda user=user: {
                "link": invitations.invitation_link(user=user),
                "site_url": settings.SITE_URL,
            },
        )
        for user in users
    )


def _notice_context(notice: Notice) -> dict:
    path = selectors.notice_url(notice)
    return {
        "text": " ".join(selectors.notice_text(notice).split()),
        "detail": notice.detail,
        "link": settings.SITE_URL.rstrip("/") + path if path else "",
    }


def notice_mails_send(*, notices: Iterable[Notice]) -> int:
    """Each notice to its recipient (`notice.user`), with the link to it. Returns mails sent."""
    return mail.send(
        mail.to_person(
            notice.user, "toolkit/email/notice", lambda notice=notice: _notice_context(notice)
        )
        for notice in notices
    )
