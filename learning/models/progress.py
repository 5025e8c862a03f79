"""Each learner's progress, keyed by the translation keys of courses and lessons.

Training progress is not anonymous (supervisors follow it), but quiz answers and reflections are
private to the learner: no selector for anyone else reads them.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REFLECTION_LIMIT = 4000
# Unambiguous letters and digits (no 0/O, 1/I/L) for codes people type from a printed page.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Enrolment(models.Model):
    """A learner started a course; completed when the last required lesson was."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_lesson_key = models.UUIDField(null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrolment_per_course")
        ]


class LessonCompletion(models.Model):
    """A learner completed a lesson, and how."""

    class Reason(models.TextChoices):
        READ = "read", _("marked as read")
        QUIZ = "quiz", _("passed the quiz")
        VIDEO = "video", _("watched the video")
        ATTENDED = "attended", _("attended the webinar")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    course_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    reason = models.CharField(max_length=10, choices=Reason.choices)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("completed lesson")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="one_completion_per_lesson")
        ]


class QuizAttempt(models.Model):
    """One submitted quiz. `missed` lists the question block ids answered wrong, for the
    trainer's aggregated view; `answers` is the learner's own record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson_key = models.UUIDField(db_index=True)
    score = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    passed = models.BooleanField()
    answers = models.JSONField(default=dict)
    missed = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("quiz attempt")
        ordering = ["-created_at"]


class VideoProgress(models.Model):
    """The largest share of a lesson's video the learner has watched (0–1), as the player
    reports it from the ranges actually played, not from a click."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="video_progress"
    )
    lesson_key = models.UUIDField()
    watched_share = models.FloatField(validators=[MinValueValidator(0), MaxValueValidator(1)])
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("video progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="one_video_progress"),
            models.CheckConstraint(
                condition=models.Q(watched_share__gte=0, watched_share__lte=1),
                name="watched_share_is_a_share",
            ),
        ]


class Reflection(models.Model):
    """The learner's private answer to a lesson's reflection question."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    lesson_key = models.UUIDField()
    text = models.TextField(max_length=REFLECTION_LIMIT)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="one_reflection_per_lesson")
        ]


class Certificate(models.Model):
    """Proof that a learner completed a course on a date; anyone with the code can verify it.

    The learner's name and the course title are copied at issue, so the certificate stays true
    when the page or the person's name changes later. `files` maps a language to the stored PDF."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course_key = models.UUIDField()
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_verification_code)
    learner_name = models.CharField(max_length=300)
    course_titles = models.JSONField(default=dict)
    completed_on = models.DateField()
    files = models.JSONField(default=dict, blank=True)
    failed_languages = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("certificate")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="one_certificate_per_course"
            )
        ]

    def __str__(self) -> str:
        return self.code

    def course_title(self, language: str) -> str:
        return self.course_titles.get(language) or self.course_titles.get("fi") or ""
