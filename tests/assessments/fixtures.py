"""Fixtures of the self-assessment, for every test (registered in tests/conftest.py): a published
framework version and an open round of unit A; a closed round with a report's data; and for the
follow-up tests two closed rounds of unit A (and one of unit B) with an action of unit A owned by
its employee."""

import datetime

import pytest
from django.utils import timezone

from assessments.services import actions as action_services
from assessments.services import rounds as round_services
from tests.assessments.factories import add_responses, closed_round, framework_version, invite
from tests.toolkit.factories import member

DAY = datetime.timedelta(days=1)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def version(db):
    return framework_version(statements=3)


@pytest.fixture
def team(org):
    """Unit A with five more employees (seven members in all with the org's two)."""
    return [member(org.unit_a) for _ in range(5)]


@pytest.fixture
def open_round(org, team, version, today, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return round_services.round_create(
            unit=org.unit_a,
            framework_version=version,
            title="Syksy 2026",
            opens_on=today,
            closes_on=today + datetime.timedelta(days=14),
            created_by=org.supervisor_a,
            today=today,
        )


@pytest.fixture
def closed(org, team, version, today):
    """The round of a unit report: unit A's autumn round, closed yesterday with the team invited
    and five answers, after a spring round a hundred days earlier (the trend)."""
    earlier = closed_round(org.unit_a, version, closes_on=today - 100 * DAY, title="Kevät")
    add_responses(earlier, 5, score=3)
    round = closed_round(org.unit_a, version, closes_on=today - DAY, title="Syksy")
    invite(round, team)
    add_responses(round, 5, score=4, barrier="Kiireessä unohtuu kysyä asiakkaalta")
    return round


# --- follow-up: rounds and actions ------------------------------------------------------------

SPRING = datetime.date(2026, 3, 31)
AUTUMN = datetime.date(2026, 9, 30)


@pytest.fixture
def actions_version(db):
    """Two statements per value: the version of the follow-up rounds."""
    return framework_version(statements=2)


@pytest.fixture
def spring(org, actions_version):
    round = closed_round(org.unit_a, actions_version, closes_on=SPRING, title="Kevät")
    add_responses(round, 5, 3)
    return round


@pytest.fixture
def autumn(org, actions_version, spring):
    round = closed_round(org.unit_a, actions_version, closes_on=AUTUMN, title="Syksy")
    add_responses(round, 5, 4)
    return round


@pytest.fixture
def round_b(org, actions_version):
    round = closed_round(org.unit_b, actions_version, closes_on=SPRING, title="Kevät B")
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
