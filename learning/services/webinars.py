"""Live webinars: registration within capacity, a waiting list that moves up when someone
cancels, attendance marked by the trainer (which completes the lesson), and the reminder the
day before. Places are counted under a row lock, so two people never take the last place."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from toolkit.models import User
from toolkit.outbox import enqueue_on_commit

from ..models import LessonPage, WebinarRegistration
from .progress import lesson_attendance_mark

Status = WebinarRegistration.Status
REMINDER_AHEAD = datetime.timedelta(hours=24)


def _check_live(lesson: LessonPage) -> None:
    if lesson.kind != LessonPage.Kind.LIVE or not lesson.starts_at:
        raise ValidationError(_("Only live webinars take registrations."))


def _check_not_started(lesson: LessonPage, now: datetime.datetime) -> None:
    if now >= lesson.starts_at:
        raise ValidationError(_("The webinar has already started: registration is closed."))


def _lock_webinar(lesson: LessonPage) -> None:
    """Serialise changes to one webinar's places: lock its page in every language."""
    list(
        Page.objects.select_for_update()
        .filter(translation_key=lesson.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _notify(registration: WebinarRegistration, template: str) -> None:

    enqueue_on_commit("learning.tasks.send_webinar_mail", registration.pk, template)


def webinar_register(
    *, user: User, lesson: LessonPage, now: datetime.datetime | None = None
) -> WebinarRegistration:
    """A place while there is one, otherwise a place on the waiting list. Registering again
    while registered or waiting changes nothing."""
    now = now or timezone.now()
    _check_live(lesson)
    _check_not_started(lesson, now)
    with transaction.atomic():
        _lock_webinar(lesson)
        registration = WebinarRegistration.objects.filter(
            user=user, lesson_key=lesson.translation_key
        ).first()
        if registration and registration.status != Status.CANCELLED:
            return registration
        taken = WebinarRegistration.objects.filter(
            lesson_key=lesson.translation_key, status=Status.REGISTERED
        ).count()
        status = Status.REGISTERED if taken < (lesson.capacity or 0) else Status.WAITING
        registration, _created = WebinarRegistration.objects.update_or_create(
            user=user,
            lesson_key=lesson.translation_key,
            defaults={"status": status, "queued_at": now, "reminded_at": None},
        )
        _notify(registration, "registered" if status == Status.REGISTERED else "waiting")
    return registration


def webinar_cancel(
    *, user: User, lesson: LessonPage, now: datetime.datetime | None = None
) -> WebinarRegistration | None:
    """Give up a place (or leave the waiting list) before the start. A freed place goes to
    the first person waiting, who is told by e-mail. Returns who moved up, if anyone."""
    now = now or timezone.now()
    _check_live(lesson)
    _check_not_started(lesson, now)
    with transaction.atomic():
        _lock_webinar(lesson)
        registration = (
            WebinarRegistration.objects.filter(user=user, lesson_key=lesson.translation_key)
            .exclude(status=Status.CANCELLED)
            .first()
        )
        if registration is None:
            raise ValidationError(_("You are not registered for this webinar."))
        freed = registration.status == Status.REGISTERED
        registration.status = Status.CANCELLED
        registration.save(update_fields=["status"])
        return _promote_first_waiting(lesson) if freed else None


def _promote_first_waiting(lesson: LessonPage) -> WebinarRegistration | None:
    waiting = (
        WebinarRegistration.objects.filter(lesson_key=lesson.translation_key, status=Status.WAITING)
        .order_by("queued_at", "pk")
        .first()
    )
    if waiting is not None:
        waiting.status = Status.REGISTERED
        waiting.save(update_fields=["status"])
        _notify(waiting, "promoted")
    return waiting


def webinar_attendance_mark(
    *,
    lesson: LessonPage,
    user_ids: set[int],
    now: datetime.datetime | None = None,
) -> int:
    """The trainer marks who of the registered attended, once the webinar has started; each
    attendance completes the lesson for that person. Marking is additive. Returns how many
    were newly marked."""
    now = now or timezone.now()
    _check_live(lesson)
    if now < lesson.starts_at:
        raise ValidationError(_("Attendance can be marked once the webinar has started."))
    registrations = WebinarRegistration.objects.filter(
        lesson_key=lesson.translation_key, status=Status.REGISTERED
    )
    with transaction.atomic():
        # Under the webinar's lock, so a cancellation cannot slip in between the check and
        # the marking.
        _lock_webinar(lesson)
        registered = set(registrations.values_list("user_id", flat=True))
        if not user_ids <= registered:
            raise ValidationError(_("Mark attendance only for people registered for the webinar."))
        newly = list(
            registrations.filter(user_id__in=user_ids, attended=False).select_related("user")
        )
        for registration in newly:
            registration.attended = True
            registration.save(update_fields=["attended"])
            lesson_attendance_mark(user=registration.user, lesson=lesson)
    return len(newly)


def webinar_reminders_send_due(*, now: datetime.datetime | None = None) -> int:
    """Remind everyone with a place of webinars starting within the next 24 hours, once."""

    now = now or timezone.now()
    keys = (
        LessonPage.objects.live()
        .filter(kind=LessonPage.Kind.LIVE, starts_at__gt=now, starts_at__lte=now + REMINDER_AHEAD)
        .values_list("translation_key", flat=True)
    )
    due = WebinarRegistration.objects.filter(
        lesson_key__in=set(keys), status=Status.REGISTERED, reminded_at__isnull=True
    )
    sent = 0
    with transaction.atomic():  # the mark and the queued mail commit together
        for registration in due.select_for_update(skip_locked=True):
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            enqueue_on_commit("learning.tasks.send_webinar_mail", registration.pk, "reminder")
            sent += 1
    return sent
