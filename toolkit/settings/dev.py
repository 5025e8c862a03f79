"""Settings for a first look and development (`make run`, manage.py's default): DEBUG and demo
mode on, the README's demo logins printed, MFA not forced, and a placeholder secret key, so the
site runs with nothing configured. Never for a server that others reach: production.py is that."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env("SECRET_KEY", default="insecure-embedded-default-only-for-a-first-look")
DEBUG = env.bool("DEBUG", default=True)
DEMO_MODE = env.bool("DEMO_MODE", default=True)
REQUIRE_MFA_FOR_ADMINS = env.bool("REQUIRE_MFA_FOR_ADMINS", default=not DEMO_MODE)
