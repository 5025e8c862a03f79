"""Tasks queued after commit that a broker outage cannot lose (the transactional outbox).

`enqueue_on_commit("app.tasks.name", ...)` writes the task to OutboxTask in the caller's transaction and
publishes it once that transaction commits. If the broker (Redis) cannot take it, the row stays
and the person who caused it sees no error, since their change is saved. `outbox_replay` (a beat
task, each minute) sends what stayed once the broker is back, so the mail goes out late but once.

Tasks are named, not imported: a service queues work by the task's name, so services never import
their app's tasks module (tasks import services, never both ways).

Delivery is at least once: a process that dies in the instant between publishing a task and
deleting its row leaves it to be sent again, so a mail may, rarely, arrive twice; none is lost.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from importlib import import_module

from celery import current_app
from django.db import transaction
from django.utils import timezone

from .models import OutboxTask

logger = logging.getLogger(__name__)

# A row younger than this may still be on its way through its own on-commit publish.
REPLAY_AFTER = timedelta(seconds=30)


def registered_task(name: str):
    """The Celery task called `name`, importing its module first if this process has not yet.
    An unknown name raises KeyError at once, where the caller queues it, not later in a worker."""
    if name not in current_app.tasks:
        import_module(name.rpartition(".")[0])
    return current_app.tasks[name]


def enqueue_on_commit(name: str, *args) -> None:
    """Run the task `name` with `args` in a worker once the current transaction commits (now,
    outside one)."""
    task = registered_task(name)
    if current_app.conf.task_always_eager:
        # In-process Celery (development, tests): no broker to lose, the task runs at commit.
        transaction.on_commit(lambda: task.apply_async(args))
        return
    entry = OutboxTask.objects.create(name=name, args=list(args))
    transaction.on_commit(lambda: _publish(entry))


def _publish(entry: OutboxTask) -> bool:
    try:
        current_app.send_task(entry.name, entry.args, retry=False)
    except Exception:  # kombu and redis raise several kinds; the row keeps the task either way
        logger.warning("Broker unreachable: %s stays in the outbox", entry, exc_info=True)
        OutboxTask.objects.filter(pk=entry.pk).update(attempts=entry.attempts + 1)
        return False
    OutboxTask.objects.filter(pk=entry.pk).delete()
    return True


def outbox_replay(*, limit: int = 500) -> int:
    """Send the tasks the broker could not take, oldest first; stops at the first failure.
    Two replays at once never take the same row. Returns how many were sent."""
    sent = 0
    with transaction.atomic():
        waiting = (
            OutboxTask.objects.select_for_update(skip_locked=True)
            .filter(created_at__lt=timezone.now() - REPLAY_AFTER)
            .order_by("pk")[:limit]
        )
        for entry in waiting:
            if not _publish(entry):
                break
            sent += 1
    return sent
