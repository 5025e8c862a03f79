"""Self-assessment's share of a person's data (a toolkit.personal_data provider).

Assessment answers belong to nobody (tests/assessments/test_answering proves there is no path
from a person to an answer), so they are neither in the download nor touched by erasure. The
fact that a person was invited and has answered is kept as an anonymised shell, so a closed
round's response rate stays what it was; so are the actions they owned and the notes they wrote
(the unit's record, now by "an erased person"). Drafts not yet sent are the person's and go."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from toolkit.personal_data import when

from .models import Draft, ImprovementAction, Participation, ProgressNote

HELD = (
    _("the improvement actions you own and the progress notes you wrote"),
    _("which self-assessment rounds you have answered, and any draft not yet sent"),
)
KEPT = _(
    "Your self-assessment answers are not in the file: they are stored without any link to you, "
    "so nobody, not even you, can find them again."
)
# Every model of the app that points at a person: exported, erased, or kept as the unit's record.
MODELS = (
    "assessments.AssessmentRound",  # who opened it: the unit's record, kept
    "assessments.Invitation",  # kept: response rates of past rounds
    "assessments.Participation",  # exported; kept: response rates of past rounds
    "assessments.Draft",  # exported, erased
    "assessments.TeamConclusion",  # who last wrote it: the unit's record, kept
    "assessments.ImprovementAction",  # exported (owned); kept: the unit's record
    "assessments.ProgressNote",  # exported; kept: the unit's record
    "assessments.ActionSuggestion",  # who suggested and decided: the unit's record, kept
    "assessments.ActionHistory",  # the action's history, kept
)


def export(user) -> dict[str, object]:
    return {
        "self_assessments": {
            "rounds_answered": [
                {"round": p.round.title, "unit": p.round.unit.code}
                for p in Participation.objects.filter(user=user).select_related("round__unit")
            ],
            "drafts_in_progress": [
                {"round": d.round.title, "saved": when(d.updated_at), "answers": d.data}
                for d in Draft.objects.filter(user=user).select_related("round")
            ],
        },
        "improvement_actions": {
            "owned": list(
                ImprovementAction.objects.filter(owner=user).values_list("title", flat=True)
            ),
            "progress_notes": [
                {"action": n.action.title, "text": n.text, "when": when(n.created_at)}
                for n in ProgressNote.objects.filter(author=user).select_related("action")
            ],
        },
    }


def erase(user) -> None:
    Draft.objects.filter(user=user).delete()
