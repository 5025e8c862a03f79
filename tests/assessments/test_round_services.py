"""Rounds: create, open and invite, add late members, extend, close, remind, and the beat task."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from assessments.models import AssessmentRound, Draft, Invitation, Participation
from assessments.services import rounds as round_services
from assessments.services.answering import response_submit
from assessments.tasks import run_round_calendar
from tests.assessments.factories import closed_round, framework_version, full_submission, invite
from tests.toolkit.factories import UnitFactory, member

DAY = datetime.timedelta(days=1)


def make_round(org, version, today, *, opens_in=0, days=14):
    return round_services.round_create(
        unit=org.unit_a,
        framework_version=version,
        title="Kevät",
        opens_on=today + opens_in * DAY,
        closes_on=today + (opens_in + days) * DAY,
        created_by=org.supervisor_a,
        today=today,
    )


def test_round_opening_today_invites_every_member_and_mails_them_in_their_language(
    org, team, version, today, django_capture_on_commit_callbacks
):
    team[0].preferred_language = "sv"
    team[0].save()
    with django_capture_on_commit_callbacks(execute=True):
        round = make_round(org, version, today)
    assert round.status == AssessmentRound.Status.OPEN
    members = {org.employee_a, org.supervisor_a, *team}
    assert set(Invitation.objects.filter(round=round).values_list("user", flat=True)) == {
        u.pk for u in members
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in members)
    swedish = next(m for m in mail.outbox if m.to == [team[0].email])
    assert "självvärdering" in swedish.subject.lower() or "Arvokas" in swedish.subject
    assert f"/sv/assessments/rounds/{round.pk}/answer/" in swedish.body
    assert org.employee_b.email not in [m.to[0] for m in mail.outbox]


def test_round_opening_later_stays_a_draft_until_the_calendar_opens_it(org, version, today):
    round = make_round(org, version, today, opens_in=3)
    assert round.status == AssessmentRound.Status.DRAFT
    assert not Invitation.objects.filter(round=round).exists()
    assert round_services.rounds_open_due(today=today + 2 * DAY) == 0
    assert round_services.rounds_open_due(today=today + 3 * DAY) == 1
    round.refresh_from_db()
    assert round.status == AssessmentRound.Status.OPEN
    assert Invitation.objects.filter(round=round).count() == 2


@pytest.mark.parametrize(
    ("opens_in", "days", "field"),
    [(-1, 14, "opens_on"), (0, -1, "closes_on"), (0, 181, "closes_on")],
)
def test_round_with_impossible_dates_is_refused_and_nothing_is_stored(
    org, version, today, opens_in, days, field
):
    with pytest.raises(ValidationError) as error:
        make_round(org, version, today, opens_in=opens_in, days=days)
    assert field in error.value.error_dict
    assert not AssessmentRound.objects.exists()


def test_unpublished_version_cannot_be_used(org, today):
    draft_version = framework_version()
    draft_version.is_published = False
    draft_version.save()
    with pytest.raises(ValidationError):
        make_round(org, draft_version, today)
    assert not AssessmentRound.objects.exists()


def test_a_unit_has_one_unclosed_round_at_a_time(org, version, today):
    make_round(org, version, today)
    with pytest.raises(ValidationError):
        make_round(org, version, today, opens_in=1)
    assert AssessmentRound.objects.count() == 1


def test_members_who_join_later_can_be_added_once(open_round, org):
    newcomer = member(org.unit_a)
    assert round_services.round_invite_new_members(round=open_round) == 1
    assert round_services.round_invite_new_members(round=open_round) == 0
    assert Invitation.objects.filter(round=open_round, user=newcomer).exists()


def test_extend_moves_the_closing_date_and_rearms_reminders(open_round, today):
    open_round.reminder_before_sent = True
    open_round.save()
    round_services.round_extend(round=open_round, closes_on=open_round.closes_on + 7 * DAY)
    assert open_round.closes_on == today + 21 * DAY
    assert not open_round.reminder_before_sent
    with pytest.raises(ValidationError):
        round_services.round_extend(round=open_round, closes_on=today)


def test_close_by_hand_sets_the_real_closing_date_and_removes_drafts(open_round, org, today):
    Draft.objects.create(round=open_round, user=org.employee_a, data={"role": "staff"})
    round_services.round_close(round=open_round, today=today + 2 * DAY)
    assert open_round.status == AssessmentRound.Status.CLOSED
    assert open_round.closes_on == today + 2 * DAY
    assert not Draft.objects.exists()
    with pytest.raises(ValidationError):
        round_services.round_close(round=open_round)


def test_calendar_task_closes_rounds_after_their_last_day_only(open_round, today):
    assert round_services.rounds_close_due(today=open_round.closes_on) == 0
    assert round_services.rounds_close_due(today=open_round.closes_on + DAY) == 1
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.CLOSED


def test_calendar_task_runs_through_celery_and_does_each_step_once(
    open_round, org, version, today, django_capture_on_commit_callbacks
):
    """One tick closes the round past its last day, opens the round whose day came (inviting
    and mailing its unit) and reminds on a round's last day; the next tick finds nothing to do."""
    AssessmentRound.objects.filter(pk=open_round.pk).update(
        opens_on=today - 15 * DAY, closes_on=today - DAY
    )
    opening = round_services.round_create(
        unit=org.unit_b,
        framework_version=version,
        title="Syksy",
        opens_on=today + DAY,
        closes_on=today + 10 * DAY,
        created_by=org.supervisor_b,
        today=today,
    )
    AssessmentRound.objects.filter(pk=opening.pk).update(opens_on=today)
    unit_c = UnitFactory(code="C", parent=org.area)
    employee_c = member(unit_c, email="employee.c@example.org")
    last_day = closed_round(
        unit_c, version, closes_on=today, status=AssessmentRound.Status.OPEN, title="Viim."
    )
    invite(last_day, [employee_c])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert run_round_calendar.delay().get() == {"closed": 1, "opened": 1, "reminded": 1}
    with django_capture_on_commit_callbacks(execute=True):
        assert run_round_calendar.delay().get() == {"closed": 0, "opened": 0, "reminded": 0}

    statuses = dict(AssessmentRound.objects.values_list("pk", "status"))
    assert statuses[open_round.pk] == AssessmentRound.Status.CLOSED
    assert statuses[opening.pk] == AssessmentRound.Status.OPEN
    invited_b = set(Invitation.objects.filter(round=opening).values_list("user__email", flat=True))
    assert org.employee_b.email in invited_b
    # Invitations to B's round, the reminder of C's last day, and "results ready" to those
    # invited to A's closed round and A's supervisor.
    closed_a = set(
        Invitation.objects.filter(round=open_round).values_list("user__email", flat=True)
    )
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        [*invited_b, employee_c.email, *(closed_a | {org.supervisor_a.email})]
    )


