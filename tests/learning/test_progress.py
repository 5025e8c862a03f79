"""Progress services: starting, completing lessons by reading, quiz, video and attendance, and a
course complete at the moment of its last required lesson, with a certificate."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning import services
from learning.models import (
    Certificate,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    Reflection,
    VideoProgress,
)
from learning.selectors import course_progress, lesson_state

from .factories import correct_answers


@pytest.fixture
def learner(org):
    return org.employee_a


def complete_all_required(user, lessons):
    services.lesson_mark_read(user=user, lesson=lessons["lukeminen"])
    services.quiz_submit(
        user=user, lesson=lessons["testi"], answers=correct_answers(lessons["testi"])
    )
    services.video_progress_record(user=user, lesson=lessons["webinaari"], watched_share=0.95)


def test_starting_twice_keeps_one_enrolment(learner, course):
    first = services.course_start(user=learner, course=course)
    again = services.course_start(user=learner, course=course)
    assert first.pk == again.pk
    assert Enrolment.objects.filter(user=learner).count() == 1


def test_marking_a_reading_lesson_read_completes_it_and_enrols(learner, course, lessons):
    services.lesson_mark_read(user=learner, lesson=lessons["lukeminen"])
    progress = course_progress(course=course, user=learner)
    assert progress.started and progress.required_done == 1 and progress.required_count == 3
    assert progress.percent == 33
    assert progress.next_lesson.slug == "testi"


def test_a_lesson_with_a_quiz_cannot_be_marked_read(learner, lessons):
    with pytest.raises(ValidationError):
        services.lesson_mark_read(user=learner, lesson=lessons["testi"])
    assert not LessonCompletion.objects.exists()


def test_a_failed_quiz_is_recorded_with_the_missed_questions_and_does_not_complete(
    learner, lessons
):
    lesson = lessons["testi"]
    (single_id, _), (multiple_id, _) = lesson.questions
    result = services.quiz_submit(
        user=learner, lesson=lesson, answers={single_id: [0], multiple_id: [0]}
    )
    assert not result.attempt.passed and result.attempt.score == 50
    assert result.attempt.missed == [multiple_id]
    assert result.feedback[single_id] == ["Oikein."]
    assert not LessonCompletion.objects.exists()


def test_a_passed_quiz_completes_the_lesson_and_retries_are_allowed(learner, lessons):
    lesson = lessons["testi"]
    (single_id, _), (multiple_id, _) = lesson.questions
    services.quiz_submit(user=learner, lesson=lesson, answers={single_id: [1], multiple_id: [0]})
    result = services.quiz_submit(user=learner, lesson=lesson, answers=correct_answers(lesson))
    assert result.attempt.passed and result.attempt.score == 100
    assert QuizAttempt.objects.filter(user=learner).count() == 2
    completion = LessonCompletion.objects.get(user=learner)
    assert completion.reason == "quiz"
    state = lesson_state(lesson=lesson, user=learner)
    assert state.completion == completion and [r.correct for r in state.review] == [True, True]


@pytest.mark.parametrize(
    "answers",
    [
        {"00000000-not-a-question": [0]},  # a question of another lesson
        {"SINGLE": [0, 1], "MULTIPLE": [0]},  # two choices on a single-choice question
        {"SINGLE": [7], "MULTIPLE": [0]},  # an option that does not exist
        {"SINGLE": [-1], "MULTIPLE": [0]},
        {"SINGLE": [0]},  # a question left unanswered
        {"SINGLE": ["<script>"], "MULTIPLE": [0]},
        {"SINGLE": [0], "MULTIPLE": [0, 0]},
    ],
)
def test_bad_quiz_answers_are_refused_and_nothing_is_written(learner, lessons, answers):
    lesson = lessons["testi"]
    (single_id, _), (multiple_id, _) = lesson.questions
    names = {"SINGLE": single_id, "MULTIPLE": multiple_id}
    answers = {names.get(key, key): value for key, value in answers.items()}
    with pytest.raises(ValidationError):
        services.quiz_submit(user=learner, lesson=lesson, answers=answers)
    assert not QuizAttempt.objects.exists() and not Enrolment.objects.exists()


def test_answers_to_another_lessons_quiz_are_refused(learner, course_index, lessons):
    from .factories import make_course

    other = make_course(course_index, slug="toinen", title="Toinen kurssi")
    other_quiz = other.get_children().get(slug="testi").specific
    with pytest.raises(ValidationError):
        services.quiz_submit(
            user=learner, lesson=lessons["testi"], answers=correct_answers(other_quiz)
        )
    assert not QuizAttempt.objects.exists()


def test_video_completes_at_ninety_percent_and_the_share_never_goes_down(learner, lessons):
    lesson = lessons["webinaari"]
    assert services.video_progress_record(user=learner, lesson=lesson, watched_share=0.5) is False
    assert services.video_progress_record(user=learner, lesson=lesson, watched_share=0.3) is False
    assert VideoProgress.objects.get(user=learner).watched_share == 0.5
    assert services.video_progress_record(user=learner, lesson=lesson, watched_share=0.9) is True
    assert LessonCompletion.objects.get(user=learner).reason == "video"


@pytest.mark.parametrize("share", [-0.1, 1.01, float("nan"), float("inf")])
def test_watched_shares_out_of_range_are_refused(learner, lessons, share):
    with pytest.raises(ValidationError):
        services.video_progress_record(
            user=learner, lesson=lessons["webinaari"], watched_share=share
        )
    assert not VideoProgress.objects.exists()


def test_watched_share_for_a_lesson_without_video_is_refused(learner, lessons):
    with pytest.raises(ValidationError):
        services.video_progress_record(user=learner, lesson=lessons["lukeminen"], watched_share=1)
    assert not VideoProgress.objects.exists()


def test_course_is_complete_the_moment_its_last_required_lesson_is(learner, course, lessons):
    services.lesson_mark_read(user=learner, lesson=lessons["lukeminen"])
    services.quiz_submit(
        user=learner, lesson=lessons["testi"], answers=correct_answers(lessons["testi"])
    )
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at is None and not Certificate.objects.exists()
    services.video_progress_record(user=learner, lesson=lessons["webinaari"], watched_share=1.0)
    enrolment.refresh_from_db()
    last = LessonCompletion.objects.get(
        user=learner, lesson_key=lessons["webinaari"].translation_key
    )
    assert enrolment.completed_at == last.completed_at
    certificate = Certificate.objects.get(user=learner)
    assert certificate.completed_on == timezone.localdate(enrolment.completed_at)
    assert certificate.course_title("fi") == "Hyvä kohtaaminen"
    assert certificate.learner_name == learner.get_full_name()
    progress = course_progress(course=course, user=learner)
    assert progress.completed and progress.percent == 100 and progress.certificate == certificate


def test_the_optional_live_webinar_is_completed_by_attendance_only(learner, lessons):
    live = lessons["live"]
    assert services.lesson_attendance_mark(user=learner, lesson=live).reason == "attended"
    with pytest.raises(ValidationError):
        services.lesson_attendance_mark(user=learner, lesson=lessons["lukeminen"])


def test_reflections_are_saved_and_private(learner, org, lessons):
    lesson = lessons["testi"]
    services.reflection_save(user=learner, lesson=lesson, text="  Opin kuuntelemaan.  ")
    services.reflection_save(user=learner, lesson=lesson, text="Opin kuuntelemaan paremmin.")
    assert Reflection.objects.get(user=learner).text == "Opin kuuntelemaan paremmin."
    assert lesson_state(lesson=lesson, user=learner).reflection == "Opin kuuntelemaan paremmin."
    assert lesson_state(lesson=lesson, user=org.supervisor_a).reflection == ""


@pytest.mark.parametrize("text", ["", "   ", "x" * 4001])
def test_empty_or_oversized_reflections_are_refused(learner, lessons, text):
    with pytest.raises(ValidationError):
        services.reflection_save(user=learner, lesson=lessons["testi"], text=text)
    assert not Reflection.objects.exists()


def test_a_reflection_on_a_lesson_without_a_question_is_refused(learner, lessons):
    with pytest.raises(ValidationError):
        services.reflection_save(user=learner, lesson=lessons["lukeminen"], text="Teksti")
