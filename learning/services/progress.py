"""Every write of a learner's progress: starting a course, completing lessons (by reading, quiz,
video or attendance), reflections, and the certificate issued the moment a course is complete."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.models import User

from ..models import (
    Certificate,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    Reflection,
    VideoProgress,
)
from ..models.progress import REFLECTION_LIMIT
from ..reports.certificates import certificate_pdf_prepare
from ..selectors.progress import course_of, required_lesson_keys

# Watching this share of a video completes it (players and people skip the credits).
VIDEO_COMPLETE_SHARE = 0.9


def course_start(*, user: User, course: CoursePage) -> Enrolment:
    """Enrol the learner (once); starting again changes nothing."""
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user, course_key=course.translation_key
    )
    return enrolment


def lesson_mark_read(*, user: User, lesson: LessonPage) -> LessonCompletion:
    """A reading lesson without a quiz is complete when the learner says they have read it."""
    if not lesson.completed_by_reading:
        raise ValidationError(_("This lesson is completed by its quiz, video or attendance."))
    return _lesson_complete(user=user, lesson=lesson, reason=LessonCompletion.Reason.READ)


@dataclass
class QuizResult:
    """What the learner sees after submitting: the score, pass or not, feedback per question."""

    attempt: QuizAttempt
    feedback: dict[str, list[str]] = field(default_factory=dict)
    correct: dict[str, bool] = field(default_factory=dict)


def quiz_submit(*, user: User, lesson: LessonPage, answers: dict[str, list[int]]) -> QuizResult:
    """Score the answers (option indexes per question id) and record the attempt; a pass, with
    the lesson's other conditions met, completes the lesson. Retries are unlimited."""
    questions = dict(lesson.questions)
    if not questions:
        raise ValidationError(_("This lesson has no quiz."))
    unknown = set(answers) - set(questions)
    if unknown:
        raise ValidationError(_("The answers are for questions of another lesson."))
    result = QuizResult(attempt=QuizAttempt(user=user, lesson_key=lesson.translation_key))
    for question_id, question in questions.items():
        chosen = _validated_choice(question, answers.get(question_id, []))
        correct = {i for i, option in enumerate(question["options"]) if option["correct"]}
        result.correct[question_id] = set(chosen) == correct
        result.feedback[question_id] = [
            question["options"][i]["feedback"] for i in chosen if question["options"][i]["feedback"]
        ]
    missed = [qid for qid, ok in result.correct.items() if not ok]
    score = round(100 * (len(questions) - len(missed)) / len(questions))
    attempt = result.attempt
    attempt.score, attempt.passed, attempt.missed = score, score >= lesson.pass_mark, missed
    attempt.answers = {qid: answers.get(qid, []) for qid in questions}
    with transaction.atomic():
        attempt.save()
        _enrol(user=user, lesson=lesson)
        if attempt.passed:
            _complete_when_conditions_met(user=user, lesson=lesson, reason="quiz")
    return result


def _validated_choice(question, chosen: list[int]) -> list[int]:
    count = len(question["options"])
    if not chosen:
        raise ValidationError(_("Answer every question."))
    if any(not isinstance(i, int) or not 0 <= i < count for i in chosen) or len(set(chosen)) != len(
        chosen
    ):
        raise ValidationError(_("Choose among the options shown."))
    if not question["multiple"] and len(chosen) != 1:
        raise ValidationError(_("Choose one option for each single-choice question."))
    return sorted(chosen)


def video_progress_record(*, user: User, lesson: LessonPage, watched_share: float) -> bool:
    """Store the largest watched share the player reports; at 90 % (and with the quiz passed,
    if the lesson has one) the lesson is complete. Returns whether the lesson is complete."""
    if not lesson.has_video:
        raise ValidationError(_("This lesson has no video."))
    if not isinstance(watched_share, float | int) or not 0 <= watched_share <= 1:
        raise ValidationError(_("The watched share must be between 0 and 1."))
    with transaction.atomic():
        progress, created = VideoProgress.objects.select_for_update().get_or_create(
            user=user, lesson_key=lesson.translation_key, defaults={"watched_share": watched_share}
        )
        if not created and watched_share > progress.watched_share:
            progress.watched_share = watched_share
            progress.save(update_fields=["watched_share", "updated_at"])
        _enrol(user=user, lesson=lesson)
        if progress.watched_share >= VIDEO_COMPLETE_SHARE:
            _complete_when_conditions_met(user=user, lesson=lesson, reason="video")
    return LessonCompletion.objects.filter(user=user, lesson_key=lesson.translation_key).exists()


