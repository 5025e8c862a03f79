"""In the embedded default, links in e-mails, certificates and .ics files name the port that
`make run` serves on: SITE_URL follows PORT, unless SITE_URL itself is set."""

import os
import shutil
import subprocess

import pytest

from tests.toolkit.test_production import ROOT

PRINT_SITE_URL = (
    "site-url: ; @$(PY) -c 'import django; django.setup(); "
    "from django.conf import settings; print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)"
    "'"
)


def make_site_url(*arguments: str, **environment: str) -> str:
    """SITE_URL as a command of `make run` sees it (the Makefile's own variables and exports)."""
    clean = {
        "PATH": os.environ["PATH"],
        "HOME": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "toolkit.settings.dev",
        **environment,
    }
    result = subprocess.run(
        [
            shutil.which("make") or "make",
            "--no-print-directory",
            f"--eval={PRINT_SITE_URL}",
            "site-url",
            *arguments,
        ],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("arguments", "environment"), [((), {"PORT": "8123"}), (("PORT=8123",), {})]
)
def test_site_url_follows_the_port_of_make_run(arguments, environment):
    assert make_site_url(*arguments, **environment) == (
        "http://127.0.0.1:8123 http://127.0.0.1:8123"
    )


def test_site_url_defaults_to_port_8000_and_an_explicit_one_wins():
    assert make_site_url() == "http://127.0.0.1:8000 http://127.0.0.1:8000"
    assert make_site_url(PORT="8123", SITE_URL="https://arvokas.example.fi").startswith(
        "https://arvokas.example.fi "
    )
