"""Celery tasks of the site content: thin wrappers around Wagtail commands and services."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.core.management import call_command
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from toolkit.models import User
from toolkit.roles import ADMINISTRATORS

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
    recipients = list(
        User.objects.filter(Q(groups__name=ADMINISTRATORS) | Q(is_superuser=True), is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"feedback": feedback, "admin_url": f"{settings.WAGTAILADMIN_BASE_URL}/cms/"}
        subject = render_to_string("cms/email/feedback_subject.txt", context).strip()
        body = render_to_string("cms/email/feedback.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return len(recipients)
