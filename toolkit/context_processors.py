"""Template context for the site header: which links this person's roles open."""

from django.conf import settings

from . import permissions


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {}, "DEMO_MODE": settings.DEMO_MODE}
    return {
        "nav": {
            "cms": permissions.can_access_cms(user),
            "administrator": permissions.is_administrator(user),
        },
        "DEMO_MODE": settings.DEMO_MODE,
    }
