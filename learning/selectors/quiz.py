"""The quiz as one learner sees it: the options of each question in an order of their own for each
attempt, so the right answer is not always in the same place.

The order is drawn from a seed made of the learner, the lesson and the attempt's number (one more
than the attempts already submitted): reloading the page or re-showing the form with errors keeps
the order, and the next attempt gets a new one. Options are posted by their identity (the block id
each option keeps in the StreamField), never by their place on the screen."""

from __future__ import annotations

import hashlib
import hmac
import random
from dataclasses import dataclass

from django.conf import settings

from ..models import LessonPage, QuizAttempt


@dataclass(frozen=True)
class QuizOption:
    question_id: str
    value: str  # what the form posts: the option's stable id
    text: str
    index: int  # its place in the lesson's own list, which grading uses

    @property
    def key(self) -> str:
        """Unique on the page: the field's name and the option's value."""
        return f"q-{self.question_id}={self.value}"


@dataclass
class QuizQuestion:
    id: str
    question: str
    multiple: bool
    options: list[QuizOption]

    @property
    def field_name(self) -> str:
        return f"q-{self.id}"


def option_value(option_block, index: int) -> str:
    """An option's identity: its ListBlock child id (kept across edits), else its stored place."""
    return str(getattr(option_block, "id", None) or f"o{index}")


def quiz_attempt_number(*, user, lesson: LessonPage) -> int:
    """The number of the attempt the learner is about to make (1 for the first)."""
    return QuizAttempt.objects.filter(user=user, lesson_key=lesson.translation_key).count() + 1


def _rng(*, user, lesson: LessonPage, attempt_number: int, question_id: str) -> random.Random:
    message = f"quiz-order:{user.pk}:{lesson.translation_key}:{attempt_number}:{question_id}"
    digest = hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def quiz_questions(
    *, lesson: LessonPage, user, attempt_number: int | None = None
) -> list[QuizQuestion]:
    """The lesson's questions with their options shuffled for this learner's attempt. One query."""
    if attempt_number is None:
        attempt_number = quiz_attempt_number(user=user, lesson=lesson)
    questions = []
    for question_id, question in lesson.questions:
        children = getattr(question["options"], "bound_blocks", None) or question["options"]
        options = [
            QuizOption(
                question_id=question_id,
                value=option_value(child, i),
                text=option["text"],
                index=i,
            )
            for i, (child, option) in enumerate(zip(children, question["options"], strict=True))
        ]
        _rng(
            user=user, lesson=lesson, attempt_number=attempt_number, question_id=question_id
        ).shuffle(options)
        questions.append(
            QuizQuestion(
                id=question_id,
                question=question["question"],
                multiple=bool(question["multiple"]),
                options=options,
            )
        )
    return questions
