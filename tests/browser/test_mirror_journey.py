"""The supervisor reads the mirror: the unit page shows the unit's own view beside its clients'
view, the table gives the same figures, another period can be chosen, and a round's results
page has the clients of its months. axe and the Nu checker on every page; the chart stays
readable on a phone."""

import re

import pytest
from playwright.sync_api import expect

from assessments.demo import seed_demo_rounds
from feedback.demo import seed_demo_client_answers
from toolkit import demo

from .conftest import ARTIFACTS, PHONE, assert_accessible, login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SUPERVISOR = "esihenkilo@example.org"
SMALLEST_MIRROR_TEXT = """() => {
    const svg = document.querySelector('svg.mirror-chart');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll('text')].map(
        t => parseFloat(getComputedStyle(t).fontSize) * scale));
}"""
CHART_FITS = """() => {
    const svg = document.querySelector('svg.mirror-chart');
    return svg.getBoundingClientRect().right <= document.documentElement.clientWidth;
}"""


def test_supervisor_reads_the_mirror_changes_the_period_and_opens_the_round(page, demo_site):
    seed_demo_rounds()
    seed_demo_client_answers()
    login(page, SUPERVISOR)
    page.goto(f"/fi/units/{demo.DEMO_UNIT_CODE}/")
    mirror = page.locator("#client-view")
    expect(
        mirror.get_by_role("heading", name="Asiakkaidenne näkemys oman näkemyksenne rinnalla")
    ).to_be_visible()
    expect(mirror.locator(".mirror__summary")).to_contain_text(
        "Suurin ero on arvossa ”Asiakaslähtöisyys”"
    )
    expect(
        mirror.get_by_role("img", name="Oma näkemyksenne ja asiakkaidenne näkemys kustakin arvosta")
    ).to_be_visible()
    table = mirror.get_by_role(
        "table", name="Oma näkemyksenne ja asiakkaidenne näkemys arvo kerrallaan"
    )
    widest = table.locator("tr.mirror__widest")
    expect(widest.get_by_role("rowheader")).to_contain_text("Asiakaslähtöisyys")
    expect(widest.locator("td").nth(2)).to_have_text(re.compile(r"^−\d,\d$"))
    expect(mirror).to_contain_text("kierroksen ”Kevät 2026” kuukaudet")
    assert_accessible(page)
    screenshot(page, "mirror-unit")
    page.set_viewport_size(PHONE)
    assert page.evaluate(SMALLEST_MIRROR_TEXT) >= 12
    assert page.evaluate(CHART_FITS)
    page.locator("#client-view .mirror__pair").screenshot(
        path=str(ARTIFACTS / "mirror-chart-phone.png")
    )
    page.set_viewport_size({"width": 1280, "height": 900})

    mirror.get_by_label("Asiakasvastausten ajanjakso").select_option("12")
    mirror.get_by_role("button", name="Näytä").click()
    page.wait_for_url(re.compile(r"client_period=12"))
    expect(page.locator("#client-view select")).to_have_value("12")
    expect(page.locator("#client-view .mirror__period")).not_to_contain_text(
        "Kevät 2026” kuukaudet"
    )
    expect(page.locator("#client-view .stats")).to_contain_text("Suosittelisi (9–10)")
    assert_accessible(page)

    page.goto(f"/fi/units/{demo.DEMO_UNIT_CODE}/?client_period=%3Cb%3E")
    expect(page.locator("#client-view .notice").first).to_contain_text(
        "Valittua jaksoa ei ole vaihtoehdoissa"
    )
    expect(page.locator("#client-view select")).to_have_value("round")

    page.get_by_role("link", name="Kevät 2026").first.click()
    page.wait_for_url("**/results/")
    section = page.locator("section.mirror--round")
    expect(
        section.get_by_role("heading", name="Asiakkaiden näkemys kierroksen kuukausilta")
    ).to_be_visible()
    expect(
        section.get_by_role("table", name=re.compile("Asiakasvastaukset arvoittain"))
    ).to_be_visible()
    expect(section).to_contain_text("1.3.2026 – 31.3.2026")
    assert_accessible(page)
    screenshot(page, "mirror-round-results")
