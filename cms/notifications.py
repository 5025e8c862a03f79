"""Who hears what from the site content: the administrators, when accessibility feedback has
arrived (one mail to them all, in the site's language). Sent by toolkit.mail."""

from __future__ import annotations

from django.conf import settings

from toolkit import mail
from toolkit.permissions import administrators

from .models import AccessibilityFeedback


def mail_feedback_to_administrators(*, feedback: AccessibilityFeedback) -> int:
    """Returns how many administrators the mail went to (0 when there is nobody to tell)."""
    recipients = list(administrators().exclude(email="").values_list("email", flat=True))
    if not recipients:
        return 0
    context = {"feedback": feedback, "admin_url": f"{settings.WAGTAILADMIN_BASE_URL}/cms/"}
    mail.send(
        [
            mail.Mail(
                template="cms/email/feedback",
                to=tuple(recipients),
                language=settings.LANGUAGE_CODE,
                context=context,
            )
        ]
    )
    return len(recipients)
