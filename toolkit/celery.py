"""The Celery application. Tasks run in-process (eager) unless CELERY_BROKER_URL is set."""

import os

from celery import Celery

# As manage.py: the dev settings unless told otherwise (toolkit/prod/run names production).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit.settings.dev")

app = Celery("arvokas")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="toolkit.ping")
def ping() -> str:
    """A task that only answers, for the health check and the worker test."""
    return "pong"


@app.task(name="toolkit.worker_identity")
def worker_identity() -> int:
    """The process id of the worker that ran it: the worker test tells a real worker by it."""
    return os.getpid()
