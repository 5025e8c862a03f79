"""A person's own data: the ZIP they download, and erasure at their or the organisation's request.

Each app says what it holds of a person in its own `<app>/personal_data.py` (`export(user)`,
`erase(user)`, what the download holds and what erasure keeps, and why), registered here from its
AppConfig.ready() with an order, as Moodle's Privacy API has one provider per component. This
module keeps only the registry, the ZIP and the erasure flow, so no app can be left out of either
without the test of providers (tests/toolkit/test_ground_floor.py) saying so.
"""

from __future__ import annotations

import datetime
import io
import json
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .audit import audit_record
from .models import ERASED_DOMAIN, AuditEvent, User
from .storage import private_storage


@dataclass(frozen=True)
class Provider:
    """One app's share of a person's data.

    `export(user)` gives the ZIP's JSON files ({name: data}, names of the person's language
    active); `files(user)` other files ((path in the ZIP, bytes)); `erase(user)` removes what is
    the person's, inside the erasure's transaction, before the account is made an anonymous
    shell. `held` lists what the download holds, `kept` says what erasure keeps and why, and
    `models` names every model of the app that points at a person ("app_label.Model")."""

    app_label: str
    order: int
    export: Callable[[User], dict[str, object]]
    erase: Callable[[User], None]
    held: tuple[str, ...]
    kept: str
    models: tuple[str, ...]
    files: Callable[[User], Iterable[tuple[str, bytes]]] | None = None


_providers: dict[str, Provider] = {}


def provider_register(module: ModuleType, *, order: int) -> None:
    """Register an app's `personal_data` module: export, erase, HELD, KEPT, MODELS, and
    optionally files."""
    app_label = module.__name__.split(".")[0]
    _providers[app_label] = Provider(
        app_label=app_label,
        order=order,
        export=module.export,
        erase=module.erase,
        held=tuple(module.HELD),
        kept=module.KEPT,
        models=tuple(module.MODELS),
        files=getattr(module, "files", None),
    )


def providers() -> list[Provider]:
    """The registered providers, lowest order first (the core app's own data first)."""
    return sorted(_providers.values(), key=lambda provider: provider.order)


def when(value) -> str | None:
    """ISO 8601, which programs read; a moment in Helsinki time with its offset."""
    if not value:
        return None
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat()


# --- The download --------------------------------------------------------------------------


def personal_data(user: User) -> dict[str, object]:
    """Everything the site holds about `user`, as plain data (the JSON files of the ZIP), with
    names of courses, lessons and units in the person's own language."""
    data: dict[str, object] = {}
    with translation.override(user.preferred_language):
        for provider in providers():
            data |= provider.export(user)
    return data


def _readme(user: User) -> str:
    with translation.override(user.preferred_language):
        intro = _("Your data in Arvokas on %(date)s.") % {
            "date": date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
        }
        held = "".join(f"- {item}\n" for provider in providers() for item in provider.held)
        kept = "".join(f"\n{provider.kept}\n" for provider in providers() if provider.kept)
        return f"{intro}\n\n{held}{kept}"


def _other_files(user: User) -> Iterable[tuple[str, bytes]]:
    for provider in providers():
        if provider.files is not None:
            yield from provider.files(user)


def personal_data_zip(*, user: User) -> bytes:
    """The ZIP a person downloads of their own data; the download is written in the audit log."""
    data = personal_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme(user))
        for name, part in data.items():
            archive.writestr(f"{name}.json", json.dumps(part, ensure_ascii=False, indent=2))
        for name, content in _other_files(user):
            archive.writestr(name, content)
    audit_record(
        actor=user,
        action=AuditEvent.Action.DATA_EXPORT,
        message="person",
        params={"person": user.pk},
    )
    return buffer.getvalue()


def stored_file(name: str) -> bytes | None:
    """A file of the private storage (certificates), or None when it is gone."""
    if not private_storage().exists(name):
        return None
    with private_storage().open(name) as stored:
        return stored.read()


# --- Erasure -------------------------------------------------------------------------------


@transaction.atomic
def person_erase(*, user: User, erased_by: User) -> None:
    """Remove `user`'s personal data and keep an anonymous shell in its place.

    Each app erases its share (the apps' first, the core app's last, as a later app may still
    need the person's memberships); then the account loses its name, e-mail, password, site
    roles and every right. What points at the shell stays (see each provider's `kept`)."""
    if user.pk == erased_by.pk:
        raise ValueError("A person cannot erase themselves here; another administrator must.")
    user = User.objects.select_for_update().get(pk=user.pk)
    for provider in reversed(providers()):
        provider.erase(user)
    _account_anonymise(user)
    audit_record(
        actor=erased_by,
        action=AuditEvent.Action.ERASURE,
        message="person",
        params={"person": user.pk},
    )


def _account_anonymise(user: User) -> None:
    user.groups.set(Group.objects.none())
    user.email = f"{uuid.uuid4().hex}@{ERASED_DOMAIN}"
    user.first_name = user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
