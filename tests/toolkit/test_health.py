"""/healthz: 200 with the state of the database, cache and broker while the database answers;
503 when it does not. Outages are made real where that is cheap (a cache on a closed port)."""

import pytest
from django.db import OperationalError, connections

from toolkit.celery import app as celery_app

CLOSED_PORT_REDIS = "redis://127.0.0.1:1/0"


def test_healthz_answers_200_json_with_every_component(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "broker": "eager",  # the test settings run Celery in-process
    }


def test_healthz_is_never_cached(client, db):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_needs_no_login_and_no_language_prefix(client, db):
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 200


def test_healthz_answers_503_when_the_database_is_unreachable(client, db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    # The connection object the health check uses: opening a cursor fails, as in an outage.
    with monkeypatch.context() as outage:
        outage.setitem(connections["default"].__dict__, "cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "error"


def test_healthz_stays_200_when_the_cache_is_down(client, db, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CLOSED_PORT_REDIS,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"] == "error"
    assert response.json()["database"] == "ok"


@pytest.fixture
def broker_url(settings, monkeypatch):
    """Point the site's Celery app at a broker for one test (restored afterwards)."""

    def point_at(url: str) -> None:
        settings.CELERY_BROKER_URL = url
        monkeypatch.setattr(celery_app.conf, "broker_url", url)

    return point_at


def test_healthz_reports_a_reachable_broker(client, db, settings, broker_url):
    broker_url(settings.TEST_REDIS_URL)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok", f"is Redis running at {settings.TEST_REDIS_URL}?"


def test_healthz_stays_200_and_reports_a_broker_that_is_down(client, db, broker_url):
    broker_url(CLOSED_PORT_REDIS)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "error"
