"""A unit's training, for its supervisors: assigned courses with each member's status (also as
CSV), assigning a course, and the courses recommended by the unit's self-assessment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from toolkit.audit import audit_record
from toolkit.csv_export import csv_response
from toolkit.languages import active_language
from toolkit.models import AuditEvent, Unit
from toolkit.shortcuts import add_form_errors, unit_or_404

from .. import permissions
from ..forms import AssignmentForm
from ..models import CourseAssignment
from ..selectors import recommendations, training
from ..services import assignments


def _managed_unit(request, code: str) -> Unit:
    """The unit if the person leads it (or administers); a 404 otherwise, so names don't leak."""
    return unit_or_404(request, code, may=permissions.can_manage_training_of)


@login_required
@require_GET
def unit_training(request, code: str):
    unit = _managed_unit(request, code)
    reports = training.unit_training_report(unit=unit, language=active_language())
    return render(
        request,
        "learning/unit_training.html",
        {
            "unit": unit,
            "reports": reports,
            "recommendations": recommendations.unit_recommendations(
                unit=unit, language=active_language()
            ),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_GET
def unit_training_csv(request, code: str):
    """Each assigned course × member with status and completion date (names: training is not
    anonymous; nothing of quizzes or reflections)."""
    unit = _managed_unit(request, code)
    rows: list[list] = [[_("Unit"), unit.name], []]
    rows.append([_("Course"), _("Deadline"), _("Name"), _("E-mail"), _("Status"), _("Completed")])
    for report in training.unit_training_report(unit=unit, language=active_language()):
        title = report.course.title if report.course else ""
        for row in report.rows:
            rows.append(
                [
                    title,
                    date_format(report.assignment.due_on, "SHORT_DATE_FORMAT"),
                    row.user.get_full_name(),
                    row.user.email,
                    row.status_label,
                    date_format(row.completed_on, "SHORT_DATE_FORMAT") if row.completed_on else "",
                ]
            )
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        message="training_csv",
        params={"unit": unit.code},
    )
    return csv_response(rows, f"{slugify(unit.code)}-training.csv")


@login_required
def assignment_new(request, code: str):
    """Assign a course; `?course=<id>` preselects one (from a recommendation)."""
    unit = _managed_unit(request, code)
    courses = training.live_courses(language=active_language())
    members = training.unit_people(unit=unit)
    chosen = request.POST.get("course") or request.GET.get("course")
    recommendation = recommendations.recommendation_for(
        unit=unit, course_id=chosen, language=active_language()
    )
    form = AssignmentForm(
        request.POST if request.method == "POST" else None,
        initial={"course": chosen},
        courses=courses,
        members=members,
        can_record_action=recommendation is not None,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            course = next(c for c in courses if c.pk == data["course"])
            people = [m for m in members if m.pk in set(data["members"])]
            try:
                if data.get("record_action"):
                    assignments.recommendation_adopt(
                        unit=unit,
                        course=course,
                        due_on=data["due_on"],
                        members=people,
                        assigned_by=request.user,
                        recommendation=recommendation,
                    )
                else:
                    assignments.assignment_create(
                        unit=unit,
                        course=course,
                        due_on=data["due_on"],
                        members=people,
                        assigned_by=request.user,
                    )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(request, _("The course is assigned. The people get an e-mail."))
                return redirect("learning:unit_training", code=unit.code)
        status = 400
    return render(
        request,
        "learning/assignment_form.html",
        {"unit": unit, "form": form, "recommendation": recommendation},
        status=status,
    )


@login_required
def assignment_withdraw(request, code: str, pk: int):
    """Withdrawing cannot be undone, so a page asks first: which course, how many people it
    covers and how many have completed it. Only its form (confirm=yes) withdraws; the page
    works without JavaScript."""
    unit = _managed_unit(request, code)
    assignment = get_object_or_404(CourseAssignment, pk=pk, unit=unit)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        assignments.assignment_withdraw(assignment=assignment)
        messages.success(request, _("The assignment is withdrawn."))
        return redirect("learning:unit_training", code=unit.code)
    report = next(
        r
        for r in training.unit_training_report(unit=unit, language=active_language())
        if r.assignment.pk == assignment.pk
    )
    return render(request, "learning/assignment_withdraw.html", {"unit": unit, "report": report})
