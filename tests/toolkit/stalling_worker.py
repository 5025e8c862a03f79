"""The Celery app for the worker-killed test (`celery -A tests.toolkit.stalling_worker worker`):
the project's app, except that the first unit report it starts stalls after writing its process
id to $STALL_MARKER, so the test can kill the worker in the middle of that task."""

import os
import time
from pathlib import Path

from celery.signals import task_prerun

from toolkit.celery import app

__all__ = ["app"]


@task_prerun.connect
def _stall_the_first_report(task=None, **_):
    marker = Path(os.environ["STALL_MARKER"])
    if task.name == "assessments.tasks.build_unit_report" and not marker.exists():
        marker.write_text(str(os.getpid()))
        time.sleep(120)  # killed long before this ends
