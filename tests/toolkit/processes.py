"""Helpers for the tests that run the site as separate processes, as in production: gunicorn
app servers, Celery workers and a Redis of their own, against a PostgreSQL database made for the
test (fixtures in conftest.py)."""

from __future__ import annotations

import functools
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
EMAIL, PASSWORD = "prod.test@example.org", "a-long-password-for-prod"


@functools.cache
def postgres_unreachable() -> str:
    """Why the test PostgreSQL server (SERVER) cannot be used, or "" when it answers."""
    import psycopg

    try:
        psycopg.connect(SERVER, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        return (
            f"PostgreSQL is not running at {SERVER} ({str(error).strip().splitlines()[0]}): start "
            "it with 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'"
        )
    return ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    """Run manage.py with `env`; returns what it printed, fails the test with its errors."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def site_prepare(env: dict) -> None:
    """What an app server needs before it starts: the migrated database and the static files."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


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


def wait_for(check, *, seconds: float, what: str):
    """Poll `check()` until it returns something true; that value, or the test fails."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {seconds:.0f} s")


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


def celery(env: dict, *args: str, app: str = "toolkit") -> subprocess.Popen:
    """`celery -A app <args>` in its own process group, so a test can kill it with its pool."""
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", app, *args, "-l", "WARNING"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


class RedisServer:
    """A Redis of the test's own on a free port, keeping nothing on disk, that the test may stop
    and start again on the same port (an outage)."""

    def __init__(self) -> None:
        self.binary = shutil.which("redis-server")
        assert self.binary, "redis-server is missing: apt-get install redis-server"
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, seconds=10, what="redis-server start")

    def stop(self) -> None:
        if self.process:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False


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
