"""Celery tasks of the organisation app: thin wrappers that take ids and call services."""

from celery import shared_task
from django.core.exceptions import ValidationError

from . import notifications, outbox, people_import
from .models import Notice, PeopleImport, User


@shared_task
def send_invitations(user_ids: list[int]) -> int:
    """E-mail each invited person their set-password link. Returns how many were sent."""
    return notifications.invitations_send(
        users=User.objects.filter(pk__in=user_ids, is_active=True)
    )


@shared_task
def commit_people_import(import_id: str, plan_digest: str = "") -> int:
    """Run the confirmed plan of an import and queue the invitations; a failure is recorded on
    the import. Without the plan's digest (a task queued by an older release) nothing is run."""
    record = PeopleImport.objects.get(pk=import_id)
    try:
        created_ids = people_import.people_import_commit(
            people_import=record, plan_digest=plan_digest
        )
    except ValidationError as error:
        PeopleImport.objects.filter(
            pk=import_id,
            status__in=[PeopleImport.Status.PREVIEWED, PeopleImport.Status.COMMITTING],
        ).update(status=PeopleImport.Status.FAILED, error=" ".join(error.messages)[:2000])
        return 0
    if created_ids:
        outbox.enqueue_on_commit("toolkit.tasks.send_invitations", created_ids)
    return len(created_ids)


@shared_task(name="toolkit.replay_outbox")
def replay_outbox() -> int:
    """Send the tasks that waited in the outbox while the broker was down (toolkit.outbox)."""
    return outbox.outbox_replay()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notice_mails(notice_ids: list[int]) -> int:
    """E-mail each notice to its recipient, in their language, with the link to it. Notices
    of people no longer active are left out. Returns how many mails were sent."""
    notices = Notice.objects.filter(pk__in=notice_ids, user__is_active=True).select_related("user")
    return notifications.notice_mails_send(notices=notices.order_by("pk"))
