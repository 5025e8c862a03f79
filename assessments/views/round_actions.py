"""The buttons of a supervisor's round page: open now, close now, extend, remind, or invite
members who joined after opening. One POST URL per action; each handler calls its service and
says what happened, a refusal is shown as a message and the page is shown again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import permissions
from ..forms import ExtendForm
from ..services import rounds as round_services
from .common import round_or_404


def _open(request, round):
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


def _close(request, round):
    """Closing cannot be undone: without confirm=yes, the confirmation page first."""
    if request.POST.get("confirm") != "yes":
        return redirect("assessments:round_close_confirm", round.pk)
    round_services.round_close(round=round)
    messages.success(request, _("The round is closed. The results are ready."))
    return None


def _remind(request, round):
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


def _invite_new(request, round):
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


def _extend(request, round):
    form = ExtendForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Give the new closing date as a date."))
    round_services.round_extend(round=round, closes_on=form.cleaned_data["closes_on"])
    messages.success(request, _("The closing date was moved."))


# The URL's action -> its handler (assessments/urls.py lists the same names).
HANDLERS = {
    "open": _open,
    "close": _close,
    "remind": _remind,
    "invite-new": _invite_new,
    "extend": _extend,
}


@login_required
@require_POST
def round_action(request, pk: str, action: str):
    """Ask the permission, run the action's handler, show the round page again (or what the
    handler answered)."""
    round = round_or_404(request, pk)
    if not permissions.can_manage_round(request.user, round):
        raise Http404
    handler = HANDLERS.get(action)
    if handler is None:
        raise Http404
    try:
        response = handler(request, round)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if response is not None:
            return response
    return redirect("assessments:round_detail", round.pk)
