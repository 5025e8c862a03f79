"""Production mode on this machine: two gunicorn app servers with the production settings share
one PostgreSQL database and one Redis, so a person who logs in on one continues on the other;
and a pg_dump of it, restored into a new database, serves the same site.

The test makes its own database on the machine's PostgreSQL (TEST_POSTGRES_URL), migrates it with
the production settings, starts the two servers as `make prod` does, and drops it afterwards.
Without PostgreSQL it fails with the command that starts it."""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import requests

from tests.load.rush import run

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
EMAIL, PASSWORD = "prod.test@example.org", "a-long-password-for-prod"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def production_env():
    name = f"arvokas_prodtest_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.fail(
            f"PostgreSQL is not running at {SERVER}: start it with "
            "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'"
        )
    admin.execute(f'CREATE DATABASE "{name}"')
    ports = [free_port(), free_port()]
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "toolkit.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": SERVER.rsplit("/", 1)[0] + "/" + name,
        "REDIS_URL": REDIS,
        "CELERY_BROKER_URL": REDIS,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{ports[0]}",
        "CSRF_TRUSTED_ORIGINS": ",".join(f"http://127.0.0.1:{p}" for p in ports),
        "SECURE_SSL_REDIRECT": "false",
        "REQUIRE_MFA_FOR_ADMINS": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    try:
        yield env, ports
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]


def wait_until_serving(port: int, *, healthy: bool = True) -> None:
    """Until the server answers /healthz (with 200, unless told it cannot be healthy)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code
            if status == 200 or not healthy:
                return
        except requests.RequestException:  # not listening yet, or still loading the app
            pass
        time.sleep(0.3)
    raise AssertionError(f"gunicorn on port {port} did not start")


@pytest.fixture
def two_app_servers(production_env):
    env, ports = production_env
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(
        env,
        "shell",
        "-c",
        "from toolkit.models import User; from allauth.account.models import EmailAddress; "
        f"u = User.objects.create_user(email='{EMAIL}', password='{PASSWORD}', first_name='Pia'); "
        "EmailAddress.objects.create(user=u, email=u.email, verified=True, primary=True)",
    )
    servers = [app_server(env, port) for port in ports]
    try:
        for port in ports:
            wait_until_serving(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)


def app_server(env: dict, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "toolkit/prod/gunicorn.conf.py",
            "-w",
            "1",
            "-b",
            f"127.0.0.1:{port}",
            "toolkit.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def log_in(base: str) -> str:
    """Log in with the form, as a browser does; returns the session cookie's value."""
    login_page = requests.get(f"{base}/fi/accounts/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.text).group(1)
    logged_in = requests.post(
        f"{base}/fi/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": EMAIL, "password": PASSWORD},
        cookies={"csrftoken": login_page.cookies["csrftoken"]},
        headers={"Referer": f"{base}/fi/accounts/login/"},
        allow_redirects=False,
        timeout=10,
    )
    assert logged_in.status_code == 302, logged_in.text[:500]
    assert "Secure" in logged_in.headers["Set-Cookie"]
    return logged_in.cookies["sessionid"]


def test_login_on_one_app_server_continues_on_the_other(two_app_servers):
    first, second = two_app_servers
    # The cookies are Secure, as in production. A real browser still sends them to 127.0.0.1;
    # this client keeps Secure cookies for https only, so the test hands them on itself.
    assert (
        "script-src 'self';" in requests.get(first, timeout=10).headers["Content-Security-Policy"]
    )
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
            server.terminate()
            server.wait(timeout=20)
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{restored.rsplit("/", 1)[1]}" WITH (FORCE)')


def test_with_redis_down_people_still_log_in_and_read(two_app_servers, production_env):
    """Redis (cache, session cache, broker) unreachable: /healthz says so but answers 200, and
    signing in and reading pages work from the database."""
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
    finally:
        server.terminate()
        server.wait(timeout=20)


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
    with psycopg.connect(env["DATABASE_URL"]) as database:
        stored = database.execute(
            "SELECT (SELECT count(*) FROM assessments_sealedresponse WHERE round_id = %s),"
            " (SELECT count(*) FROM assessments_participation WHERE round_id = %s)",
            (rush["round"], rush["round"]),
        ).fetchone()
    assert stored == (200, 200)
    print(json.dumps(report))
