"""A new app server worker answers a few pages to itself before its first client
(toolkit.warmup, gunicorn's post_worker_init)."""

import re
import runpy

import pytest
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.toolkit.processes import ROOT
from toolkit.warmup import WARM_PATHS, warm_up


@pytest.fixture
def connection_kept_across_requests():
    """The test's transaction holds the database connection. A real request's end closes a
    connection found inside a transaction, so, as Django's test client does, the request signals
    leave it open here (on SQLite's in-memory database the close was a no-op; PostgreSQL's is not)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("connection_kept_across_requests")
def test_a_worker_renders_the_common_pages_before_its_first_client():
    results = warm_up(get_wsgi_application())
    # Answered through the whole stack (an empty test site has no CMS pages: 404 is an answer).
    assert set(results) == set(WARM_PATHS)
    assert results["/fi/accounts/login/"] == "200 OK"
    assert all(re.fullmatch(r"\d{3} .+", status) for status in results.values()), results


def test_a_failing_page_does_not_stop_the_worker():
    def broken(environ, start_response):
        raise RuntimeError("database down")

    assert warm_up(broken, ["/fi/"]) == {"/fi/": "RuntimeError"}


def test_gunicorn_warms_each_worker_up():
    hooks = runpy.run_path(str(ROOT / "toolkit/prod/gunicorn.conf.py"))
    called = []

    class Worker:
        def wsgi(self, environ, start_response):
            called.append(environ["PATH_INFO"])
            start_response("200 OK", [])
            return [b""]

    hooks["post_worker_init"](Worker())
    assert called == list(WARM_PATHS)
