"""Production settings: `check --deploy` is clean, a missing secret stops the start with its name,
and the Content-Security-Policy is sent, strict on the site and loosened only in the admin."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "toolkit.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://arvokas@db.example.org:5432/arvokas",
    "ALLOWED_HOSTS": "arvokas.example.org",
    "REDIS_URL": "redis://cache.example.org:6379/0",
    "SITE_URL": "https://arvokas.example.org",
}


def manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    """manage.py in a clean environment holding only what is given (no developer's .env)."""
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", str(ROOT)), **environment}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_no_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues (0 silenced)" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "REDIS_URL"])
def test_missing_environment_variable_is_named(missing):
    environment = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", **environment)
    assert result.returncode != 0
    assert "Production needs these environment variables" in result.stderr
    assert missing in result.stderr.splitlines()[-1]


@pytest.mark.parametrize("key", ["short", "insecure-embedded-default-only-for-a-first-look" * 2])
def test_weak_secret_key_is_refused(key):
    result = manage("check", **{**PRODUCTION_ENV, "SECRET_KEY": key})
    assert result.returncode != 0
    assert "SECRET_KEY must be a random value" in result.stderr


def test_site_pages_allow_only_own_scripts_and_the_admin_its_inline_ones(client, org):
    policy = client.get("/fi/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
    client.force_login(org.administrator)
    admin_policy = client.get("/cms/").headers["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin_policy
    assert "gravatar" not in client.get("/cms/").content.decode()


def test_postgresql_connections_do_not_jit_compile_the_short_page_queries():
    # JIT compiled the overview's round query for ~18 ms where running it takes ~6 ms.
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert "-c jit=off" in result.stdout
