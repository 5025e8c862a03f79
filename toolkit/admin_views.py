"""Wagtail admin views for administrators: import people from CSV (upload, preview, commit),
erase a person, and read the audit log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import audit, people_import, permissions, personal_data
from .forms import ErasePersonForm, PeopleImportConfirmForm, PeopleImportForm
from .models import AuditEvent, PeopleImport
from .outbox import enqueue_on_commit


def _require_administrator(request) -> None:
    if not permissions.can_import_people(request.user):
        raise PermissionDenied


def upload(request):
    """Step 1: upload a CSV. Every row is checked; a bad file is explained, not stored."""
    _require_administrator(request)
    errors: list[str] = []
    if request.method == "POST":
        form = PeopleImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload_file = form.cleaned_data["file"]
            try:
                record = people_import.people_import_preview(
                    data=upload_file.read(), file_name=upload_file.name, created_by=request.user
                )
            except people_import.ImportFileError as error:
                errors = [str(error)]
            except ValidationError as error:
                errors = error.messages
            else:
                return redirect("people_import:preview", record.pk)
    else:
        form = PeopleImportForm()
    recent = PeopleImport.objects.select_related("created_by")[:10]
    return render(
        request,
        "toolkit/admin/people_import_upload.html",
        {"form": form, "errors": errors, "recent": recent},
        status=400 if errors or form.errors else 200,
    )


def preview(request, pk):
    """Step 2: what the import will do, before anything is written: each change to people who
    already have an account, to confirm. After the commit, the same address shows the result."""
    _require_administrator(request)
    record = get_object_or_404(PeopleImport, pk=pk)
    context = {"record": record, "rows": record.rows[:500], "row_count": len(record.rows)}
    if record.status == PeopleImport.Status.PREVIEWED:
        rows = [people_import.PersonRow(**row) for row in record.rows]
        context["plan"] = people_import.people_import_plan(rows=rows)
    return render(request, "toolkit/admin/people_import_preview.html", context)


@require_POST
def commit(request, pk):
    """Step 3: run the confirmed plan in a Celery task (in-process when no broker is configured),
    then back to the import's page (post/redirect/get), which shows it running or its result."""
    _require_administrator(request)
    record = get_object_or_404(PeopleImport, pk=pk)
    form = PeopleImportConfirmForm(request.POST)
    digest = form.cleaned_data["plan"] if form.is_valid() else ""
    try:
        people_import.people_import_start(
            people_import=record,
            plan_digest=digest,
            changes_confirmed=form.is_valid() and form.cleaned_data["confirm_changes"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("people_import:preview", record.pk)
    enqueue_on_commit("toolkit.tasks.commit_people_import", str(record.pk), digest)
    messages.success(request, _("The import has started. Invitations are sent when it is done."))
    return redirect("people_import:preview", record.pk)


def erase_person(request):
    """Erase a person's personal data at their request (typed twice; it cannot be undone)."""
    _require_administrator(request)
    form = ErasePersonForm(request.POST or None, erased_by=request.user)
    if request.method == "POST" and form.is_valid():
        personal_data.person_erase(user=form.cleaned_data["person"], erased_by=request.user)
        messages.success(request, _("The person's personal data is erased."))
        return redirect("people_admin:erase")
    return render(
        request,
        "toolkit/admin/erase_person.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


AUDIT_PAGE_SIZE = 50


def audit_log(request):
    """The audit log, newest first, filtered by kind of event."""
    _require_administrator(request)
    action = request.GET.get("action", "")
    if action not in AuditEvent.Action.values:
        action = ""
    page = Paginator(audit.audit_events(action=action), AUDIT_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "toolkit/admin/audit_log.html",
        {"page": page, "action": action, "actions": AuditEvent.Action.choices},
    )
