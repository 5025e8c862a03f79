"""A round's life: create as a draft, open (invite the unit's members), extend, close, remind.

Every change runs in one transaction and queues its e-mails only after the commit, so a failed
change sends nothing and a sent e-mail always matches what is stored.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.models import Membership, Unit, User
from toolkit.numbers import percent_of
from toolkit.outbox import enqueue_on_commit

from ..anonymity import current_threshold
from ..models import AssessmentRound, Draft, FrameworkVersion, Invitation, Participation
from ..notifications import notify_results_ready
from ..sealing import SealingKeyError
from .answering import responses_unseal

Status = AssessmentRound.Status


@dataclass(frozen=True)
class ResponseRate:
    """Answered / invited: the only thing anyone sees of an open round."""

    answered: int
    invited: int

    @property
    def percent(self) -> int | None:
        return percent_of(self.answered, self.invited)


def _validate_dates(*, opens_on: datetime.date, closes_on: datetime.date, today: datetime.date):
    errors = {}
    if opens_on < today:
        errors["opens_on"] = _("The round cannot open in the past.")
    if closes_on < opens_on:
        errors["closes_on"] = _("The closing date must be on or after the opening date.")
    elif closes_on > opens_on + datetime.timedelta(days=180):
        errors["closes_on"] = _("A round can be open for at most 180 days.")
    if errors:
        raise ValidationError(errors)


def round_create(
    *,
    unit: Unit,
    framework_version: FrameworkVersion,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    created_by: User,
    today: datetime.date | None = None,
) -> AssessmentRound:
    """A new round; it opens at once when its opening date is today, else on that date."""
    today = today or timezone.localdate()
    _validate_dates(opens_on=opens_on, closes_on=closes_on, today=today)
    if not framework_version.is_published:
        raise ValidationError({"framework_version": _("Choose a published framework version.")})
    if unit.assessment_rounds.filter(status__in=[Status.DRAFT, Status.OPEN]).exists():
        raise ValidationError(
            _("The unit already has a round that has not closed. Close it before starting another.")
        )
    with transaction.atomic():
        round = AssessmentRound.objects.create(
            unit=unit,
            framework_version=framework_version,
            title=title.strip(),
            opens_on=opens_on,
            closes_on=closes_on,
            created_by=created_by,
        )
        if opens_on <= today:
            round_open(round=round, today=today)
    return round


def _invite_current_members(round: AssessmentRound) -> list[int]:
    """Invite the unit's active members who are not yet invited; returns the new user ids."""
    already = Invitation.objects.filter(round=round).values("user_id")
    user_ids = list(
        Membership.objects.filter(unit=round.unit_id, user__is_active=True)
        .exclude(user_id__in=already)
        .values_list("user_id", flat=True)
        .distinct()
    )
    Invitation.objects.bulk_create(
        [Invitation(round=round, user_id=pk) for pk in user_ids], ignore_conflicts=True
    )
    return user_ids


def _queue_invitation_mails(round: AssessmentRound, user_ids: list[int]) -> None:

    if user_ids:
        enqueue_on_commit("assessments.tasks.send_round_invitations", round.pk, user_ids)


def round_open(*, round: AssessmentRound, today: datetime.date | None = None) -> int:
    """Draft → open: everyone who is a member of the unit now is invited. Returns how many."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
        if locked.status != Status.DRAFT:
            raise ValidationError(_("Only a round that has not opened yet can be opened."))
        if locked.closes_on < today:
            raise ValidationError(_("The closing date has passed. Change the dates first."))
        user_ids = _invite_current_members(locked)
        locked.status = Status.OPEN
        locked.opened_at = timezone.now()
        if locked.opens_on > today:
            locked.opens_on = today  # opened early by hand
        locked.save(update_fields=["status", "opened_at", "opens_on"])
        _queue_invitation_mails(locked, user_ids)
    round.refresh_from_db()
    return len(user_ids)


def round_invite_new_members(*, round: AssessmentRound) -> int:
    """Invite members who joined the unit after the round opened. Returns how many."""
    with transaction.atomic():
        locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
        if locked.status != Status.OPEN:
            raise ValidationError(_("People can be added only while the round is open."))
        user_ids = _invite_current_members(locked)
        _queue_invitation_mails(locked, user_ids)
    return len(user_ids)


def round_extend(
    *, round: AssessmentRound, closes_on: datetime.date, today: datetime.date | None = None
) -> None:
    """Move an open round's closing date later (reminders follow the new date)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
        if locked.status != Status.OPEN:
            raise ValidationError(_("Only an open round can be extended."))
        if closes_on <= locked.closes_on or closes_on < today:
            raise ValidationError(
                {"closes_on": _("Choose a date later than the current closing date.")}
            )
        if closes_on > locked.opens_on + datetime.timedelta(days=180):
            raise ValidationError({"closes_on": _("A round can be open for at most 180 days.")})
        locked.closes_on = closes_on
        locked.reminder_before_sent = False
        locked.reminder_last_day_sent = False
        locked.save(update_fields=["closes_on", "reminder_before_sent", "reminder_last_day_sent"])
    round.refresh_from_db()


