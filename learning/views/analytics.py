"""Trainers' learning analytics: aggregated figures per course, never a name."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from toolkit.languages import active_language

from .. import permissions
from ..models import CoursePage
from ..selectors import analytics


def _check(request) -> None:
    if not permissions.can_view_learning_analytics(request.user):
        raise Http404


@login_required
@require_GET
def analytics_index(request):
    _check(request)
    courses = analytics.courses_analytics(language=active_language())
    return render(request, "learning/analytics_index.html", {"courses": courses})


@login_required
@require_GET
def analytics_course(request, pk: int):
    _check(request)
    course = get_object_or_404(CoursePage.objects.live(), pk=pk)
    return render(
        request,
        "learning/analytics_course.html",
        {"course": course, "analytics": analytics.course_analytics(course=course)},
    )
