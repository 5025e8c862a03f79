"""The self-assessment from start to end in a real browser: the supervisor opens a round, five
people answer (one saves a draft and comes back to it), the round closes, and the supervisor
and an employee read the results. axe-core checks every page of it in Finnish and Swedish."""

import datetime

import pytest
from django.utils import timezone

from tests.assessments.results_data import framework_version
from toolkit import demo

from .conftest import assert_accessible, login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SUPERVISOR = "esihenkilo@example.org"
EMPLOYEE = "tyontekija@example.org"
COLLEAGUES = [f"{demo.DEMO_UNIT_CODE.lower()}.{i}@example.org" for i in range(1, 5)]


def check_in_both_languages(page, name: str) -> None:
    """axe on the page in Finnish, then the same page in Swedish, then back."""
    assert_accessible(page)
    screenshot(page, f"{name}-fi")
    finnish_url = page.url
    page.goto(finnish_url.replace("/fi/", "/sv/"))
    assert page.locator("html").get_attribute("lang") == "sv"
    assert_accessible(page)
    screenshot(page, f"{name}-sv")
    page.goto(finnish_url)


def logout(page) -> None:
    page.context.clear_cookies()


def answer_all(page, score: str) -> None:
    for group in page.locator("fieldset.scale").all():
        options = group.locator("input[type=radio]")
        if options.count() == 6:
            group.locator(f"input[value='{score}']").check()


def test_round_from_opening_to_results(page, demo_site):
    framework_version()
    today = timezone.localdate()

    # The supervisor opens a round from the unit's page.
    login(page, SUPERVISOR)
    page.goto(f"/fi/assessments/units/{demo.DEMO_UNIT_CODE}/rounds/")
    check_in_both_languages(page, "rounds-list")
    page.get_by_role("link", name="Aloita uusi kierros").click()
    check_in_both_languages(page, "round-new")
    page.get_by_label("Otsikko").fill("Syksy 2026")
    page.get_by_label("Avautuu").fill(today.isoformat())
    page.get_by_label("Sulkeutuu").fill((today + datetime.timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Luo kierros").click()
    page.wait_for_url("**/assessments/rounds/*/")
    round_url = page.url
    assert "0" in page.locator(".stats").first.inner_text()
    check_in_both_languages(page, "round-detail")
    page.goto("/fi/dashboard/")
    assert page.get_by_role("link", name="Syksy 2026", exact=True).is_visible()
    check_in_both_languages(page, "dashboard-round-open")
    logout(page)

    # The employee saves a draft, leaves, comes back and submits.
    login(page, EMPLOYEE)
    page.get_by_role("link", name="Vastaa: Syksy 2026").click()
    check_in_both_languages(page, "answer")
    first = page.locator("fieldset.scale").first
    first.locator("input[value='2']").check()
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_load_state()
    assert page.get_by_text("Luonnoksesi on tallennettu").is_visible()
    check_in_both_languages(page, "answer-draft-saved")
    logout(page)
    login(page, EMPLOYEE)
    check_in_both_languages(page, "dashboard-draft")
    page.get_by_role("link", name="Jatka vastaustasi: Syksy 2026").click()
    assert page.locator("fieldset.scale").first.locator("input[value='2']").is_checked()
    check_in_both_languages(page, "answer-resumed")
    # Submitting with questions left open names them and keeps what was chosen, in either language.
    answer_url = page.url
    for language in ("sv", "fi"):
        page.goto(answer_url.replace("/fi/", f"/{language}/"))
        page.locator("button[name=action][value=submit]").click()
        page.wait_for_load_state()
        assert page.get_by_role("alert").is_visible()
        assert page.locator("fieldset.scale").first.locator("input[value='2']").is_checked()
        assert_accessible(page)
        screenshot(page, f"answer-incomplete-{language}")
    answer_all(page, "4")
    page.locator("textarea").first.fill("Kiire vie ajan kohtaamiselta.")
    page.get_by_role("button", name="Lähetä vastaukseni").click()
    page.wait_for_url("**/answered/")
    check_in_both_languages(page, "answered")
    logout(page)

    # Four colleagues answer.
    for index, email in enumerate(COLLEAGUES):
        login(page, email)
        page.get_by_role("link", name="Vastaa: Syksy 2026").click()
        answer_all(page, str(3 + index % 3))
        page.get_by_role("button", name="Lähetä vastaukseni").click()
        page.wait_for_url("**/answered/")
        logout(page)

    # The supervisor sees 5 answers, closes the round and reads the results.
    login(page, SUPERVISOR)
    page.goto(round_url)
    assert "5" in page.locator(".stats").first.inner_text()
    page.get_by_role("link", name="Sulje kierros nyt").click()
    page.wait_for_url("**/close/confirm/")
    check_in_both_languages(page, "round-close-confirm")
    page.get_by_role("button", name="Sulje kierros nyt").click()
    page.wait_for_load_state()
    check_in_both_languages(page, "round-closed")
    page.get_by_role("link", name="Katso tulokset").click()
    page.wait_for_url("**/results/")
    assert page.get_by_role("heading", name="Arvot yhdellä silmäyksellä").is_visible()
    assert "Kiire vie ajan kohtaamiselta." in page.content()
    check_in_both_languages(page, "results-supervisor")
    logout(page)

    # An employee reads the same published summary.
    login(page, EMPLOYEE)
    page.goto(round_url + "results/")
    assert page.get_by_role("heading", name="Arvot yhdellä silmäyksellä").is_visible()
    check_in_both_languages(page, "results-employee")
