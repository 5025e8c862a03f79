"""The feedback inbox in a real browser: the demo unit's supervisor opens the inbox from the
unit page, reads a message, answers it (the reply goes to the client's e-mail), and closes
another. axe-core and the Nu HTML Checker check every page."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from feedback.demo_messages import seed_demo_messages
from feedback.models import FeedbackMessage, MessageContact, MessageStatus
from toolkit import demo

from .conftest import assert_accessible, login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SUPERVISOR = "esihenkilo@example.org"


def check(page, name: str) -> None:
    assert_accessible(page)
    screenshot(page, f"inbox-{name}")


def test_supervisor_answers_one_message_and_closes_another(page, demo_site):
    seed_demo_messages()
    mail.outbox.clear()
    answered = FeedbackMessage.objects.get(text__startswith="Puhelinaika on liian lyhyt")
    closed = FeedbackMessage.objects.get(text__startswith="Ovet ovat raskaat")

    login(page, SUPERVISOR)
    page.goto(f"/fi/units/{demo.DEMO_UNIT_CODE}/")
    check(page, "unit-page")
    page.locator("main").get_by_role("link", name="Asiakaspalautteet").click()
    page.wait_for_url("**/feedback/units/*/inbox/")
    expect(page.locator(".inbox-row--overdue").first).to_be_visible()
    expect(page.get_by_text("Myöhässä").first).to_be_visible()
    check(page, "list")

    page.get_by_role("link", name="Puhelinaika on liian lyhyt", exact=False).click()
    page.wait_for_url(f"**/inbox/{answered.pk}/")
    expect(page.get_by_text("Asiakas jätti yhteystiedon: sähköposti")).to_be_visible()
    expect(page.get_by_text("m***@example.org")).to_be_visible()
    check(page, "message")
    page.get_by_label("Vastauksesi").fill(
        "Kiitos palautteesta. Olemme lisänneet puhelinaikaan tunnin aamuisin."
    )
    page.get_by_role("button", name="Lähetä vastaus").click()
    page.wait_for_url(f"**/inbox/{answered.pk}/")
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.get_by_text("lähetetty asiakkaalle")).to_be_visible()
    assert [m.to for m in mail.outbox] == [["maija.asiakas@example.org"]]
    assert "puhelinaikaan tunnin" in mail.outbox[0].body
    answered.refresh_from_db()
    assert answered.status == MessageStatus.ANSWERED and answered.answered_on
    check(page, "answered")

    page.goto(f"/fi/feedback/units/{demo.DEMO_UNIT_CODE}/inbox/{closed.pk}/")
    page.get_by_label("Uusi tila").select_option(MessageStatus.CLOSED)
    page.get_by_role("button", name="Vaihda tila").click()
    page.wait_for_url(f"**/inbox/{closed.pk}/")
    expect(page.locator("h1")).to_contain_text("Suljettu")
    closed.refresh_from_db()
    assert closed.status == MessageStatus.CLOSED and closed.closed_on
    assert not MessageContact.objects.filter(message=closed).exists()
    check(page, "closed")

    # The supervisor names the unit's employee to read the inbox too.
    page.goto(f"/fi/feedback/units/{demo.DEMO_UNIT_CODE}/inbox/")
    page.get_by_role("link", name="Ketkä lukevat palautteita").click()
    page.wait_for_url("**/inbox/readers/")
    page.get_by_label("Yksikön jäsen").select_option(
        label="Tiina Työntekijä (tyontekija@example.org)"
    )
    page.get_by_role("button", name="Nimeä lukijaksi").click()
    page.wait_for_url("**/inbox/readers/")
    expect(page.get_by_role("button", name="Poista Tiina Työntekijä")).to_be_visible()
    check(page, "readers")