def reflection_save(*, user: User, lesson: LessonPage, text: str) -> Reflection:
    """Save the learner's private answer to the lesson's reflection question."""
    text = (text or "").strip()
    if not lesson.reflection_prompt:
        raise ValidationError(_("This lesson has no reflection question."))
    if not text:
        raise ValidationError(_("Write your reflection before saving."))
    if len(text) > REFLECTION_LIMIT:
        raise ValidationError(
            _("A reflection can be at most %(limit)s characters.") % {"limit": REFLECTION_LIMIT}
        )
    reflection, _created = Reflection.objects.update_or_create(
        user=user, lesson_key=lesson.translation_key, defaults={"text": text}
    )
    return reflection


def lesson_attendance_mark(*, user: User, lesson: LessonPage) -> LessonCompletion | None:
    """The trainer marks that the learner attended the live webinar."""
    if lesson.kind != LessonPage.Kind.LIVE:
        raise ValidationError(_("Only live webinars have attendance."))
    with transaction.atomic():
        _enrol(user=user, lesson=lesson)
        return _complete_when_conditions_met(user=user, lesson=lesson, reason="attended")


def _enrol(*, user: User, lesson: LessonPage) -> Enrolment:
    course = course_of(lesson)
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user, course_key=course.translation_key
    )
    if enrolment.last_lesson_key != lesson.translation_key:
        enrolment.last_lesson_key = lesson.translation_key
        enrolment.save(update_fields=["last_lesson_key"])
    return enrolment


def _conditions_met(*, user: User, lesson: LessonPage, attended: bool) -> bool:
    """Every condition the lesson has: its quiz passed, its video watched, its webinar attended."""
    key = lesson.translation_key
    if (
        lesson.questions
        and not QuizAttempt.objects.filter(user=user, lesson_key=key, passed=True).exists()
    ):
        return False
    if (
        lesson.has_video
        and not VideoProgress.objects.filter(
            user=user, lesson_key=key, watched_share__gte=VIDEO_COMPLETE_SHARE
        ).exists()
    ):
        return False
    return lesson.kind != LessonPage.Kind.LIVE or attended


def _complete_when_conditions_met(
    *, user: User, lesson: LessonPage, reason: str
) -> LessonCompletion | None:
    if not _conditions_met(user=user, lesson=lesson, attended=reason == "attended"):
        return None
    return _lesson_complete(user=user, lesson=lesson, reason=reason)


@transaction.atomic
def _lesson_complete(*, user: User, lesson: LessonPage, reason: str) -> LessonCompletion:
    enrolment = _enrol(user=user, lesson=lesson)
    completion, created = LessonCompletion.objects.get_or_create(
        user=user,
        lesson_key=lesson.translation_key,
        defaults={"course_key": enrolment.course_key, "reason": reason},
    )
    if created:
        _complete_course_if_done(enrolment=enrolment, now=completion.completed_at)
    return completion


def _complete_course_if_done(*, enrolment: Enrolment, now) -> None:
    """The course is complete at the moment its last required lesson is: no job in between."""
    if enrolment.completed_at:
        return
    required = required_lesson_keys(course_key=enrolment.course_key)
    done = set(
        LessonCompletion.objects.filter(
            user=enrolment.user_id, course_key=enrolment.course_key
        ).values_list("lesson_key", flat=True)
    )
    if not required or not required <= done:
        return
    enrolment.completed_at = now
    enrolment.save(update_fields=["completed_at"])
    certificate_issue(enrolment=enrolment)


def certificate_issue(*, enrolment: Enrolment) -> Certificate:
    """Issue the course's certificate (once) and prepare its PDF in the learner's language."""
    user = enrolment.user
    titles = dict(
        CoursePage.objects.filter(translation_key=enrolment.course_key).values_list(
            "locale__language_code", "title"
        )
    )
    certificate, created = Certificate.objects.get_or_create(
        user=user,
        course_key=enrolment.course_key,
        defaults={
            "learner_name": user.get_full_name() or user.email,
            "course_titles": titles,
            "completed_on": timezone.localdate(enrolment.completed_at),
        },
    )
    if created:
        language = user.preferred_language or "fi"
        transaction.on_commit(lambda: certificate_pdf_prepare(certificate, language))
    return certificate
