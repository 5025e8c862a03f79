"""Quiz options come in an order of their own for each attempt (the right answer is not always
first), the same order on reload and when the form comes back with errors, and grading goes by
the option's identity, not by its place on the screen."""

import re

import pytest

from learning.models import QuizAttempt
from learning.selectors.quiz import option_value, quiz_questions

from .factories import SINGLE, correct_option_values


def quiz_url(lesson) -> str:
    return f"/fi/learning/lessons/{lesson.pk}/quiz/"


def shown_options(html: str, question_id: str) -> list[str]:
    """The option values of one question, in the order the page shows them."""
    return re.findall(rf'name="q-{question_id}" id="[^"]+" value="([^"]+)"', html)


def right_value(lesson, question_id: str) -> str:
    question = dict(lesson.questions)[question_id]
    (value,) = [
        option_value(child, i)
        for i, child in enumerate(question["options"].bound_blocks)
        if child.value["correct"]
    ]
    return value


def wrong_answers(lesson) -> dict[str, list[str]]:
    """A complete but wrong set of answers (the first wrong option of each question)."""
    data = {}
    for question_id, question in lesson.questions:
        wrong = [
            option_value(child, i)
            for i, child in enumerate(question["options"].bound_blocks)
            if not child.value["correct"]
        ]
        data[f"q-{question_id}"] = wrong[:1]
    return data


def test_the_right_options_place_varies_over_attempts_and_learners(org, lessons):
    lesson = lessons["testi"]
    single_id = lesson.questions[0][0]
    right = right_value(lesson, single_id)
    places = set()
    for user in (org.employee_a, org.employee_b, org.supervisor_a):
        for number in range(1, 11):
            (single, _multiple) = quiz_questions(lesson=lesson, user=user, attempt_number=number)
            values = [option.value for option in single.options]
            assert sorted(values) == sorted(shown_values_of(lesson, single_id))
            places.add(values.index(right))
    assert places == {0, 1, 2}  # every place of three, not always the first


def shown_values_of(lesson, question_id: str) -> list[str]:
    question = dict(lesson.questions)[question_id]
    return [option_value(child, i) for i, child in enumerate(question["options"].bound_blocks)]


def test_reload_and_errors_keep_the_order_and_the_next_attempt_gets_a_new_one(
    learner_client, org, lessons
):
    lesson = lessons["testi"]
    single_id, multiple_id = (question_id for question_id, _q in lesson.questions)
    first = learner_client.get(lesson.url).text
    order = shown_options(first, single_id)
    assert len(order) == len(SINGLE["options"])
    assert shown_options(learner_client.get(lesson.url).text, single_id) == order  # reload

    # Only the first question answered: the form comes back with its errors, in the same order,
    # with the chosen option still ticked.
    chosen = order[2]
    response = learner_client.post(quiz_url(lesson), {f"q-{single_id}": chosen})
    assert response.status_code == 400
    assert shown_options(response.text, single_id) == order
    assert f'value="{chosen}" checked' in response.text
    assert not QuizAttempt.objects.exists()

    orders = {tuple(order)}
    for _attempt in range(8):
        learner_client.post(quiz_url(lesson), wrong_answers(lesson))
        orders.add(tuple(shown_options(learner_client.get(lesson.url).text, single_id)))
    assert QuizAttempt.objects.filter(user=org.employee_a, passed=False).count() == 8
    assert len(orders) > 1
    assert shown_options(learner_client.get(lesson.url).text, multiple_id)


def test_grading_goes_by_the_options_identity_not_its_place(learner_client, org, lessons):
    lesson = lessons["testi"]
    single_id = lesson.questions[0][0]
    html = learner_client.get(lesson.url).text
    right = right_value(lesson, single_id)
    # The first wrong option on the screen is graded wrong, whichever place it has.
    shown_wrong = [value for value in shown_options(html, single_id) if value != right][0]
    data = correct_option_values(lesson)
    data[f"q-{single_id}"] = [shown_wrong]
    learner_client.post(quiz_url(lesson), data)
    assert not QuizAttempt.objects.get(user=org.employee_a).passed

    # The right options, wherever they are shown, pass.
    response = learner_client.post(quiz_url(lesson), correct_option_values(lesson))
    assert response.status_code == 302
    assert QuizAttempt.objects.filter(user=org.employee_a, passed=True).count() == 1
    assert QuizAttempt.objects.filter(user=org.employee_a).first().answers[single_id] == [0]


@pytest.mark.parametrize("posted", ["0", "1", "o0"])
def test_a_place_on_the_screen_is_not_an_answer(learner_client, lessons, posted):
    lesson = lessons["testi"]
    data = correct_option_values(lesson)
    data[f"q-{lesson.questions[0][0]}"] = [posted]
    response = learner_client.post(quiz_url(lesson), data)
    assert response.status_code == 400 and "field__error" in response.text
    assert not QuizAttempt.objects.exists()
