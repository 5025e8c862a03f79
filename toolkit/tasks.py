"""Celery tasks of the organisation app: thin wrappers that take ids and call services."""

from celery import shared_task
from django.core.exceptions import ValidationError

from . import invitations, outbox, people_import
from .models import PeopleImport, User


@shared_task
def send_invitations(user_ids: list[int]) -> int:
    """E-mail each invited person their set-password link. Returns how many were sent."""
    users = User.objects.filter(pk__in=user_ids, is_active=True)
    for user in users:
        invitations.invitation_send(user=user)
    return len(users)


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
        outbox.enqueue_on_commit(send_invitations, created_ids)
    return len(created_ids)


@shared_task(name="toolkit.replay_outbox")
def replay_outbox() -> int:
    """Send the tasks that waited in the outbox while the broker was down (toolkit.outbox)."""
    return outbox.outbox_replay()
