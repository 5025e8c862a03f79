"""Quiz blocks for lessons: each question keeps its StreamField block id, so answers, attempts
and the trainer's "most often missed" list refer to a question across edits and translations."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class QuizOptionBlock(blocks.StructBlock):
    """One answer option, whether it is correct, and what the learner is told after choosing it."""

    text = blocks.CharBlock(label=_("option"), max_length=300)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.CharBlock(label=_("feedback"), max_length=500, required=False)

    class Meta:
        icon = "radio-full"
        label = _("Option")


class QuizQuestionBlock(blocks.StructBlock):
    """A single- or multiple-choice question with two to six options."""

    question = blocks.CharBlock(label=_("question"), max_length=400)
    multiple = blocks.BooleanBlock(
        label=_("several options may be correct"),
        required=False,
        help_text=_("Leave empty for a single-choice question."),
    )
    options = blocks.ListBlock(QuizOptionBlock(), min_num=2, max_num=6, label=_("options"))

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if correct == 0:
            message = _("Mark at least one option correct.")
        elif correct > 1 and not value["multiple"]:
            message = _("A single-choice question has exactly one correct option.")
        else:
            return value
        raise StructBlockValidationError(block_errors={"options": ValidationError(message)})

    class Meta:
        icon = "help"
        label = _("Quiz question")
        template = "learning/blocks/quiz_question.html"
        description = _("A question that ends the lesson, with feedback for each option.")
        preview_value = {
            "question": "Mitä asiakaslähtöisyys tarkoittaa?",
            "multiple": False,
            "options": [
                {"text": "Asiakas on mukana päättämässä", "correct": True, "feedback": "Kyllä."},
                {"text": "Työntekijä päättää yksin", "correct": False, "feedback": "Ei."},
            ],
        }


class QuizStreamBlock(blocks.StreamBlock):
    """The questions of a lesson's quiz."""

    question = QuizQuestionBlock()
