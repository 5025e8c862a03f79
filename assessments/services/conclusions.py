"""Saving a round's page of team conclusions: every value the supervisor changed, in one
transaction, so a refusal on one value saves none of them (one value is saved by
services.actions.conclusion_save, which validates, locks and checks the version)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from toolkit.models import User

from ..models import AssessmentRound
from .actions import conclusion_save

if TYPE_CHECKING:
    from ..models import TeamConclusion


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
