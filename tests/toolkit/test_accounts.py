"""Accounts through django-allauth: login by e-mail, logout, password reset and change, closed
sign-up, login rate limit, TOTP enrolment and login with a code, MFA required of administrators,
and the invitation link of imported people."""

import importlib
import re
import sys
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.conf import settings as django_settings
from django.core import mail

from tests.toolkit.factories import PASSWORD, UnitFactory, UserFactory
from toolkit import invitations, notifications, people_import
from toolkit.models import User

LOGIN = "/en/accounts/login/"
NEW_PASSWORD = "a-fresh-better-password-7"


def log_in(client, email: str, password: str = PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def link_path(text: str) -> str:
    """The path of the one link in an e-mail (the site URL prefix left off)."""
    match = re.search(r"https?://[^/\s]+(/\S+)", text)
    assert match, f"no link in: {text}"
    return match.group(1)


def set_password_through(
    client, path: str, password: str = NEW_PASSWORD, done: str = "/password/reset/key/done/"
):
    """Follow a password-reset (or invitation) link and set a new password there."""
    response = client.get(path)
    # allauth moves the key from the URL into the session, then shows the form.
    assert response.status_code == 302, response.status_code
    form_url = response.url
    assert client.get(form_url).status_code == 200
    response = client.post(form_url, {"password1": password, "password2": password})
    assert response.status_code == 302
    assert done in response.url
    return response


# --- login and logout ------------------------------------------------------------------------


def test_login_by_e_mail_signs_in_and_opens_the_dashboard(client, db):
    user = UserFactory(email="maija@example.org")
    response = log_in(client, "maija@example.org")
    assert response.status_code == 302
    assert response.url == "/fi/dashboard/"
    assert signed_in_user_id(client) == str(user.pk)


def test_login_ignores_the_case_of_the_e_mail_address(client, db):
    user = UserFactory(email="maija@example.org")
    log_in(client, "Maija@Example.ORG")
    assert signed_in_user_id(client) == str(user.pk)


def test_wrong_password_is_refused_with_a_clear_message(client, db):
    UserFactory(email="maija@example.org")
    response = log_in(client, "maija@example.org", "not-the-password")
    assert response.status_code == 200
    assert (
        "The email address and/or password you specified are not correct."
        in response.content.decode()
    )
    assert signed_in_user_id(client) is None


def test_deactivated_person_cannot_log_in(client, db):
    UserFactory(email="gone@example.org", is_active=False)
    log_in(client, "gone@example.org")
    assert signed_in_user_id(client) is None


def test_logout_by_post_signs_out(client, db):
    UserFactory(email="maija@example.org")
    log_in(client, "maija@example.org")
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert signed_in_user_id(client) is None
    assert client.get("/en/dashboard/").status_code == 302


def test_logout_by_get_only_asks_for_confirmation(client, db):
    user = UserFactory()
    log_in(client, user.email)
    response = client.get("/en/accounts/logout/")
    assert response.status_code == 200
    assert signed_in_user_id(client) == str(user.pk)


def test_login_is_rate_limited_after_five_failures_even_with_the_right_password(client, db):
    UserFactory(email="maija@example.org")
    for _attempt in range(5):
        response = log_in(client, "maija@example.org", "guess-guess")
        assert "Too many failed login attempts" not in response.content.decode()
    response = log_in(client, "maija@example.org", PASSWORD)
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert signed_in_user_id(client) is None


# --- sign-up is closed -----------------------------------------------------------------------


def test_sign_up_is_closed(client, db):
    response = client.get("/en/accounts/signup/")
    assert response.status_code == 200
    assert "Sign Up Closed" in response.content.decode()
    client.post(
        "/en/accounts/signup/",
        {"email": "stranger@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert not User.objects.filter(email="stranger@example.org").exists()


# --- password reset and change ---------------------------------------------------------------


def test_password_reset_sends_a_link_that_sets_a_new_password(client, db):
    UserFactory(email="maija@example.org")
    response = client.post("/en/accounts/password/reset/", {"email": "maija@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["maija@example.org"]
    set_password_through(client, link_path(mail.outbox[0].body))

    log_in(client, "maija@example.org", PASSWORD)
    assert signed_in_user_id(client) is None  # the old password no longer works
    log_in(client, "maija@example.org", NEW_PASSWORD)
    assert signed_in_user_id(client) is not None


def test_password_reset_link_works_only_once(client, db):
    UserFactory(email="maija@example.org")
    client.post("/en/accounts/password/reset/", {"email": "maija@example.org"})
    path = link_path(mail.outbox[0].body)
    set_password_through(client, path)
    response = client.get(path, follow=True)
    assert "The password reset link was invalid" in response.content.decode()


def test_password_change_replaces_the_password(client, db):
    user = UserFactory()
    log_in(client, user.email)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert signed_in_user_id(client) == str(user.pk)  # stays signed in


def test_password_change_needs_the_current_password(client, db):
    user = UserFactory()
    log_in(client, user.email)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": "wrong-one-here", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


# --- MFA ---------------------------------------------------------------------------------------


def open_totp_activation(client, url: str = "/en/accounts/2fa/totp/activate/") -> None:
    """allauth asks for the password again before enrolment (MFA_REAUTHENTICATION_REQUIRED)."""
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response.url
    response = client.post(response.url, {"password": PASSWORD})
    assert response.status_code == 302
    assert response.url == url
    assert client.get(url).status_code == 200


def enrol_totp(client, user) -> str:
    """Sign in with the password and activate TOTP on allauth's page; returns the secret."""
    log_in(client, user.email)
    open_totp_activation(client)
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    return secret


def test_totp_enrolment_creates_an_authenticator_and_recovery_codes(client, db):
    user = UserFactory()
    enrol_totp(client, user)
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}


def test_totp_enrolment_refuses_a_wrong_code(client, db):
    user = UserFactory()
    log_in(client, user.email)
    open_totp_activation(client)
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert not Authenticator.objects.filter(user=user).exists()


def test_login_with_totp_asks_for_the_code_and_accepts_only_a_correct_one(client, db):
    user = UserFactory()
    secret = enrol_totp(client, user)
    client.post("/en/accounts/logout/")

    response = log_in(client, user.email)
    assert response.status_code == 302
    assert response.url == "/en/accounts/2fa/authenticate/"
    assert signed_in_user_id(client) is None  # the password alone is not enough

    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    response = client.post("/en/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert signed_in_user_id(client) is None

    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response.url == "/fi/dashboard/"
    assert signed_in_user_id(client) == str(user.pk)


def test_administrator_without_totp_is_sent_to_enrol_when_mfa_is_required(client, org, settings):
    settings.REQUIRE_MFA_FOR_ADMINS = True
    client.force_login(org.administrator)
    for path in ("/en/dashboard/", "/en/units/A/", "/cms/", "/cms/people-import/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url.endswith("/accounts/2fa/totp/activate/"), path


def test_administrator_without_totp_may_still_log_out_when_mfa_is_required(client, org, settings):
    settings.REQUIRE_MFA_FOR_ADMINS = True
    log_in(client, org.administrator.email)
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert signed_in_user_id(client) is None


def test_administrator_logging_in_is_taken_to_totp_enrolment_and_can_finish_it(
    client, org, settings
):
    settings.REQUIRE_MFA_FOR_ADMINS = True
    response = log_in(client, org.administrator.email)
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url == "/fi/accounts/2fa/totp/activate/"
    open_totp_activation(client, response.url)  # the reauthentication page is not blocked
    secret = client.session[SECRET_SESSION_KEY]
    client.post(response.url, {"code": totp_code(secret)})
    assert Authenticator.objects.filter(
        user=org.administrator, type=Authenticator.Type.TOTP
    ).exists()
    assert client.get("/en/dashboard/").status_code == 200


def test_employee_is_not_forced_to_enrol_when_mfa_is_required_of_administrators(
    client, org, settings
):
    settings.REQUIRE_MFA_FOR_ADMINS = True
    client.force_login(org.employee_a)
    assert client.get("/en/dashboard/").status_code == 200


def test_administrator_is_not_forced_to_enrol_when_mfa_is_not_required(client, org, settings):
    settings.REQUIRE_MFA_FOR_ADMINS = False
    client.force_login(org.administrator)
    assert client.get("/en/dashboard/").status_code == 200


def test_mfa_requirement_defaults_to_on_in_production(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("DATABASE_URL", "postgres://arvokas@127.0.0.1/arvokas")
    monkeypatch.setenv("ALLOWED_HOSTS", "arvokas.example.org")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("SITE_URL", "https://arvokas.example.org")
    monkeypatch.delenv("REQUIRE_MFA_FOR_ADMINS", raising=False)
    monkeypatch.delitem(sys.modules, "toolkit.settings.production", raising=False)
    production = importlib.import_module("toolkit.settings.production")
    monkeypatch.delitem(sys.modules, "toolkit.settings.production")
    assert production.REQUIRE_MFA_FOR_ADMINS is True
    assert production.DEMO_MODE is False


# --- invitations -------------------------------------------------------------------------------


def test_invitation_link_lets_an_imported_person_set_a_password_and_log_in(client, db):
    UnitFactory(code="KOTI-01")
    admin = UserFactory()
    record = people_import.people_import_preview(
        data=b"email,first_name,last_name,unit_code,role\nuusi@example.org,Uusi,Ihminen,KOTI-01,employee\n",
        file_name="people.csv",
        created_by=admin,
    )
    rows = [people_import.PersonRow(**row) for row in record.rows]
    digest = people_import.people_import_plan(rows=rows).digest
    people_import.people_import_commit(people_import=record, plan_digest=digest)
    invited = User.objects.get(email="uusi@example.org")
    assert not invited.has_usable_password()
    log_in(client, "uusi@example.org", "")
    assert signed_in_user_id(client) is None

    link = invitations.invitation_link(user=invited)
    assert link.startswith(django_settings.SITE_URL)
    assert "/fi/accounts/invitation/" in link  # in the person's own language
    set_password_through(client, link_path(link), done="/fi/accounts/invitation/done/")

    log_in(client, "uusi@example.org", NEW_PASSWORD)
    assert signed_in_user_id(client) == str(invited.pk)


# --- the invitation page -------------------------------------------------------------------------


def _invited(language: str = "fi") -> User:
    user = UserFactory(email=f"kutsuttu.{language}@example.org", preferred_language=language)
    user.set_unusable_password()
    user.save()
    return user


@pytest.mark.parametrize(
    ("language", "title"),
    [("fi", "Aseta salasanasi"), ("sv", "Välj ditt lösenord"), ("en", "Set your password")],
)
def test_invitation_page_is_titled_set_your_password_in_each_language(client, db, language, title):
    invited = _invited(language)
    response = client.get(link_path(invitations.invitation_link(user=invited)))
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert f"<h1>{title}</h1>" in page
    assert f"<title>{title} · Arvokas</title>" in page
    assert invited.email in page
    assert "Ändra lösenord" not in page and "Vaihda salasana" not in page


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("fi", "Salasanasi on asetettu"),
        ("sv", "Ditt lösenord är sparat"),
        ("en", "Your password is set"),
    ],
)
def test_invitation_ends_on_a_page_that_leads_to_signing_in(client, db, language, heading):
    invited = _invited(language)
    link = link_path(invitations.invitation_link(user=invited))
    response = set_password_through(client, link, done=f"/{language}/accounts/invitation/done/")
    page = client.get(response.url).content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert f'href="/{language}/accounts/login/"' in page
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)


def test_a_used_invitation_link_says_so_and_offers_signing_in(client, db):
    invited = _invited("sv")
    link = link_path(invitations.invitation_link(user=invited))
    set_password_through(client, link, done="/sv/accounts/invitation/done/")
    page = client.get(link).content.decode()
    assert "Inbjudningslänken fungerar inte" in page
    assert 'href="/sv/accounts/login/"' in page


def test_a_too_short_password_on_the_invitation_page_is_refused_and_nothing_is_set(client, db):
    invited = _invited("fi")
    form_url = client.get(link_path(invitations.invitation_link(user=invited))).url
    response = client.post(form_url, {"password1": "lyhyt", "password2": "lyhyt"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "field__error" in page and "<title>Virhe: Aseta salasanasi" in page
    invited.refresh_from_db()
    assert not invited.has_usable_password()


# --- the account's language ----------------------------------------------------------------------


def test_account_settings_offer_the_language_with_the_current_one_chosen(client, db):
    user = UserFactory(preferred_language="sv")
    client.force_login(user)
    page = client.get("/sv/account/language/").content.decode()
    assert re.search(r'<input type="radio" name="language" value="sv"[^>]* checked', page)
    assert 'lang="fi"' in page and "Suomi" in page
    assert 'href="/sv/account/language/" aria-current="page"' in page  # in the settings menu


def test_choosing_a_language_saves_it_and_answers_in_that_language(client, db):
    user = UserFactory(preferred_language="fi")
    client.force_login(user)
    response = client.post("/fi/account/language/", {"language": "sv"})
    assert response.status_code == 302 and response.url == "/sv/account/language/"
    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "sv"
    user.refresh_from_db()
    assert user.preferred_language == "sv"
    page = client.get(response.url).content.decode()
    assert "Sparat. Webbplatsen och e-postmeddelandena till dig är nu på det här språket." in page
    mail.outbox.clear()
    notifications.invitations_send(users=[user])
    assert "inbjuden" in mail.outbox[0].subject  # e-mails follow the choice


@pytest.mark.parametrize("data", [{}, {"language": "de"}, {"language": "<script>"}])
def test_a_bad_language_choice_is_refused_and_nothing_changes(client, db, data):
    user = UserFactory(preferred_language="fi")
    client.force_login(user)
    response = client.post("/fi/account/language/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Valitse kieli." in page or "Valitse suomi, ruotsi tai englanti." in page
    assert "<script>" not in page
    user.refresh_from_db()
    assert user.preferred_language == "fi"


def test_the_language_page_needs_signing_in(client, db):
    response = client.get("/fi/account/language/")
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert client.post("/fi/account/language/", {"language": "sv"}).status_code == 302
