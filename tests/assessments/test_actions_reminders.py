"""Reminders on improvement actions: owners a week before the due date and when overdue, each
once; a weekly digest of overdue actions to the units' supervisors."""

import datetime

from django.conf import settings

from assessments import tasks
from assessments.models import ImprovementAction
from assessments.services import action_reminders as reminder_services
from assessments.services import actions as action_services


def _run(today, capture):
    with capture(execute=True):
        return reminder_services.action_reminders_send_due(today=today)


def test_owner_is_reminded_a_week_before_the_due_date_once(
    org, action, due, mailoutbox, django_capture_on_commit_callbacks
):
    assert _run(due - datetime.timedelta(days=8), django_capture_on_commit_callbacks)["week"] == 0
    week_before = due - datetime.timedelta(days=7)
    assert _run(week_before, django_capture_on_commit_callbacks) == {"week": 1, "overdue": 0}
    assert _run(week_before, django_capture_on_commit_callbacks) == {"week": 0, "overdue": 0}
    assert _run(due, django_capture_on_commit_callbacks) == {"week": 0, "overdue": 0}
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [org.employee_a.email]
    assert action.title in mailoutbox[0].subject
    assert f"/assessments/actions/{action.pk}/" in mailoutbox[0].body


def test_owner_is_reminded_once_when_overdue(
    org, action, due, mailoutbox, django_capture_on_commit_callbacks
):
    ImprovementAction.objects.filter(pk=action.pk).update(reminder_week_sent=True)
    after = due + datetime.timedelta(days=1)
    assert _run(after, django_capture_on_commit_callbacks) == {"week": 0, "overdue": 1}
    assert _run(after + datetime.timedelta(days=5), django_capture_on_commit_callbacks) == {
        "week": 0,
        "overdue": 0,
    }
    assert len(mailoutbox) == 1


def test_done_and_dropped_actions_are_not_reminded(
    org, action, due, mailoutbox, django_capture_on_commit_callbacks
):
    ImprovementAction.objects.filter(pk=action.pk).update(status="dropped")
    assert _run(due + datetime.timedelta(days=1), django_capture_on_commit_callbacks) == {
        "week": 0,
        "overdue": 0,
    }
    assert mailoutbox == []


def test_a_new_due_date_rearms_the_reminders(
    org, action, due, today, django_capture_on_commit_callbacks
):
    _run(due - datetime.timedelta(days=7), django_capture_on_commit_callbacks)
    action = action_services.action_update(
        action=action,
        version=1,
        changed_by=org.supervisor_a,
        due_on=due + datetime.timedelta(days=30),
    )
    assert not action.reminder_week_sent


def test_weekly_digest_goes_to_each_units_supervisors(
    org, action, action_b, due, mailoutbox, django_capture_on_commit_callbacks
):
    ImprovementAction.objects.filter(pk=action_b.pk).update(status="done")
    later = due + datetime.timedelta(days=2)
    assert reminder_services.overdue_digest_recipients(today=later) == {
        org.supervisor_a.pk: [action.pk]
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert reminder_services.overdue_digest_send(today=later) == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [org.supervisor_a.email]
    assert action.title in mailoutbox[0].body
    assert action_b.title not in mailoutbox[0].body


def test_no_digest_when_nothing_is_overdue(org, action, today, mailoutbox):
    assert reminder_services.overdue_digest_send(today=today) == 0
    assert tasks.send_overdue_digest(org.supervisor_a.pk, [action.pk]) == 1  # open action
    assert tasks.send_action_reminder(action.pk, "week") == 1


def test_the_beat_schedule_runs_the_reminders_and_the_digest():
    tasks_scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "assessments.tasks.run_action_reminders" in tasks_scheduled
    assert "assessments.tasks.run_overdue_digest" in tasks_scheduled
