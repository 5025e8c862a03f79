"""Each demo role signs in, sees its home page and switches language; axe finds nothing."""

import pytest
from playwright.sync_api import expect

from toolkit import demo

from .conftest import assert_accessible, login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

ROLE_HEADINGS = {
    "tyontekija@example.org": None,
    "esihenkilo@example.org": "Esihenkilönä",
    "kouluttaja@example.org": "Kouluttajana",
    "admin@example.org": "Ylläpitäjänä",
}


def test_login_page_is_accessible_in_every_language(page, demo_site):
    for language in ("fi", "sv", "en"):
        page.goto(f"/{language}/accounts/login/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)
    page.goto("/fi/accounts/login/")
    screenshot(page, "login")


@pytest.mark.parametrize("account", demo.DEMO_ACCOUNTS, ids=lambda a: a.email.split("@")[0])
def test_demo_role_signs_in_sees_home_and_switches_language(page, demo_site, account):
    login(page, account.email)
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Tervetuloa")
    heading = ROLE_HEADINGS[account.email]
    if heading:
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"dashboard-{account.email.split('@')[0]}")

    page.get_by_role("button", name="Svenska").click()
    page.wait_for_url("**/sv/dashboard/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Välkommen")
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/dashboard/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    assert_accessible(page)


def test_keyboard_user_reaches_main_content_through_skip_link(page, demo_site):
    page.goto("/fi/accounts/login/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry sisältöön")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_page_is_accessible_and_phone_sized_without_horizontal_scroll(page, demo_site):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto("/fi/")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    screenshot(page, "home")


def test_account_pages_use_the_site_layout_and_pass_axe(page, demo_site):
    page.goto("/fi/accounts/password/reset/")
    expect(page.locator("main#main")).to_be_visible()
    assert_accessible(page)
    login(page, "tyontekija@example.org")
    for path, name in (
        ("/fi/accounts/password/change/", "password-change"),
        ("/fi/accounts/email/", "email"),
        ("/fi/accounts/2fa/", "mfa"),
        ("/fi/accounts/2fa/totp/activate/", "mfa-activate"),
    ):
        page.goto(path)
        if "/reauthenticate/" in page.url:  # allauth asks for the password again first
            assert_accessible(page)
            page.locator("input[name=password]").fill(demo.DEMO_PASSWORD)
            page.locator("main form button[type=submit]").click()
            page.wait_for_url(f"**{path}")
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        expect(page.locator("main#main")).to_be_visible()
        expect(page.get_by_role("navigation", name="Tilin asetukset")).to_be_visible()
        assert_accessible(page)
        if name == "password-change":  # the rules, read out with the field, are in its help
            expect(page.locator("#id_password1_helptext li").first).to_be_attached()
        screenshot(page, f"account-{name}")


def test_person_chooses_swedish_in_account_settings(page, demo_site):
    login(page, "tyontekija@example.org")
    page.goto("/fi/account/language/")
    expect(page.get_by_role("navigation", name="Tilin asetukset")).to_be_visible()
    expect(page.get_by_label("Suomi")).to_be_checked()
    assert_accessible(page)
    page.get_by_label("Svenska").check()
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_url("**/sv/account/language/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert page.get_by_role("status").inner_text().startswith("Sparat.")
    expect(page.get_by_label("Svenska")).to_be_checked()
    assert_accessible(page)
    screenshot(page, "account-language-sv")


def test_invited_person_sets_a_password_and_is_led_to_sign_in(page, demo_site):
    from tests.toolkit.test_accounts import link_path
    from toolkit import invitations
    from toolkit.models import User

    invited = User.objects.create_user(
        email="inbjuden@example.org", first_name="Erik", preferred_language="sv"
    )
    page.goto(link_path(invitations.invitation_link(user=invited)))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Välj ditt lösenord", use_inner_text=True
    )
    assert page.title() == "Välj ditt lösenord · Arvokas"
    assert_accessible(page)
    screenshot(page, "invitation-sv")
    page.get_by_label("Nytt lösenord:", exact=True).fill("ett-bra-losenord-42")
    page.get_by_label("Nytt lösenord (igen):", exact=True).fill("ett-bra-losenord-42")
    page.get_by_role("button", name="Spara lösenordet").click()
    page.wait_for_url("**/sv/accounts/invitation/done/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ditt lösenord är sparat", use_inner_text=True
    )
    assert_accessible(page)
    screenshot(page, "invitation-done-sv")
    page.locator("main").get_by_role("link", name="Logga in").click()
    page.wait_for_url("**/sv/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in", use_inner_text=True)


def test_nu_validator_fails_the_errors_the_suite_is_there_to_catch(nu_validator):
    """The checker every browser test runs finds a paragraph closed early and a skipped heading
    level, and passes a valid page: so a clean browser test means valid pages."""
    broken = (
        '<!DOCTYPE html><html lang="fi"><head><title>t</title></head><body>'
        "<p>Ohje</p><span>apu</span></p><h1>Opas</h1><h3>Tarkistuslista</h3></body></html>"
    )
    messages = " ".join(error["message"] for error in nu_validator.errors(broken))
    assert "“p” end tag" in messages
    assert "skipping 1 heading level" in messages
    valid = broken.replace("</span></p>", "</span>").replace("h3>", "h2>")
    assert nu_validator.errors(valid) == []
