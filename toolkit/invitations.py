"""Invitations: an e-mail with a link where the invited person sets their password."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import User


def invitation_link(*, user: User) -> str:
    """A one-time link to the invitation page (toolkit.views.InvitationAcceptView), where the
    person sets their password, in their own language."""
    with translation.override(user.preferred_language):
        path = reverse(
            "toolkit:invitation_accept",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
    return settings.SITE_URL.rstrip("/") + path


def invitation_send(*, user: User) -> None:
    """Send one person their invitation, written in their own language."""
    with translation.override(user.preferred_language):
        context = {"user": user, "link": invitation_link(user=user), "site_url": settings.SITE_URL}
        subject = render_to_string("toolkit/email/invitation_subject.txt", context).strip()
        body = render_to_string("toolkit/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])
