"""The feedback inbox of a unit: its messages by tab, a message with its status and reply forms,
and (for supervisors) the people named to read it.

Thin: they ask feedback.permissions, parse forms, call services and selectors. A unit whose
inbox the person may not read, and another unit's message, are a 404, never a 403."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toolkit.models import User
from toolkit.shortcuts import add_form_errors, unit_or_404

from .. import permissions
from ..forms.inbox import InboxReaderForm, MessageStatusForm, ReplyForm
from ..models import FeedbackMessage
from ..selectors import inbox as inbox_selectors
from ..services import inbox as inbox_services

PAGE_SIZE = 50


def _message_or_404(unit, pk):
    try:
        return inbox_selectors.message_for_page(unit=unit, pk=pk)
    except (FeedbackMessage.DoesNotExist, ValidationError):
        raise Http404 from None


@login_required
def inbox(request, code: str):
    """The unit's messages in one tab (open ones by default), the most urgent first."""
    unit = unit_or_404(request, code, may=permissions.can_read_inbox)
    today = timezone.localdate()
    tab = request.GET.get("tab", inbox_selectors.OPEN)
    tab = tab if tab in inbox_selectors.TABS else inbox_selectors.OPEN
    paginator = Paginator(
        inbox_selectors.inbox_messages(unit=unit, tab=tab, today=today), PAGE_SIZE
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/inbox/inbox.html",
        {
            "unit": unit,
            "tab": tab,
            "tabs": inbox_selectors.inbox_tabs(unit=unit, today=today),
            "tab_label": inbox_selectors.TAB_LABELS[tab],
            "page": page,
            "can_manage_readers": permissions.can_manage_inbox_readers(request.user, unit),
        },
    )


def _message_page(request, unit, view, *, status_form=None, reply_form=None, status=200):
    return render(
        request,
        "feedback/inbox/message.html",
        {
            "unit": unit,
            "view": view,
            "message": view.message,
            "contact_kind": inbox_services.contact_kind(view.contact) if view.contact else None,
            "contact_masked": inbox_services.contact_masked(view.contact) if view.contact else "",
            "status_form": status_form or MessageStatusForm(message=view.message),
            "reply_form": reply_form or ReplyForm(),
        },
        status=status,
    )


@login_required
def message_detail(request, code: str, pk):
    """One message: its text, dates, replies, and the forms to move and answer it."""
    unit = unit_or_404(request, code, may=permissions.can_read_inbox)
    return _message_page(request, unit, _message_or_404(unit, pk))


@login_required
@require_POST
def message_status(request, code: str, pk):
    unit = unit_or_404(request, code, may=permissions.can_read_inbox)
    view = _message_or_404(unit, pk)
    form = MessageStatusForm(request.POST, message=view.message)
    if form.is_valid():
        try:
            inbox_services.message_status_set(
                message=view.message, status=form.cleaned_data["status"], by=request.user
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The message's status was changed."))
            return redirect("feedback:message_detail", unit.code, view.message.pk)
    return _message_page(request, unit, view, status_form=form, status=400)


@login_required
@require_POST
def message_reply(request, code: str, pk):
    unit = unit_or_404(request, code, may=permissions.can_read_inbox)
    view = _message_or_404(unit, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            reply = inbox_services.message_reply(
                message=view.message, text=form.cleaned_data["text"], by=request.user
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            if reply.sent_to_client:
                messages.success(request, _("The reply was saved and sent to the client."))
            else:
                messages.success(request, _("The reply was saved."))
            return redirect("feedback:message_detail", unit.code, view.message.pk)
    return _message_page(request, unit, view, reply_form=form, status=400)


@login_required
def inbox_readers(request, code: str):
    """The people named to read the unit's inbox, and naming one more (supervisors only)."""
    unit = unit_or_404(request, code, may=permissions.can_manage_inbox_readers)
    form = InboxReaderForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            inbox_services.inbox_reader_add(
                unit=unit, user=form.cleaned_data["user"], by=request.user
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The person can now read the unit's inbox."))
            return redirect("feedback:inbox_readers", unit.code)
    return render(
        request,
        "feedback/inbox/readers.html",
        {"unit": unit, "form": form, "readers": inbox_selectors.inbox_readers(unit=unit)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def inbox_reader_remove(request, code: str, user_id: int):
    unit = unit_or_404(request, code, may=permissions.can_manage_inbox_readers)
    user = User.objects.filter(pk=user_id).first()
    if user is None or not inbox_services.inbox_reader_remove(
        unit=unit, user=user, by=request.user
    ):
        raise Http404
    messages.success(request, _("The person no longer reads the unit's inbox."))
    return redirect("feedback:inbox_readers", unit.code)
