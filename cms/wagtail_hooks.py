"""The site content in the Wagtail admin: translation status page, translations sent to review
and accessibility feedback."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import admin_views, permissions, services
from .models import AccessibilityFeedback

# Registered before the viewset asks for a policy, so Wagtail never falls back to the model
# permissions of the administrators' group (which a stray grant would extend to others).
register_permission_policy(
    AccessibilityFeedback, permissions.AccessibilityFeedbackPolicy(AccessibilityFeedback)
)

# The name of the translation editor's "Send to review" button (templates/wagtail_localize/...).
SUBMIT_TRANSLATION_FIELD = "cms-submit-translation"


@hooks.register("register_admin_urls", order=-1)
def register_translation_status_url():
    return [
        path(
            "translation-status/",
            admin_views.translation_status,
            name="cms_translation_status",
        ),
        # Before wagtail-localize's own URL of the same path: "Publish immediately" only for
        # those who may publish (others' updates wait for review).
        path(
            "localize/update/<int:translation_source_id>/",
            admin_views.ReviewedUpdateTranslationsView.as_view(),
            name="cms_update_translations",
        ),
    ]


@hooks.register("before_edit_page", order=-1)
def submit_translation_for_review(request, page):
    """The translation editor's "Send to review": the strings become a draft in review."""
    if request.method != "POST" or SUBMIT_TRANSLATION_FIELD not in request.POST:
        return None
    if services.translation_for_page(page) is None:
        return None
    try:
        services.translation_submit_for_review(page=page, user=request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be sent to review: %(errors)s")
            % {"errors": " ".join(error.messages)},
        )
    except ValueError:
        messages.error(request, _("No review workflow covers this page."))
    else:
        messages.success(
            request,
            _("The translation “%(title)s” was sent to review.") % {"title": page.title},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


class ContentStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_see_translation_status(request.user)


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
