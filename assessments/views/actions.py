"""The follow-up pages: team conclusions, a unit's actions, an action, suggestions, timeline.

Thin: they ask permissions, parse forms, call services and selectors. Another unit's action,
round or suggestion is a 404, never a 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toolkit.shortcuts import add_form_errors, unit_or_404

from .. import permissions
from ..forms import (
    ActionForm,
    ConclusionForm,
    DeclineForm,
    ProgressNoteForm,
    SuggestionForm,
)
from ..models import ActionSuggestion, ImprovementAction
from ..selectors import actions as action_selectors
from ..services import actions as action_services
from ..services import conclusions as conclusion_services
from ..services import suggestions as suggestion_services
from .common import round_or_404


def _action_or_404(request, pk: int) -> ImprovementAction:
    try:
        action = action_selectors.action_for_page(pk=pk)
    except ImprovementAction.DoesNotExist:
        raise Http404 from None
    if not permissions.can_view_action(request.user, action):
        raise Http404
    return action


@login_required
def unit_actions(request, code: str):
    """The unit's improvement actions; supervisors also see the suggestions waiting for them."""
    unit = unit_or_404(request, code)
    can_manage = permissions.can_manage_actions_of(request.user, unit)
    return render(
        request,
        "assessments/actions/unit_actions.html",
        {
            "unit": unit,
            "actions": action_selectors.actions_of_unit(unit=unit),
            "suggestions": action_selectors.pending_suggestions(unit=unit) if can_manage else [],
            "can_manage": can_manage,
            "can_suggest": permissions.can_suggest_action(request.user, unit) and not can_manage,
            "has_closed_round": action_selectors.closed_rounds_of(unit=unit).exists(),
        },
    )