def round_close(*, round: AssessmentRound, today: datetime.date | None = None) -> None:
    """Open → closed, on the closing date or early by hand: the sealed answers become Responses.
    The k in force now is stored as the round's floor for good. Unsent drafts are deleted: they
    can no longer be submitted and are personal data. The invited and the unit's supervisors are
    told that the results are ready. If the sealing key cannot open the answers, SealingKeyError
    (a ValidationError) and nothing changes: the round stays open."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
        if locked.status != Status.OPEN:
            raise ValidationError(_("Only an open round can be closed."))
        locked.status = Status.CLOSED
        locked.closed_at = timezone.now()
        locked.closed_threshold = current_threshold()
        if locked.closes_on > today:
            locked.closes_on = today  # closed early: results compare by the real closing date
        locked.save(update_fields=["status", "closed_at", "closed_threshold", "closes_on"])
        Draft.objects.filter(round=locked).delete()
        responses_unseal(round=locked)
        rounds_record_parent(round_ids=[locked.pk])
        notify_results_ready(round=locked)
    round.refresh_from_db()


def rounds_record_parent(*, round_ids: list[int]) -> int:
    """Record on closed rounds their unit's parent as it is now, the area they are pooled and
    averaged with for good (call when they close). Returns how many rounds were written."""
    parent = Unit.objects.filter(pk=OuterRef("unit_id")).values("parent_id")[:1]
    return AssessmentRound.objects.filter(pk__in=round_ids, status=Status.CLOSED).update(
        parent_at_close_id=Subquery(parent)
    )


def rounds_open_due(*, today: datetime.date | None = None) -> int:
    """Open the draft rounds whose opening date has come (Celery beat, daily)."""
    today = today or timezone.localdate()
    due = AssessmentRound.objects.filter(
        status=Status.DRAFT, opens_on__lte=today, closes_on__gte=today
    )
    opened = 0
    for round in due:
        try:
            round_open(round=round, today=today)
            opened += 1
        except ValidationError:
            continue  # opened by hand meanwhile
    return opened


def rounds_close_due(*, today: datetime.date | None = None) -> int:
    """Close the open rounds whose closing date has passed (Celery beat). A round closes at the
    end of its closing day, so people can answer the whole of the last day."""
    today = today or timezone.localdate()
    closed = 0
    for round in AssessmentRound.objects.filter(status=Status.OPEN, closes_on__lt=today):
        try:
            round_close(round=round, today=today)
            closed += 1
        except SealingKeyError:
            continue  # logged by assessments.sealing; the round stays open until the key is back
        except ValidationError:
            continue
    return closed


def round_response_rate(*, round: AssessmentRound) -> ResponseRate:
    return ResponseRate(
        answered=Participation.objects.filter(round=round).count(),
        invited=Invitation.objects.filter(round=round).count(),
    )


def not_answered_user_ids(round: AssessmentRound) -> list[int]:
    """The invited people who have not answered yet: the reminders' recipients."""
    answered = Participation.objects.filter(round=round).values("user_id")
    return list(
        Invitation.objects.filter(round=round, user__is_active=True)
        .exclude(user_id__in=answered)
        .values_list("user_id", flat=True)
    )


def round_remind_now(*, round: AssessmentRound, today: datetime.date | None = None) -> int:
    """A supervisor's extra reminder: at most one a day. Returns how many will get it."""
    today = today or timezone.localdate()

    with transaction.atomic():
        locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
        if locked.status != Status.OPEN:
            raise ValidationError(_("Reminders can be sent only while the round is open."))
        if locked.last_manual_reminder_on == today:
            raise ValidationError(
                _("A reminder has already been sent today. You can send another tomorrow.")
            )
        locked.last_manual_reminder_on = today
        locked.save(update_fields=["last_manual_reminder_on"])
        user_ids = not_answered_user_ids(locked)
        if user_ids:
            enqueue_on_commit("assessments.tasks.send_round_reminders", locked.pk, user_ids)
    round.refresh_from_db()
    return len(user_ids)


def reminders_send_due(*, today: datetime.date | None = None) -> int:
    """The automatic reminders (Celery beat, daily): 3 days before the closing date and on the
    last day, each once, to those who have not answered. Returns how many rounds reminded."""
    today = today or timezone.localdate()

    sent = 0
    for flag, closes_on in (
        ("reminder_before_sent", today + datetime.timedelta(days=3)),
        ("reminder_last_day_sent", today),
    ):
        for round in AssessmentRound.objects.filter(
            status=Status.OPEN, closes_on=closes_on, **{flag: False}
        ):
            with transaction.atomic():
                # Claim the flag first, so two beat runs never remind twice.
                claimed = AssessmentRound.objects.filter(pk=round.pk, **{flag: False}).update(
                    **{flag: True}
                )
                user_ids = not_answered_user_ids(round) if claimed else []
                if user_ids:
                    enqueue_on_commit("assessments.tasks.send_round_reminders", round.pk, user_ids)
            sent += bool(claimed)
    return sent
