"""The cache backend of production: Redis, and while Redis cannot be reached, a small cache in
the process's own memory.

Why not just ignore the errors (django-redis's IGNORE_EXCEPTIONS): allauth's login rate limit
takes a lock with `cache.add`, and an add that always fails reads as "too many requests", so
nobody could log in while Redis is down. With a local stand-in, locks, rate limits (per process
for the while) and cached values keep working, and everything else comes from the database.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, OSError)
RETRY_AFTER = 5.0  # seconds before Redis is tried again after a failure


class RedisWithLocalFallback(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._local = LocMemCache("fallback", {"OPTIONS": {"MAX_ENTRIES": 5000}})
        self._down_until = 0.0

    def reachable(self) -> bool:
        """Whether Redis itself answers (for /healthz: the stand-in hides the outage)."""
        try:
            return bool(self.client.get_client(write=True).ping())
        except UNREACHABLE:
            return False

    def _call(self, name: str, *args, **kwargs):
        if time.monotonic() >= self._down_until:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except UNREACHABLE:
                logger.warning("Redis unreachable: the cache runs in this process for a while")
                self._down_until = time.monotonic() + RETRY_AFTER
        return getattr(self._local, name)(*args, **kwargs)

    def clear(self):
        self._local.clear()
        return self._call("clear")


def _delegate(name: str):
    def method(self, *args, **kwargs):
        return self._call(name, *args, **kwargs)

    method.__name__ = name
    return method


# Every operation goes to Redis while it answers, else to the local stand-in.
for _name in (
    "add",
    "get",
    "set",
    "delete",
    "get_many",
    "set_many",
    "delete_many",
    "incr",
    "touch",
    "has_key",
):
    setattr(RedisWithLocalFallback, _name, _delegate(_name))
