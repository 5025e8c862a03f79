"""The unit report PDF (prepared in the background) and the CSV exports of results.

Thin: each view asks a permission, then a selector or the report job. Another unit's round, a round
whose results the person may not see, or somebody else's report job are all a 404."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from toolkit.audit import audit_record
from toolkit.csv_export import csv_response
from toolkit.models import AuditEvent
from toolkit.shortcuts import unit_or_404
from toolkit.storage import private_storage

from .. import permissions
from ..models import AssessmentRound
from ..reports import csv as csv_reports
from ..selectors.results import round_results, unit_trend
from ..services import report_jobs as jobs


def _round_for(request, pk: int) -> AssessmentRound:
    round = get_object_or_404(AssessmentRound.objects.select_related("unit__parent"), pk=pk)
    if not permissions.can_prepare_unit_report(request.user, round):
        raise Http404
    return round


def _job_for(request, round: AssessmentRound, job_id: str) -> dict:
    job = jobs.job_get(job_id)
    if job is None or job["round"] != round.pk or job["user"] != request.user.pk:
        raise Http404
    return job


def _file_name(round: AssessmentRound, extension: str) -> str:
    return f"{slugify(round.unit.code)}-{slugify(round.title) or round.pk}.{extension}"


@login_required
@require_POST
def report_prepare(request, pk: int):
    """Start preparing the unit report in the person's language; then follow it."""
    round = _round_for(request, pk)
    job_id = jobs.job_start(round=round, user=request.user, language=translation.get_language())
    return redirect("assessments:report_status", pk=round.pk, job=job_id)


@login_required
@require_GET
def report_status(request, pk: int, job: str):
    """ "Being prepared" (the page checks again by itself), then the download, or a failure
    with a button to try again. With ?format=json, the state only, for the page's script."""
    round = _round_for(request, pk)
    state = _job_for(request, round, job)["state"]
    if request.GET.get("format") == "json":
        return JsonResponse({"state": state})
    context = {"round": round, "job": job, "state": state}
    return render(request, "assessments/report_status.html", context)


@login_required
@require_GET
def report_download(request, pk: int, job: str):
    """The prepared PDF, as an attachment."""
    round = _round_for(request, pk)
    found = _job_for(request, round, job)
    if found["state"] != jobs.READY or not private_storage().exists(found["name"]):
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.REPORT_DOWNLOAD,
        message="unit_report_pdf",
        params={"round": round.pk, "unit": round.unit.code},
    )
    return FileResponse(
        private_storage().open(found["name"], "rb"),
        as_attachment=True,
        filename=_file_name(round, "pdf"),
        content_type="application/pdf",
    )


@login_required
@require_GET
def round_csv(request, pk: int):
    """The round's aggregates (nothing under the threshold), never single responses."""
    round = _round_for(request, pk)
    results = round_results(round=round, viewer=request.user)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        message="aggregates_csv",
        params={"round": round.pk, "unit": round.unit.code},
    )
    return csv_response(csv_reports.round_aggregates_rows(results), _file_name(round, "csv"))


@login_required
@require_GET
def timeline_csv(request, code: str):
    """The unit's closed rounds with their five value means."""
    unit = unit_or_404(request, code, may=permissions.can_export_unit_timeline)
    trend = unit_trend(unit=unit, viewer=request.user)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        message="timeline_csv",
        params={"unit": unit.code},
    )
    return csv_response(csv_reports.unit_timeline_rows(trend), f"{slugify(unit.code)}-timeline.csv")
