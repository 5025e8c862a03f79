"""A client gives feedback on a phone in Swedish without logging in, and a kiosk tablet at the
unit's door resets itself after each answer and after 60 s without input. axe and the Nu
checker on every page."""

import pytest
from playwright.sync_api import expect

from assessments.demo import seed_demo_framework
from feedback.services.links import link_for
from toolkit.models import Unit

from .conftest import DESKTOP, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PHONE_390 = {"width": 390, "height": 844}


def test_client_answers_on_a_phone_in_swedish_and_the_kiosk_resets(page, demo_site):
    seed_demo_framework()
    link = link_for(Unit.objects.filter(parent__isnull=False).first())
    page.clock.install()
    page.set_viewport_size(PHONE_390)

    # The phone: Swedish by ?lang=sv, every target at least 44 px high.
    page.goto(f"/p/{link.code}/?lang=sv")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hur lyckades vi?")
    expect(page.get_by_role("group", name="Jag blev bemött med respekt.")).to_be_visible()
    assert page.get_by_role("link", name="Logga in").count() == 0
    for box in page.locator(".client-option, .public-languages a, .client-submit").all():
        assert box.bounding_box()["height"] >= 44, box.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the form does not scroll sideways on a phone"
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)
    screenshot(page, "client-form")
    page.set_viewport_size(PHONE_390)

    # Sent empty: the error summary, focused, in Swedish.
    page.get_by_role("button", name="Skicka respons").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Svara på minst en fråga.")
    expect(summary).to_be_focused()
    assert_accessible(page)

    for group in page.locator("fieldset.client-question").all()[:5]:
        group.locator("label.client-option").nth(3).click()  # 4
    page.get_by_role("group", name="rekommendera").get_by_text("9", exact=True).click()
    page.get_by_label("Vad borde vi göra bättre?").fill("Väntetiden var lång.")
    page.get_by_role("button", name="Skicka respons").click()
    page.wait_for_url(f"**/p/{link.code}/thanks/?lang=sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för din respons!")
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)
    screenshot(page, "client-thanks")

    # The kiosk: after the answer, the thanks page returns to the empty form by itself.
    kiosk = f"/p/{link.code}/kiosk/?lang=sv"
    page.goto(kiosk)
    expect(page.locator("body")).to_have_class("public public--kiosk")
    assert_accessible(page)
    screenshot(page, "client-kiosk")
    page.locator("label[for=id_score_trust_4]").click()
    page.get_by_role("button", name="Skicka respons").click()
    page.wait_for_url(f"**/p/{link.code}/kiosk/thanks/**")
    expect(page.get_by_role("status")).to_contain_text("nästa person")
    assert_accessible(page)
    screenshot(page, "client-kiosk-thanks")
    page.clock.run_for(9_000)
    page.wait_for_url(f"**{kiosk}")
    expect(page.locator("#id_score_trust_4")).not_to_be_checked()

    # Half answered and left: after 60 s without input the form is empty again, at the top.
    page.locator("label[for=id_score_empathy_1]").click()
    page.get_by_label("Vad borde vi göra bättre?").fill("Något jag inte skickade")
    expect(page.locator("#id_score_empathy_1")).to_be_checked()
    page.clock.run_for(30_000)
    expect(page.locator("#id_score_empathy_1")).to_be_checked()  # not yet
    page.clock.run_for(31_000)
    expect(page.locator("#id_score_empathy_1")).not_to_be_checked()
    expect(page.get_by_label("Vad borde vi göra bättre?")).to_have_value("")
    assert page.evaluate("window.scrollY") == 0
    assert page.evaluate("location.pathname + location.search") == kiosk
    assert_accessible(page)
