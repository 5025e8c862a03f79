"""Who may see and do what, for the organisation: the one place views ask.

Roles: employee and supervisor are per unit (Membership); trainer and administrator are
site-wide (groups, see roles.py). Superusers count as administrators. Views that refuse access
to another unit's pages answer 404, never 403, so that unit names do not leak.

The Wagtail admin asks the same rules through permission policies (AdministratorsOnlyPolicy and
its kin in each app's permissions.py, registered in the app's wagtail_hooks.py), so no admin page
falls back to the model permissions of a group.
"""

from django.db.models import Q, QuerySet
from wagtail.permission_policies import BasePermissionPolicy

from .models import Membership, Unit, User
from .roles import ADMINISTRATORS, REVIEWERS, TRAINERS


def _group_names(user) -> frozenset[str]:
    # Cached on the user object: one query per request, however many checks a page makes.
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_arvokas_groups"):
        user._arvokas_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._arvokas_groups


def _memberships(user) -> dict[int, str]:
    """unit id -> role, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return {}
    if not hasattr(user, "_arvokas_memberships"):
        user._arvokas_memberships = dict(
            Membership.objects.filter(user=user).values_list("unit_id", "role")
        )
    return user._arvokas_memberships


def forget_cached_roles(user) -> None:
    """Drop the per-request role cache (after a role or membership change)."""
    for attribute in ("_arvokas_groups", "_arvokas_memberships"):
        user.__dict__.pop(attribute, None)


def is_administrator(user) -> bool:
    """Quality and development staff who run the whole organisation's tool."""
    return bool(getattr(user, "is_superuser", False)) or ADMINISTRATORS in _group_names(user)


def administrators() -> QuerySet[User]:
    """The active people `is_administrator` admits: superusers and the administrators' group."""
    return User.objects.filter(
        Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS), is_active=True
    ).distinct()


def is_trainer(user) -> bool:
    """Trainers write and publish learning content and guides."""
    return TRAINERS in _group_names(user)


def is_reviewer(user) -> bool:
    """Reviewers approve content that trainers submit (administrators review too)."""
    return REVIEWERS in _group_names(user) or is_administrator(user)


def is_supervisor(user) -> bool:
    """True when the person leads at least one unit."""
    return Membership.Role.SUPERVISOR in _memberships(user).values()


def is_member_of(user, unit: Unit) -> bool:
    return unit.pk in _memberships(user)


def is_supervisor_of(user, unit: Unit) -> bool:
    return _memberships(user).get(unit.pk) == Membership.Role.SUPERVISOR


def can_access_cms(user) -> bool:
    """Trainers, reviewers and administrators work in the Wagtail admin."""
    return is_administrator(user) or is_trainer(user) or REVIEWERS in _group_names(user)


def can_view_unit(user, unit: Unit) -> bool:
    """Members see their own units; administrators see every unit."""
    return is_administrator(user) or is_member_of(user, unit)


def can_manage_unit(user, unit: Unit) -> bool:
    """Supervisors manage their own units; administrators manage all."""
    return is_administrator(user) or is_supervisor_of(user, unit)


def can_view_unit_members(user, unit: Unit) -> bool:
    """The member list (names and roles) is for the unit's supervisors and administrators."""
    return can_manage_unit(user, unit)


def can_import_people(user) -> bool:
    return is_administrator(user)


def units_visible_to(user) -> QuerySet[Unit]:
    """Every unit for administrators; otherwise the units the person belongs to."""
    if is_administrator(user):
        return Unit.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    return Unit.objects.filter(pk__in=list(_memberships(user)))


def member_unit_ids(user) -> list[int]:
    """The units the person belongs to (any role), whatever site-wide role they have."""
    return list(_memberships(user))


def units_led_by(user: User) -> QuerySet[Unit]:
    """The units this person leads as a supervisor."""
    led = [pk for pk, role in _memberships(user).items() if role == Membership.Role.SUPERVISOR]
    return Unit.objects.filter(pk__in=led)


# --- Wagtail admin ------------------------------------------------------------------------------


class AdministratorsOnlyPolicy(BasePermissionPolicy):
    """Administrators (and superusers) may do everything with the model; nobody else anything,
    whatever model permissions their groups hold."""

    def user_has_permission(self, user, action: str) -> bool:
        return is_administrator(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return is_administrator(user)

    def users_with_any_permission(self, actions) -> QuerySet[User]:
        return administrators()
