"""The site content in the Wagtail admin: translation status page and accessibility feedback."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from toolkit import permissions

from . import admin_views
from .models import AccessibilityFeedback


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "translation-status/",
            admin_views.translation_status,
            name="cms_translation_status",
        )
    ]


class ContentStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_access_cms(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return ContentStaffMenuItem(
        _("Translation status"),
        reverse("cms_translation_status"),
        icon_name="globe",
        order=250,
    )


class AccessibilityFeedbackViewSet(ModelViewSet):
    """Administrators read the feedback and mark it answered."""

    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Accessibility feedback")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["created_at", "message", "page_url", "email", "answered"]
    list_filter = ["answered"]
    search_fields = ["message", "page_url", "email"]
    form_fields = ["answered"]
    copy_view_enabled = False
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return AccessibilityFeedbackViewSet("accessibility_feedback")
