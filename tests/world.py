"""The world of the permission and hostile-input tests (tests/test_permission_matrix.py,
tests/test_hostile_input.py): one of each thing a URL can point to. The `world` fixture is
registered for every test in tests/conftest.py."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from assessments.models import ActionSuggestion, AssessmentRound
from assessments.services import actions as action_services
from assessments.services import suggestions as suggestion_services
from cms.models import SiteSettings
from feedback.models import FeedbackMessage, MessageContact
from learning.models import Certificate, CourseAssignment, CourseIndexPage, LessonPage
from learning.services import assignments as assignment_services
from tests.assessments.factories import add_responses, closed_round, framework_version, invite
from tests.learning.factories import make_course, publish


@dataclass
class World:
    org: object
    round: AssessmentRound
    action: object
    suggestion: ActionSuggestion
    lesson: LessonPage
    webinar: LessonPage
    course: object
    certificate: Certificate
    assignment: CourseAssignment
    message: object = None  # a client message in unit A's feedback inbox, with a contact


@pytest.fixture
def world(org, home) -> World:
    """Unit A with a closed round of five answers, an action owned by its employee and a pending
    suggestion; a course with lessons and a live webinar; a certificate of the employee; an
    assignment of the course to unit A."""
    version = framework_version(statements=2)
    round = closed_round(
        org.unit_a, version, closes_on=timezone.localdate() - datetime.timedelta(1)
    )
    invite(round, [org.employee_a, org.supervisor_a])
    add_responses(round, 5, 4)
    action = action_services.action_create(
        unit=org.unit_a,
        source_round=round,
        value_key="trust",
        title="Palaute",
        owner=org.employee_a,
        due_on=timezone.localdate() + datetime.timedelta(30),
        created_by=org.supervisor_a,
    )
    suggestion = suggestion_services.suggestion_create(
        unit=org.unit_a,
        value_key="dignity",
        title="Idea",
        description="",
        suggested_by=org.employee_a,
    )
    SiteSettings.for_site(home.get_site())  # made on first use: make it before the snapshots
    course = make_course(publish(home, CourseIndexPage(title="Kurssit", slug="kurssit")))
    lessons = {page.slug: page for page in LessonPage.objects.child_of(course)}
    certificate = Certificate.objects.create(
        user=org.employee_a,
        course_key=course.translation_key,
        learner_name="Eeva",
        course_titles={"fi": course.title},
        completed_on=timezone.localdate(),
    )
    assignment = assignment_services.assignment_create(
        unit=org.unit_a,
        course=course,
        due_on=timezone.localdate() + datetime.timedelta(30),
        assigned_by=org.supervisor_a,
    )
    message = FeedbackMessage.objects.create(
        unit=org.unit_a,
        received_on=timezone.localdate(),
        due_on=timezone.localdate() + datetime.timedelta(7),
        text="Palvelu oli hidasta.",
    )
    MessageContact.objects.create(message=message, contact="040 123 4567")
    return World(
        org,
        round,
        action,
        suggestion,
        lessons["lukeminen"],
        lessons["live"],
        course,
        certificate,
        assignment,
        message,
    )
