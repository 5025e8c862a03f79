"""Answering a round: one accessible form, a draft that resumes, a final anonymous submit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from toolkit import permissions as toolkit_permissions

from .. import permissions
from ..forms import AnswerForm
from ..models import AssessmentRound, Statement, Value
from ..selectors import rounds as round_selectors
from ..services import answering


def _values(round: AssessmentRound) -> list[Value]:
    return list(
        Value.objects.filter(version=round.framework_version_id)
        .order_by("sort_order", "pk")
        .prefetch_related(Prefetch("statements", Statement.objects.order_by("sort_order", "pk")))
    )


@login_required
def answer(request, pk: int):
    try:
        round = round_selectors.round_for_page(pk=pk)
    except AssessmentRound.DoesNotExist:
        raise Http404 from None
    state = answering.answer_state(round=round, user=request.user)
    if not permissions.can_open_answer_page(request.user, round, invited=state != "not_invited"):
        raise Http404
    if state != "invited":
        return render(request, "assessments/answer_closed.html", {"round": round, "state": state})

    draft = answering.draft_for(round=round, user=request.user)
    form = AnswerForm(
        request.POST or None,
        initial=draft.data if draft else None,
        values=_values(round),
        may_answer_as_supervisor=toolkit_permissions.is_supervisor_of(request.user, round.unit),
    )
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("action") == "submit":
                submission = form.submission()
                if submission is not None:
                    answering.response_submit(round=round, user=request.user, submission=submission)
                    return redirect("assessments:answered", round.pk)
            else:
                answering.draft_save(round=round, user=request.user, data=form.draft_data())
                messages.success(
                    request,
                    _("Your draft is saved. Only you can see it; continue whenever you like."),
                )
                return redirect("assessments:answer", round.pk)
        except ValidationError as error:
            form.add_error(None, error)
    return render(
        request,
        "assessments/answer.html",
        {"round": round, "form": form, "has_draft": draft is not None},
        status=400 if form.errors else 200,
    )


@login_required
def answered(request, pk: int):
    """Thanks, after a submit. It says nothing about the answer itself."""
    try:
        round = round_selectors.round_for_page(pk=pk)
    except AssessmentRound.DoesNotExist:
        raise Http404 from None
    if answering.answer_state(round=round, user=request.user) != "answered":
        raise Http404
    return render(request, "assessments/answered.html", {"round": round})
