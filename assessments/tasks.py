"""Celery tasks of the self-assessment: thin wrappers that take ids and call services.

E-mails say only that a round is open and until when: never anything about answers."""

from celery import shared_task
from django.conf import settings
from django.core.mail import get_connection, send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from toolkit.models import User

from .models import AssessmentRound
from .services import rounds

BATCH = 200


def _mail_round(round_id: int, user_ids: list[int], template: str) -> int:
    round = AssessmentRound.objects.select_related("unit").get(pk=round_id)
    if round.status != AssessmentRound.Status.OPEN:
        return 0
    users = User.objects.filter(pk__in=user_ids, is_active=True).only(
        "email", "first_name", "preferred_language"
    )
    messages = []
    for user in users.iterator(chunk_size=BATCH):
        with translation.override(user.preferred_language):
            context = {
                "user": user,
                "round": round,
                "unit_name": round.unit.name,
                "link": settings.SITE_URL.rstrip("/")
                + reverse("assessments:answer", args=[round.pk]),
            }
            subject = render_to_string(f"assessments/email/{template}_subject.txt", context)
            body = render_to_string(f"assessments/email/{template}.txt", context)
        messages.append((subject.strip(), body, None, [user.email]))
    connection = get_connection()
    for start in range(0, len(messages), BATCH):
        send_mass_mail(messages[start : start + BATCH], connection=connection)
    return len(messages)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_round_invitations(round_id: int, user_ids: list[int]) -> int:
    """Tell the invited people that the round is open. Returns how many mails were sent."""
    return _mail_round(round_id, user_ids, "invitation")


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_round_reminders(round_id: int, user_ids: list[int]) -> int:
    """Remind those who have not answered; anyone who answered meanwhile is left out."""
    round = AssessmentRound.objects.get(pk=round_id)
    still_missing = set(rounds.not_answered_user_ids(round)) & set(user_ids)
    return _mail_round(round_id, sorted(still_missing), "reminder")


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


def _action_link(action) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("assessments:action_detail", args=[action.pk])


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_action_reminder(action_id: int, kind: str) -> int:
    """Remind an action's owner: "week" before the due date, or "overdue". Returns mails sent."""
    from .models import ImprovementAction

    action = ImprovementAction.objects.select_related("owner", "unit").filter(pk=action_id).first()
    if action is None or not action.is_open or action.owner is None or not action.owner.is_active:
        return 0
    owner = action.owner
    with translation.override(owner.preferred_language):
        context = {"user": owner, "action": action, "unit_name": action.unit.name}
        context["link"] = _action_link(action)
        subject = render_to_string(f"assessments/email/action_{kind}_subject.txt", context)
        body = render_to_string(f"assessments/email/action_{kind}.txt", context)
    return send_mass_mail([(subject.strip(), body, None, [owner.email])])


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_overdue_digest(user_id: int, action_ids: list[int]) -> int:
    """The weekly list of overdue actions in the units a supervisor leads."""
    from .models import ImprovementAction

    user = User.objects.filter(pk=user_id, is_active=True).first()
    actions = list(
        ImprovementAction.objects.filter(
            pk__in=action_ids, status__in=ImprovementAction.OPEN_STATUSES
        )
        .select_related("unit", "owner")
        .order_by("unit__name_fi", "due_on")
    )
    if user is None or not actions:
        return 0
    with translation.override(user.preferred_language):
        context = {"user": user, "items": [(a, _action_link(a)) for a in actions]}
        subject = render_to_string("assessments/email/action_digest_subject.txt", context)
        body = render_to_string("assessments/email/action_digest.txt", context)
    return send_mass_mail([(subject.strip(), body, None, [user.email])])


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
