"""Reads for the organisation pages: dashboards, unit pages, unit trees."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext

from . import permissions
from .languages import active_language
from .models import Membership, Notice, Unit, User


@dataclass(frozen=True)
class UnitSummary:
    unit: Unit
    role: str
    member_count: int


@dataclass
class Dashboard:
    """What the signed-in home page shows: the person's units and the roles they hold."""

    units: list[UnitSummary] = field(default_factory=list)
    led_units: list[UnitSummary] = field(default_factory=list)
    is_trainer: bool = False
    is_administrator: bool = False
    organisation_unit_count: int = 0
    organisation_people_count: int = 0
    notices: list = field(default_factory=list)


def _with_member_count(queryset: QuerySet[Unit]) -> QuerySet[Unit]:
    return queryset.select_related("parent").annotate(member_count=Count("memberships"))


def dashboard_for(*, user: User) -> Dashboard:
    """The units and roles behind the home page, in a fixed number of queries."""
    memberships = {
        m.unit_id: m.role for m in Membership.objects.filter(user=user).only("unit_id", "role")
    }
    units = _with_member_count(Unit.objects.filter(pk__in=memberships)).order_by("name_fi")
    summaries = [UnitSummary(u, memberships[u.pk], u.member_count) for u in units]
    dashboard = Dashboard(
        units=summaries,
        led_units=[s for s in summaries if s.role == Membership.Role.SUPERVISOR],
        is_trainer=permissions.is_trainer(user),
        is_administrator=permissions.is_administrator(user),
        notices=unread_notices(user=user),
    )
    if dashboard.is_administrator:
        dashboard.organisation_unit_count = Unit.objects.count()
        dashboard.organisation_people_count = User.objects.filter(is_active=True).count()
    return dashboard


def unit_ancestors(*, unit: Unit) -> list[Unit]:
    """The unit's ancestors from the top of the tree down, in one query for the whole tree.

    The tree is small (hundreds of units) and changes rarely, so reading (id, parent) for all
    units once is cheaper and simpler than a recursive query per level."""
    parents = dict(Unit.objects.values_list("pk", "parent_id"))
    chain, current = [], parents.get(unit.pk)
    while current is not None and len(chain) < len(parents):
        chain.append(current)
        current = parents.get(current)
    by_id = Unit.objects.in_bulk(chain)
    return [by_id[pk] for pk in reversed(chain)]


def subtree_ids(children: dict[int | None, list[int]], roots) -> set[int]:
    """The roots and every unit below them, given each unit's children (a tree read once)."""
    found, stack = set(), list(roots)
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack.extend(children.get(pk, []))
    return found


def unit_descendant_ids(*, unit: Unit) -> set[int]:
    """Ids of every unit below this one (not the unit itself), in one query."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Unit.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    return subtree_ids(children, children.get(unit.pk, []))


def unit_members(*, unit: Unit) -> QuerySet[Membership]:
    """The unit's members, supervisors first, with their names, in one query."""
    return (
        Membership.objects.filter(unit=unit, user__is_active=True)
        .select_related("user")
        .order_by("-role", "user__last_name", "user__first_name")
    )


def unit_member_counts(*, unit: Unit) -> dict[str, int]:
    """How many employees and supervisors the unit has."""
    return Membership.objects.filter(unit=unit, user__is_active=True).aggregate(
        employees=Count("pk", filter=Q(role=Membership.Role.EMPLOYEE)),
        supervisors=Count("pk", filter=Q(role=Membership.Role.SUPERVISOR)),
    )


def unit_for_viewer(*, code: str, user: User, may: Callable | None = None) -> Unit:
    """The unit with this code if `may(user, unit)` allows it (by default: the person may see
    it); otherwise Unit.DoesNotExist (→ 404: toolkit.shortcuts.unit_or_404)."""
    unit = Unit.objects.select_related("parent").get(code=code)
    if not (may or permissions.can_view_unit)(user, unit):
        raise Unit.DoesNotExist
    return unit


# --- Home-page notices -------------------------------------------------------------------------

NOTICE_LIMIT = 10


@dataclass(frozen=True)
class ShownNotice:
    """A notice as its recipient reads it: translated text, the writer's own words (if any),
    where it leads."""

    pk: int
    text: str
    detail: str
    url: str
    created_at: datetime.datetime


def notice_text(notice: Notice) -> str:
    """The notice in the active language; a {language: text} parameter picks its language."""
    language = active_language()
    params = {
        key: (value.get(language) or value.get("fi") or "") if isinstance(value, dict) else value
        for key, value in notice.params.items()
    }
    try:
        return gettext(notice.message) % params
    except (KeyError, TypeError, ValueError):
        return gettext(notice.message)


def notice_url(notice: Notice) -> str:
    """The notice's link under the active language's prefix ("" when it has none)."""
    if not notice.link_name:
        return ""
    try:
        return reverse(notice.link_name, args=notice.link_args)
    except NoReverseMatch:
        return ""


def unread_notices(*, user: User) -> list[ShownNotice]:
    """The person's own unread notices, newest first, at most NOTICE_LIMIT (one query)."""
    notices = Notice.objects.filter(user=user, read_at__isnull=True)[:NOTICE_LIMIT]
    return [
        ShownNotice(n.pk, notice_text(n), n.detail, notice_url(n), n.created_at) for n in notices
    ]
