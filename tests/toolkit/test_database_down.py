"""The database unreachable: the site answers a clear 503 page (in Finnish by default, with
Retry-After) and /healthz says 503, instead of a 500. A real app server against a closed port."""

import os

import pytest
import requests

from tests.toolkit.processes import ROOT, app_server, free_port, stop, wait_until_serving

pytestmark = pytest.mark.process


def test_pages_and_healthz_answer_503_while_the_database_is_unreachable():
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "toolkit.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/unreachable",  # nothing listens there
    }
    server = app_server(env, port)
    try:
        wait_until_serving(port, healthy=False)
        base = f"http://127.0.0.1:{port}"
        health = requests.get(f"{base}/healthz", timeout=10)
        assert health.status_code == 503
        assert health.json()["database"] == "error"
        for path in ("/fi/", "/fi/accounts/login/", "/en/search/?q=kohtaaminen"):
            page = requests.get(base + path, timeout=10, allow_redirects=False)
            assert page.status_code == 503, path
            assert page.headers["Retry-After"] == "30"
        assert "Palvelu on hetken poissa käytöstä" in requests.get(f"{base}/fi/", timeout=10).text
        swedish = requests.get(f"{base}/sv/", timeout=10).text
        assert 'lang="sv"' in swedish and "Tjänsten är tillfälligt otillgänglig" in swedish
    finally:
        stop(server)
