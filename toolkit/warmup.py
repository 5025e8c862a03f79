"""A new app server process answers a few pages to itself before it takes traffic
(gunicorn's post_worker_init, toolkit/prod/gunicorn.conf.py).

A process's first request imports every view through the URLconf, reads the translation
catalogues and compiles the base templates: under load 10-25 times a warm request. When all
workers start at once (a deploy, a restart, the load test's first second) those first requests
were the slow tail of the rush (docs/performance.md). Here the worker pays that before its first
client, through the whole middleware stack but not the network (nothing is logged as a request)."""

from __future__ import annotations

import io
import logging
import sys
import time
from collections.abc import Callable, Iterable

from django.conf import settings

logger = logging.getLogger(__name__)

# Anonymous pages that touch the common parts: the CMS home in each language (URLconf, pages,
# menus, catalogues) and the login form (forms, allauth).
WARM_PATHS = ("/fi/", "/sv/", "/en/", "/fi/accounts/login/")


def _host() -> str:
    for host in settings.ALLOWED_HOSTS:
        if host != "*":
            return host.lstrip(".")
    return "localhost"


def _environ(path: str, host: str) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "443",
        "HTTP_HOST": host,
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        # As behind the TLS proxy, so the production settings do not answer with a redirect.
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def warm_up(application: Callable, paths: Iterable[str] = WARM_PATHS) -> dict[str, str]:
    """Call the WSGI `application` with a GET of each path; {path: status or error}. Never
    raises: a page that fails here is logged and the worker starts anyway."""
    host = _host()
    results = {}
    started = time.perf_counter()
    for path in paths:
        statuses = []
        try:
            body = application(
                _environ(path, host), lambda status, headers, *_, seen=statuses: seen.append(status)
            )
            try:
                for _chunk in body:
                    pass
            finally:
                if hasattr(body, "close"):
                    body.close()
            results[path] = statuses[0] if statuses else "no status"
        except Exception as error:  # noqa: BLE001 - the worker must start whatever a page does
            logger.warning("Warm-up of %s failed: %r", path, error)
            results[path] = type(error).__name__
    logger.info("Warmed up in %.2f s: %s", time.perf_counter() - started, results)
    return results
