import os
import secrets
import uuid

import psycopg
import pytest
from django.conf import settings

from tests.toolkit.processes import (
    EMAIL,
    PASSWORD,
    REDIS,
    ROOT,
    SERVER,
    RedisServer,
    app_server,
    free_port,
    manage,
    site_prepare,
    stop,
    wait_until_serving,
)


@pytest.fixture
def admin_client(client, org):
    """An administrator in the Wagtail admin, reading it in English (instead of pytest-django's
    superuser of the same name)."""
    org.administrator.preferred_language = "en"
    org.administrator.save()
    client.force_login(org.administrator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def production_env(request):
    """(environment, two free ports) for processes with the production settings, on a fresh
    PostgreSQL database of the test's own, dropped afterwards."""
    name = f"arvokas_prodtest_{uuid.uuid4().hex[:8]}"
    assert request.node.get_closest_marker("postgres"), "mark the test `postgres`"
    admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=3)
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


@pytest.fixture
def two_app_servers(production_env):
    """Two gunicorn servers on one migrated database, with one person who can log in."""
    env, ports = production_env
    site_prepare(env)
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
            stop(server)


@pytest.fixture
def own_redis():
    """A Redis server of the test's own, which it may stop and start (processes.RedisServer)."""
    server = RedisServer()
    server.start()
    yield server
    server.stop()
