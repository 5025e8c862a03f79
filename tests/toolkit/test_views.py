"""The signed-in home page (dashboard) and unit pages: what each role sees, and what it may not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.toolkit.factories import MembershipFactory, UnitFactory, UserFactory, member
from toolkit.models import Membership

NO_OPEN_ROUND = "No open round yet. When your unit opens a self-assessment, it appears here."
NO_COURSES = "No courses assigned to you yet."
NO_UNITS = "You are not a member of any unit yet. Your administrator adds you to your unit."


def dashboard(client, user, language="en"):
    client.force_login(user)
    response = client.get(f"/{language}/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


# --- dashboard -------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_login_from_the_dashboard(client, db):
    response = client.get("/en/dashboard/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/?next=/en/dashboard/")


def test_employee_dashboard_shows_own_unit_and_honest_empty_states(client, org):
    page = dashboard(client, org.employee_a)
    assert "Unit A" in page
    assert 'href="/en/units/A/"' in page
    assert "Unit B" not in page
    assert NO_OPEN_ROUND in page
    assert NO_COURSES in page
    assert "As a supervisor" not in page
    assert "As a trainer" not in page
    assert "As an administrator" not in page
    assert "Import people from CSV" not in page


def test_dashboard_shows_each_units_member_count(client, org):
    member(org.unit_a)
    page = dashboard(client, org.employee_a)
    assert "3 members" in page  # employee A, supervisor A and the new colleague


def test_supervisor_dashboard_has_the_supervisor_section_for_own_unit_only(client, org):
    page = dashboard(client, org.supervisor_a)
    assert "As a supervisor" in page
    assert "You lead 1 unit." in page
    assert "Unit A" in page
    assert "Unit B" not in page
    assert "As an administrator" not in page


def test_supervisor_of_two_units_is_told_so(client, org):
    MembershipFactory(user=org.supervisor_a, unit=org.unit_b, role=Membership.Role.SUPERVISOR)
    page = dashboard(client, org.supervisor_a)
    assert "You lead 2 units." in page
    assert "Unit A" in page and "Unit B" in page


def test_trainer_dashboard_has_the_trainer_section_and_an_honest_no_units_state(client, org):
    page = dashboard(client, org.trainer)
    assert "As a trainer" in page
    assert "Open the content editor" in page
    assert NO_UNITS in page
    assert "As a supervisor" not in page
    assert "As an administrator" not in page


def test_administrator_dashboard_counts_the_real_organisation(client, org):
    page = dashboard(client, org.administrator)
    assert "As an administrator" in page
    assert "<dd>3</dd>" in page  # units: area, A and B
    assert "<dd>6</dd>" in page  # active people: four members, trainer, administrator
    assert 'href="/cms/people-import/"' in page
    assert "As a trainer" not in page


def test_administrator_outside_every_unit_is_not_told_to_wait_for_an_administrator(client, org):
    page = dashboard(client, org.administrator)
    assert NO_UNITS not in page
    assert "As an administrator you can open every unit" in page


def test_administrator_count_of_people_leaves_out_deactivated_people(client, org):
    org.employee_b.is_active = False
    org.employee_b.save()
    page = dashboard(client, org.administrator)
    assert "<dd>5</dd>" in page


def test_dashboard_is_served_in_the_language_of_the_url(client, org):
    page = dashboard(client, org.employee_a, language="sv")
    assert 'lang="sv"' in page
    assert "Enhet A" in page


# --- unit pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["employee_a", "supervisor_a", "administrator"])
def test_members_of_unit_a_and_administrators_see_its_page(client, org, role):
    client.force_login(getattr(org, role))
    response = client.get("/en/units/A/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Unit A</h1>" in page
    assert f"<li>{org.area.name_en}</li>" in page  # the parent unit, in the breadcrumbs


@pytest.mark.parametrize("role", ["employee_b", "supervisor_b", "trainer"])
def test_people_outside_unit_a_get_404_not_403_for_its_page(client, org, role):
    client.force_login(getattr(org, role))
    response = client.get("/en/units/A/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Unit A" not in page
    assert "Yksikkö A" not in page


def test_supervisor_of_other_unit_gets_404_for_unit_page(client, org):
    client.force_login(org.supervisor_b)
    assert client.get("/fi/units/A/").status_code == 404
    assert client.get("/fi/units/B/").status_code == 200


def test_unknown_unit_code_gets_the_same_404(client, org):
    client.force_login(org.employee_a)
    assert client.get("/en/units/NO-SUCH-UNIT/").status_code == 404


def test_anonymous_visitor_is_redirected_to_login_from_a_unit_page(client, org):
    response = client.get("/en/units/A/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")


def test_supervisor_sees_the_member_list_with_names_e_mails_and_roles(client, org):
    client.force_login(org.supervisor_a)
    page = client.get("/en/units/A/").content.decode()
    assert "Members" in page
    assert "employee.a@example.org" in page
    assert org.employee_a.get_full_name() in page
    assert "employee.b@example.org" not in page


def test_administrator_sees_the_member_list_of_any_unit(client, org):
    client.force_login(org.administrator)
    page = client.get("/en/units/B/").content.decode()
    assert "employee.b@example.org" in page
    assert "supervisor.b@example.org" in page


def test_employee_sees_counts_but_not_member_e_mails_or_names(client, org):
    client.force_login(org.employee_a)
    page = client.get("/en/units/A/").content.decode()
    assert "<dt>Employees</dt><dd>1</dd>" in page
    assert "<dt>Supervisors</dt><dd>1</dd>" in page
    assert "supervisor.a@example.org" not in page
    assert org.supervisor_a.get_full_name() not in page
    assert "employee.a@example.org" not in page.split("<main", 1)[1]


def test_unit_member_list_leaves_out_deactivated_people(client, org):
    org.employee_a.is_active = False
    org.employee_a.save()
    client.force_login(org.supervisor_a)
    page = client.get("/en/units/A/").content.decode()
    assert "employee.a@example.org" not in page
    assert "<dt>Employees</dt><dd>0</dd>" in page


def test_member_names_are_escaped_on_the_unit_page(client, org):
    member(org.unit_a, first_name="<script>alert(1)</script>", last_name="X")
    client.force_login(org.supervisor_a)
    page = client.get("/en/units/A/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- query counts stay flat as the organisation grows -----------------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_dashboard_query_count_does_not_grow_with_units_or_members(client, db):
    small, large = UserFactory(), UserFactory()
    for user, unit_count in ((small, 2), (large, 30)):
        for index in range(unit_count):
            unit = UnitFactory()
            role = Membership.Role.SUPERVISOR if index % 2 else Membership.Role.EMPLOYEE
            MembershipFactory(user=user, unit=unit, role=role)
            MembershipFactory.create_batch(3, unit=unit)
    client.force_login(small)
    client.get("/en/dashboard/")  # warm up (content types, site root)
    small_count = count_queries(client, "/en/dashboard/")
    client.force_login(large)
    large_count = count_queries(client, "/en/dashboard/")
    assert small_count == large_count
    # The role panels: units (4), rounds (4), learning incl. assignments and recommendations,
    # notices and "My actions" (one each).
    assert large_count <= 20


def test_administrator_dashboard_query_count_is_bounded(client, org, django_assert_max_num_queries):
    UnitFactory.create_batch(30)
    client.force_login(org.administrator)
    client.get("/en/dashboard/")
    with django_assert_max_num_queries(14):
        assert client.get("/en/dashboard/").status_code == 200


@pytest.mark.parametrize("viewer", ["supervisor", "employee"])
def test_unit_page_query_count_does_not_grow_with_members(client, db, viewer):
    counts = []
    for size in (2, 30):
        unit = UnitFactory(parent=UnitFactory(parent=UnitFactory()))
        boss = member(unit, role=Membership.Role.SUPERVISOR)
        worker = member(unit)
        MembershipFactory.create_batch(size, unit=unit)
        client.force_login(boss if viewer == "supervisor" else worker)
        client.get(f"/en/units/{unit.code}/")
        counts.append(count_queries(client, f"/en/units/{unit.code}/"))
    assert counts[0] == counts[1]
    # With the courses recommended by the unit's latest round, and the self-assessment panel:
    # latest results (2), the current round, open actions and (supervisors) suggestions; and
    # for those who read it, the feedback inbox's new and overdue messages (1); the clients'
    # mirror (k, the staff round, its sums, the client months: 3 here, as there is no round).
    assert counts[1] <= 22