def _create_or_accept(request, unit, suggestion=None):
    initial = {}
    if suggestion is not None:
        initial = {
            "title": suggestion.title,
            "description": suggestion.description,
            "value_key": suggestion.value_key,
        }
    elif request.GET.get("round", "").isdigit():
        initial["source_round"] = int(request.GET["round"])
    form = ActionForm(request.POST or None, unit=unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if suggestion is None:
                action = action_services.action_create(
                    unit=unit, created_by=request.user, **form.cleaned_data
                )
            else:
                action = suggestion_services.suggestion_accept(
                    suggestion=suggestion, decided_by=request.user, **form.cleaned_data
                )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The action was created."))
            return redirect("assessments:action_detail", action.pk)
    return render(
        request,
        "assessments/actions/action_form.html",
        {"unit": unit, "form": form, "suggestion": suggestion},
    )


@login_required
def action_create(request, code: str):
    unit = unit_or_404(request, code)
    if not permissions.can_manage_actions_of(request.user, unit):
        raise Http404
    return _create_or_accept(request, unit)


@login_required
def action_detail(request, pk: int):
    """An action with its progress notes and the history of its changes."""
    action = _action_or_404(request, pk)
    can_note = permissions.can_add_progress_note(request.user, action)
    return render(
        request,
        "assessments/actions/action_detail.html",
        {
            "action": action,
            "unit": action.unit,
            "notes": action.notes.select_related("author"),
            "history": action_selectors.action_history(action=action),
            "can_edit": permissions.can_edit_action(request.user, action),
            "note_form": ProgressNoteForm() if can_note else None,
        },
    )


@login_required
def action_edit(request, pk: int):
    action = _action_or_404(request, pk)
    if not permissions.can_edit_action(request.user, action):
        raise Http404
    initial = {field: getattr(action, field) for field in action_services.EDITABLE_FIELDS} | {
        "version": action.version
    }
    form = ActionForm(request.POST or None, unit=action.unit, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            action_services.action_update(
                action=action, changed_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("assessments:action_detail", action.pk)
    return render(
        request,
        "assessments/actions/action_form.html",
        {"unit": action.unit, "form": form, "action": action},
    )


@login_required
@require_POST
def action_note(request, pk: int):
    """The owner (or a supervisor) adds a dated progress note."""
    action = _action_or_404(request, pk)
    if not permissions.can_add_progress_note(request.user, action):
        raise Http404
    form = ProgressNoteForm(request.POST)
    if form.is_valid():
        try:
            action_services.progress_note_add(
                action=action, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The progress note was added."))
            return redirect("assessments:action_detail", action.pk)
    return render(
        request,
        "assessments/actions/action_detail.html",
        {
            "action": action,
            "unit": action.unit,
            "notes": action.notes.select_related("author"),
            "history": action_selectors.action_history(action=action),
            "can_edit": permissions.can_edit_action(request.user, action),
            "note_form": form,
        },
        status=400,
    )


@login_required
def action_suggest(request, code: str):
    """A member of the unit suggests an action to the supervisors."""
    unit = unit_or_404(request, code)
    if not permissions.can_suggest_action(request.user, unit):
        raise Http404
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            suggestion_services.suggestion_create(
                unit=unit, suggested_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("Thank you: the suggestion went to the supervisors."))
            return redirect("assessments:unit_actions", unit.code)
    return render(request, "assessments/actions/suggest_form.html", {"unit": unit, "form": form})


def _suggestion_or_404(request, pk: int) -> ActionSuggestion:
    suggestion = get_object_or_404(
        ActionSuggestion.objects.select_related("unit", "suggested_by"), pk=pk
    )
    if not permissions.can_manage_actions_of(request.user, suggestion.unit):
        raise Http404
    return suggestion


@login_required
def suggestion_accept(request, pk: int):
    """Accepting a suggestion is making an action of it: the supervisor adds owner and date."""
    suggestion = _suggestion_or_404(request, pk)
    if suggestion.status != ActionSuggestion.Status.PENDING:
        messages.error(request, _("This suggestion has already been decided."))
        return redirect("assessments:unit_actions", suggestion.unit.code)
    return _create_or_accept(request, suggestion.unit, suggestion)


@login_required
def suggestion_decline(request, pk: int):
    """Declining is final, so it has its own page: the suggestion, and the reason (required)
    that goes to its author. Works without JavaScript."""
    suggestion = _suggestion_or_404(request, pk)
    if suggestion.status != ActionSuggestion.Status.PENDING:
        messages.error(request, _("This suggestion has already been decided."))
        return redirect("assessments:unit_actions", suggestion.unit.code)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            suggestion_services.suggestion_decline(
                suggestion=suggestion, decided_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The suggestion was declined and its author told why."))
            return redirect("assessments:unit_actions", suggestion.unit.code)
    return render(
        request,
        "assessments/actions/decline_form.html",
        {"unit": suggestion.unit, "suggestion": suggestion, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def round_conclusions(request, pk: int):
    """The team's conclusions on the five values of a closed round: supervisors edit them until
    the unit's next round closes; the unit's members read them."""
    round = round_or_404(request, pk)
    if round.status != round.Status.CLOSED:
        raise Http404
    rows = action_selectors.conclusions_of_round(round=round)
    editable = permissions.can_edit_conclusions(
        request.user, round
    ) and conclusion_services.conclusions_editable(round=round)
    forms = []
    for row in rows:
        initial = {"version": 0}
        if row.conclusion:
            initial = {
                "barriers": row.conclusion.barriers,
                "means": row.conclusion.means,
                "version": row.conclusion.version,
            }
        data = request.POST if request.method == "POST" and editable else None
        forms.append((row, ConclusionForm(data, prefix=row.key, initial=initial)))
    if request.method == "POST":
        if not editable:
            raise Http404
        if _save_conclusions(request, round, forms):
            messages.success(request, _("The team's conclusions were saved."))
            return redirect("assessments:round_conclusions", round.pk)
    return render(
        request,
        "assessments/actions/conclusions.html",
        {"round": round, "unit": round.unit, "forms": forms, "editable": editable},
    )


def _save_conclusions(request, round, forms) -> bool:
    """The service saves the page in one transaction; a refusal goes onto its value's form."""
    if not all(form.is_valid() for _row, form in forms):
        return False
    entries = [
        conclusion_services.ConclusionEntry(row.key, row.conclusion, **form.cleaned_data)
        for row, form in forms
    ]
    try:
        conclusion_services.conclusions_save(round=round, saved_by=request.user, entries=entries)
    except conclusion_services.ConclusionRefused as refusal:
        form = next(form for row, form in forms if row.key == refusal.value_key)
        add_form_errors(form, refusal.error)
        return False
    return True


@login_required
def unit_timeline(request, code: str):
    """Rounds, value means and actions of a unit over the years."""
    unit = unit_or_404(request, code)
    return render(
        request,
        "assessments/actions/timeline.html",
        {
            "unit": unit,
            "timeline": action_selectors.unit_timeline(unit=unit, viewer=request.user),
            "can_manage": permissions.can_manage_actions_of(request.user, unit),
        },
    )
