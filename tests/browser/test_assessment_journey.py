"""The self-assessment from start to end in a real browser: the supervisor opens a round, five
people answer (one saves a draft and comes back to it), the round closes, and the supervisor
and an employee read the results. axe-core checks every page of it in Finnish and Swedish."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.assessments.factories import framework_version
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
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert_accessible(page)
    screenshot(page, f"{name}-sv")
    page.goto(finnish_url)


def logout(page) -> None:
    page.context.clear_cookies()


COVERED_BY_THE_BAR = """() => {
    const el = document.activeElement;
    const bar = document.querySelector('.answer-actions');
    if (!el || bar.contains(el)) return null;
    const r = el.getBoundingClientRect();
    const points = [[r.left + 1, r.top + 1], [r.right - 1, r.bottom - 1], [r.left + 1, r.bottom - 1]];
    const hidden = points.some(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit === null || bar.contains(hit);
    });
    return hidden ? (el.id || el.name || el.tagName) : '';
}"""


FIRST_COLUMN_MOVES_ON_SCROLL = """() => {
  const wide = [...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth);
  if (!wide.length) return -1;
  return Math.max(...wide.map(wrap => {
    const cell = wrap.querySelector('tbody tr > :first-child');
    const before = cell.getBoundingClientRect().left;
    wrap.scrollLeft = wrap.scrollWidth;
    const moved = Math.round(Math.abs(cell.getBoundingClientRect().left - before));
    wrap.scrollLeft = 0;
    return moved;
  }));
}"""
SMALLEST_CHART_TEXT = """() => Math.min(...[...document.querySelectorAll('svg.chart')].flatMap(svg => {
    const scale = svg.clientWidth / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
}))"""


def assert_no_focus_stop_under_the_sticky_bar(page) -> int:
    """Tab through the answer form: no focused element may be under the sticky save bar or
    outside the window. Returns the number of focus stops."""
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".answer-toc a").first.focus()
    stops = 0
    for _ in range(200):
        page.keyboard.press("Tab")
        covered = page.evaluate(COVERED_BY_THE_BAR)
        if covered is None:  # reached the bar's own buttons
            break
        stops += 1
        assert covered == "", f"focus stop {stops} ({covered}) is under the sticky bar"
    return stops


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
    expect(page.locator(".stats").first).to_contain_text("0", use_inner_text=True)
    check_in_both_languages(page, "round-detail")
    page.goto("/fi/dashboard/")
    expect(page.get_by_role("link", name="Syksy 2026", exact=True)).to_be_visible()
    check_in_both_languages(page, "dashboard-round-open")
    logout(page)

    # The employee saves a draft, leaves, comes back and submits.
    login(page, EMPLOYEE)
    page.get_by_role("link", name="Vastaa: Syksy 2026").click()
    check_in_both_languages(page, "answer")
    # Keyboard: every focus stop stays clear of the sticky save bar, on a desktop and a phone.
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        page.set_viewport_size(viewport)
        assert (
            page.locator(".answer-actions").evaluate("el => getComputedStyle(el).position")
            == "sticky"
        )
        assert assert_no_focus_stop_under_the_sticky_bar(page) > 20
    page.set_viewport_size({"width": 1280, "height": 900})
    total = page.locator("fieldset.scale").count()
    progress = page.locator(".answer-progress")
    expect(progress).to_have_text(f"0 / {total} vastattu", use_inner_text=True)
    first = page.locator("fieldset.scale").first
    first.locator("input[value='2']").check()
    expect(progress).to_have_text(
        f"1 / {total} vastattu", use_inner_text=True
    )  # counted as the person answers
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Luonnoksesi on tallennettu")).to_be_visible()
    expect(progress).to_have_text(f"1 / {total} vastattu", use_inner_text=True)  # and by the server
    check_in_both_languages(page, "answer-draft-saved")
    logout(page)
    login(page, EMPLOYEE)
    check_in_both_languages(page, "dashboard-draft")
    page.get_by_role("link", name="Jatka vastaustasi: Syksy 2026").click()
    expect(page.locator("fieldset.scale").first.locator("input[value='2']")).to_be_checked()
    check_in_both_languages(page, "answer-resumed")
    # Submitting with questions left open names them and keeps what was chosen, in either language.
    answer_url = page.url
    for language in ("sv", "fi"):
        page.goto(answer_url.replace("/fi/", f"/{language}/"))
        page.locator("button[name=action][value=submit]").click()
        page.wait_for_load_state()
        summary = page.locator("#error-summary")
        assert summary.evaluate("el => el === document.activeElement")  # the summary takes focus
        expect(summary.locator("li a")).to_have_count(total - 1)
        expect(page.locator("fieldset.scale").first.locator("input[value='2']")).to_be_checked()
        assert_accessible(page)
        screenshot(page, f"answer-incomplete-{language}")
    # A link of the summary takes the person to the question, its first choice focused.
    first_missing = summary.locator("li a").first
    target = first_missing.get_attribute("href")
    first_missing.click()
    assert page.evaluate("document.activeElement.closest('fieldset').id") == target[1:]
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "answer-errors-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    answer_all(page, "4")
    page.locator("textarea").first.fill("Kiire vie ajan kohtaamiselta.")
    page.get_by_role("button", name="Lähetä vastaukseni").click()
    page.wait_for_url("**/answered/")
    expect(page.get_by_role("heading", name="Mitä seuraavaksi tapahtuu")).to_be_visible()
    expect(page.locator(f"a[href='/fi/units/{demo.DEMO_UNIT_CODE}/']")).to_have_count(1)
    check_in_both_languages(page, "answered")
    logout(page)

    # Four colleagues answer, and write about the first value too.
    for index, email in enumerate(COLLEAGUES):
        login(page, email)
        page.get_by_role("link", name="Vastaa: Syksy 2026").click()
        answer_all(page, str(3 + index % 3))
        # Written answers are shown once five people have written about the value.
        page.locator("textarea").first.fill(f"Kollega {index + 1}: lisää aikaa kohtaamiseen.")
        page.get_by_role("button", name="Lähetä vastaukseni").click()
        page.wait_for_url("**/answered/")
        logout(page)

    # The supervisor sees 5 answers, closes the round and reads the results.
    login(page, SUPERVISOR)
    page.goto(round_url)
    expect(page.locator(".stats").first).to_contain_text("5", use_inner_text=True)
    page.get_by_role("link", name="Sulje kierros nyt").click()
    page.wait_for_url("**/close/confirm/")
    check_in_both_languages(page, "round-close-confirm")
    page.get_by_role("button", name="Sulje kierros nyt").click()
    page.wait_for_load_state()
    check_in_both_languages(page, "round-closed")
    page.get_by_role("link", name="Katso tulokset").click()
    page.wait_for_url("**/results/")
    expect(page.get_by_role("heading", name="Arvot yhdellä silmäyksellä")).to_be_visible()
    assert "Kiire vie ajan kohtaamiselta." in page.content()
    assert "Kollega 4: lisää aikaa kohtaamiseen." in page.content()
    # On a phone the page does not scroll sideways and every chart label renders at 12 px or more.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    smallest = page.evaluate(SMALLEST_CHART_TEXT)
    assert smallest >= 12, f"a chart label renders at {smallest:.1f} px"
    # A table wider than the phone scrolls in its box and keeps its first column in view.
    assert page.evaluate(FIRST_COLUMN_MOVES_ON_SCROLL) == 0
    page.set_viewport_size({"width": 1280, "height": 900})
    check_in_both_languages(page, "results-supervisor")
    logout(page)

    # An employee reads the same published summary.
    login(page, EMPLOYEE)
    page.goto(round_url + "results/")
    expect(page.get_by_role("heading", name="Arvot yhdellä silmäyksellä")).to_be_visible()
    check_in_both_languages(page, "results-employee")
