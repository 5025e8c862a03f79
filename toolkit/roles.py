"""Site-wide roles as Django groups, so Wagtail's admin permissions and workflows can use them.

`ensure_role_groups` runs after every migrate: the groups and their admin permissions always exist.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

ADMINISTRATORS = "Administrators"
TRAINERS = "Trainers"
REVIEWERS = "Reviewers"

# App label -> model permissions each group gets in the Wagtail admin.
_ADMIN_MODEL_PERMISSIONS = {
    "toolkit": ["unit", "membership", "user", "peopleimport"],
    "wagtailimages": ["image"],
    "wagtaildocs": ["document"],
    "cms": ["accessibilityfeedback", "sitesettings"],
}
_TRAINER_MODEL_PERMISSIONS = {
    "wagtailimages": ["image"],
    "wagtaildocs": ["document"],
}


def _model_permissions(spec: dict[str, list[str]]) -> list[Permission]:
    perms = Permission.objects.filter(content_type__app_label__in=spec.keys())
    return [p for p in perms if p.content_type.model in spec[p.content_type.app_label]]


@transaction.atomic
def ensure_role_groups() -> dict[str, Group]:
    """Create the role groups (idempotently) and give each its admin permissions."""
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    groups = {}
    for name, spec in (
        (ADMINISTRATORS, _ADMIN_MODEL_PERMISSIONS),
        (TRAINERS, _TRAINER_MODEL_PERMISSIONS),
        (REVIEWERS, _TRAINER_MODEL_PERMISSIONS),
    ):
        group, _created = Group.objects.get_or_create(name=name)
        perms = _model_permissions(spec)
        if access_admin:
            perms.append(access_admin)
        group.permissions.add(*perms)
        groups[name] = group
    return groups
