"""A unit's feedback link page: the public address and its QR code, renewing it, the poster and
the text message. Supervisors (and administrators) manage all of it; the unit's members see the
page with only the form that texts the link to a client."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from toolkit.languages import active_language
from toolkit.models import Unit
from toolkit.shortcuts import add_form_errors, unit_or_404
from toolkit.sms import SmsError

from .. import permissions
from ..forms.link_sms import LinkSmsForm
from ..reports.poster import poster_pdf
from ..selectors.link_page import LANGUAGES, link_page, public_url
from ..services import link_sms, links

# Text messages one person may send in an hour: a busy phone service's shift, not a flood.
SMS_RATE = "30/h"


def _page(request, unit: Unit, sms_form: LinkSmsForm, *, status: int = 200) -> HttpResponse:
    can_manage = permissions.can_manage_feedback(request.user, unit)
    link = links.link_for(unit)
    context = {
        "unit": unit,
        "can_manage": can_manage,
        "collecting": link.collecting,
        "sms_form": sms_form,
        "languages": settings.LANGUAGES,
    }
    if can_manage:
        context["page"] = link_page(unit=unit, link=link)
    return render(request, "feedback/unit_link.html", context, status=status)


@login_required
@require_GET
def unit_link(request, code: str):
    unit = unit_or_404(request, code, may=permissions.can_send_feedback_link)
    return _page(request, unit, LinkSmsForm(initial={"language": active_language()}))


@sensitive_post_parameters("number")  # outermost, so error reports never show the number
@login_required
@require_POST
def link_sms_send(request, code: str):
    """Text the link to the number given; the number goes to the gateway and nowhere else."""
    unit = unit_or_404(request, code, may=permissions.can_send_feedback_link)
    form = LinkSmsForm(request.POST)
    if not form.is_valid():
        return _page(request, unit, form, status=400)
    if is_ratelimited(
        request, group="feedback.link_sms", key="user", rate=SMS_RATE, method="POST", increment=True
    ):
        form.add_error(
            None,
            _(
                "You have sent many text messages within an hour. Wait a while and try again, "
                "or give the client the address from the poster."
            ),
        )
        return _page(request, unit, form, status=429)
    try:
        link_sms.link_sms_send(
            unit=unit, number=form.cleaned_data["number"], language=form.cleaned_data["language"]
        )
    except ValidationError as error:
        add_form_errors(form, error)
        return _page(request, unit, form, status=400)
    except SmsError:
        form.add_error(
            None,
            _(
                "The text message could not be sent: the message service did not answer. "
                "Try again in a moment."
            ),
        )
        return _page(request, unit, form, status=503)
    messages.success(request, _("The feedback link was sent by text message."))
    return redirect("feedback:unit_link", unit.code)


@login_required
@require_http_methods(["GET", "POST"])
def link_renew(request, code: str):
    """A confirmation page (renewing retires the printed posters), then the renewal."""
    unit = unit_or_404(request, code, may=permissions.can_manage_feedback)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        links.link_renew(unit=unit)
        messages.success(
            request,
            _("The feedback link was renewed. Print the new poster for the waiting room."),
        )
        return redirect("feedback:unit_link", unit.code)
    url = public_url(links.link_for(unit))
    return render(request, "feedback/link_renew_confirm.html", {"unit": unit, "url": url})


@login_required
@require_POST
def link_collecting(request, code: str):
    """Stop collecting answers (`collecting=no`) or resume (`collecting=yes`)."""
    unit = unit_or_404(request, code, may=permissions.can_manage_feedback)
    choice = request.POST.get("collecting")
    if choice not in ("yes", "no"):
        messages.error(request, _("Choose whether the unit collects client feedback."))
        return redirect("feedback:unit_link", unit.code)
    links.collecting_set(unit=unit, collecting=choice == "yes")
    if choice == "yes":
        messages.success(request, _("The unit collects client feedback again."))
    else:
        messages.success(
            request,
            _("The unit no longer collects client feedback. The link says so to whoever opens it."),
        )
    return redirect("feedback:unit_link", unit.code)


@login_required
@require_GET
def poster(request, code: str, language: str):
    """The poster as a PDF download, made within the request (see feedback.reports.poster)."""
    unit = unit_or_404(request, code, may=permissions.can_manage_feedback)
    if language not in LANGUAGES:
        raise Http404
    pdf = poster_pdf(unit=unit, link=links.link_for(unit), language=language)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{slugify(unit.code)}-feedback-poster-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
