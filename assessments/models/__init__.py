"""The self-assessment: framework versions (framework.py), rounds (rounds.py), anonymous
responses and participation (responses.py), and what a team does after a round (actions.py).

Every model is imported here, so `from assessments.models import X` works and Django finds them
all. Modules of this package import each other's modules, never this package itself.
"""

from .actions import (
    ActionHistory,
    ActionSuggestion,
    ImprovementAction,
    ProgressNote,
    TeamConclusion,
)
from .framework import Framework, FrameworkVersion, Statement, TranslatedText, Value, ValueKey
from .responses import (
    Answer,
    Draft,
    OpenAnswer,
    Participation,
    RespondentRole,
    Response,
    SealedResponse,
)
from .rounds import AnonymitySettings, AssessmentRound, CombinedPool, Invitation

__all__ = [
    "ActionHistory",
    "ActionSuggestion",
    "AnonymitySettings",
    "Answer",
    "AssessmentRound",
    "CombinedPool",
    "Draft",
    "Framework",
    "FrameworkVersion",
    "ImprovementAction",
    "Invitation",
    "OpenAnswer",
    "Participation",
    "ProgressNote",
    "RespondentRole",
    "Response",
    "SealedResponse",
    "Statement",
    "TeamConclusion",
    "TranslatedText",
    "Value",
    "ValueKey",
]
