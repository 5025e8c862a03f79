"""Security headers on every response, whatever made it (a view, a redirect of a middleware,
whitenoise's static files, an error page), and no caching of anything shown to a signed-in
person: in the test settings and in the production settings."""

import json
import os
import subprocess
import sys

import pytest
from django.test import Client, override_settings

from tests.assessments.factories import add_responses, closed_round, framework_version
from tests.toolkit.test_production import PRODUCTION_ENV, ROOT, manage

EVERY_RESPONSE = {
    "X-Frame-Options": None,
    "Permissions-Policy": "camera=()",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# What the production settings change; the rest of them is the same module as the tests use.
PRODUCTION_KEYS = (
    "DEBUG",
    "MIDDLEWARE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)
STATIC_FILE = "/static/toolkit/site.css"


def production_settings() -> dict:
    """The security settings exactly as toolkit.settings.production makes them (read in a
    process of its own with the production environment, as test_production does)."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k) for k in {PRODUCTION_KEYS!r}}}))"
    )
    clean = {"PATH": os.environ["PATH"], "HOME": str(ROOT), **PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


# Static files come from the apps' folders (whitenoise's finders), as `make run` serves them; in
# production whitenoise serves the same files from STATIC_ROOT, through the same middleware.
STATIC_FROM_FINDERS = {"WHITENOISE_USE_FINDERS": True, "WHITENOISE_AUTOREFRESH": True}


@pytest.fixture(scope="module")
def production() -> dict:
    return {**STATIC_FROM_FINDERS, **production_settings()}


@pytest.fixture(params=["test", "production"])
def mode(request, production):
    """Each test runs in the test settings and again with the production ones applied."""
    overrides = production if request.param == "production" else STATIC_FROM_FINDERS
    with override_settings(**overrides):
        yield request.param


@pytest.fixture
def results_csv_url(org):
    version = framework_version(statements=1)
    round = closed_round(org.unit_a, version, title="Syksy")
    add_responses(round, 5, score=4)
    return f"/fi/assessments/rounds/{round.pk}/results.csv"


def get(client: Client, mode: str, url: str):
    """A request as the site receives it: over https behind the load balancer in production."""
    return client.get(url, secure=mode == "production")


def assert_security_headers(response, mode: str) -> None:
    for header, expected in EVERY_RESPONSE.items():
        assert header in response.headers, (response.status_code, header)
        if expected:
            assert expected in response[header], header
    policy = dict(
        (*part.strip().split(" ", 1), "")[:2]
        for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"].startswith("'self'")
    assert policy["frame-ancestors"] == "'self'"
    assert policy["object-src"] == "'none'"
    if mode == "production":
        assert response["X-Frame-Options"] == "DENY"
        if response.wsgi_request.is_secure():
            assert "max-age=31536000" in response["Strict-Transport-Security"]


def assert_not_cached(response) -> None:
    directives = set(response["Cache-Control"].replace(" ", "").split(","))
    assert {"private", "no-store"} <= directives, response["Cache-Control"]


def test_plain_http_is_redirected_to_https_with_the_headers(db, production):
    assert production["SECURE_SSL_REDIRECT"] is True
    with override_settings(**production):
        response = Client().get("/fi/")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    assert_security_headers(response, "production")


def test_redirects_carry_the_headers(client, db, mode):
    to_language = get(client, mode, "/")  # LocaleMiddleware
    assert to_language.status_code == 302 and to_language["Location"] == "/fi/"
    to_login = get(client, mode, "/fi/dashboard/")  # login_required
    assert to_login.status_code == 302 and "/accounts/login/" in to_login["Location"]
    for response in (to_language, to_login):
        assert_security_headers(response, mode)


def test_static_files_carry_the_headers_and_stay_cacheable(org, mode):
    client = Client()  # a new handler, so whitenoise starts with these settings
    anonymous = get(client, mode, STATIC_FILE)
    assert anonymous.status_code == 200 and anonymous["Content-Type"].startswith("text/css")
    assert_security_headers(anonymous, mode)
    client.force_login(org.employee_a)
    signed_in = get(client, mode, STATIC_FILE)
    assert signed_in.status_code == 200
    assert_security_headers(signed_in, mode)
    assert "no-store" not in signed_in.get("Cache-Control", "")  # the same file for everybody


def test_not_found_pages_carry_the_headers(client, org, mode):
    assert_security_headers(get(client, mode, "/fi/no-such-page/"), mode)
    client.force_login(org.employee_a)
    response = get(client, mode, "/fi/no-such-page/")
    assert response.status_code == 404
    assert_security_headers(response, mode)
    assert_not_cached(response)


def test_signed_in_pages_are_never_cached(client, org, mode):
    for who, url in (
        ("supervisor_a", "/fi/dashboard/"),
        ("supervisor_a", "/fi/units/A/"),
        ("employee_a", "/fi/learning/my/"),
        ("administrator", "/cms/"),
        ("administrator", "/cms/reports/site-history/"),
    ):
        client.force_login(getattr(org, who))
        response = get(client, mode, url)
        assert response.status_code == 200, url
        assert_security_headers(response, mode)
        assert_not_cached(response)


def test_exports_and_downloads_are_never_cached(client, org, results_csv_url, mode):
    client.force_login(org.supervisor_a)
    exports = (
        results_csv_url,
        "/fi/assessments/units/A/timeline.csv",
        "/fi/account/data/download/",
    )
    for url in exports:
        response = get(client, mode, url)
        assert response.status_code == 200, url
        assert_security_headers(response, mode)
        assert_not_cached(response)


def test_public_pages_for_anonymous_visitors_may_be_cached(client, db, mode):
    response = get(client, mode, "/fi/learning/verify/")
    assert response.status_code == 200
    assert_security_headers(response, mode)
    assert "no-store" not in response.get("Cache-Control", "")


def test_deploy_check_still_passes():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
