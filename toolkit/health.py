"""/healthz: whether the site can serve (database), and the state of the cache and broker."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _cache_ok() -> bool:
    reachable = getattr(cache, "reachable", None)  # Redis behind a local stand-in
    if reachable is not None:
        return reachable()
    try:
        cache.set("healthz", "ok", 5)
        return cache.get("healthz") == "ok"
    except Exception:
        return False


def _broker_state() -> str:
    if not settings.CELERY_BROKER_URL:
        return "eager"
    from .celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception:
        return "error"


@never_cache
def healthz(request) -> JsonResponse:
    """200 when the database answers; 503 otherwise. Cache and broker are reported, not fatal:
    the site still serves answers and pages while Redis is down."""
    database = _database_ok()
    body = {
        "status": "ok" if database else "error",
        "database": "ok" if database else "error",
        "cache": "ok" if _cache_ok() else "error",
        "broker": _broker_state(),
    }
    return JsonResponse(body, status=200 if database else 503)
