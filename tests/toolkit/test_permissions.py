"""toolkit.permissions: every helper against every role.

The roles: employee and supervisor of unit A, employee and supervisor of unit B, a trainer, an
administrator and an anonymous visitor. Each table names exactly who may, for unit A.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.toolkit.factories import UserFactory
from toolkit import permissions, roles
from toolkit.models import Membership

ROLES = (
    "employee_a",
    "supervisor_a",
    "employee_b",
    "supervisor_b",
    "trainer",
    "administrator",
    "anonymous",
)


def person(org, role: str):
    return AnonymousUser() if role == "anonymous" else getattr(org, role)


def expect(*allowed: str) -> list[tuple[str, bool]]:
    return [(role, role in allowed) for role in ROLES]


@pytest.mark.parametrize(("role", "expected"), expect("administrator"))
def test_only_administrators_are_administrators(org, role, expected):
    assert permissions.is_administrator(person(org, role)) is expected


@pytest.mark.parametrize(("role", "expected"), expect("trainer"))
def test_only_trainers_are_trainers(org, role, expected):
    assert permissions.is_trainer(person(org, role)) is expected


@pytest.mark.parametrize(("role", "expected"), expect("administrator"))
def test_administrators_review_content_and_trainers_do_not(org, role, expected):
    assert permissions.is_reviewer(person(org, role)) is expected


@pytest.mark.parametrize(("role", "expected"), expect("supervisor_a", "supervisor_b"))
def test_is_supervisor_is_true_for_anyone_who_leads_a_unit(org, role, expected):
    assert permissions.is_supervisor(person(org, role)) is expected


@pytest.mark.parametrize(("role", "expected"), expect("employee_a", "supervisor_a"))
def test_is_member_of_unit_a_only_for_its_own_members(org, role, expected):
    assert permissions.is_member_of(person(org, role), org.unit_a) is expected


@pytest.mark.parametrize(("role", "expected"), expect("supervisor_a"))
def test_is_supervisor_of_unit_a_only_for_its_supervisor(org, role, expected):
    assert permissions.is_supervisor_of(person(org, role), org.unit_a) is expected


@pytest.mark.parametrize(("role", "expected"), expect("trainer", "administrator"))
def test_only_trainers_and_administrators_access_the_cms(org, role, expected):
    assert permissions.can_access_cms(person(org, role)) is expected


@pytest.mark.parametrize(
    ("role", "expected"), expect("employee_a", "supervisor_a", "administrator")
)
def test_unit_a_is_viewable_by_its_members_and_administrators_only(org, role, expected):
    assert permissions.can_view_unit(person(org, role), org.unit_a) is expected


@pytest.mark.parametrize(("role", "expected"), expect("supervisor_a", "administrator"))
def test_unit_a_is_managed_by_its_supervisor_and_administrators_only(org, role, expected):
    assert permissions.can_manage_unit(person(org, role), org.unit_a) is expected


@pytest.mark.parametrize(("role", "expected"), expect("supervisor_a", "administrator"))
def test_unit_a_member_list_is_for_its_supervisor_and_administrators_only(org, role, expected):
    assert permissions.can_view_unit_members(person(org, role), org.unit_a) is expected


@pytest.mark.parametrize(("role", "expected"), expect("administrator"))
def test_only_administrators_import_people(org, role, expected):
    assert permissions.can_import_people(person(org, role)) is expected


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("employee_a", {"A"}),
        ("supervisor_a", {"A"}),
        ("employee_b", {"B"}),
        ("supervisor_b", {"B"}),
        ("trainer", set()),
        ("administrator", {"AREA", "A", "B"}),
        ("anonymous", set()),
    ],
)
def test_units_visible_to_each_role(org, role, visible):
    units = permissions.units_visible_to(person(org, role))
    assert set(units.values_list("code", flat=True)) == visible


@pytest.mark.parametrize(
    ("role", "led"),
    [
        ("employee_a", set()),
        ("supervisor_a", {"A"}),
        ("employee_b", set()),
        ("supervisor_b", {"B"}),
        ("trainer", set()),
        ("administrator", set()),
        ("anonymous", set()),
    ],
)
def test_units_led_by_each_role_are_only_units_they_supervise(org, role, led):
    units = permissions.units_led_by(person(org, role))
    assert set(units.values_list("code", flat=True)) == led


def test_supervisor_of_a_who_is_employee_in_b_manages_a_but_not_b(org):
    Membership.objects.create(user=org.supervisor_a, unit=org.unit_b)
    user = org.supervisor_a
    assert permissions.can_view_unit(user, org.unit_b)
    assert not permissions.can_manage_unit(user, org.unit_b)
    assert not permissions.can_view_unit_members(user, org.unit_b)
    assert permissions.can_manage_unit(user, org.unit_a)
    assert set(permissions.units_visible_to(user).values_list("code", flat=True)) == {"A", "B"}
    assert set(permissions.units_led_by(user).values_list("code", flat=True)) == {"A"}


def test_membership_of_a_parent_unit_does_not_open_its_child_units(org):
    area_supervisor = UserFactory()
    Membership.objects.create(user=area_supervisor, unit=org.area, role=Membership.Role.SUPERVISOR)
    assert not permissions.can_view_unit(area_supervisor, org.unit_a)
    assert not permissions.can_manage_unit(area_supervisor, org.unit_a)


def test_superuser_counts_as_administrator(db, org):
    superuser = UserFactory(is_superuser=True)
    assert permissions.is_administrator(superuser)
    assert permissions.can_manage_unit(superuser, org.unit_b)
    assert permissions.can_import_people(superuser)


def test_reviewer_group_reviews_and_opens_cms_but_is_no_administrator(db, org):
    reviewer = UserFactory(role_groups=[roles.REVIEWERS])
    assert permissions.is_reviewer(reviewer)
    assert permissions.can_access_cms(reviewer)
    assert not permissions.is_administrator(reviewer)
    assert not permissions.can_view_unit(reviewer, org.unit_a)


def test_role_checks_cost_one_query_each_however_many_checks(org, django_assert_num_queries):
    user = org.supervisor_a
    with django_assert_num_queries(2):  # memberships once, groups once
        for unit in (org.unit_a, org.unit_b, org.area):
            permissions.can_view_unit(user, unit)
            permissions.can_manage_unit(user, unit)
            permissions.is_supervisor_of(user, unit)
        permissions.is_trainer(user)


def test_forget_cached_roles_sees_a_new_membership(org):
    user = org.employee_a
    assert not permissions.can_view_unit(user, org.unit_b)
    Membership.objects.create(user=user, unit=org.unit_b)
    assert not permissions.can_view_unit(user, org.unit_b)  # cached for the request
    permissions.forget_cached_roles(user)
    assert permissions.can_view_unit(user, org.unit_b)


def test_inactive_person_keeps_no_rights_to_the_unit_page_via_the_client(client, org):
    """Deactivating a person signs them out: their session no longer opens the unit page."""
    client.force_login(org.employee_a)
    org.employee_a.is_active = False
    org.employee_a.save()
    response = client.get("/fi/units/A/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
