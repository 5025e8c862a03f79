"""Live webinar registrations and the courses supervisors assign to their units.

Both refer to pages by translation key, like progress does, so they hold in every language.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WebinarRegistration(models.Model):
    """A learner's place at a live webinar, on its waiting list, or given up.

    One row per person and webinar: registering again after cancelling reuses it, so the
    waiting list is ordered by `queued_at`, the last time the person asked for a place."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webinar_registrations"
    )
    lesson_key = models.UUIDField(db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    queued_at = models.DateTimeField(default=timezone.now)
    attended = models.BooleanField(default=False)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("webinar registration")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="one_registration_each")
        ]
        indexes = [models.Index(fields=["lesson_key", "status", "queued_at"])]


class CourseAssignment(models.Model):
    """A supervisor's assignment of a course to a unit, with a deadline.

    With no chosen members it covers everyone who is an employee or supervisor of the unit,
    including people who join later; otherwise only the chosen members."""

    unit = models.ForeignKey(
        "toolkit.Unit", on_delete=models.CASCADE, related_name="course_assignments"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    due_on = models.DateField(_("deadline"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="course_assignments"
    )
    whole_unit = models.BooleanField(default=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("course assignment")
        ordering = ["due_on", "pk"]


class AssignmentReminder(models.Model):
    """A reminder already sent to one person about one assignment, so each goes out once."""

    class Kind(models.TextChoices):
        WEEK = "week", _("a week before the deadline")
        OVERDUE = "overdue", _("after the deadline")

    assignment = models.ForeignKey(
        CourseAssignment, on_delete=models.CASCADE, related_name="reminders"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "user", "kind"], name="one_assignment_reminder_each"
            )
        ]
