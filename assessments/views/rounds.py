"""A unit's rounds and a supervisor's round page: thin, they ask permissions, call services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from toolkit import selectors as toolkit_selectors
from toolkit.models import Unit

from .. import permissions
from ..forms import ExtendForm, RoundForm
from ..models import AssessmentRound
from ..selectors import rounds as round_selectors
from ..services import rounds as round_services


def _unit_or_404(request, code: str) -> Unit:
    try:
        return toolkit_selectors.unit_for_viewer(code=code, user=request.user)
    except Unit.DoesNotExist:
        raise Http404 from None


def _round_or_404(request, pk: int) -> AssessmentRound:
    try:
        round = round_selectors.round_for_page(pk=pk)
    except AssessmentRound.DoesNotExist:
        raise Http404 from None
    if not permissions.can_see_round_unit(request.user, round):
        raise Http404
    return round


def _add_form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def unit_rounds(request, code: str):
    """Every round of a unit: members see them; supervisors also start new ones."""
    unit = _unit_or_404(request, code)
    return render(
        request,
        "assessments/unit_rounds.html",
        {
            "unit": unit,
            "rounds": round_selectors.rounds_of_unit(unit=unit),
            "can_manage": permissions.can_manage_rounds_of(request.user, unit),
            "can_combine": permissions.can_view_combined_results(request.user, unit)
            and unit.children.exists(),
        },
    )


@login_required
def round_create(request, code: str):
    unit = _unit_or_404(request, code)
    if not permissions.can_manage_rounds_of(request.user, unit):
        raise Http404
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round = round_services.round_create(
                unit=unit, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _add_form_errors(form, error)
        else:
            if round.status == AssessmentRound.Status.OPEN:
                messages.success(
                    request, _("The round is open and the invitations are on their way.")
                )
            else:
                messages.success(request, _("The round is ready and opens on its opening date."))
            return redirect("assessments:round_detail", round.pk)
    return render(request, "assessments/round_form.html", {"unit": unit, "form": form})


@login_required
def round_detail(request, pk: int):
    """The supervisor's page of a round: dates, response rate (never who), and actions.
    Other members of the unit are taken to where they can act: answering or the results."""
    round = _round_or_404(request, pk)
    if not permissions.can_manage_round(request.user, round):
        if round.status == AssessmentRound.Status.CLOSED:
            return redirect("assessments:results", round.pk)
        return redirect("assessments:answer", round.pk)
    return render(
        request,
        "assessments/round_detail.html",
        {
            "round": round,
            "rate": round_services.round_response_rate(round=round),
            "extend_form": ExtendForm(initial={"closes_on": round.closes_on}),
        },
    )


@login_required
def round_close_confirm(request, pk: int):
    """Closing by hand cannot be undone: first say how many invited people have not answered
    and how many days the round still had (a page, so it works without JavaScript)."""
    round = _round_or_404(request, pk)
    if not permissions.can_manage_round(request.user, round):
        raise Http404
    if round.status != AssessmentRound.Status.OPEN:
        messages.error(request, _("Only an open round can be closed."))
        return redirect("assessments:round_detail", round.pk)
    rate = round_services.round_response_rate(round=round)
    return render(
        request,
        "assessments/round_close_confirm.html",
        {
            "round": round,
            "rate": rate,
            "not_answered": rate.invited - rate.answered,
            "days_left": max((round.closes_on - timezone.localdate()).days, 0),
        },
    )


@login_required
@require_POST
def round_action(request, pk: str, action: str):
    """Open now, close now, extend, remind, or invite members who joined after opening."""
    round = _round_or_404(request, pk)
    if not permissions.can_manage_round(request.user, round):
        raise Http404
    try:
        if action == "open":
            invited = round_services.round_open(round=round)
            messages.success(
                request,
                ngettext(
                    "The round is open: %(count)s person was invited.",
                    "The round is open: %(count)s people were invited.",
                    invited,
                )
                % {"count": invited},
            )
        elif action == "close":
            if request.POST.get("confirm") != "yes":
                return redirect("assessments:round_close_confirm", round.pk)
            round_services.round_close(round=round)
            messages.success(request, _("The round is closed. The results are ready."))
        elif action == "remind":
            count = round_services.round_remind_now(round=round)
            messages.success(
                request,
                ngettext(
                    "A reminder is on its way to %(count)s person who has not answered.",
                    "A reminder is on its way to %(count)s people who have not answered.",
                    count,
                )
                % {"count": count},
            )
        elif action == "invite-new":
            count = round_services.round_invite_new_members(round=round)
            messages.success(
                request,
                ngettext(
                    "%(count)s new member was invited.",
                    "%(count)s new members were invited.",
                    count,
                )
                % {"count": count},
            )
        elif action == "extend":
            form = ExtendForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the new closing date as a date."))
            round_services.round_extend(round=round, closes_on=form.cleaned_data["closes_on"])
            messages.success(request, _("The closing date was moved."))
        else:
            raise Http404
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("assessments:round_detail", round.pk)
