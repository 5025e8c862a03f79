"""Fixtures for the follow-up tests: two closed rounds of unit A (and one of unit B), and an
action of unit A owned by its employee. Import the fixtures by name into a test module."""

import datetime

import pytest

from assessments.services import actions as action_services
from tests.assessments.results_data import add_responses, closed_round, framework_version

SPRING = datetime.date(2026, 3, 31)
AUTUMN = datetime.date(2026, 9, 30)


@pytest.fixture
def version(db):
    return framework_version(statements=2)


@pytest.fixture
def spring(org, version):
    round = closed_round(org.unit_a, version, closes_on=SPRING, title="Kevät")
    add_responses(round, 5, 3)
    return round


@pytest.fixture
def autumn(org, version, spring):
    round = closed_round(org.unit_a, version, closes_on=AUTUMN, title="Syksy")
    add_responses(round, 5, 4)
    return round


@pytest.fixture
def round_b(org, version):
    round = closed_round(org.unit_b, version, closes_on=SPRING, title="Kevät B")
    add_responses(round, 5, 4)
    return round


@pytest.fixture
def due(today):
    return today + datetime.timedelta(days=30)


@pytest.fixture
def action(org, autumn, due):
    return action_services.action_create(
        unit=org.unit_a,
        source_round=autumn,
        value_key="trust",
        title="Asiakaspalaute kuukausittain",
        description="Kerätään palaute.",
        owner=org.employee_a,
        due_on=due,
        created_by=org.supervisor_a,
    )


@pytest.fixture
def action_b(org, round_b, due):
    return action_services.action_create(
        unit=org.unit_b,
        source_round=round_b,
        value_key="equality",
        title="B:n toimenpide",
        owner=org.employee_b,
        due_on=due,
        created_by=org.supervisor_b,
    )
