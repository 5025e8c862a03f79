"""The public client feedback form, /p/<code>/, and its kiosk mode, /p/<code>/kiosk/.

No login, no session, no cookie of any kind (so no CSRF token: there is no login to forge, and
the view is csrf_exempt), nothing about the client kept: the language comes from ?lang=, else
the browser's Accept-Language, else Finnish, and travels in the form's hidden `lang` field.

POST fields: score_<value_key> ∈ "1".."5" | "cant_say", recommend ∈ "0".."10", better (≤ 1000
characters), contact (an e-mail address or a phone number), website (the trap, stays empty),
lang. Success: 303 to the thanks page. Refused by a rate limit or the unit's hourly cap: 429.
A renewed code (an old poster) and a unit that is not collecting answers now: 410, saying so."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from ..forms import LANGUAGES, ClientFeedbackForm
from ..models import FeedbackLink
from ..services import limits
from ..services.answering import answer_submit, current_version

TEMPLATES = "feedback/public/"
KIOSK_RETURN_SECONDS = 8  # the kiosk's thanks page, before the empty form comes back
KIOSK_IDLE_SECONDS = 60  # a kiosk form left half answered is cleared for the next person


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def _language_given(value: str | None) -> str:
    return value if value in LANGUAGES else ""


def public_language(request: HttpRequest) -> str:
    """?lang= (or the form's own `lang`), else the browser's language, else Finnish. A language
    cookie is never read: the public pages remember nothing about anybody."""
    chosen = _language_given(request.GET.get("lang")) or _language_given(request.POST.get("lang"))
    if chosen:
        return chosen
    without_cookies = SimpleNamespace(COOKIES={}, META=request.META, path_info=request.path_info)
    return translation.get_language_from_request(without_cookies, check_path=False)


def kiosk_home(request: HttpRequest) -> str:
    """The kiosk tablet's own language, to which it returns for the next person: ?home= once a
    client switched language ("browser" for the tablet's browser language), else the ?lang= the
    kiosk was opened with, else "" (the browser's)."""
    if "home" in request.GET:
        return _language_given(request.GET["home"])
    return _language_given(request.GET.get("lang"))


def _with_home(query: dict, request: HttpRequest, kiosk: bool) -> dict:
    if kiosk:
        query["home"] = kiosk_home(request) or "browser"
    return query


def _context(request: HttpRequest, *, language: str, unit=None, kiosk=False, **extra) -> dict:
    """What the public frame needs: the unit's name and the language links."""
    links = [
        {
            "code": code,
            "name": name,
            "query": "?" + urlencode(_with_home({"lang": code}, request, kiosk)),
        }
        for code, name in settings.LANGUAGES
    ]
    return {"unit": unit, "kiosk": kiosk, "language_links": links, **extra}


def _page(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, TEMPLATES + template, context, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def feedback_form(request: HttpRequest, code: str) -> HttpResponse:
    return _answer_page(request, code, kiosk=False)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def kiosk_form(request: HttpRequest, code: str) -> HttpResponse:
    return _answer_page(request, code, kiosk=True)


def _answer_page(request: HttpRequest, code: str, *, kiosk: bool) -> HttpResponse:
    language = public_language(request)
    translation.activate(language)
    if limits.page_refused(request):
        return _refused(request, language=language, kiosk=kiosk)
    link = FeedbackLink.objects.select_related("unit").filter(code=code).first()
    if link is None or not link.is_active:
        return _link_gone(request, link, language=language, kiosk=kiosk)
    context = _context(request, language=language, unit=link.unit, kiosk=kiosk)
    if not link.collecting:
        # Whatever was posted is dropped: the unit takes no answers now.
        return _page(request, "not_collecting.html", context, status=410)
    version = current_version()
    if version is None:
        return _page(request, "unavailable.html", context, status=503)
    values = list(version.values.order_by("sort_order", "pk"))
    form = ClientFeedbackForm(
        request.POST if request.method == "POST" else None,
        values=values,
        version_id=version.pk,
        initial={"lang": language},
    )
    if request.method == "POST":
        if form.is_trap_filled:
            return _to_thanks(request, code, language=language, kiosk=kiosk)
        if form.is_valid():
            if limits.answer_refused(request, unit=link.unit, kiosk=kiosk):
                return _refused(request, language=language, kiosk=kiosk, unit=link.unit)
            answer_submit(unit=link.unit, submission=form.submission(language=language))
            return _to_thanks(request, code, language=language, kiosk=kiosk)
    context |= {
        "form": form,
        "reset_url": _kiosk_home_url(request, code) if kiosk else "",
        "idle_seconds": KIOSK_IDLE_SECONDS,
    }
    return _page(request, "form.html", context)


def _to_thanks(request, code: str, *, language: str, kiosk: bool) -> HttpResponse:
    query = _with_home({"lang": language}, request, kiosk)
    name = "feedback_public:kiosk_thanks" if kiosk else "feedback_public:thanks"
    return HttpResponseSeeOther(reverse(name, args=[code]) + "?" + urlencode(query))


def _kiosk_home_url(request, code: str) -> str:
    """The empty kiosk form for the next person, in the tablet's own language."""
    url = reverse("feedback_public:kiosk", args=[code])
    home = kiosk_home(request)
    return url + ("?" + urlencode({"lang": home}) if home else "")


def _refused(request, *, language: str, kiosk: bool, unit=None) -> HttpResponse:
    context = _context(request, language=language, unit=unit, kiosk=kiosk)
    response = _page(request, "refused.html", context, status=429)
    response["Retry-After"] = "600"
    return response


def _link_gone(request, link: FeedbackLink | None, *, language: str, kiosk: bool):
    """An unknown code is not found; a renewed one says it was replaced (an old poster)."""
    if link is None:
        return _page(request, "unknown.html", _context(request, language=language), status=404)
    context = _context(request, language=language, unit=link.unit, kiosk=kiosk)
    return _page(request, "replaced.html", context, status=410)


@never_cache
@require_GET
def thanks(request: HttpRequest, code: str) -> HttpResponse:
    return _thanks_page(request, code, kiosk=False)


@never_cache
@require_GET
def kiosk_thanks(request: HttpRequest, code: str) -> HttpResponse:
    return _thanks_page(request, code, kiosk=True)


def _thanks_page(request: HttpRequest, code: str, *, kiosk: bool) -> HttpResponse:
    language = public_language(request)
    translation.activate(language)
    if limits.page_refused(request):
        return _refused(request, language=language, kiosk=kiosk)
    link = FeedbackLink.objects.select_related("unit").filter(code=code).first()
    if link is None:
        return _link_gone(request, None, language=language, kiosk=kiosk)
    context = _context(
        request,
        language=language,
        unit=link.unit,
        kiosk=kiosk,
        return_url=_kiosk_home_url(request, code) if kiosk else "",
        return_seconds=KIOSK_RETURN_SECONDS,
    )
    return _page(request, "thanks.html", context)
