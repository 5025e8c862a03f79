"""The team's conclusions per value after a round. One value is saved by conclusion_save, which
validates, locks and checks the version; a page of them by conclusions_save, every value the
supervisor changed in one transaction, so a refusal on one value saves none of them."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from toolkit.models import User

from ..models.actions import TEXT_LIMIT, TeamConclusion
from ..models.rounds import AssessmentRound
from .follow_up_checks import check_texts, check_value_key, stale_error

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
    errors = check_texts(barriers=(barriers, TEXT_LIMIT), means=(means, TEXT_LIMIT))
    check_value_key(value_key, errors)
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
                raise stale_error()
            return conclusion
        if conclusion.version != version:
            raise stale_error()
        conclusion.barriers = barriers.strip()
        conclusion.means = means.strip()
        conclusion.updated_by = saved_by
        conclusion.version = F("version") + 1
        conclusion.save()
    conclusion.refresh_from_db()
    return conclusion


@dataclass(frozen=True)
class ConclusionEntry:
    """One value as sent: the conclusion the page showed (None: not written yet) and the texts."""

    value_key: str
    shown: TeamConclusion | None
    barriers: str
    means: str
    version: int

    def unchanged(self) -> bool:
        """Nothing to save: the texts and version are what the page showed, or a value not yet
        written is still blank."""
        if self.shown is None:
            return not (self.barriers or self.means).strip()
        return (self.barriers, self.means, self.version) == (
            self.shown.barriers,
            self.shown.means,
            self.shown.version,
        )


class ConclusionRefused(Exception):
    """The value whose save was refused, and why; nothing of the page was saved."""

    def __init__(self, value_key: str, error: ValidationError):
        super().__init__(value_key, error)
        self.value_key = value_key
        self.error = error


def conclusions_save(
    *, round: AssessmentRound, saved_by: User, entries: list[ConclusionEntry]
) -> None:
    """Save every changed value of the page in one transaction; raise ConclusionRefused (and
    save none) if any is refused."""
    with transaction.atomic():
        for entry in entries:
            if entry.unchanged():
                continue
            try:
                conclusion_save(
                    round=round,
                    value_key=entry.value_key,
                    saved_by=saved_by,
                    barriers=entry.barriers,
                    means=entry.means,
                    version=entry.version,
                )
            except ValidationError as error:
                raise ConclusionRefused(entry.value_key, error) from error