def test_response_rate_counts_answers_not_people(open_round, org):
    response_submit(round=open_round, user=org.employee_a, submission=full_submission(open_round))
    rate = round_services.round_response_rate(round=open_round)
    assert (rate.answered, rate.invited, rate.percent) == (1, 7, 14)


def test_automatic_reminders_go_3_days_before_and_on_the_last_day_to_those_not_answered(
    open_round, org, django_capture_on_commit_callbacks
):
    response_submit(round=open_round, user=org.employee_a, submission=full_submission(open_round))
    mail.outbox.clear()
    three_before = open_round.closes_on - 3 * DAY
    with django_capture_on_commit_callbacks(execute=True):
        assert round_services.reminders_send_due(today=three_before - DAY) == 0
        assert round_services.reminders_send_due(today=three_before) == 1
        assert round_services.reminders_send_due(today=three_before) == 0  # only once
    assert len(mail.outbox) == 6
    assert org.employee_a.email not in [m.to[0] for m in mail.outbox]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert round_services.reminders_send_due(today=open_round.closes_on) == 1
    assert len(mail.outbox) == 6


def test_supervisor_can_send_one_extra_reminder_a_day(
    open_round, today, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert round_services.round_remind_now(round=open_round, today=today) == 7
    assert len(mail.outbox) == 7
    with pytest.raises(ValidationError):
        round_services.round_remind_now(round=open_round, today=today)
    assert round_services.round_remind_now(round=open_round, today=today + DAY) == 7


def test_reminder_mails_say_nothing_about_answers(
    open_round, org, django_capture_on_commit_callbacks
):
    response_submit(
        round=open_round, user=org.employee_a, submission=full_submission(open_round, barrier="X9")
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        round_services.round_remind_now(round=open_round)
    for message in mail.outbox:
        assert "X9" not in message.body
        assert org.employee_a.get_full_name() not in message.body


def test_participation_is_kept_when_a_round_closes(open_round, org):
    response_submit(round=open_round, user=org.employee_a, submission=full_submission(open_round))
    round_services.round_close(round=open_round)
    assert Participation.objects.filter(round=open_round).count() == 1
