"""Settings shared by every environment, neutral: DEBUG off, no demo mode, no secret key.

Each environment is a module on top of this one: `dev` (manage.py's default, `make run`: DEBUG,
demo mode and a placeholder key), `test` (the suite) and `production` (docs/deploy.md). Without a
server: SQLite, in-process (eager) Celery, e-mail on the console. Every value can be overridden
from the environment; `.env.example` lists them all (tests/toolkit/test_env_example.py).
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# No placeholder here: unset, Django refuses to start with a message naming SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="")
# The secret that seals answers and drafts (assessments.sealing). Empty: derived from SECRET_KEY.
# Never stored in the database; changing it while a round is open makes its answers unreadable.
ANSWER_SEALING_KEY = env("ANSWER_SEALING_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# The proxies whose X-Forwarded-For names the client (gunicorn's FORWARDED_ALLOW_IPS); rate
# limits per address read it through toolkit.client_address.
TRUSTED_PROXIES = env.list("FORWARDED_ALLOW_IPS", default=["127.0.0.1"])
RATELIMIT_IP_META_KEY = "toolkit.client_address.client_address"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# True only for the demo site: the README's demo logins are printed and MFA is not forced.
DEMO_MODE = env.bool("DEMO_MODE", default=False)

INSTALLED_APPS = [
    "toolkit",
    "assessments",
    "learning",
    "cms",
    "feedback",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_celery_beat",
    "csp",
    # runserver leaves static files to whitenoise, so they get the headers as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First, so that every response gets the headers, redirects and static files included.
    "toolkit.middleware.SecurityHeadersMiddleware",
    "toolkit.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "toolkit.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "toolkit.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# --- Content-Security-Policy (django-csp), the same in every environment so the tests run
# under it. Scripts only from our own origin; inline style attributes are allowed for the
# widths of result bars. Media on another origin (S3) is named by MEDIA_ORIGIN.
MEDIA_ORIGIN = env("MEDIA_ORIGIN", default="")
_media = [SELF, MEDIA_ORIGIN] if MEDIA_ORIGIN else [SELF]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [*_media, "data:", "blob:"],
        "media-src": [*_media, "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Added to the policy in the Wagtail admin only (toolkit.middleware).
CSP_ADMIN_UPDATE = {"script-src": [UNSAFE_INLINE]}
# Browser features no page of the site uses, switched off for every response (toolkit.middleware).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)

ROOT_URLCONF = "toolkit.urls"
WSGI_APPLICATION = "toolkit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "toolkit.context_processors.navigation",
            ],
        },
    },
]

# No JIT compiling on PostgreSQL: the pages' queries are short, and the planner's cost estimate
# sends some of them (the overview's latest rounds) to a compile of ~18 ms for a 6 ms query.
POSTGRES_OPTIONS = "-c jit=off"
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", POSTGRES_OPTIONS)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Deleted rows (submitted drafts, unsealed answers) are overwritten on disk, not left behind.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "init_command", "PRAGMA secure_delete = ON;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")


def redis_cache(location: str) -> dict:
    """Redis through django-redis; while Redis cannot be reached, a cache in each process's own
    memory stands in (toolkit/cache.py), so logins, sessions and pages keep working."""
    return {
        "BACKEND": "toolkit.cache.RedisWithLocalFallback",
        "LOCATION": location,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    # Room for the means of every unit's rounds (locmem keeps 300 entries by default).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

AUTH_USER_MODEL = "toolkit.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "toolkit:dashboard"

# --- django-allauth: e-mail login, no open sign-up (people are invited), rate limits on ---
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_ADAPTER = "toolkit.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "login": "30/m/ip",
    "reset_password": "5/m/ip,3/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "confirm_email": "1/3m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Arvokas] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Arvokas"
MFA_ADAPTER = "allauth.mfa.adapter.DefaultMFAAdapter"
# Administrators must enrol in MFA before they can do anything else (toolkit.middleware).
REQUIRE_MFA_FOR_ADMINS = env.bool("REQUIRE_MFA_FOR_ADMINS", default=not DEMO_MODE)

# --- languages: Finnish is the default; Swedish and English complete ---
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Translate this page" makes a draft, even of a live page: a copy still in Finnish is not
# published until the translation has been reviewed (wagtail-localize publishes it by default).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "arvokas_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Helsinki"
# d.m.yyyy and Helsinki time in every language, the decimal comma in fi and sv (toolkit/formats).
FORMAT_MODULE_PATH = ["toolkit.formats"]
# The Wagtail admin's date pickers write d.m.yyyy too (each is in DATE_INPUT_FORMATS).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H.%M"
WAGTAIL_TIME_FORMAT = "%H.%M"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Unit reports and certificates: outside MEDIA_ROOT, so no media URL reaches them; only views
# that check permission serve them (toolkit/storage.py).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
PRIVATE_STORAGE = {
    "BACKEND": "toolkit.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
SMS_BACKEND = env("SMS_BACKEND", default="toolkit.sms.ConsoleBackend")
# The HTTP gateway of toolkit.sms.HttpGatewayBackend: its address, its key (sent as a bearer
# token) and the sender name or number the messages show; a send waits at most the timeout.
SMS_GATEWAY_URL = env("SMS_GATEWAY_URL", default="")
SMS_GATEWAY_KEY = env("SMS_GATEWAY_KEY", default="")
SMS_SENDER = env("SMS_SENDER", default="Arvokas")
SMS_GATEWAY_TIMEOUT = 5
# Where the file-based mail backend (staging, the fault tests) writes each mail.
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "sent-mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Arvokas <noreply@example.org>")
# The address in e-mails, certificates and .ics files; in the embedded default it follows the
# port that `make run` serves on (PORT, exported by the Makefile).
PORT = env.int("PORT", default=8000)
SITE_URL = env("SITE_URL", default=f"http://127.0.0.1:{PORT}")

# --- Celery: eager (in-process) unless a broker is configured ---
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Fail fast when the broker is down instead of blocking a request for ~20 s.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    "max_retries": 1,
    # A task whose worker died (killed, machine lost) before it finished is handed to another
    # worker after this many seconds (tasks are acknowledged late). No task here runs that long.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=900),
    # Look for such tasks every 10 s, not every 100 s (the default interval x throttle).
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 1,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
CELERY_BEAT_SCHEDULE: dict = {
    # Wagtail's scheduled publishing, every minute, so pages go live on time without cron.
    "cms-publish-scheduled-pages": {"task": "cms.tasks.publish_scheduled_pages", "schedule": 60.0},
    # Rounds open and close by their dates, and reminders go out, shortly after midnight and
    # again each hour (idempotent), so a missed beat tick never leaves a round open for a day.
    "assessments-round-calendar": {
        "task": "assessments.tasks.run_round_calendar",
        "schedule": crontab(minute=5),
    },
    # Owners of improvement actions: a reminder a week before the due date and one when overdue
    # (each once, whatever the number of runs), daily in the morning.
    "assessments-action-reminders": {
        "task": "assessments.tasks.run_action_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
    # Supervisors: a weekly digest of the overdue actions of their units, on Monday morning.
    "assessments-overdue-action-digest": {
        "task": "assessments.tasks.run_overdue_digest",
        "schedule": crontab(day_of_week="mon", hour=7, minute=30),
    },
    # Unsent answer drafts older than DRAFT_RETENTION_DAYS are deleted (personal data).
    "assessments-delete-stale-drafts": {
        "task": "assessments.tasks.delete_stale_drafts",
        "schedule": crontab(hour=3, minute=10),
    },
    # Client answers of the days before are unsealed into results shortly after midnight.
    "feedback-unseal-client-answers": {
        "task": "feedback.tasks.unseal_client_answers",
        "schedule": crontab(hour=0, minute=20),
    },
    # Live webinars: a reminder to everyone with a place, within the 24 hours before the start.
    "learning-webinar-reminders": {
        "task": "learning.tasks.run_webinar_reminders",
        "schedule": crontab(minute=20),
    },
    # Assigned courses: a reminder a week before the deadline and one after it (each once).
    "learning-assignment-reminders": {
        "task": "learning.tasks.run_assignment_reminders",
        "schedule": crontab(hour=7, minute=45),
    },
    # Tasks the broker could not take while it was down (toolkit.outbox) go out once it is back.
    "toolkit-replay-outbox": {
        "task": "toolkit.replay_outbox",
        "schedule": env.float("OUTBOX_REPLAY_SECONDS", default=60.0),
    },
}

# --- Wagtail ---
WAGTAIL_SITE_NAME = "Arvokas"
WAGTAILADMIN_BASE_URL = SITE_URL
# Per-language stemming on PostgreSQL (cms/search_backend.py); Wagtail's database backend elsewhere.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# No Gravatar: it would send a hash of each editor's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Product settings ---
# An answer draft nobody has saved for this many days is deleted by a nightly task.
DRAFT_RETENTION_DAYS = env.int("DRAFT_RETENTION_DAYS", default=60)
# Largest CSV of people an administrator may upload (bytes).
PEOPLE_IMPORT_MAX_BYTES = env.int("PEOPLE_IMPORT_MAX_BYTES", default=2 * 1024 * 1024)
# The public client feedback form (/p/<code>/), held off abuse without a login (feedback/services/
# limits.py): pages per address, answers per address and unit (the form; a kiosk tablet serves a
# whole waiting room), answers per unit in a burst, and the hourly cap a supervisor sees trip.
FEEDBACK_RATE_PAGES_PER_ADDRESS = env("FEEDBACK_RATE_PAGES_PER_ADDRESS", default="120/m")
FEEDBACK_RATE_ANSWERS_PER_ADDRESS = env("FEEDBACK_RATE_ANSWERS_PER_ADDRESS", default="10/h")
FEEDBACK_RATE_KIOSK_ANSWERS_PER_ADDRESS = env(
    "FEEDBACK_RATE_KIOSK_ANSWERS_PER_ADDRESS", default="120/h"
)
FEEDBACK_RATE_ANSWERS_PER_UNIT = env("FEEDBACK_RATE_ANSWERS_PER_UNIT", default="60/m")
FEEDBACK_UNIT_HOURLY_CAP = env.int("FEEDBACK_UNIT_HOURLY_CAP", default=300)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "django.server": {"level": "INFO"},
        "toolkit": {"level": "INFO"},
        "assessments": {"level": "INFO"},
        "learning": {"level": "INFO"},
        "cms": {"level": "INFO"},
    },
}
PASSWORD_RESET_TIMEOUT = 7 * 24 * 3600  # invitations use the same one-time link
