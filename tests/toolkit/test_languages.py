"""Languages: a first visit follows the browser, the switcher keeps the page and remembers the
choice for a signed-in person, login lands in the person's language, and <html lang> follows."""

import pytest
from django.conf import settings

from tests.toolkit.factories import PASSWORD, UserFactory


@pytest.mark.parametrize(
    ("accept_language", "prefix"),
    [
        ("sv", "/sv/"),
        ("sv-FI,sv;q=0.9,fi;q=0.8", "/sv/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fi", "/fi/"),
        ("de-DE,de;q=0.9", "/fi/"),  # not offered: Finnish, the default
    ],
)
def test_first_visit_follows_the_browsers_preferred_language(client, db, accept_language, prefix):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response.url == prefix


def test_remembered_language_cookie_wins_over_the_browser(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.url == "/en/"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_html_lang_attribute_follows_the_language_of_the_page(client, org, language):
    client.force_login(org.employee_a)
    for path in (
        f"/{language}/dashboard/",
        f"/{language}/units/A/",
        f"/{language}/accounts/password/change/",
    ):
        page = client.get(path).content.decode()
        assert f'<html lang="{language}">' in page, path


def test_login_page_for_anonymous_visitors_has_the_lang_of_its_url(client, db):
    assert '<html lang="sv">' in client.get("/sv/accounts/login/").content.decode()


def test_switcher_goes_to_the_same_page_in_the_other_language(client, org):
    client.force_login(org.employee_a)
    response = client.post(
        "/i18n/setlang/", {"language": "sv", "next": "/fi/units/A/"}, HTTP_REFERER="/fi/units/A/"
    )
    assert response.status_code == 302
    assert response.url == "/sv/units/A/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"
    page = client.get(response.url).content.decode()
    assert '<html lang="sv">' in page
    assert "Enhet A" in page


def test_switcher_remembers_the_choice_for_a_signed_in_person(client, org):
    client.force_login(org.employee_a)
    client.post("/i18n/setlang/", {"language": "en", "next": "/fi/dashboard/"})
    org.employee_a.refresh_from_db()
    assert org.employee_a.preferred_language == "en"


def test_switcher_ignores_an_unknown_language(client, org):
    client.force_login(org.employee_a)
    client.post("/i18n/setlang/", {"language": "de", "next": "/fi/dashboard/"})
    org.employee_a.refresh_from_db()
    assert org.employee_a.preferred_language == "fi"


def test_switcher_works_for_anonymous_visitors_with_a_cookie(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/fi/accounts/login/"})
    assert response.url == "/en/accounts/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_switcher_does_not_redirect_to_another_site(client, db):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "https://evil.example.com/"}
    )
    assert "evil.example.com" not in response.get("Location", "")


def test_switcher_refuses_get(client, db):
    assert client.get("/i18n/setlang/?language=en").status_code == 405


def test_every_page_has_the_language_switcher(client, org):
    client.force_login(org.employee_a)
    for path in ("/fi/dashboard/", "/fi/units/A/"):
        page = client.get(path).content.decode()
        assert 'action="/i18n/setlang/"' in page
        for code in ("fi", "sv", "en"):
            assert f'name="language" value="{code}"' in page


def test_after_login_the_person_lands_on_the_dashboard_in_their_language(client, db):
    UserFactory(email="erik@example.org", preferred_language="sv")
    response = client.post(
        "/fi/accounts/login/", {"login": "erik@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == "/sv/dashboard/"
    page = client.get(response.url).content.decode()
    assert '<html lang="sv">' in page


def test_signed_in_persons_language_is_kept_in_the_cookie_for_unprefixed_urls(client, db):
    UserFactory(email="erik@example.org", preferred_language="en")
    client.post("/fi/accounts/login/", {"login": "erik@example.org", "password": PASSWORD})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fi").url == "/en/"
