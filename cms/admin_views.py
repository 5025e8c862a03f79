"""Wagtail admin views of the site content: the translation status of every page."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from . import permissions, selectors


def translation_status(request):
    """Every Finnish page with its Swedish and English state, for trainers and reviewers."""
    if not permissions.can_see_translation_status(request.user):
        raise PermissionDenied
    return render(
        request,
        "cms/admin/translation_status.html",
        {"rows": selectors.translation_status(), "languages": selectors.TARGET_LANGUAGES},
    )


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", without "Publish immediately" for those who may
    not publish every translated page: their synced translations go through review."""

    def may_publish(self) -> bool:
        targets = [
            translation.get_target_instance()
            for translation in self.object.translations.filter(enabled=True)
        ]
        return all(
            target.permissions_for_user(self.request.user).can_publish()
            for target in targets
            if isinstance(target, Page)
        )

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            field = form.fields["publish_translations"]
            field.disabled = True
            field.initial = False
            field.widget = forms.HiddenInput()
        return form
