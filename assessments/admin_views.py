"""The assessment framework in the Wagtail admin, for administrators only (the permission
policies are in assessments.permissions).

The framework version form (ordering and the publishing rule) and the views that refuse to
change a frozen version or offer to copy it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.log_actions import log

from . import permissions
from .models import AnonymitySettings, FrameworkVersion, ValueKey
from .services import anonymity_settings, frameworks

VALUE_ORDER = {key: index for index, key in enumerate(ValueKey.values)}


# Forms --------------------------------------------------------------------------------------


def _kept_forms(formset) -> list:
    """The filled-in forms of a valid formset that are not marked for deletion."""
    return [
        form
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
    ]


class FrameworkVersionForm(WagtailAdminModelForm):
    """Values keep the canonical order of the five values, statements the order on the page;
    a version marked available for new rounds must pass the publishing rule."""

    def _value_drafts(self) -> list[frameworks.ValueDraft] | None:
        values = self.formsets.get("values")
        if values is None or not values.is_valid():
            return None  # The formset shows its own errors first.
        return [
            frameworks.ValueDraft(
                key=form.cleaned_data.get("key", ""),
                name_fi=form.cleaned_data.get("name_fi", ""),
                statements_fi=tuple(
                    statement.cleaned_data.get("text_fi", "")
                    for statement in _kept_forms(form.formsets["statements"])
                ),
                client_statement_fi=form.cleaned_data.get("client_statement_fi", ""),
            )
            for form in _kept_forms(values)
        ]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("is_published"):
            drafts = self._value_drafts()
            for problem in frameworks.publish_problems(drafts) if drafts is not None else []:
                self.add_error("is_published", problem)
        return cleaned_data

    def save(self, commit=True):
        for value_form in _kept_forms(self.formsets["values"]):
            value_form.instance.sort_order = VALUE_ORDER.get(value_form.instance.key, 0)
            for index, statement_form in enumerate(_kept_forms(value_form.formsets["statements"])):
                statement_form.instance.sort_order = index
        return super().save(commit=commit)


class AnonymitySettingsForm(WagtailAdminModelForm):
    """The threshold, with a message that says why it cannot go below three."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["threshold"].error_messages["min_value"] = gettext_lazy(
            "The threshold must be at least 3, so that no one can be recognised from the results."
        )


# Views --------------------------------------------------------------------------------------


class RefusingDeleteView(generic.DeleteView):
    """A delete view that explains, instead of deleting, when the object must stay."""

    def refusal(self) -> str:
        return ""

    def get(self, request, *args, **kwargs):
        if reason := self.refusal():
            messages.error(request, reason)
            return redirect(self.edit_url_name, self.object.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if reason := self.refusal():
            messages.error(request, reason)
            return redirect(self.edit_url_name, self.object.pk)
        return super().post(request, *args, **kwargs)


class FrameworkDeleteView(RefusingDeleteView):
    def refusal(self) -> str:
        if self.object.versions.exists():
            return _("A framework that has versions cannot be deleted.")
        return ""


class FrameworkVersionDeleteView(RefusingDeleteView):
    def refusal(self) -> str:
        if self.object.is_frozen:
            return _(
                "This version has been used in a round, so it cannot be deleted: "
                "the results of those rounds refer to it."
            )
        return ""


class FrameworkVersionIndexView(generic.IndexView):
    """The versions with the number of rounds that use each (one or more means frozen)."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("framework")
            .annotate(round_count=Count("rounds"))
        )


def published_label(version: FrameworkVersion) -> str:
    """The listing's "available for new rounds" column, in words."""
    return _("Yes") if version.is_published else _("No")


class FrameworkVersionEditView(generic.EditView):
    """Edits a version that no round has used; a frozen one gets an explanation and a copy."""

    copy_as_new_url_name = None
    availability_url_name = None
    frozen_template_name = "assessments/admin/framework_version_frozen.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_frozen:
            return self.frozen_response()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_frozen:
            messages.error(request, frozen_message())
            return redirect(self.edit_url_name, self.object.pk)
        return super().post(request, *args, **kwargs)

    def frozen_response(self):
        version = self.object
        return TemplateResponse(
            self.request,
            self.frozen_template_name,
            {
                "version": version,
                "values": version.values.prefetch_related("statements"),
                "round_count": version.rounds.count(),
                "message": frozen_message(),
                "copy_url": reverse(self.copy_as_new_url_name, args=[version.pk]),
                "availability_url": reverse(self.availability_url_name, args=[version.pk]),
                "index_url": reverse(self.index_url_name),
                "header_icon": self.header_icon,
            },
        )


def frozen_message() -> str:
    return _(
        "This version has been used in an assessment round, so it can no longer be changed: "
        "the results of old rounds must stay comparable. Copy it as a new version to make changes."
    )


class FrameworkVersionCopyView(View):
    """POST: copy a version as a new unpublished one and go to its edit page."""

    http_method_names = ["post"]
    edit_url_name = ""

    def post(self, request, pk):
        if not permissions.can_manage_frameworks(request.user):
            raise PermissionDenied
        version = get_object_or_404(FrameworkVersion, pk=pk)
        copy = frameworks.copy_version(version)
        log(copy, "wagtail.create", user=request.user)
        messages.success(
            request,
            _("Version %(number)s was created as a copy. It is not yet available for new rounds.")
            % {"number": copy.number},
        )
        return redirect(self.edit_url_name, copy.pk)


class FrameworkVersionAvailabilityView(View):
    """POST: withdraw a version from new rounds, or make it available again. Content never
    changes, so this is allowed on frozen versions (a newer copy usually replaces them)."""

    http_method_names = ["post"]
    edit_url_name = ""

    def post(self, request, pk):
        if not permissions.can_manage_frameworks(request.user):
            raise PermissionDenied
        version = get_object_or_404(FrameworkVersion, pk=pk)
        if request.POST.get("available") == "1":
            try:
                frameworks.version_publish(version=version)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect(self.edit_url_name, version.pk)
            messages.success(request, _("The version is available for new rounds."))
        else:
            frameworks.version_withdraw(version=version)
            messages.success(
                request,
                _("The version is no longer offered for new rounds. Earlier rounds are unchanged."),
            )
        log(version, "wagtail.edit", user=request.user)
        return redirect(self.edit_url_name, version.pk)


class AnonymitySettingsIndexView(generic.IndexView):
    """There is one row: go straight to it (or to the form that creates it)."""

    def get(self, request, *args, **kwargs):
        row = AnonymitySettings.objects.order_by("pk").first()
        if row is None:
            return redirect(self.add_url_name)
        return redirect(self.edit_url_name, row.pk)


class AnonymitySettingsCreateView(generic.CreateView):
    """The first (and only) row; setting k is logged like any later change."""

    def save_instance(self):
        return anonymity_settings.threshold_save(
            settings=self.form.save(commit=False), by=self.request.user
        )


class AnonymitySettingsEditView(generic.EditView):
    """Titled by what it is, not by the value being typed (which may be refused). Each change
    of k is logged."""

    def get_page_subtitle(self):
        return capfirst(AnonymitySettings._meta.verbose_name_plural)

    def save_instance(self):
        return anonymity_settings.threshold_save(
            settings=self.form.save(commit=False), by=self.request.user
        )
