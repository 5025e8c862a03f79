"""The feedback link in a real browser: the supervisor goes from the unit page to the unit's
feedback link page, sees the address and its QR code, texts the link to a client, and renews the
link after the confirmation page; an employee sees only the text-message form. axe-core and the
Nu HTML Checker check every page."""

import re

import pytest
from playwright.sync_api import expect

from feedback.models import FeedbackLink, SmsSent
from toolkit import demo, sms
from toolkit.models import Unit

from .conftest import assert_accessible, login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SUPERVISOR = "esihenkilo@example.org"
EMPLOYEE = "tyontekija@example.org"


def check(page, name: str) -> None:
    assert_accessible(page)
    screenshot(page, f"feedback-link-{name}")


def test_supervisor_shows_texts_and_renews_the_feedback_link(page, demo_site):
    sms.outbox.clear()
    unit = Unit.objects.get(code=demo.DEMO_UNIT_CODE)

    login(page, SUPERVISOR)
    page.goto(f"/fi/units/{unit.code}/")
    page.get_by_role("link", name="Asiakaspalautteen linkki ja juliste").click()
    page.wait_for_url(f"**/fi/feedback/units/{unit.code}/")
    link = FeedbackLink.objects.get(unit=unit, is_active=True)
    expect(page.get_by_role("link", name=f"/p/{link.code}/")).to_be_visible()
    expect(page.locator(".feedback-link__qr svg")).to_be_visible()
    expect(page.get_by_role("link", name="Svenska (PDF)")).to_be_visible()
    expect(page.get_by_label("På svenska")).to_have_value(re.compile(rf"/p/{link.code}/\?lang=sv$"))
    check(page, "page")

    # A mistyped number is refused in words, then the right one is sent in Swedish.
    page.get_by_label("Asiakkaan matkapuhelinnumero").fill("09 123")
    page.get_by_role("radio", name="Svenska").check()
    page.get_by_role("button", name="Lähetä tekstiviesti").click()
    expect(page.locator(".field__error")).to_contain_text("Anna suomalainen matkapuhelinnumero")
    check(page, "error")
    page.get_by_label("Asiakkaan matkapuhelinnumero").fill("040 123 4567")
    page.get_by_role("button", name="Lähetä tekstiviesti").click()
    expect(page.locator(".message--success")).to_contain_text("Palautelinkki lähetettiin")
    assert [message.to for message in sms.outbox] == ["+358401234567"]
    assert sms.outbox[0].text.endswith(f"/p/{link.code}/?lang=sv")
    assert SmsSent.objects.get(unit=unit).count == 1
    expect(page.get_by_text("1 viesti viimeisten 30 päivän aikana.")).to_be_visible()
    expect(page.get_by_label("Asiakkaan matkapuhelinnumero")).to_have_value("")

    # Renewing: the confirmation page says what stops working, then the new address shows.
    page.get_by_role("link", name="Uusi linkki").click()
    page.wait_for_url("**/renew/")
    expect(page.get_by_text(f"/p/{link.code}/", exact=False)).to_be_visible()
    check(page, "renew")
    page.get_by_role("button", name="Uusi linkki").click()
    page.wait_for_url(f"**/fi/feedback/units/{unit.code}/")
    expect(page.locator(".message--success")).to_contain_text("Palautelinkki uusittiin.")
    new = FeedbackLink.objects.get(unit=unit, is_active=True)
    assert new.code != link.code
    expect(page.get_by_role("link", name=f"/p/{new.code}/")).to_be_visible()
    check(page, "renewed")
    page.context.clear_cookies()

    # An employee of the unit sees the text-message form only.
    login(page, EMPLOYEE)
    page.goto(f"/fi/units/{unit.code}/")
    page.get_by_role("link", name="Lähetä palautelinkki tekstiviestillä").click()
    page.wait_for_url(f"**/fi/feedback/units/{unit.code}/")
    expect(page.get_by_label("Asiakkaan matkapuhelinnumero")).to_be_visible()
    expect(page.locator(".feedback-link__qr")).to_have_count(0)
    check(page, "employee")
