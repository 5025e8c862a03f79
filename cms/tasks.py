"""Celery tasks of the site content: thin wrappers around Wagtail commands, services and
notifications."""

from celery import shared_task
from django.core.management import call_command

from . import notifications
from .models import AccessibilityFeedback


@shared_task
def publish_scheduled_pages() -> None:
    """Publish pages whose scheduled time has come (and unpublish expired ones); beat runs this
    every minute, so no separate cron job is needed."""
    call_command("publish_scheduled")


@shared_task
def notify_administrators_of_feedback(feedback_id: int) -> int:
    """E-mail the administrators that accessibility feedback has arrived. Returns recipients."""
    feedback = AccessibilityFeedback.objects.get(pk=feedback_id)
    return notifications.mail_feedback_to_administrators(feedback=feedback)
