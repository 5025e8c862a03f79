"""Request middleware: the security headers of every response, the person's remembered language,
MFA for administrators, and the Content-Security-Policy."""

from allauth.mfa.models import Authenticator
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import get_language

from .permissions import is_administrator

ADMIN_PREFIX = "/cms/"
# The public client feedback pages (no login): they set no cookie at all, so no remembered
# language either; the pages pick their language themselves.
PUBLIC_PREFIX = "/p/"


def remember_language(response, language: str) -> None:
    """Set the language cookie, so that a URL without a language prefix opens in `language`."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
    )


class SecurityHeadersMiddleware:
    """First in MIDDLEWARE, so it sees every response, also those no view made: redirects of
    the middlewares below (https, language prefix, trailing slash), whitenoise's static files,
    error pages. Adds Permissions-Policy and X-Frame-Options where missing (a view that allows
    framing keeps its own), and makes every response to a signed-in person uncacheable
    (Cache-Control: private, no-store): pages, reports and exports hold personal data that no
    shared cache and no back button on a shared computer may keep. Static and media files,
    the same for everybody, stay cacheable. SecurityMiddleware adds X-Content-Type-Options,
    Referrer-Policy and HSTS; django-csp, right below, the Content-Security-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.shared_prefixes = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if not getattr(response, "xframe_options_exempt", False):
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if self._signed_in(request) and not request.path.startswith(self.shared_prefixes):
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _signed_in(request) -> bool:
        user = getattr(request, "user", None)  # absent when whitenoise answered first
        return bool(user is not None and user.is_authenticated)


class UserLanguageMiddleware:
    """Keeps the language cookie in step with the signed-in person's remembered language,
    so that a URL without a language prefix opens in their language on any device.

    With REQUIRE_MFA_FOR_ADMINS, an administrator without an authenticator is sent to set one
    up before anything else (allauth's own TOTP enrolment page)."""

    # Paths an administrator without MFA may still reach: enrolment itself and signing out.
    _MFA_EXEMPT_NAMES = (
        "mfa_activate_totp",
        "mfa_index",
        "account_logout",
        "account_login",
        "account_reauthenticate",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.REQUIRE_MFA_FOR_ADMINS
            and user.is_authenticated
            and not self._is_exempt(request.path)
            and is_administrator(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            return redirect("mfa_activate_totp")
        response = self.get_response(request)
        user = request.user  # login or logout in the view replaces it
        if (
            user.is_authenticated
            and not request.path.startswith(PUBLIC_PREFIX)
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != user.preferred_language
        ):
            remember_language(response, user.preferred_language)
        return response

    def _is_exempt(self, path: str) -> bool:
        if path.startswith((settings.STATIC_URL, "/healthz", "/i18n/")):
            return True
        return any(path == reverse(name) for name in self._MFA_EXEMPT_NAMES)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a page not found under the public feedback pages stays there: Django
    would redirect it to a language-prefixed address (which Wagtail's catch-all pattern seems
    to serve), away from the public page that says the feedback link is unknown."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(PUBLIC_PREFIX):
            response.headers.setdefault("Content-Language", get_language())
            patch_vary_headers(response, ("Accept-Language",))
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy everywhere, loosened only in the Wagtail admin: its editor panels
    and date widgets still write inline scripts (wagtail/wagtail#1288). The public site and every
    page of our own run with script-src 'self' alone."""

    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIX):
            response._csp_update = settings.CSP_ADMIN_UPDATE
        return super().process_response(request, response)
