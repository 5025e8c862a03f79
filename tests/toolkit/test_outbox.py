"""The outbox: a task queued after commit survives a broker outage and goes out once it is back.

These tests turn in-process Celery off and point the app at kombu's in-memory broker (a broker
that takes every message) or at a closed port (a broker that is down). The end-to-end version,
with a real Redis stopped and started again and a real worker, is in test_faults.py."""

import datetime

import pytest
from celery import current_app
from django.core import mail
from django.db import transaction
from django.utils import timezone

from cms.models import AccessibilityFeedback
from cms.services import feedback_submit
from toolkit import outbox
from toolkit.models import OutboxTask

DOWN = "redis://127.0.0.1:1/0"  # nothing listens there
FEEDBACK_TASK = "cms.tasks.notify_administrators_of_feedback"


@pytest.fixture
def broker():
    """use(url): send tasks to that broker instead of running them in-process."""
    conf = current_app.conf
    saved = conf.task_always_eager, conf.broker_url

    def use(url: str) -> None:
        forget_connections()
        conf.task_always_eager, conf.broker_url = False, url

    yield use
    forget_connections()
    conf.task_always_eager, conf.broker_url = saved


def forget_connections() -> None:
    """Celery keeps one connection pool per app, made for the broker URL of its first use; drop
    it (as Celery does after a fork) so the next publish connects to the URL now set."""
    current_app._pool = None
    current_app.amqp._producer_pool = None


def published() -> list[tuple[str, list]]:
    """(task name, args) of every message waiting in the in-memory broker's default queue."""
    found = []
    with current_app.connection_for_write() as connection:
        queue = connection.SimpleQueue("celery")
        while queue.qsize():
            message = queue.get(timeout=1)
            found.append((message.headers["task"], message.payload[0]))
            message.ack()
        queue.close()
    return found


def age(entry: OutboxTask, seconds: int) -> None:
    OutboxTask.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - datetime.timedelta(seconds=seconds)
    )


def test_in_process_celery_runs_the_task_at_commit_and_keeps_no_row(
    org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        feedback_submit(message="Kontrasti on heikko.")
    assert OutboxTask.objects.count() == 0
    assert [m.to for m in mail.outbox] == [[org.administrator.email]]


def test_a_task_taken_by_the_broker_leaves_no_row(db, broker, django_capture_on_commit_callbacks):
    broker("memory://")
    with django_capture_on_commit_callbacks(execute=True):
        feedback = feedback_submit(message="Kontrasti on heikko.")
    assert OutboxTask.objects.count() == 0
    assert published() == [(FEEDBACK_TASK, [feedback.pk])]


def test_nothing_is_queued_when_the_change_is_rolled_back(db, broker):
    broker("memory://")
    with pytest.raises(RuntimeError), transaction.atomic():
        feedback_submit(message="Kontrasti on heikko.")
        raise RuntimeError("a later step of the same change fails")
    assert OutboxTask.objects.count() == 0
    assert AccessibilityFeedback.objects.count() == 0
    assert published() == []


def test_broker_down_the_change_is_saved_and_the_task_waits_in_the_outbox(
    db, broker, django_capture_on_commit_callbacks
):
    broker(DOWN)
    with django_capture_on_commit_callbacks(execute=True):
        feedback = feedback_submit(message="Kontrasti on heikko.")
    assert AccessibilityFeedback.objects.filter(pk=feedback.pk).exists()
    entry = OutboxTask.objects.get()
    assert (entry.name, entry.args, entry.attempts) == (FEEDBACK_TASK, [feedback.pk], 1)
    assert mail.outbox == []


def test_the_feedback_page_thanks_the_reader_while_the_broker_is_down(
    client, db, broker, django_capture_on_commit_callbacks
):
    broker(DOWN)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fi/feedback/", {"message": "Kontrasti on heikko.", "page_url": "", "website": ""}
        )
    assert response.status_code == 302
    assert response["Location"] == "/fi/feedback/thanks/"
    assert AccessibilityFeedback.objects.count() == OutboxTask.objects.count() == 1


def test_replay_sends_what_waited_once_the_broker_is_back_oldest_first(
    db, broker, django_capture_on_commit_callbacks
):
    broker(DOWN)
    with django_capture_on_commit_callbacks(execute=True):
        first = feedback_submit(message="Ensimmäinen.")
        second = feedback_submit(message="Toinen.")
    assert outbox.outbox_replay() == 0  # too young: it may still be on its way
    for entry in OutboxTask.objects.all():
        age(entry, 60)
    assert outbox.outbox_replay() == 0  # still down: both stay
    assert list(OutboxTask.objects.values_list("attempts", flat=True)) == [2, 1]

    broker("memory://")
    assert outbox.outbox_replay() == 2
    assert OutboxTask.objects.count() == 0
    assert published() == [(FEEDBACK_TASK, [first.pk]), (FEEDBACK_TASK, [second.pk])]
    assert outbox.outbox_replay() == 0  # sent once, not again


def test_the_beat_schedule_replays_the_outbox_each_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["toolkit-replay-outbox"]
    assert entry == {"task": "toolkit.replay_outbox", "schedule": 60.0}
    assert current_app.tasks["toolkit.replay_outbox"].name == entry["task"]
