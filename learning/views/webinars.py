"""Live webinars: register, cancel, the calendar file, and the trainer's attendance list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import permissions
from ..forms import AttendanceForm
from ..models import LessonPage
from ..reports.calendar import webinar_ics
from ..selectors import training
from ..services import webinars


def _webinar_for(request, pk: int) -> LessonPage:
    lesson = get_object_or_404(LessonPage, pk=pk)
    if not permissions.can_register_for_webinar(request.user, lesson):
        raise Http404
    return lesson


def _run_webinar(request, pk: int) -> LessonPage:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=pk, kind=LessonPage.Kind.LIVE)
    if not permissions.can_run_webinars(request.user):
        raise Http404
    return lesson


@login_required
@require_POST
def webinar_register(request, pk: int):
    lesson = _webinar_for(request, pk)
    try:
        registration = webinars.webinar_register(user=request.user, lesson=lesson)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if registration.status == registration.Status.REGISTERED:
            messages.success(request, _("You have a place at the webinar."))
        else:
            messages.info(request, _("The webinar is full: you are on the waiting list."))
    return redirect(f"{lesson.url}#webinar-heading")


@login_required
@require_POST
def webinar_cancel(request, pk: int):
    lesson = _webinar_for(request, pk)
    try:
        webinars.webinar_cancel(user=request.user, lesson=lesson)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(f"{lesson.url}#webinar-heading")


@login_required
@require_GET
def webinar_calendar(request, pk: int):
    """The webinar as an .ics file for the learner's calendar."""
    lesson = _webinar_for(request, pk)
    url = request.build_absolute_uri(lesson.url)
    response = HttpResponse(webinar_ics(lesson=lesson, url=url), content_type="text/calendar")
    filename = f"{slugify(lesson.title) or 'webinar'}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def webinar_list(request):
    """The trainer's list of recent and upcoming webinars, each with its registrations."""
    if not permissions.can_run_webinars(request.user):
        raise Http404
    rows = training.webinar_rows(language=get_language()[:2])
    return render(request, "learning/webinar_list.html", {"rows": rows})


@login_required
def webinar_attendance(request, pk: int):
    """Who registered or waits, and the trainer ticks who attended once it has started."""
    lesson = _run_webinar(request, pk)
    people = training.webinar_attendance(lesson=lesson)
    registered = [row.user for row in people if row.status == "registered"]
    form = AttendanceForm(request.POST if request.method == "POST" else None, registered=registered)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                count = webinars.webinar_attendance_mark(
                    lesson=lesson, user_ids=set(form.cleaned_data["attended"])
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Attendance saved: %(count)s newly marked.") % {"count": count}
                )
                return redirect("learning:webinar_attendance", pk=lesson.pk)
        status = 400
    return render(
        request,
        "learning/webinar_attendance.html",
        {
            "lesson": lesson,
            "people": people,
            "form": form,
            "state": training.webinar_state(lesson=lesson, user=None),
        },
        status=status,
    )
