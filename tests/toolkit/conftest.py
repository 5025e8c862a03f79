import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """allauth keeps its rate limits and used TOTP codes in the cache (LocMemCache in tests):
    each test starts with none, so one test's failed logins do not lock out the next."""
    cache.clear()
    yield
    cache.clear()
