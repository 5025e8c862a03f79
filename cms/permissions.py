"""Who may see and do what with the site content in the Wagtail admin: the one place cms asks.

Trainers, reviewers and administrators work in the admin and see the translation status of every
page; accessibility feedback (readers' messages, sometimes with an e-mail address) is for
administrators only, whatever model permissions someone else's groups hold."""

from toolkit import permissions as toolkit_permissions
from toolkit.permissions import AdministratorsOnlyPolicy

__all__ = [
    "AccessibilityFeedbackPolicy",
    "can_see_translation_status",
    "can_read_feedback",
]


def can_see_translation_status(user) -> bool:
    """The content staff (trainers, reviewers, administrators) follow the translations."""
    return toolkit_permissions.can_access_cms(user)


def can_read_feedback(user) -> bool:
    """Readers' feedback may name them: administrators answer it, nobody else reads it."""
    return toolkit_permissions.is_administrator(user)


class AccessibilityFeedbackPolicy(AdministratorsOnlyPolicy):
    """The feedback viewset's policy: administrators list, inspect and mark feedback answered;
    a stray "change" permission lets nobody else in."""

    def user_has_permission(self, user, action: str) -> bool:
        return can_read_feedback(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return can_read_feedback(user)
