"""Reminders of improvement actions: to owners a week before the due date and once overdue,
and a weekly digest of overdue actions to the supervisors of their units."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from toolkit.models import Membership
from toolkit.outbox import enqueue_on_commit

from .. import digest_sections, notifications
from ..models.actions import ImprovementAction


def action_reminders_send_due(*, today: datetime.date | None = None) -> dict[str, int]:
    """Remind owners of open actions a week before the due date and once overdue, each once
    (Celery beat, daily): an e-mail and a home-page notice. The flag is claimed first, so two
    beat runs never remind twice."""

    today = today or timezone.localdate()
    week = today + datetime.timedelta(days=7)
    sent = {"week": 0, "overdue": 0}
    plans = (
        ("week", "reminder_week_sent", {"due_on__gt": today, "due_on__lte": week}),
        ("overdue", "reminder_overdue_sent", {"due_on__lt": today}),
    )
    for kind, flag, dates in plans:
        due = ImprovementAction.objects.filter(
            status__in=ImprovementAction.OPEN_STATUSES,
            owner__isnull=False,
            owner__is_active=True,
            **{flag: False},
            **dates,
        ).only("pk", "title", "owner_id")
        for action in list(due):
            with transaction.atomic():
                claimed = ImprovementAction.objects.filter(pk=action.pk, **{flag: False}).update(
                    **{flag: True}
                )
                if claimed:
                    enqueue_on_commit("assessments.tasks.send_action_reminder", action.pk, kind)
                    notifications.notify_action_due(action=action, kind=kind)
            sent[kind] += claimed
    return sent


def overdue_digest_recipients(*, today: datetime.date | None = None) -> dict[int, list[int]]:
    """supervisor id -> ids of overdue open actions in the units they lead (weekly digest)."""
    today = today or timezone.localdate()
    overdue = list(
        ImprovementAction.objects.filter(
            status__in=ImprovementAction.OPEN_STATUSES, due_on__lt=today
        ).values_list("pk", "unit_id")
    )
    by_unit: dict[int, list[int]] = {}
    for pk, unit_id in overdue:
        by_unit.setdefault(unit_id, []).append(pk)
    recipients: dict[int, list[int]] = {}
    leads = Membership.objects.filter(
        unit_id__in=by_unit, role=Membership.Role.SUPERVISOR, user__is_active=True
    ).values_list("user_id", "unit_id")
    for user_id, unit_id in leads:
        recipients.setdefault(user_id, []).extend(by_unit[unit_id])
    return recipients


def overdue_digest_send(*, today: datetime.date | None = None) -> int:
    """Queue the weekly digest to each supervisor who has overdue actions, or something in
    another app's section of it (assessments.digest_sections)."""
    today = today or timezone.localdate()
    recipients = overdue_digest_recipients(today=today)
    for user_id in digest_sections.section_recipients(today=today):
        recipients.setdefault(user_id, [])
    for user_id, action_ids in recipients.items():
        ids = sorted(action_ids)
        enqueue_on_commit("assessments.tasks.send_overdue_digest", user_id, ids, today.isoformat())
    return len(recipients)
