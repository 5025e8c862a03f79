"""Courses assigned by supervisors: who is covered, deadlines, reminders, the unit training
report (page and CSV), permissions, bad input, and queries that do not grow with the unit."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning import services
from learning.models import AssignmentReminder, CourseAssignment, Enrolment
from learning.selectors.training import TrainingStatus, learner_assignments, unit_training_report
from learning.services.assignments import (
    assigned_user_ids,
    assignment_create,
    assignment_reminders_send_due,
)
from learning.tasks import run_assignment_reminders
from tests.toolkit.factories import member

from .factories import correct_answers, make_course

TODAY = datetime.date(2026, 12, 1)


def assign(org, course, due_on=TODAY + datetime.timedelta(days=30), **kwargs):
    return assignment_create(
        unit=org.unit_a,
        course=course,
        due_on=due_on,
        assigned_by=org.supervisor_a,
        today=TODAY,
        **kwargs,
    )


def complete(user, lessons):
    services.lesson_mark_read(user=user, lesson=lessons["lukeminen"])
    services.quiz_submit(
        user=user, lesson=lessons["testi"], answers=correct_answers(lessons["testi"])
    )
    services.video_progress_record(user=user, lesson=lessons["webinaari"], watched_share=1.0)


def test_whole_unit_assignment_covers_members_who_join_later(org, course):
    assignment = assign(org, course)
    assert assigned_user_ids(assignment) == {org.employee_a.pk, org.supervisor_a.pk}
    newcomer = member(org.unit_a)
    assert newcomer.pk in assigned_user_ids(assignment)
    assert org.employee_b.pk not in assigned_user_ids(assignment)


def test_chosen_members_only_while_they_are_in_the_unit(org, course):
    assignment = assign(org, course, members=[org.employee_a])
    assert assigned_user_ids(assignment) == {org.employee_a.pk}
    org.employee_a.memberships.all().delete()
    assert assigned_user_ids(assignment) == set()


def test_assigned_people_get_an_email_in_their_language(
    org, course, django_capture_on_commit_callbacks
):
    org.employee_a.preferred_language = "en"
    org.employee_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        assign(org, course)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {org.employee_a.email, org.supervisor_a.email}
    assert "Course assigned to you" in by_address[org.employee_a.email].subject


@pytest.mark.parametrize(
    ("due_on", "message"),
    [
        (TODAY - datetime.timedelta(days=1), "menneisyydessä"),
        (None, "määräaika"),
        (TODAY + datetime.timedelta(days=5000), "kolmen vuoden"),
    ],
)
def test_bad_deadlines_are_refused(org, course, due_on, message):
    with pytest.raises(ValidationError, match=message):
        assign(org, course, due_on=due_on)
    assert not CourseAssignment.objects.exists()


def test_people_outside_the_unit_cannot_be_assigned(org, course):
    with pytest.raises(ValidationError, match="jäseniä"):
        assign(org, course, members=[org.employee_b])
    assert not CourseAssignment.objects.exists()


def test_an_unpublished_course_cannot_be_assigned(org, course):
    course.unpublish()
    with pytest.raises(ValidationError, match="julkaistu"):
        assign(org, course)


def test_the_same_course_twice_to_the_whole_unit_is_refused(org, course):
    assign(org, course)
    with pytest.raises(ValidationError, match="jo"):
        assign(org, course)
    assert CourseAssignment.objects.count() == 1


def test_report_shows_each_members_status(org, course, lessons):
    assign(org, course, due_on=TODAY + datetime.timedelta(days=3))
    services.course_start(user=org.supervisor_a, course=course)
    complete(org.employee_a, lessons)
    (report,) = unit_training_report(unit=org.unit_a, language="fi", today=TODAY)
    statuses = {row.user: row.status for row in report.rows}
    assert statuses == {
        org.employee_a: TrainingStatus.COMPLETED,
        org.supervisor_a: TrainingStatus.IN_PROGRESS,
    }
    assert report.completed == 1 and report.percent == 50
    (late,) = unit_training_report(
        unit=org.unit_a, language="fi", today=TODAY + datetime.timedelta(days=4)
    )
    assert {row.user: row.status for row in late.rows}[org.supervisor_a] == TrainingStatus.OVERDUE


def test_learner_sees_assigned_courses_nearest_deadline_first(org, course, course_index):
    other = make_course(course_index, slug="toinen", title="Toinen kurssi")
    assign(org, course, due_on=TODAY + datetime.timedelta(days=60))
    assign(org, other, due_on=TODAY + datetime.timedelta(days=10))
    items = learner_assignments(user=org.employee_a, language="fi", today=TODAY)
    assert [item.course.title for item in items] == ["Toinen kurssi", course.title]
    assert learner_assignments(user=org.employee_b, language="fi", today=TODAY) == []


def test_reminders_a_week_before_and_after_the_deadline_once(
    org, course, lessons, django_capture_on_commit_callbacks
):
    assignment = assign(org, course, due_on=TODAY + datetime.timedelta(days=10))
    complete(org.employee_a, lessons)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the mails go after commit
        assert assignment_reminders_send_due(today=TODAY) == {"week": 0, "overdue": 0}
        week_before = assignment.due_on - datetime.timedelta(days=6)
        assert assignment_reminders_send_due(today=week_before)["week"] == 1
        assert assignment_reminders_send_due(today=week_before)["week"] == 0
        after = assignment.due_on + datetime.timedelta(days=1)
        assert assignment_reminders_send_due(today=after)["overdue"] == 1
        assert assignment_reminders_send_due(today=after)["overdue"] == 0
    assert [m.to for m in mail.outbox] == [[org.supervisor_a.email], [org.supervisor_a.email]]
    assert AssignmentReminder.objects.count() == 2


def test_beat_task_runs_the_reminders(org, course, monkeypatch):
    assign(org, course, due_on=TODAY + datetime.timedelta(days=3))
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: TODAY)
    assert run_assignment_reminders.delay().get() == {"week": 2, "overdue": 0}


# --- Views ---


@pytest.fixture
def supervisor_client(client, org):
    client.force_login(org.supervisor_a)
    return client


def test_supervisor_assigns_through_the_form_and_sees_the_report(supervisor_client, org, course):
    due = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    response = supervisor_client.post(
        "/fi/learning/units/A/assign/", {"course": course.pk, "due_on": due, "scope": "unit"}
    )
    assert response.status_code == 302
    page = supervisor_client.get("/fi/learning/units/A/").content.decode()
    assert course.title in page and org.employee_a.get_full_name() in page
    assert "ei aloitettu" in page


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"course": "999999", "due_on": "2030-01-01", "scope": "unit"},
        {"course": "COURSE", "due_on": "not a date", "scope": "unit"},
        {"course": "COURSE", "due_on": "2020-01-01", "scope": "unit"},
        {"course": "COURSE", "due_on": "2030-01-01", "scope": "chosen"},
        {"course": "COURSE", "due_on": "2030-01-01", "scope": "chosen", "members": "OTHER"},
        {"course": "COURSE", "due_on": "2030-01-01", "scope": "<script>alert(1)</script>"},
    ],
)
def test_bad_assignment_posts_get_clear_errors_and_write_nothing(
    supervisor_client, org, course, data
):
    data = {
        key: str(course.pk)
        if value == "COURSE"
        else str(org.employee_b.pk)
        if value == "OTHER"
        else value
        for key, value in data.items()
    }
    response = supervisor_client.post("/fi/learning/units/A/assign/", data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "field__error" in text or "form-errors" in text
    assert "<script>alert(1)</script>" not in text
    assert not CourseAssignment.objects.exists()


@pytest.mark.parametrize("who", ["employee_a", "supervisor_b", "trainer"])
def test_training_pages_of_unit_a_are_404_for_others(client, org, course, who):
    client.force_login(getattr(org, who))
    for url in [
        "/fi/learning/units/A/",
        "/fi/learning/units/A/training.csv",
        "/fi/learning/units/A/assign/",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post("/fi/learning/units/A/assign/", {"course": course.pk}).status_code == 404


def test_withdrawing_needs_the_units_supervisor(client, org, course):
    assignment = assign(org, course)
    client.force_login(org.supervisor_b)
    url = f"/fi/learning/units/A/assignments/{assignment.pk}/withdraw/"
    assert client.post(url).status_code == 404
    assert (
        client.post(f"/fi/learning/units/B/assignments/{assignment.pk}/withdraw/").status_code
        == 404
    )
    client.force_login(org.supervisor_a)
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not CourseAssignment.objects.exists()


def test_csv_lists_people_and_statuses_with_neutralised_cells(supervisor_client, org, course):
    org.employee_a.first_name = "=HYPERLINK(1)"
    org.employee_a.save()
    assign(org, course, due_on=timezone.localdate() + datetime.timedelta(days=9))
    response = supervisor_client.get("/fi/learning/units/A/training.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    body = [row for row in rows if len(row) == 6][1:]
    assert {row[3] for row in body} == {org.employee_a.email, org.supervisor_a.email}
    assert any(row[2].startswith("'=HYPERLINK") for row in body)


def test_my_learning_lists_assigned_courses_first(client, org, course):
    assign(org, course, due_on=timezone.localdate() + datetime.timedelta(days=9))
    client.force_login(org.employee_a)
    page = client.get("/fi/learning/my/").content.decode()
    assert page.index('id="assigned-heading"') < page.index('id="in-progress-heading"')
    assert course.title in page


def _people(unit, count):
    for _ in range(count):
        person = member(unit)
        Enrolment.objects.create(
            user=person, course_key=CourseAssignment.objects.first().course_key
        )


def test_training_report_queries_do_not_grow_with_the_unit(supervisor_client, org, course):
    assign(org, course, due_on=timezone.localdate() + datetime.timedelta(days=9))
    _people(org.unit_a, 3)
    supervisor_client.get("/fi/learning/units/A/")  # the site's settings row is made once
    with CaptureQueriesContext(connection) as small:
        supervisor_client.get("/fi/learning/units/A/")
    _people(org.unit_a, 40)
    with CaptureQueriesContext(connection) as large:
        assert supervisor_client.get("/fi/learning/units/A/").status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_my_learning_queries_do_not_grow_with_assignments(client, org, course, course_index):
    client.force_login(org.employee_a)
    assign(org, course, due_on=timezone.localdate() + datetime.timedelta(days=9))
    services.course_start(user=org.employee_a, course=course)
    client.get("/fi/learning/my/")  # the site's settings row is made once
    with CaptureQueriesContext(connection) as small:
        client.get("/fi/learning/my/")
    for n in range(3):
        extra = make_course(course_index, slug=f"k{n}", title=f"Kurssi {n}")
        assign(org, extra, due_on=timezone.localdate() + datetime.timedelta(days=9))
        services.course_start(user=org.employee_a, course=extra)
    with CaptureQueriesContext(connection) as large:
        client.get("/fi/learning/my/")
    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.mark.parametrize(
    ("language", "wrong"),
    [("fi", "12.03.2027"), ("sv", "2027-03-12"), ("en", "03/12/2027")],
)
def test_training_page_shows_finnish_dates_in_every_language(
    supervisor_client, org, course, language, wrong
):
    assign(org, course, due_on=datetime.date(2027, 3, 12))
    page = supervisor_client.get(f"/{language}/learning/units/A/").content.decode()
    assert "12.3.2027" in page
    assert wrong not in page


def test_assignment_email_in_english_writes_the_date_as_d_m_yyyy(
    org, course, django_capture_on_commit_callbacks
):
    org.employee_a.preferred_language = "en"
    org.employee_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        assign(org, course, due_on=datetime.date(2027, 3, 12))
    (email,) = [m for m in mail.outbox if m.to == [org.employee_a.email]]
    assert "12.3.2027" in email.body and "03/12/2027" not in email.body


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_training_csv_writes_dates_as_d_m_yyyy(supervisor_client, org, course, lessons, language):
    assign(org, course, due_on=datetime.date(2027, 3, 12))
    complete(org.employee_a, lessons)
    response = supervisor_client.get(f"/{language}/learning/units/A/training.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    body = {row[3]: row for row in rows if len(row) == 6 and "@" in row[3]}
    assert body[org.employee_a.email][1] == "12.3.2027"
    today = timezone.localdate()
    assert body[org.employee_a.email][5] == f"{today.day}.{today.month}.{today.year}"
    assert "2027-03-12" not in response.content.decode("utf-8-sig")


def test_withdrawing_asks_first_and_a_post_without_confirmation_withdraws_nothing(
    supervisor_client, org, course
):
    assignment = assign(org, course)
    url = f"/fi/learning/units/A/assignments/{assignment.pk}/withdraw/"
    training_page = supervisor_client.get("/fi/learning/units/A/").content.decode()
    assert f'href="{url}"' in training_page and f'action="{url}"' not in training_page
    page = supervisor_client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert course.title in text
    assert 'name="confirm" value="yes"' in text
    assert supervisor_client.post(url).status_code == 200
    assert supervisor_client.post(url, {"confirm": "no"}).status_code == 200
    assert CourseAssignment.objects.filter(pk=assignment.pk).exists()
    assert supervisor_client.post(url, {"confirm": "yes"}).status_code == 302
    assert not CourseAssignment.objects.exists()


def test_home_page_shows_an_assigned_course_the_learner_has_started_once(
    client, org, course, lessons
):
    assign(org, course)
    services.lesson_mark_read(user=org.employee_a, lesson=lessons["lukeminen"])
    client.force_login(org.employee_a)
    page = client.get("/fi/dashboard/").content.decode()
    learning = page.split('id="learning-heading"', 1)[1].split("</section>", 1)[0]
    assert learning.count(f">{course.title}</a>") == 1
    assert "Sinulle osoitetut" in learning and "training-status" in learning  # as assigned
