"""Settings for the test suite: fast hashing, in-memory e-mail, eager Celery, MFA not forced."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
DEMO_MODE = False
REQUIRE_MFA_FOR_ADMINS = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The Redis the Celery worker test uses (started by the test against this URL).
TEST_REDIS_URL = env("TEST_REDIS_URL", default="redis://127.0.0.1:6379/15")
# In-memory files have a URL but no path, so Wagtail would redirect document downloads to
# /media/, which the test server does not serve: stream them through Wagtail's view instead.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
