"""Production mode on this machine: two gunicorn app servers with the production settings share
one PostgreSQL database and one Redis, so a person who logs in on one continues on the other;
and a pg_dump of it, restored into a new database, serves the same site.

The test makes its own database on the machine's PostgreSQL (TEST_POSTGRES_URL), migrates it with
the production settings, starts the two servers as `make prod` does, and drops it afterwards.
Without PostgreSQL it is skipped with the command that starts it (failed in CI)."""

import json
import shutil
import subprocess

import psycopg
import pytest
import requests

from tests.load.rush import run, stored
from tests.toolkit.processes import (
    SERVER,
    app_server,
    free_port,
    log_in,
    manage,
    stop,
    wait_until_serving,
)

pytestmark = [pytest.mark.process, pytest.mark.postgres]


def test_login_on_one_app_server_continues_on_the_other(two_app_servers):
    first, second = two_app_servers
    # The cookies are Secure, as in production. A real browser still sends them to 127.0.0.1;
    # this client keeps Secure cookies for https only, so the test hands them on itself.
    # Directives in any order: django-csp does not keep one.
    policy = requests.get(first, timeout=10).headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    session = log_in(first)
    on_second = requests.get(
        f"{second}/fi/dashboard/", cookies={"sessionid": session}, allow_redirects=False, timeout=10
    )
    assert on_second.status_code == 200
    assert "Pia" in on_second.text
    assert requests.get(f"{second}/static/toolkit/site.css", timeout=10).status_code == 200


def test_a_dump_restored_into_a_new_database_serves_the_site(two_app_servers, production_env):
    """The backup procedure of docs/deploy.md: pg_dump, pg_restore into a new database, and an
    app server on the restored copy serves the same people."""
    env, _ports = production_env
    source = env["DATABASE_URL"]
    restored = f"{source}_restored"
    pg_dump, pg_restore = shutil.which("pg_dump"), shutil.which("pg_restore")
    assert pg_dump and pg_restore, (
        "PostgreSQL's client tools are missing: apt-get install postgresql-client"
    )
    dump = subprocess.run(
        [pg_dump, "--format=custom", "--no-owner", source], capture_output=True, check=True
    ).stdout
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{restored.rsplit("/", 1)[1]}"')
    try:
        subprocess.run([pg_restore, "--no-owner", f"--dbname={restored}"], input=dump, check=True)
        restored_env = {**env, "DATABASE_URL": restored}
        port = free_port()
        server = app_server(restored_env, port)
        try:
            wait_until_serving(port)
            base = f"http://127.0.0.1:{port}"
            dashboard = requests.get(
                f"{base}/fi/dashboard/", cookies={"sessionid": log_in(base)}, timeout=10
            )
            assert dashboard.status_code == 200 and "Pia" in dashboard.text
        finally:
            stop(server)
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{restored.rsplit("/", 1)[1]}" WITH (FORCE)')


def test_with_redis_down_people_still_log_in_read_and_answer(
    two_app_servers, production_env, tmp_path
):
    """Redis (cache, session cache, broker) unreachable: /healthz says so but answers 200, and
    signing in, reading pages and answering a self-assessment work from the database."""
    env, _ports = production_env
    down = {
        **env,
        "REDIS_URL": "redis://127.0.0.1:1/0",  # nothing listens there
        "CELERY_BROKER_URL": "redis://127.0.0.1:1/1",
    }
    port = free_port()
    server = app_server(down, port)
    try:
        wait_until_serving(port, healthy=False)
        base = f"http://127.0.0.1:{port}"
        health = requests.get(f"{base}/healthz", timeout=20)
        assert health.status_code == 200
        assert health.json() == {
            "status": "ok",
            "database": "ok",
            "cache": "error",
            "broker": "error",
        }
        assert requests.get(f"{base}/fi/", timeout=20).status_code == 200
        session = log_in(base)
        for path in ("/fi/dashboard/", "/fi/learning/my/", "/fi/account/data/"):
            page = requests.get(
                base + path, cookies={"sessionid": session}, allow_redirects=False, timeout=20
            )
            assert page.status_code == 200, path

        # Three employees open the form, save a draft and submit, as in the load test.
        manage(down, "seed_rush", "--employees", "3", "--out", str(tmp_path / "rush.json"))
        rush = json.loads((tmp_path / "rush.json").read_text())
        report = run([base], rush, browsers=0, seconds=4)
        assert (report["errors"], report["accepted_submits"]) == (0, 3), report["error_examples"]
        assert stored(env["DATABASE_URL"], rush["round"])["stored_responses"] == 3
    finally:
        stop(server)


@pytest.mark.load
def test_round_closing_rush_loses_no_answer(two_app_servers, production_env, tmp_path):
    """The load test's CI version: 200 signed-in employees each open the form, save a draft
    and submit within 30 seconds while 20 others browse, across both app servers. No request
    fails, and every accepted submit is stored. (The full run: README, "Load test".)"""
    env, _ports = production_env
    manage(env, "seed_demo")
    sessions = tmp_path / "rush.json"
    manage(env, "seed_rush", "--employees", "200", "--out", str(sessions))
    rush = json.loads(sessions.read_text())
    report = run(two_app_servers, rush, browsers=20, seconds=30)
    assert report["errors"] == 0, report["error_examples"]
    assert report["accepted_submits"] == 200
    assert stored(env["DATABASE_URL"], rush["round"]) == {
        "stored_responses": 200,
        "stored_participations": 200,
    }
    print(json.dumps(report))
