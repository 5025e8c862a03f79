"""After a round: improvement actions and their progress notes (the team's conclusions are in
conclusions.py, suggestions in suggestions.py, reminders in action_reminders.py).

Every write validates first and writes nothing when it refuses. Edits of rows that people share
name the `version` they were based on; a stale version is refused with a clear message, so two
supervisors never silently overwrite each other. Every change to an action leaves an
ActionHistory row (who, what, when). E-mails are queued only after the commit.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.models import Membership, Unit, User

from .. import notifications
from ..models.actions import (
    BARRIER_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
    ActionHistory,
    ImprovementAction,
    ProgressNote,
)
from ..models.rounds import AssessmentRound
from .follow_up_checks import check_texts, check_value_key, stale_error

__all__ = [
    "EDITABLE_FIELDS",
    "TITLE_LIMIT",
    "action_create",
    "action_update",
    "progress_note_add",
    "status_change_allowed",
]

Status = ImprovementAction.Status
EDITABLE_FIELDS = ("title", "description", "value_key", "barrier", "owner", "due_on", "status")


# --- Actions -----------------------------------------------------------------------------------


def _check_action(
    *,
    unit: Unit,
    title: str,
    description: str,
    barrier: str,
    value_key: str,
    owner: User | None,
    due_on: datetime.date,
    due_on_changed: bool,
    today: datetime.date,
) -> None:
    errors = check_texts(
        title=title, description=(description, TEXT_LIMIT), barrier=(barrier, BARRIER_LIMIT)
    )
    check_value_key(value_key, errors)
    if owner is None or not Membership.objects.filter(unit=unit, user=owner).exists():
        errors["owner"] = _("The owner must be a member of the unit.")
    elif not owner.is_active:
        errors["owner"] = _("The owner's account is no longer in use. Choose another owner.")
    if due_on_changed and due_on < today:
        errors["due_on"] = _("The due date cannot be in the past.")
    if errors:
        raise ValidationError(errors)


def _display(action: ImprovementAction, field: str) -> str:
    value = getattr(action, field)
    if field == "owner":
        return str(value) if value else ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _record(action: ImprovementAction, actor: User, event: str, changes: list[dict]) -> None:
    ActionHistory.objects.create(action=action, actor=actor, event=event, changes=changes)


def action_create(
    *,
    unit: Unit,
    source_round: AssessmentRound,
    value_key: str,
    title: str,
    description: str = "",
    barrier: str = "",
    owner: User | None,
    due_on: datetime.date,
    created_by: User,
    today: datetime.date | None = None,
) -> ImprovementAction:
    """A new planned action from a closed round of the same unit, owned by a unit member."""
    today = today or timezone.localdate()
    if source_round.unit_id != unit.pk or source_round.status != AssessmentRound.Status.CLOSED:
        raise ValidationError({"source_round": _("Choose a closed round of this unit.")})
    _check_action(
        unit=unit,
        title=title,
        description=description,
        barrier=barrier,
        value_key=value_key,
        owner=owner,
        due_on=due_on,
        due_on_changed=True,
        today=today,
    )
    with transaction.atomic():
        action = ImprovementAction.objects.create(
            unit=unit,
            source_round=source_round,
            value_key=value_key,
            title=title.strip(),
            description=description.strip(),
            barrier=barrier.strip(),
            owner=owner,
            due_on=due_on,
            created_by=created_by,
        )
        _record(
            action,
            created_by,
            "created",
            [{"field": f, "old": "", "new": _display(action, f)} for f in EDITABLE_FIELDS],
        )
        notifications.notify_action_owner(action=action, by=created_by)
    return action


def status_change_allowed(old: str, new: str) -> bool:
    return old == new or new in ImprovementAction.TRANSITIONS.get(old, set())


def action_update(
    *,
    action: ImprovementAction,
    version: int,
    changed_by: User,
    today: datetime.date | None = None,
    **fields,
) -> ImprovementAction:
    """Change an action's fields (any of EDITABLE_FIELDS). Refused when `version` is stale, the
    status jump is not allowed, or a field is invalid; a new due date may not be in the past."""
    today = today or timezone.localdate()
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = ImprovementAction.objects.select_for_update().get(pk=action.pk)
        if locked.version != version:
            raise stale_error()
        new = {f: fields.get(f, getattr(locked, f)) for f in EDITABLE_FIELDS}
        if isinstance(new["title"], str):
            new["title"] = new["title"].strip()
        _check_action(
            unit=locked.unit,
            title=new["title"],
            description=new["description"],
            barrier=new["barrier"],
            value_key=new["value_key"],
            owner=new["owner"],
            due_on=new["due_on"],
            due_on_changed=new["due_on"] != locked.due_on,
            today=today,
        )
        if not status_change_allowed(locked.status, new["status"]):
            raise ValidationError(
                {
                    "status": _("An action cannot go from “%(old)s” to “%(new)s”.")
                    % {
                        "old": Status(locked.status).label,
                        "new": Status(new["status"]).label
                        if new["status"] in Status.values
                        else new["status"],
                    }
                }
            )
        changes = []
        for field in EDITABLE_FIELDS:
            old_display = _display(locked, field)
            setattr(locked, field, new[field])
            if _display(locked, field) != old_display:
                changes.append({"field": field, "old": old_display, "new": _display(locked, field)})
        if not changes:
            return locked
        changed = {c["field"] for c in changes}
        if "status" in changed:
            locked.done_at = timezone.now() if locked.status == Status.DONE else None
        if "due_on" in changed:
            locked.reminder_week_sent = False
            locked.reminder_overdue_sent = False
        locked.version = version + 1
        locked.save()
        _record(locked, changed_by, "changed", changes)
        if "owner" in changed:
            notifications.notify_action_owner(action=locked, by=changed_by)
    return locked


def progress_note_add(*, action: ImprovementAction, author: User, text: str) -> ProgressNote:
    """A dated note on the action's progress (permission is checked by the caller)."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the note first.")})
    if len(text) > TEXT_LIMIT:
        raise ValidationError(
            {"text": _("This text can be at most %(limit)s characters.") % {"limit": TEXT_LIMIT}}
        )
    with transaction.atomic():
        note = ProgressNote.objects.create(action=action, author=author, text=text)
        _record(action, author, "note", [])
    return note
