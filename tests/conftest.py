"""Shared fixtures: an organisation with two units and one person in every role, and each app's
fixtures for the tests of every folder (pytest_plugins). A fixture is defined once."""

import os
from dataclasses import dataclass

import pytest
from django.utils import translation

from tests.toolkit.factories import UnitFactory, administrator, member, supervisor, trainer
from tests.toolkit.processes import postgres_unreachable
from toolkit.models import Unit, User

pytest_plugins = ["tests.assessments.fixtures", "tests.learning.fixtures", "tests.world"]

# Playwright's sync API (browser tests) and the live server run Django's ORM in a thread that has
# an event loop; only the suite allows that, never `make run` or production.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class Organisation:
    area: Unit
    unit_a: Unit
    unit_b: Unit
    employee_a: User
    supervisor_a: User
    employee_b: User
    supervisor_b: User
    trainer: User
    administrator: User


@pytest.fixture
def org(db) -> Organisation:
    area = UnitFactory(code="AREA", name_fi="Alue")
    unit_a = UnitFactory(
        code="A", name_fi="Yksikkö A", name_sv="Enhet A", name_en="Unit A", parent=area
    )
    unit_b = UnitFactory(
        code="B", name_fi="Yksikkö B", name_sv="Enhet B", name_en="Unit B", parent=area
    )
    return Organisation(
        area=area,
        unit_a=unit_a,
        unit_b=unit_b,
        employee_a=member(unit_a, email="employee.a@example.org"),
        supervisor_a=supervisor(unit_a, email="supervisor.a@example.org"),
        employee_b=member(unit_b, email="employee.b@example.org"),
        supervisor_b=supervisor(unit_b, email="supervisor.b@example.org"),
        trainer=trainer(email="trainer@example.org"),
        administrator=administrator(email="admin@example.org"),
    )


def pytest_runtest_setup(item):
    """Tests marked `postgres` need a PostgreSQL server: without one they fail at once, saying
    why and how to start it (the suite skips nothing, so a missing server cannot hide)."""
    if item.get_closest_marker("postgres") and (reason := postgres_unreachable()):
        pytest.fail(reason, pytrace=False)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts and ends with an empty cache: the test database is rolled back, and ids
    with it; allauth keeps its rate limits and used TOTP codes there, so one test's failed logins
    do not lock out the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _finnish_by_default():
    """Each test starts in the default language, whatever the previous one activated."""
    translation.activate("fi")
    yield
    translation.deactivate()
