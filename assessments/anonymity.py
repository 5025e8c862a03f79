"""The anonymity threshold k as it applies to one round, and the respondent-role rule.

A closed round keeps the k in force when it closed as its floor: the threshold for a round is the
larger of today's k and that floor, so lowering k never reveals a round that was hidden when it
closed. Every place that shows a round's results asks `round_threshold`.
"""

from __future__ import annotations

from .models import AnonymitySettings, AssessmentRound

# The role stored for every response of a round whose staff or supervisors did not reach k.
ROLE_NOT_KEPT = ""


def current_threshold() -> int:
    """The organisation's k now (for new closings, and as the least for every round)."""
    return AnonymitySettings.current_threshold()


def threshold_for(closed_threshold: int | None, *, current: int) -> int:
    """The k for a round whose stored k at closing is `closed_threshold` (None when open)."""
    return max(current, closed_threshold or 0)


def round_threshold(round: AssessmentRound, *, current: int | None = None) -> int:
    """The k for this round: today's k, never lower than the k in force when it closed. Pass
    `current` when asking for many rounds, to read the settings once."""
    if current is None:
        current = current_threshold()
    return threshold_for(round.closed_threshold, current=current)


def roles_kept(*, staff: int, supervisors: int, threshold: int) -> bool:
    """Whether a closing round keeps its respondents' roles: only where both groups reach k,
    so no role can single out the unit's only supervisor (or its few staff)."""
    return staff >= threshold and supervisors >= threshold
