"""The organisation in the Wagtail admin: units (each move in the audit log), memberships (each
change in the audit log), the CSV import of people, erasure of a person and the audit log.

Only administrators reach these pages (toolkit.permissions); units and memberships are written by
toolkit.services, which also keeps the audit log."""

from django.db import transaction
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permissions import register_permission_policy

from . import admin_views, permissions, services
from .models import Membership, Unit

# Registered before any viewset asks for a policy, so Wagtail never falls back to model
# permissions (which would let anyone with a stray "change" permission in).
register_permission_policy(Unit, permissions.AdministratorsOnlyPolicy(Unit))
register_permission_policy(Membership, permissions.AdministratorsOnlyPolicy(Membership))


# The writes and their audit records are services; these views add only Wagtail's own history.


class MembershipCreateView(generic.CreateView):
    def save_instance(self):
        membership = services.membership_add(
            membership=self.form.save(commit=False), by=self.request.user
        )
        log(membership, "wagtail.create", user=self.request.user, content_changed=True)
        return membership


class MembershipEditView(generic.EditView):
    def save_instance(self):
        changed = self.form.has_changed()
        membership = services.membership_change(
            membership=self.form.save(commit=False), by=self.request.user
        )
        log(membership, "wagtail.edit", user=self.request.user, content_changed=changed)
        return membership


class MembershipDeleteView(generic.DeleteView):
    def delete_action(self):
        with transaction.atomic():
            log(self.object, "wagtail.delete", user=self.request.user, deleted=True)
            services.membership_remove(membership=self.object, by=self.request.user)


class UnitEditView(generic.EditView):
    def save_instance(self):
        changed = self.form.has_changed()
        unit = services.unit_change(unit=self.form.save(commit=False), by=self.request.user)
        log(unit, "wagtail.edit", user=self.request.user, content_changed=changed)
        return unit


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["code", "name_fi", "parent"]
    list_filter = ["parent"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]
    form_fields = ["code", "name_fi", "name_sv", "name_en", "parent"]
    copy_view_enabled = False
    edit_view_class = UnitEditView


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit"]
    search_fields = ["user__email", "user__last_name", "unit__code", "unit__name_fi"]
    form_fields = ["user", "unit", "role"]
    copy_view_enabled = False
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    delete_view_class = MembershipDeleteView


class OrganisationGroup(ViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "site"
    menu_order = 150
    items = (UnitViewSet, MembershipViewSet)


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationGroup()


people_import_urls = (
    [
        path("", admin_views.upload, name="upload"),
        path("<uuid:pk>/", admin_views.preview, name="preview"),
        path("<uuid:pk>/commit/", admin_views.commit, name="commit"),
    ],
    "people_import",
)


people_admin_urls = (
    [
        path("erase/", admin_views.erase_person, name="erase"),
        path("audit-log/", admin_views.audit_log, name="audit_log"),
    ],
    "people_admin",
)


@hooks.register("register_admin_urls")
def register_people_import_urls():
    return [
        path("people-import/", include(people_import_urls)),
        path("people/", include(people_admin_urls)),
    ]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_import_people(request.user)


@hooks.register("register_admin_menu_item")
def register_people_import_menu_item():
    return AdministratorMenuItem(
        _("Import people"), reverse("people_import:upload"), icon_name="upload", order=160
    )


@hooks.register("register_admin_menu_item")
def register_erase_person_menu_item():
    return AdministratorMenuItem(
        _("Erase a person"), reverse("people_admin:erase"), icon_name="bin", order=161
    )


@hooks.register("register_admin_menu_item")
def register_audit_log_menu_item():
    return AdministratorMenuItem(
        _("Audit log"), reverse("people_admin:audit_log"), icon_name="list-ul", order=162
    )
