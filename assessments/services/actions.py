"""After a round: team conclusions, improvement actions, progress notes, suggestions, reminders.

Every write validates first and writes nothing when it refuses. Edits of rows that people share
name the `version` they were based on; a stale version is refused with a clear message, so two
supervisors never silently overwrite each other. Every change to an action leaves an
ActionHistory row (who, what, when). E-mails are queued only after the commit.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.models import Membership, Unit, User
from toolkit.outbox import enqueue_on_commit

from .. import notifications
from ..models import AssessmentRound, ValueKey
from ..models_actions import (
    BARRIER_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
    ActionHistory,
    ActionSuggestion,
    ImprovementAction,
    ProgressNote,
    TeamConclusion,
)

Status = ImprovementAction.Status
EDITABLE_FIELDS = ("title", "description", "value_key", "barrier", "owner", "due_on", "status")


def _stale_error() -> ValidationError:
    return ValidationError(
        _(
            "Someone else saved a change while you were editing. Nothing was saved: "
            "reload the page to see their change, then make yours again."
        ),
        code="stale",
    )


def _check_texts(*, title: str | None = None, **texts: tuple[str, int]) -> dict:
    errors = {}
    if title is not None:
        if not title.strip():
            errors["title"] = _("Give the action a title.")
        elif len(title) > TITLE_LIMIT:
            errors["title"] = _("The title can be at most %(limit)s characters.") % {
                "limit": TITLE_LIMIT
            }
    for name, (text, limit) in texts.items():
        if len(text) > limit:
            errors[name] = _("This text can be at most %(limit)s characters.") % {"limit": limit}
    return errors


def _check_value_key(value_key: str, errors: dict) -> None:
    if value_key not in ValueKey.values:
        errors["value_key"] = _("Choose one of the five values.")


# --- Conclusions -------------------------------------------------------------------------------


def conclusions_editable(*, round: AssessmentRound) -> bool:
    """Conclusions of a closed round stay editable until the unit's next round closes."""
    if round.status != AssessmentRound.Status.CLOSED:
        return False
    return not AssessmentRound.objects.filter(
        unit_id=round.unit_id,
        status=AssessmentRound.Status.CLOSED,
        closes_on__gte=round.closes_on,
        pk__gt=round.pk,
    ).exists()


def conclusion_save(
    *,
    round: AssessmentRound,
    value_key: str,
    barriers: str,
    means: str,
    version: int,
    saved_by: User,
) -> TeamConclusion:
    """Create or update the team's conclusion on one value. `version` is the one the form showed
    (0 for a conclusion not yet written); a stale one is refused."""
    errors = _check_texts(barriers=(barriers, TEXT_LIMIT), means=(means, TEXT_LIMIT))
    _check_value_key(value_key, errors)
    if errors:
        raise ValidationError(errors)
    if not conclusions_editable(round=round):
        raise ValidationError(
            _("The conclusions can no longer be changed: the unit's next round has closed.")
        )
    with transaction.atomic():
        conclusion, created = TeamConclusion.objects.select_for_update().get_or_create(
            round=round,
            value_key=value_key,
            defaults={"barriers": barriers.strip(), "means": means.strip(), "updated_by": saved_by},
        )
        if created:
            if version != 0:
                raise _stale_error()
            return conclusion
        if conclusion.version != version:
            raise _stale_error()
        conclusion.barriers = barriers.strip()
        conclusion.means = means.strip()
        conclusion.updated_by = saved_by
        conclusion.version = F("version") + 1
        conclusion.save()
    conclusion.refresh_from_db()
    return conclusion


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
    errors = _check_texts(
        title=title, description=(description, TEXT_LIMIT), barrier=(barrier, BARRIER_LIMIT)
    )
    _check_value_key(value_key, errors)
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
            raise _stale_error()
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


# --- Suggestions -------------------------------------------------------------------------------


def suggestion_create(
    *, unit: Unit, value_key: str, title: str, description: str, suggested_by: User
) -> ActionSuggestion:
    """A unit member suggests an action; the unit's supervisors decide on it."""
    errors = _check_texts(title=title, description=(description, TEXT_LIMIT))
    _check_value_key(value_key, errors)
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


# --- Reminders ---------------------------------------------------------------------------------


def action_reminders_send_due(*, today: datetime.date | None = None) -> dict[str, int]:
    """Remind owners of open actions a week before the due date and once overdue, each once
    (Celery beat, daily): an e-mail and a home-page notice. The flag is claimed first, so two
    beat runs never remind twice."""

    today = today or timezone.localdate()
    week = today + datetime.timedelta(days=7)
    sent = {"week": 0, "overdue": 0}
    plans = (
        ("week", "reminder_week_sent", {"due_on__gt": today, "due_on__lte": week}),
        ("overdue", "reminder_overdue_sent", {"due_on__lt": today}),
    )
    for kind, flag, dates in plans:
        due = ImprovementAction.objects.filter(
            status__in=ImprovementAction.OPEN_STATUSES,
            owner__isnull=False,
            owner__is_active=True,
            **{flag: False},
            **dates,
        ).only("pk", "title", "owner_id")
        for action in list(due):
            with transaction.atomic():
                claimed = ImprovementAction.objects.filter(pk=action.pk, **{flag: False}).update(
                    **{flag: True}
                )
                if claimed:
                    enqueue_on_commit("assessments.tasks.send_action_reminder", action.pk, kind)
                    notifications.notify_action_due(action=action, kind=kind)
            sent[kind] += claimed
    return sent


def overdue_digest_recipients(*, today: datetime.date | None = None) -> dict[int, list[int]]:
    """supervisor id -> ids of overdue open actions in the units they lead (weekly digest)."""
    today = today or timezone.localdate()
    overdue = list(
        ImprovementAction.objects.filter(
            status__in=ImprovementAction.OPEN_STATUSES, due_on__lt=today
        ).values_list("pk", "unit_id")
    )
    by_unit: dict[int, list[int]] = {}
    for pk, unit_id in overdue:
        by_unit.setdefault(unit_id, []).append(pk)
    recipients: dict[int, list[int]] = {}
    leads = Membership.objects.filter(
        unit_id__in=by_unit, role=Membership.Role.SUPERVISOR, user__is_active=True
    ).values_list("user_id", "unit_id")
    for user_id, unit_id in leads:
        recipients.setdefault(user_id, []).extend(by_unit[unit_id])
    return recipients


def overdue_digest_send(*, today: datetime.date | None = None) -> int:
    """Queue the weekly digest of overdue actions to each supervisor who has any."""

    recipients = overdue_digest_recipients(today=today)
    for user_id, action_ids in recipients.items():
        ids = sorted(action_ids)
        enqueue_on_commit("assessments.tasks.send_overdue_digest", user_id, ids)
    return len(recipients)
