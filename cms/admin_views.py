"""Wagtail admin views of the site content: the translation status of every page."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from toolkit import permissions

from . import selectors


def translation_status(request):
    """Every Finnish page with its Swedish and English state, for trainers and reviewers."""
    if not permissions.can_access_cms(request.user):
        raise PermissionDenied
    return render(
        request,
        "cms/admin/translation_status.html",
        {"rows": selectors.translation_status(), "languages": selectors.TARGET_LANGUAGES},
    )
