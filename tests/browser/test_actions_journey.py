"""The follow-up of a round in a real browser: the supervisor records the team's conclusions and
creates two actions, an employee adds a progress note to the action they own, and both look at
the actions, the action page and the unit timeline. axe-core checks every page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.assessments.factories import add_responses, closed_round, framework_version
from toolkit import demo
from toolkit.models import Unit, User

from .conftest import assert_accessible, login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SUPERVISOR = "esihenkilo@example.org"
EMPLOYEE = "tyontekija@example.org"


def check(page, name: str) -> None:
    assert_accessible(page)
    screenshot(page, f"actions-{name}")


def create_action(page, code, title, value, owner: User, due: datetime.date, round=None):
    page.goto(f"/fi/assessments/units/{code}/actions/new/")
    if round is not None:
        page.locator("select[name=source_round]").select_option(str(round.pk))
    page.locator("input[name=title]").fill(title)
    page.locator("select[name=value_key]").select_option(value)
    page.locator("input[name=barrier]").fill("Kiire")
    page.locator("textarea[name=description]").fill(f"{title}: kuvaus ja tavoite.")
    page.locator("select[name=owner]").select_option(str(owner.pk))
    page.locator("input[name=due_on]").fill(due.isoformat())
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/assessments/actions/*/")


def test_conclusions_actions_and_a_progress_note(page, demo_site):
    version = framework_version()
    unit = Unit.objects.get(code=demo.DEMO_UNIT_CODE)
    spring = closed_round(unit, version, closes_on=datetime.date(2026, 3, 31), title="Kevät 2026")
    add_responses(spring, 5, 3)
    autumn = closed_round(unit, version, closes_on=datetime.date(2026, 9, 30), title="Syksy 2026")
    add_responses(autumn, 6, 4, barrier="Kiire vie ajan kohtaamiselta.")
    employee = User.objects.get(email=EMPLOYEE)
    supervisor = User.objects.get(email=SUPERVISOR)
    due = timezone.localdate() + datetime.timedelta(days=45)

    # The supervisor records the team's conclusions from the results page.
    login(page, SUPERVISOR)
    page.goto(f"/fi/assessments/rounds/{autumn.pk}/results/")
    expect(page.locator(".follow-up")).to_be_visible()
    check(page, "results")
    page.locator(".follow-up a[href$='/conclusions/']").click()
    page.wait_for_url("**/conclusions/")
    check(page, "conclusions-form")
    page.locator("textarea[name=trust-barriers]").fill("Kiire\nVaihtuva henkilöstö")
    page.locator("textarea[name=trust-means]").fill("Viikkopalaveri\nPalautekysely")
    page.locator("textarea[name=empathy-means]").fill("Kiireettömät hetket")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/conclusions/")
    expect(page.locator(".message--success")).to_be_visible()
    assert page.locator("textarea[name=trust-barriers]").input_value().startswith("Kiire")

    # Two actions, one owned by the employee.
    create_action(page, unit.code, "Asiakaspalaute kuukausittain", "trust", employee, due)
    check(page, "action-detail-supervisor")
    create_action(page, unit.code, "Kiireettömät hetket", "empathy", supervisor, due, spring)
    page.goto(f"/fi/assessments/units/{unit.code}/actions/")
    expect(page.locator("table tbody tr")).to_have_count(2)
    check(page, "unit-actions-supervisor")
    page.goto(f"/fi/assessments/units/{unit.code}/actions/new/")
    check(page, "action-form")
    page.context.clear_cookies()

    # The employee adds a progress note to the action they own, and suggests one.
    login(page, EMPLOYEE)
    page.goto(f"/fi/assessments/units/{unit.code}/actions/")
    check(page, "unit-actions-employee")
    page.get_by_role("link", name="Asiakaspalaute kuukausittain").click()
    page.wait_for_url("**/assessments/actions/*/")
    page.locator("textarea[name=text]").fill("Ensimmäinen kysely lähetetty asiakkaille.")
    page.locator("form[action$='/notes/'] button[type=submit]").click()
    page.wait_for_url("**/assessments/actions/*/")
    assert "Ensimmäinen kysely lähetetty asiakkaille." in page.content()
    check(page, "action-detail-employee")
    expect(page.locator("a[href$='/edit/']")).to_have_count(0)  # owners note, supervisors edit
    page.goto(f"/fi/assessments/units/{unit.code}/actions/suggest/")
    check(page, "suggest-form")
    page.locator("input[name=title]").fill("Kahvihetki asiakkaiden kanssa")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/actions/")
    page.goto("/fi/dashboard/")  # the owner's notice and "My actions"
    expect(page.locator("#notices-heading")).to_be_visible()
    assert (
        "Asiakaspalaute kuukausittain" in page.locator("#my-actions-heading + p + ul").inner_text()
    )
    check(page, "dashboard-employee")
    page.goto(f"/fi/assessments/rounds/{autumn.pk}/conclusions/")
    assert "Vaihtuva henkilöstö" in page.content()
    check(page, "conclusions-read")
    page.goto(f"/fi/assessments/units/{unit.code}/timeline/")
    assert "Asiakaspalaute kuukausittain" in page.content()
    check(page, "timeline")
    page.goto(f"/sv/assessments/units/{unit.code}/timeline/")
    assert_accessible(page)

    # The autumn results list the spring round's action first, beside its value's change.
    page.goto(f"/fi/assessments/rounds/{autumn.pk}/results/")
    follow_up = page.locator(".follow-up")
    expect(follow_up).to_contain_text("Kiireettömät hetket", use_inner_text=True)
    expect(follow_up.locator(".change--up")).to_have_count(1)
    check(page, "results-follow-up")

    # The supervisor declines the suggestion on its own page, with a reason the employee reads.
    page.context.clear_cookies()
    login(page, SUPERVISOR)
    page.goto(f"/fi/units/{unit.code}/")
    assert "Kahvihetki asiakkaiden kanssa" in page.content()
    check(page, "unit-page-supervisor")
    page.goto(f"/fi/assessments/units/{unit.code}/actions/")
    page.locator("a[href$='/decline/']").click()
    page.wait_for_url("**/decline/")
    page.locator("form.form button[type=submit]").click()  # no reason: refused
    expect(page.locator(".field__error")).to_be_visible()
    check(page, "decline-form")
    page.locator("textarea[name=reason]").fill("Teemme tämän jo aamupalaverissa.")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/actions/")
    page.context.clear_cookies()
    login(page, EMPLOYEE)
    page.goto("/fi/dashboard/")
    expect(page.locator(".notices")).to_contain_text(
        "Teemme tämän jo aamupalaverissa.", use_inner_text=True
    )
    page.context.clear_cookies()

    # The supervisor prepares the unit report and downloads the PDF for the team meeting.
    login(page, SUPERVISOR)
    page.goto(f"/fi/assessments/rounds/{autumn.pk}/results/")
    page.get_by_role("button", name="Laadi yksikön raportti (PDF)").click()
    page.wait_for_url("**/report/*/")
    expect(page.get_by_role("status")).to_contain_text("valmis", timeout=30_000)
    check(page, "report-ready")
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa raportti (PDF)").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
