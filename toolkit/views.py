"""Thin views for the signed-in home page and its notices, unit pages, the language switch and
the account's language, one's own data, the invitation page, and the server-error page (a 503
when the database cannot be reached)."""

import sys

from allauth.account.views import PasswordResetFromKeyView
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django.views.i18n import set_language as django_set_language

from . import permissions, personal_data, selectors, services
from .forms import AccountLanguageForm
from .middleware import remember_language
from .shortcuts import unit_or_404


@login_required
def dashboard(request):
    """The signed-in home page: what this person can do next, by role."""
    return render(
        request,
        "toolkit/dashboard.html",
        {"dashboard": selectors.dashboard_for(user=request.user)},
    )


@login_required
@require_POST
def notice_read(request, pk: int):
    """Mark one of one's own notices read; another person's notice is a 404."""
    if not services.notice_mark_read(user=request.user, pk=pk):
        raise Http404
    return redirect("toolkit:dashboard")


@login_required
@require_POST
def notices_read_all(request):
    """Mark all one's notices read (there is no id: nobody else's can be touched)."""
    services.notices_mark_all_read(user=request.user)
    return redirect("toolkit:dashboard")


@login_required
def unit_detail(request, code: str):
    """A unit's page; 404 for units the person may not see, so names do not leak."""
    unit = unit_or_404(request, code)
    show_members = permissions.can_view_unit_members(request.user, unit)
    return render(
        request,
        "toolkit/unit_detail.html",
        {
            "unit": unit,
            "ancestors": selectors.unit_ancestors(unit=unit),
            "counts": selectors.unit_member_counts(unit=unit),
            "members": selectors.unit_members(unit=unit) if show_members else None,
            "can_manage": permissions.can_manage_unit(request.user, unit),
        },
    )


@require_POST
def set_language(request):
    """Django's language switch, which also remembers the choice for a signed-in person.
    A CMS page sends `next_<language>`: the same page's URL in that language."""
    page_url = request.POST.get(f"next_{request.POST.get('language', '')}", "")
    if page_url.startswith("/"):
        request.POST = request.POST.copy()
        request.POST["next"] = page_url
    response = django_set_language(request)
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=request.POST.get("language", ""))
    return response


@login_required
def account_language(request):
    """Account settings: the person's language. The site, its e-mails and the language cookie
    follow it; the page answers in the language just chosen."""
    user = request.user
    form = AccountLanguageForm(
        request.POST if request.method == "POST" else None,
        initial={"language": user.preferred_language},
    )
    if request.method == "POST":
        if form.is_valid():
            language = form.cleaned_data["language"]
            services.user_set_language(user=user, language=language)
            translation.activate(language)
            request.LANGUAGE_CODE = language
            messages.success(
                request, _("Saved. The site and your e-mails are now in this language.")
            )
            response = redirect(reverse("toolkit:account_language"))
            remember_language(response, language)
            return response
        return render(request, "toolkit/account_language.html", {"form": form}, status=400)
    return render(request, "toolkit/account_language.html", {"form": form})


class InvitationAcceptView(PasswordResetFromKeyView):
    """The page an invitation link opens: the invited person sets their first password. It is
    allauth's set-password-from-key view (same one-time key, same checks and rate limit) under
    its own title, and it ends on a page that says what to do next."""

    template_name = "account/invitation_accept.html"
    success_url = reverse_lazy("toolkit:invitation_done")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse(
            "toolkit:invitation_accept",
            kwargs={"uidb36": self.kwargs["uidb36"], "key": self.kwargs["key"]},
        )
        return context


invitation_accept = InvitationAcceptView.as_view()
invitation_done = TemplateView.as_view(template_name="account/invitation_done.html")


@login_required
def my_data(request):
    """What the site holds about the signed-in person (each app's share), and the ZIP to
    download it."""
    return render(request, "toolkit/my_data.html", {"providers": personal_data.providers()})


@login_required
def my_data_download(request):
    """The person's own data as a ZIP: there is no id in the URL, so nobody else's can be asked."""
    archive = personal_data.personal_data_zip(user=request.user)
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="arvokas-my-data.zip"'
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500. An unreachable database is not a bug of ours: say so with a 503 (and when to
    try again) so load balancers and people both know it will pass. Rendered without context
    processors, which would need the database."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
