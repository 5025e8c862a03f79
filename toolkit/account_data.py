"""The core app's share of a person's data (a toolkit.personal_data provider): the profile,
unit memberships, home-page notices and the login.

Erased: memberships, notices, e-mail addresses and MFA of the login, and the Wagtail admin's
profile with any avatar picture (the account itself is made an anonymous shell by the erasure
flow). Kept, pointing at the shell: the audit log and the people imports the person made."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Membership, Notice, User
from .personal_data import when

HELD = (_("your profile and your roles in units"),)
KEPT = _(
    "After erasure an anonymous shell without a name, e-mail address or login takes your "
    "account's place, so the audit log still tells what was done."
)
MODELS = ("toolkit.Membership", "toolkit.Notice", "toolkit.PeopleImport", "toolkit.AuditEvent")


def export(user: User) -> dict[str, object]:
    return {
        "profile": _profile(user),
        "memberships": _memberships(user),
        "notices": _notices(user),
    }


def _profile(user: User) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "joined": when(user.date_joined),
        "last_login": when(user.last_login),
        "site_roles": sorted(user.groups.values_list("name", flat=True)),
    }


def _memberships(user: User) -> list[dict]:
    return [
        {
            "unit": ms.unit.code,
            "unit_name": ms.unit.name,
            "role": ms.role,
            "since": when(ms.created_at),
        }
        for ms in Membership.objects.filter(user=user).select_related("unit")
    ]


def _notices(user: User) -> list[dict]:
    """The person's home-page notices, in their own language (active during the export)."""
    from .selectors import notice_text

    return [
        {
            "text": notice_text(n),
            "detail": n.detail,
            "created": when(n.created_at),
            "read": when(n.read_at),
        }
        for n in Notice.objects.filter(user=user)
    ]


def erase(user: User) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from wagtail.users.models import UserProfile

    avatars = [p.avatar.name for p in UserProfile.objects.filter(user=user) if p.avatar]
    for model in (
        Membership,
        Notice,
        EmailAddress,
        Authenticator,
        UserProfile,  # the Wagtail admin's profile, with any avatar picture
    ):
        model.objects.filter(user=user).delete()
    # Avatar pictures are in the public media: removed once the erasure is committed.
    transaction.on_commit(lambda: [default_storage.delete(name) for name in avatars])
