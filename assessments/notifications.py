"""Who hears what in the self-assessment, in the recipient's language.

Home-page notices (each also e-mailed, queued after the commit): when a round's results are
ready, when a member suggests an action, when a suggestion is decided, when someone becomes an
action's owner, and (notice only: the reminder e-mails are their own) before and after an
action's due date. Each notify_* function is called inside the transaction of the change it
tells about, so a change that is rolled back tells nobody. Nobody is told of a step they took
themselves (making themselves an owner, accepting their own suggestion).

E-mails (mail_*, sent by the tasks through toolkit.mail): a round is open, a reminder to answer,
an owner's reminder of a due date and a supervisor's weekly list of overdue actions. They say
only that a round is open and until when: never anything about answers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from toolkit import mail
from toolkit.models import Membership, Unit, User
from toolkit.services import notices_send

from . import digest_sections
from .models import ActionSuggestion, AssessmentRound, ImprovementAction, Invitation

RESULTS_READY = gettext_noop("“%(round)s” of %(unit)s has closed: the results are ready.")
SUGGESTION_MADE = gettext_noop("%(person)s suggested an action for %(unit)s: “%(title)s”.")
SUGGESTION_ACCEPTED = gettext_noop(
    "Your suggestion “%(title)s” was accepted as an improvement action of %(unit)s."
)
SUGGESTION_DECLINED = gettext_noop(
    "Your suggestion “%(title)s” for %(unit)s was declined. The supervisor's reason:"
)
ACTION_OWNER = gettext_noop(
    "You are now the owner of the improvement action “%(title)s” of %(unit)s."
)
ACTION_DUE_WEEK = gettext_noop("The improvement action “%(title)s” that you own is due in a week.")
ACTION_OVERDUE = gettext_noop(
    "The improvement action “%(title)s” that you own is past its due date."
)


def _unit_names(unit: Unit) -> dict[str, str]:
    """The unit's name in each language, so the notice reads in its recipient's language."""
    return {"fi": unit.name_fi, "sv": unit.name_sv, "en": unit.name_en}


def _supervisor_ids(unit: Unit) -> set[int]:
    return set(
        Membership.objects.filter(unit=unit, role=Membership.Role.SUPERVISOR).values_list(
            "user_id", flat=True
        )
    )


def notify_results_ready(*, round: AssessmentRound) -> int:
    """At close: everyone invited to the round and the unit's supervisors. Returns how many."""
    invited = set(Invitation.objects.filter(round=round).values_list("user_id", flat=True))
    notices = notices_send(
        user_ids=invited | _supervisor_ids(round.unit),
        message=RESULTS_READY,
        params={"round": round.title, "unit": _unit_names(round.unit)},
        link=("assessments:results", [round.pk]),
    )
    return len(notices)


def notify_suggestion_made(*, suggestion: ActionSuggestion) -> None:
    """A member's suggestion waits for the unit's supervisors."""
    author = suggestion.suggested_by
    notices_send(
        user_ids=_supervisor_ids(suggestion.unit) - {author.pk if author else None},
        message=SUGGESTION_MADE,
        params={
            "person": str(author) if author else "",
            "unit": _unit_names(suggestion.unit),
            "title": suggestion.title,
        },
        link=("assessments:unit_actions", [suggestion.unit.code]),
    )


def notify_suggestion_accepted(*, suggestion: ActionSuggestion, action: ImprovementAction) -> None:
    """The author hears that their suggestion became an action, and where it is."""
    if suggestion.suggested_by_id and suggestion.suggested_by_id != suggestion.decided_by_id:
        notices_send(
            user_ids=[suggestion.suggested_by_id],
            message=SUGGESTION_ACCEPTED,
            params={"title": suggestion.title, "unit": _unit_names(suggestion.unit)},
            link=("assessments:action_detail", [action.pk]),
        )


def notify_suggestion_declined(*, suggestion: ActionSuggestion) -> None:
    """The author hears that their suggestion was declined, with the supervisor's reason."""
    if suggestion.suggested_by_id and suggestion.suggested_by_id != suggestion.decided_by_id:
        notices_send(
            user_ids=[suggestion.suggested_by_id],
            message=SUGGESTION_DECLINED,
            params={"title": suggestion.title, "unit": _unit_names(suggestion.unit)},
            detail=suggestion.decline_reason,
            link=("assessments:unit_actions", [suggestion.unit.code]),
        )


def notify_action_owner(*, action: ImprovementAction, by: User) -> None:
    """Someone was made the action's owner (on creation or by a change of owner)."""
    if action.owner_id and action.owner_id != by.pk:
        notices_send(
            user_ids=[action.owner_id],
            message=ACTION_OWNER,
            params={"title": action.title, "unit": _unit_names(action.unit)},
            link=("assessments:action_detail", [action.pk]),
        )


def notify_action_due(*, action: ImprovementAction, kind: str) -> None:
    """The owner's home-page notice beside the reminder e-mail ("week" or "overdue")."""
    if action.owner_id:
        notices_send(
            user_ids=[action.owner_id],
            message=ACTION_DUE_WEEK if kind == "week" else ACTION_OVERDUE,
            params={"title": action.title},
            link=("assessments:action_detail", [action.pk]),
            mail=False,
        )


# --- E-mails ---


def _link(name: str, pk: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=[pk])


def _round_mails_send(round: AssessmentRound, users: Iterable[User], template: str) -> int:
    if round.status != AssessmentRound.Status.OPEN:
        return 0
    return mail.send(
        mail.to_person(
            user,
            f"assessments/email/{template}",
            lambda: {
                "round": round,
                "unit_name": round.unit.name,
                "link": _link("assessments:answer", round.pk),
            },
        )
        for user in users
    )


def mail_round_invitations(*, round: AssessmentRound, users: Iterable[User]) -> int:
    """The invited hear that the round is open (nothing once it is not). Returns mails sent."""
    return _round_mails_send(round, users, "invitation")


def mail_round_reminders(*, round: AssessmentRound, users: Iterable[User]) -> int:
    """A reminder to those who have not answered, while the round is open."""
    return _round_mails_send(round, users, "reminder")


def mail_action_reminder(*, action: ImprovementAction, kind: str) -> int:
    """The owner's reminder: "week" before the due date or "overdue"; nothing once the action
    is done or its owner gone. Returns mails sent."""
    owner = action.owner
    if not action.is_open or owner is None or not owner.is_active:
        return 0
    return mail.send(
        [
            mail.to_person(
                owner,
                f"assessments/email/action_{kind}",
                lambda: {
                    "action": action,
                    "unit_name": action.unit.name,
                    "link": _link("assessments:action_detail", action.pk),
                },
            )
        ]
    )


def mail_overdue_digest(
    *, user: User, actions: list[ImprovementAction], today: datetime.date | None = None
) -> int:
    """A supervisor's list of the overdue actions of the units they lead, with the other apps'
    sections (assessments.digest_sections); nothing if all are empty."""
    sections = digest_sections.sections_for(user=user, today=today or timezone.localdate())
    if not actions and not sections:
        return 0
    return mail.send(
        [
            mail.to_person(
                user,
                "assessments/email/action_digest",
                lambda: {
                    "items": [(a, _link("assessments:action_detail", a.pk)) for a in actions],
                    "sections": sections,
                    "site_url": settings.SITE_URL.rstrip("/"),
                },
            )
        ]
    )
