"""Units and memberships in the Wagtail admin: only administrators list, add, edit or delete
them (toolkit.permissions.AdministratorsOnlyPolicy), whatever model permissions someone else's
groups hold; each membership change and each move of a unit is in the audit log (written by
toolkit.services) and in Wagtail's own history."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import ModelLogEntry
from wagtail.permissions import policy_registry

from toolkit import permissions
from toolkit.models import AuditEvent, Membership, Unit

DENIED = "/cms/"  # Wagtail sends those it refuses back to the admin's home page


def unit_form(unit: Unit, **changes) -> dict:
    data = {
        "code": unit.code,
        "name_fi": unit.name_fi,
        "name_sv": unit.name_sv,
        "name_en": unit.name_en,
        "parent": unit.parent_id or "",
    }
    return {**data, **changes}


def membership_form(membership: Membership, **changes) -> dict:
    data = {"user": membership.user_id, "unit": membership.unit_id, "role": membership.role}
    return {**data, **changes}


@pytest.fixture
def stray_trainer(org):
    """A trainer (who reaches the admin) given every model permission on units and memberships
    by hand: the model permissions alone must not let them in."""
    org.trainer.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="toolkit", content_type__model__in=["unit", "membership"]
        )
    )
    return org.trainer


def test_units_and_memberships_have_the_administrators_policy(db):
    for model in (Unit, Membership):
        assert isinstance(policy_registry.get_by_type(model), permissions.AdministratorsOnlyPolicy)


def test_a_non_administrator_cannot_list_add_edit_or_delete_units(client, org, stray_trainer):
    client.force_login(stray_trainer)
    pk = org.unit_b.pk
    for url in ("/cms/unit/", "/cms/unit/new/", f"/cms/unit/edit/{pk}/", f"/cms/unit/delete/{pk}/"):
        response = client.get(url)
        assert (response.status_code, response.url) == (302, DENIED), url
    new = {"code": "C", "name_fi": "Yksikkö C", "name_sv": "", "name_en": "", "parent": ""}
    assert client.post("/cms/unit/new/", new).url == DENIED
    assert client.post(f"/cms/unit/edit/{pk}/", unit_form(org.unit_b, parent="")).url == DENIED
    assert client.post(f"/cms/unit/delete/{pk}/").url == DENIED
    assert not Unit.objects.filter(code="C").exists()
    org.unit_b.refresh_from_db()
    assert org.unit_b.parent == org.area
    assert not AuditEvent.objects.exists()


def test_a_non_administrator_cannot_list_add_edit_or_delete_memberships(client, org, stray_trainer):
    membership = Membership.objects.get(user=org.employee_b)
    pk = membership.pk
    client.force_login(stray_trainer)
    for url in (
        "/cms/membership/",
        "/cms/membership/new/",
        f"/cms/membership/edit/{pk}/",
        f"/cms/membership/delete/{pk}/",
    ):
        response = client.get(url)
        assert (response.status_code, response.url) == (302, DENIED), url
    new = {"user": org.trainer.pk, "unit": org.unit_a.pk, "role": "supervisor"}
    assert client.post("/cms/membership/new/", new).url == DENIED
    changed = membership_form(membership, role="supervisor")
    assert client.post(f"/cms/membership/edit/{pk}/", changed).url == DENIED
    assert client.post(f"/cms/membership/delete/{pk}/").url == DENIED
    assert not Membership.objects.filter(user=org.trainer).exists()
    membership.refresh_from_db()
    assert membership.role == Membership.Role.EMPLOYEE
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("role", ["supervisor_a", "employee_a"])
def test_people_outside_the_admin_do_not_reach_units_or_memberships(client, org, role):
    client.force_login(getattr(org, role))
    for url in ("/cms/unit/", "/cms/membership/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url != url


def test_the_organisation_menu_is_shown_to_administrators_only(client, org, stray_trainer):
    client.force_login(stray_trainer)
    assert "/cms/membership/" not in client.get("/cms/").content.decode()
    client.force_login(org.administrator)
    assert "/cms/membership/" in client.get("/cms/").content.decode()


def test_an_administrator_lists_adds_edits_and_deletes_units(client, org):
    client.force_login(org.administrator)
    assert client.get("/cms/unit/").status_code == 200
    new = {"code": "C", "name_fi": "Yksikkö C", "name_sv": "", "name_en": "", "parent": ""}
    assert client.post("/cms/unit/new/", new).status_code == 302
    unit = Unit.objects.get(code="C")
    response = client.post(f"/cms/unit/edit/{unit.pk}/", unit_form(unit, parent=org.area.pk))
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.parent == org.area
    move = AuditEvent.objects.get(action=AuditEvent.Action.UNIT_MOVE)
    assert (move.actor, move.params) == (
        org.administrator,
        {"unit": "C", "old": "–", "new": "AREA"},
    )
    assert ModelLogEntry.objects.filter(object_id=str(unit.pk), action="wagtail.edit").exists()
    assert client.post(f"/cms/unit/delete/{unit.pk}/").status_code == 302
    assert not Unit.objects.filter(code="C").exists()


def test_an_administrator_adds_edits_and_deletes_memberships_each_in_the_audit_log(client, org):
    client.force_login(org.administrator)
    assert client.get("/cms/membership/").status_code == 200
    new = {"user": org.trainer.pk, "unit": org.unit_a.pk, "role": "employee"}
    assert client.post("/cms/membership/new/", new).status_code == 302
    membership = Membership.objects.get(user=org.trainer)
    changed = membership_form(membership, role="supervisor")
    assert client.post(f"/cms/membership/edit/{membership.pk}/", changed).status_code == 302
    membership.refresh_from_db()
    assert membership.role == Membership.Role.SUPERVISOR
    assert client.post(f"/cms/membership/delete/{membership.pk}/").status_code == 302
    assert not Membership.objects.filter(user=org.trainer).exists()
    events = AuditEvent.objects.order_by("at", "pk")
    assert [(e.actor, e.action, e.message, e.params) for e in events] == [
        (
            org.administrator,
            AuditEvent.Action.ROLE_CHANGE,
            f"membership_{change}",
            {"person": org.trainer.pk, "role": role, "unit": "A"},
        )
        for change, role in (
            ("added", "employee"),
            ("changed", "supervisor"),
            ("removed", "supervisor"),
        )
    ]
    history = ModelLogEntry.objects.filter(object_id=str(membership.pk)).order_by("timestamp")
    assert list(history.values_list("action", flat=True)) == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.delete",
    ]
