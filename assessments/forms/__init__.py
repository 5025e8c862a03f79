"""Forms of the self-assessment: rounds (rounds.py), the answer form (answering.py), the
follow-up (actions.py) and the organisation overview (overview.py). Everything is importable from here as before."""

from .actions import (
    ActionForm,
    ConclusionForm,
    DeclineForm,
    OwnerChoiceField,
    ProgressNoteForm,
    SuggestionForm,
    status_choices,
)
from .answering import CANT_SAY, QUESTION_NAME, SCALE, AnswerForm, ValueSection
from .overview import OverviewForm, OverviewQueryForm
from .rounds import ExtendForm, RoundForm
from .widgets import DateInput

__all__ = [
    "CANT_SAY",
    "QUESTION_NAME",
    "SCALE",
    "ActionForm",
    "AnswerForm",
    "ConclusionForm",
    "DateInput",
    "DeclineForm",
    "ExtendForm",
    "OverviewForm",
    "OverviewQueryForm",
    "OwnerChoiceField",
    "ProgressNoteForm",
    "RoundForm",
    "SuggestionForm",
    "ValueSection",
    "status_choices",
]
