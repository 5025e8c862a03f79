"""Request middleware: the person's remembered language, MFA for administrators, and the
Content-Security-Policy."""

from allauth.mfa.models import Authenticator
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .permissions import is_administrator

ADMIN_PREFIX = "/cms/"


def remember_language(response, language: str) -> None:
    """Set the language cookie, so that a URL without a language prefix opens in `language`."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
    )


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
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != user.preferred_language
        ):
            remember_language(response, user.preferred_language)
        return response

    def _is_exempt(self, path: str) -> bool:
        if path.startswith((settings.STATIC_URL, "/healthz", "/i18n/")):
            return True
        return any(path == reverse(name) for name in self._MFA_EXEMPT_NAMES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy everywhere, loosened only in the Wagtail admin: its editor panels
    and date widgets still write inline scripts (wagtail/wagtail#1288). The public site and every
    page of our own run with script-src 'self' alone."""

    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIX):
            response._csp_update = settings.CSP_ADMIN_UPDATE
        return super().process_response(request, response)
