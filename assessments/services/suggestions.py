"""Members' suggestions of actions: a member of the unit suggests, a supervisor accepts it
(which creates the action) or declines it with a reason for its author. Each suggestion is
decided once: the decision locks it first."""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.models import Membership, Unit, User

from .. import notifications
from ..models.actions import TEXT_LIMIT, ActionSuggestion, ImprovementAction
from .actions import action_create
from .follow_up_checks import check_texts, check_value_key


def suggestion_create(
    *, unit: Unit, value_key: str, title: str, description: str, suggested_by: User
) -> ActionSuggestion:
    """A unit member suggests an action; the unit's supervisors decide on it."""
    errors = check_texts(title=title, description=(description, TEXT_LIMIT))
    check_value_key(value_key, errors)
    if not Membership.objects.filter(unit=unit, user=suggested_by).exists():
        errors[NON_FIELD_ERRORS] = _("Only members of the unit can suggest actions.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        suggestion = ActionSuggestion.objects.create(
            unit=unit,
            value_key=value_key,
            title=title.strip(),
            description=description.strip(),
            suggested_by=suggested_by,
        )
        notifications.notify_suggestion_made(suggestion=suggestion)
    return suggestion


def _claim_pending(suggestion: ActionSuggestion) -> ActionSuggestion:
    locked = ActionSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.status != ActionSuggestion.Status.PENDING:
        raise ValidationError(_("This suggestion has already been decided."))
    return locked


def suggestion_accept(
    *,
    suggestion: ActionSuggestion,
    decided_by: User,
    today: datetime.date | None = None,
    **action_fields,
) -> ImprovementAction:
    """Accept a suggestion: the action is created with the supervisor's owner, round and date."""
    with transaction.atomic():
        locked = _claim_pending(suggestion)
        action = action_create(
            unit=locked.unit, created_by=decided_by, today=today, **action_fields
        )
        locked.status = ActionSuggestion.Status.ACCEPTED
        locked.decided_by = decided_by
        locked.decided_at = timezone.now()
        locked.action = action
        locked.save(update_fields=["status", "decided_by", "decided_at", "action"])
        notifications.notify_suggestion_accepted(suggestion=locked, action=action)
    return action


def suggestion_decline(*, suggestion: ActionSuggestion, decided_by: User, reason: str) -> None:
    """Decline a suggestion with a reason, which goes to its author (required: a member who
    took the trouble to suggest deserves to know why)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Tell the person who suggested it why.")})
    if len(reason) > TEXT_LIMIT:
        raise ValidationError(
            {"reason": _("This text can be at most %(limit)s characters.") % {"limit": TEXT_LIMIT}}
        )
    with transaction.atomic():
        locked = _claim_pending(suggestion)
        locked.status = ActionSuggestion.Status.DECLINED
        locked.decided_by = decided_by
        locked.decided_at = timezone.now()
        locked.decline_reason = reason
        locked.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
        notifications.notify_suggestion_declined(suggestion=locked)
