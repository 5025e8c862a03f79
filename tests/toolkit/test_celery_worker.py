"""With a broker configured, tasks leave the web process and run in a real Celery worker.

The test starts `celery worker` against the machine's Redis (TEST_REDIS_URL, default database 15),
sends the ping task through the broker and waits for the worker's answer. Without Redis it fails
with the command that starts one: a skipped test would hide that the path is untested."""

import os
import uuid

import pytest
import redis
from celery import Celery

from tests.toolkit.processes import REDIS as REDIS_URL
from tests.toolkit.processes import celery, stop

pytestmark = pytest.mark.process


@pytest.fixture
def redis_url():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        pytest.fail(
            f"Redis is not running at {REDIS_URL}: start it with 'redis-server --daemonize yes'"
        )
    return REDIS_URL


@pytest.fixture
def worker(redis_url):
    """A worker process with its own queue name, so parallel runs never take each other's tasks."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "toolkit.settings.dev",
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        "DATABASE_URL": "sqlite:///:memory:",
    }
    process = celery(
        env,
        "worker",
        "--pool=solo",
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        "-Q",
        queue,
    )
    yield queue
    stop(process)


def test_task_sent_through_redis_runs_in_a_separate_worker_process(redis_url, worker):
    client = Celery("arvokas-test", broker=redis_url, backend=redis_url)
    result = client.send_task("toolkit.worker_identity", queue=worker)
    worker_pid = result.get(timeout=60)
    assert isinstance(worker_pid, int)
    assert worker_pid != os.getpid()
