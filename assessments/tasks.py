"""Celery tasks of the self-assessment: thin wrappers that take ids, load what they name and
call services or the app's notifications (assessments.notifications says what each e-mail
holds: never anything about answers)."""

import datetime

from celery import shared_task
from django.utils import timezone

from toolkit import mail
from toolkit.models import User

from . import notifications
from .models import AssessmentRound
from .services import rounds


def _active_people(user_ids):
    users = User.objects.filter(pk__in=user_ids, is_active=True)
    return users.only("email", "first_name", "preferred_language").iterator(chunk_size=mail.BATCH)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_round_invitations(round_id: int, user_ids: list[int]) -> int:
    """Tell the invited people that the round is open. Returns how many mails were sent."""
    round = AssessmentRound.objects.select_related("unit").get(pk=round_id)
    return notifications.mail_round_invitations(round=round, users=_active_people(user_ids))


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_round_reminders(round_id: int, user_ids: list[int]) -> int:
    """Remind those who have not answered; anyone who answered meanwhile is left out."""
    round = AssessmentRound.objects.select_related("unit").get(pk=round_id)
    still_missing = set(rounds.not_answered_user_ids(round)) & set(user_ids)
    users = _active_people(sorted(still_missing))
    return notifications.mail_round_reminders(round=round, users=users)


@shared_task
def run_round_calendar() -> dict[str, int]:
    """Open the rounds whose day has come, send due reminders, close the rounds whose last day
    has passed. Safe to run as often as wanted: each step happens once."""
    return {
        "closed": rounds.rounds_close_due(),
        "opened": rounds.rounds_open_due(),
        "reminded": rounds.reminders_send_due(),
    }


@shared_task
def delete_stale_drafts() -> int:
    """Daily: drafts untouched for longer than the retention period go (personal data)."""
    from .services.answering import drafts_delete_stale

    return drafts_delete_stale()


# --- Improvement actions ---


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_action_reminder(action_id: int, kind: str) -> int:
    """Remind an action's owner: "week" before the due date, or "overdue". Returns mails sent."""
    from .models import ImprovementAction

    action = ImprovementAction.objects.select_related("owner", "unit").filter(pk=action_id).first()
    if action is None:
        return 0
    return notifications.mail_action_reminder(action=action, kind=kind)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_overdue_digest(user_id: int, action_ids: list[int], day: str | None = None) -> int:
    """The weekly list of overdue actions in the units a supervisor leads, with the other
    apps' sections of the digest as of `day` (ISO date; today when a task queued by an older
    release has none)."""
    from .models import ImprovementAction

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    actions = list(
        ImprovementAction.objects.filter(
            pk__in=action_ids, status__in=ImprovementAction.OPEN_STATUSES
        )
        .select_related("unit", "owner")
        .order_by("unit__name_fi", "due_on")
    )
    today = datetime.date.fromisoformat(day) if day else timezone.localdate()
    return notifications.mail_overdue_digest(user=user, actions=actions, today=today)


@shared_task
def run_action_reminders() -> dict[str, int]:
    """Daily: owners' reminders a week before the due date and when overdue (each once)."""
    from .services import action_reminders as actions

    return actions.action_reminders_send_due()


@shared_task
def run_overdue_digest() -> int:
    """Weekly: each supervisor gets one list of the overdue actions of their units."""
    from .services import action_reminders as actions

    return actions.overdue_digest_send()


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def build_unit_report(self, round_id: int, language: str) -> str:
    """Make the unit report PDF of a round and store it; returns its storage name.

    Whoever started the task finds its state under the task id (assessments.services.report_jobs)."""
    from .services import report_jobs as jobs

    try:
        name = jobs.report_store(round_id=round_id, language=language)
    except OSError:
        if self.request.retries >= self.max_retries:
            jobs.job_mark_failed(self.request.id)
        raise
    except Exception:
        jobs.job_mark_failed(self.request.id)
        raise
    jobs.job_mark_ready(self.request.id, name)
    return name
