"""Invitations: the one-time link where an invited person sets their password (the e-mail that
carries it is in toolkit.notifications)."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
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
