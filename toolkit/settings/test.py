"""Settings for the test suite: fast hashing, in-memory e-mail, eager Celery, MFA not forced."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import env

# base has no key (production must bring its own); the suite's sessions and sealing need one.
SECRET_KEY = env("SECRET_KEY", default="insecure-embedded-default-only-for-a-first-look")
DEBUG = False
DEMO_MODE = False
REQUIRE_MFA_FOR_ADMINS = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
# Files go to a fresh folder of this run, as on a server: Wagtail then serves documents (the
# demo webinar's video) from a local path, like production, and nothing is left in media/.
MEDIA_ROOT = tempfile.mkdtemp(prefix="arvokas-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="arvokas-test-private-")
atexit.register(shutil.rmtree, PRIVATE_MEDIA_ROOT, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "toolkit.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The Redis the Celery worker test uses (started by the test against this URL).
TEST_REDIS_URL = env("TEST_REDIS_URL", default="redis://127.0.0.1:6379/15")
SMS_BACKEND = "toolkit.sms.LocmemBackend"
