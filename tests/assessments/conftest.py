"""Fixtures for the self-assessment: a published framework version and an open round of unit A."""

import datetime

import pytest
from django.utils import timezone

from assessments.services import rounds as round_services
from tests.assessments.results_data import framework_version
from tests.toolkit.factories import member


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
