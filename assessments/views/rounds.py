"""A unit's rounds and a supervisor's round page: thin, they ask permissions, call services.
The round's buttons (open, close, extend, remind, invite) are in views/round_actions.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.shortcuts import add_form_errors, unit_or_404

from .. import permissions
from ..forms import ExtendForm, RoundForm
from ..models import AssessmentRound
from ..selectors import rounds as round_selectors
from ..services import rounds as round_services
from .common import round_or_404


@login_required
def unit_rounds(request, code: str):
    """Every round of a unit: members see them; supervisors also start new ones."""
    unit = unit_or_404(request, code)
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
    unit = unit_or_404(request, code)
    if not permissions.can_manage_rounds_of(request.user, unit):
        raise Http404
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round = round_services.round_create(
                unit=unit, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_form_errors(form, error)
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
    round = round_or_404(request, pk)
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
    round = round_or_404(request, pk)
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
