"""Courses recommended from a unit's weakest values (under the anonymity rule), adopting one
as an assignment and an improvement action, and trainers' aggregated analytics."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments.models import ImprovementAction
from learning import services
from learning.models import CourseAssignment, QuizAttempt
from learning.selectors.analytics import course_analytics, courses_analytics
from learning.selectors.recommendations import member_recommendations, unit_recommendations
from tests.assessments.factories import add_responses, closed_round, framework_version
from tests.toolkit.factories import UserFactory

from .factories import correct_answers, make_course


@pytest.fixture
def trust_course(course_index):
    course = make_course(course_index, slug="luottamus", title="Luottamuksen rakentaminen")
    course.values = ["trust"]
    course.save_revision().publish()
    return course


def weak_trust(statement) -> int:
    return 2 if statement.value.key == "trust" else 4


@pytest.fixture
def assessed(org):
    """Unit A's latest closed round: trust scored lowest, with five answers (k = 5)."""
    version = framework_version()
    round = closed_round(org.unit_a, version)
    add_responses(round, 5, lambda i, statement: weak_trust(statement))
    return round


def test_weakest_value_suggests_the_courses_tagged_with_it(org, assessed, course, trust_course):
    items = unit_recommendations(unit=org.unit_a, language="fi")
    assert items[0].course.title == "Luottamuksen rakentaminen"
    assert items[0].value_key == "trust" and items[0].round == assessed
    assert unit_recommendations(unit=org.unit_b, language="fi") == []


def test_a_round_under_the_threshold_recommends_nothing(org, course, trust_course):
    round = closed_round(org.unit_a, framework_version())
    add_responses(round, 4, lambda i, statement: weak_trust(statement))
    assert unit_recommendations(unit=org.unit_a, language="fi") == []


def test_members_see_recommendations_until_they_complete_the_course(
    org, assessed, trust_course, lessons
):
    items = member_recommendations(user=org.employee_a, language="fi")
    assert [i.course.title for i in items] == ["Luottamuksen rakentaminen"]
    assert member_recommendations(user=org.employee_b, language="fi") == []


def test_adopting_a_recommendation_assigns_and_records_an_action(
    client, org, assessed, trust_course
):
    client.force_login(org.supervisor_a)
    url = f"/fi/learning/units/A/assign/?course={trust_course.pk}"
    page = client.get(url).content.decode()
    assert 'name="record_action"' in page
    due = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    response = client.post(
        url, {"course": trust_course.pk, "due_on": due, "scope": "unit", "record_action": "on"}
    )
    assert response.status_code == 302
    assignment = CourseAssignment.objects.get()
    action = ImprovementAction.objects.get()
    assert action.value_key == "trust" and action.source_round == assessed
    assert action.due_on == assignment.due_on and trust_course.title in action.title
    assert unit_recommendations(unit=org.unit_a, language="fi")[0].assigned


def test_adopting_writes_neither_when_the_action_is_refused(client, org, assessed, trust_course):
    org.supervisor_a.is_active = False  # an inactive owner is refused by the action service
    org.supervisor_a.save()
    from learning.services.assignments import recommendation_adopt

    item = unit_recommendations(unit=org.unit_a, language="fi")[0]
    with pytest.raises(ValidationError, match="owner|omistaja|käytössä"):
        recommendation_adopt(
            unit=org.unit_a,
            course=trust_course,
            due_on=timezone.localdate() + datetime.timedelta(days=30),
            assigned_by=org.supervisor_a,
            recommendation=item,
        )
    assert not CourseAssignment.objects.exists() and not ImprovementAction.objects.exists()


def test_unit_page_shows_recommendations_to_its_members_only(client, org, assessed, trust_course):
    client.force_login(org.employee_a)
    assert "Luottamuksen rakentaminen" in client.get("/fi/units/A/").content.decode()
    client.force_login(org.employee_b)
    assert client.get("/fi/units/A/").status_code == 404


# --- Trainers' analytics ---


def test_figures_count_enrolments_completions_and_median_time(org, course, lessons):
    people = UserFactory.create_batch(3)
    for days, person in zip([2, 4, 10], people, strict=True):
        enrolment = services.course_start(user=person, course=course)
        enrolment.completed_at = enrolment.started_at + datetime.timedelta(days=days)
        enrolment.save()
    services.course_start(user=org.employee_a, course=course)
    (figures,) = courses_analytics(language="fi")
    assert (figures.enrolled, figures.completed, figures.completion_percent) == (4, 3, 75)
    assert figures.median_days == 4.0


def test_most_missed_questions_shown_only_from_k_learners(course, lessons):
    quiz = lessons["testi"]
    (single_id, _q), (multiple_id, _m) = quiz.questions
    wrong_single = {**correct_answers(quiz), single_id: [1]}
    people = UserFactory.create_batch(5)
    for person in people[:4]:
        services.quiz_submit(user=person, lesson=quiz, answers=wrong_single)
    assert course_analytics(course=course).questions == []
    services.quiz_submit(user=people[4], lesson=quiz, answers=correct_answers(quiz))
    questions = course_analytics(course=course).questions
    assert questions[0].question == quiz.questions[0][1]["question"]
    assert (questions[0].attempts, questions[0].missed, questions[0].missed_percent) == (5, 4, 80)
    assert questions[1].missed == 0
    assert QuizAttempt.objects.count() == 5


def test_analytics_pages_are_for_trainers_and_show_no_names(client, org, course, lessons):
    services.course_start(user=org.employee_a, course=course)
    for who, status in [("employee_a", 404), ("supervisor_a", 404), ("trainer", 200)]:
        client.force_login(getattr(org, who))
        assert client.get("/fi/learning/analytics/").status_code == status
        response = client.get(f"/fi/learning/analytics/{course.pk}/")
        assert response.status_code == status
    text = response.content.decode()
    assert org.employee_a.email not in text and org.employee_a.last_name not in text
