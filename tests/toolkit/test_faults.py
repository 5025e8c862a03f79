"""Faults, each with real processes as in production (the production settings, PostgreSQL, a Redis
of the test's own as broker and cache, gunicorn, Celery worker and beat):

- Redis stopped while someone sends feedback: they are thanked, the feedback is saved, and the
  administrators' mail goes out once Redis is back, once (toolkit.outbox).
- The Celery worker killed in the middle of a unit report PDF: another worker takes the task
  over and the report arrives (late acknowledgement and the broker's visibility timeout).

The database unreachable is test_database_down.py; Redis unreachable while people log in, read
and answer is test_prod_mode.py; the same answer submitted twice at once is in tests/assessments."""

import json
import os
import re
import signal
import time
from pathlib import Path

import psycopg
import pytest
import requests
from psycopg import sql

from tests.toolkit.processes import (
    app_server,
    celery,
    manage,
    site_prepare,
    stop,
    wait_for,
    wait_until_serving,
)

pytestmark = [pytest.mark.process, pytest.mark.postgres]

ADMIN = "yllapito@example.org"


def count(env: dict, table: str) -> int:
    with psycopg.connect(env["DATABASE_URL"]) as database:
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        return database.execute(query).fetchone()[0]


def send_feedback(base: str, message: str) -> requests.Response:
    form = requests.get(f"{base}/fi/feedback/", timeout=20)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return requests.post(
        f"{base}/fi/feedback/",
        data={"csrfmiddlewaretoken": token, "message": message, "page_url": "", "website": ""},
        cookies={"csrftoken": form.cookies["csrftoken"]},
        headers={"Referer": f"{base}/fi/feedback/"},
        allow_redirects=False,
        timeout=20,
    )


def test_mail_queued_while_redis_is_down_goes_out_once_it_is_back(
    production_env, own_redis, tmp_path
):
    env, (port, _) = production_env
    mails = tmp_path / "mails"
    env = {
        **env,
        "REDIS_URL": own_redis.url(0),
        "CELERY_BROKER_URL": own_redis.url(1),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mails),
        "OUTBOX_REPLAY_SECONDS": "2",
    }
    site_prepare(env)
    manage(
        env,
        "shell",
        "-c",
        f"from toolkit.models import User; User.objects.create_superuser('{ADMIN}', 'x' * 20)",
    )
    processes = [
        app_server(env, port),
        celery(env, "worker", "--pool=solo"),
        celery(env, "beat", "-s", str(tmp_path / "beat")),
    ]
    try:
        wait_until_serving(port)
        base = f"http://127.0.0.1:{port}"
        own_redis.stop()

        response = send_feedback(base, "Kaavion värit erottuvat huonosti.")
        assert response.status_code == 302
        assert response.headers["Location"] == "/fi/feedback/thanks/"
        assert count(env, "cms_accessibilityfeedback") == 1
        assert count(env, "toolkit_outboxtask") == 1  # waiting for the broker
        assert not mails.exists() or not any(mails.iterdir())

        own_redis.start()
        sent = wait_for(
            lambda: mails.exists() and list(mails.iterdir()),
            seconds=120,
            what="the feedback mail after Redis came back",
        )
        mail = sent[0].read_text()
        assert ADMIN in mail and "Kaavion värit erottuvat huonosti." in mail
        wait_for(lambda: count(env, "toolkit_outboxtask") == 0, seconds=10, what="an empty outbox")
        time.sleep(6)  # three more replays by beat (every 2 s here): still one mail
        assert len(list(mails.iterdir())) == 1
    finally:
        for process in processes:
            stop(process)


def test_a_report_whose_worker_is_killed_is_made_by_another_worker(
    production_env, own_redis, tmp_path
):
    env, _ports = production_env
    marker = tmp_path / "stalled"
    env = {
        **env,
        "REDIS_URL": own_redis.url(0),
        "CELERY_BROKER_URL": own_redis.url(1),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-media"),  # where reports are stored
        # Give a dead worker's task to another worker after 5 s instead of 15 minutes.
        "CELERY_VISIBILITY_TIMEOUT": "5",
        "STALL_MARKER": str(marker),
    }
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_demo")
    first = celery(env, "worker", "--concurrency=1", app="tests.toolkit.stalling_worker")
    second = None
    try:
        job = manage(
            env,
            "shell",
            "-c",
            "from assessments.models import AssessmentRound; "
            "from assessments.services import report_jobs as jobs; "
            "r = AssessmentRound.objects.filter(status='closed').order_by('pk').first(); "
            "print(jobs.job_start(round=r, user=r.created_by, language='fi'))",
        ).split()[-1]
        wait_for(
            lambda: marker.exists() and marker.read_text(),
            seconds=60,
            what="the first worker starting the report",
        )
        os.killpg(first.pid, signal.SIGKILL)  # the worker and its pool, mid-task
        first.wait(timeout=10)
        assert job_state(env, job)["state"] == "pending"

        second = celery(env, "worker", "--concurrency=1")
        state = wait_for(
            lambda: (s := job_state(env, job))["state"] == "ready" and s,
            seconds=90,
            what="the report made by the second worker",
        )
        pdf = Path(env["PRIVATE_MEDIA_ROOT"]) / state["name"]
        assert pdf.read_bytes().startswith(b"%PDF")
    finally:
        stop(first)
        if second:
            stop(second)


def job_state(env: dict, job: str) -> dict:
    printed = manage(
        env,
        "shell",
        "-c",
        f"import json; from assessments.services import report_jobs as jobs; print(json.dumps(jobs.job_get('{job}')))",
    )
    return json.loads(printed.strip().splitlines()[-1])
