"""Preparing a unit report in the background: start the task, follow it, store the file.

The state of a job lives in Django's cache under the Celery task id (no table): who asked, for
which round, and "pending", "ready" (with the stored file's name) or "failed". The PDF itself goes
to the private storage under reports/<uuid>.pdf (toolkit/storage.py: no public URL), a
name nobody can guess.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile

from toolkit.outbox import registered_task
from toolkit.storage import private_storage

from ..models import AssessmentRound
from ..reports.pdf import unit_report_pdf

logger = logging.getLogger(__name__)

JOB_TIMEOUT = 60 * 60 * 24  # a prepared report can be downloaded for a day
PENDING, READY, FAILED = "pending", "ready", "failed"


def _key(job_id: str) -> str:
    return f"assessments:unit-report:{job_id}"


def _update(job_id: str | None, **changes) -> None:
    if not job_id:
        return  # the task was called directly (e.g. from the shell): nobody follows it
    job = cache.get(_key(job_id))
    if job is not None:
        cache.set(_key(job_id), {**job, **changes}, JOB_TIMEOUT)


def job_mark_ready(job_id: str | None, name: str) -> None:
    _update(job_id, state=READY, name=name)


def job_mark_failed(job_id: str | None) -> None:
    _update(job_id, state=FAILED)


def job_get(job_id: str) -> dict | None:
    """The job's state as stored by job_start and the task, or None when unknown or expired."""
    return cache.get(_key(job_id))


def job_start(*, round: AssessmentRound, user, language: str) -> str:
    """Start preparing the report of `round` for `user` (check can_view_results first).

    Returns the job id. If the task cannot even be queued, or fails at once when Celery runs
    in-process, the job is marked failed: the page then offers to try again."""

    job_id = uuid.uuid4().hex
    cache.set(
        _key(job_id),
        {"round": round.pk, "user": user.pk, "language": language, "state": PENDING},
        JOB_TIMEOUT,
    )
    try:
        registered_task("assessments.tasks.build_unit_report").apply_async(
            (round.pk, language), task_id=job_id
        )
    except Exception:
        logger.exception("Unit report of round %s could not be prepared", round.pk)
        job_mark_failed(job_id)
    return job_id


def report_store(*, round_id: int, language: str) -> str:
    """Make the report PDF of the round and save it; returns the storage name."""
    round = AssessmentRound.objects.select_related("unit__parent").get(pk=round_id)
    pdf = unit_report_pdf(round=round, language=language)
    return private_storage().save(f"reports/{uuid.uuid4().hex}.pdf", ContentFile(pdf))
