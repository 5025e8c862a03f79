"""The organisation in the Wagtail admin: units (each move in the audit log), memberships (each
change in the audit log), the CSV import of people, erasure of a person and the audit log."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views, permissions
from .audit import audit_record
from .models import AuditEvent, Membership, Unit


def _audit_membership(request, membership: Membership, change: str) -> None:
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.ROLE_CHANGE,
        message=f"membership_{change}",
        params={
            "person": membership.user_id,
            "role": membership.role,
            "unit": membership.unit.code,
        },
    )


class MembershipCreateView(generic.CreateView):
    def save_instance(self):
        membership = super().save_instance()
        _audit_membership(self.request, membership, "added")
        return membership


class MembershipEditView(generic.EditView):
    def save_instance(self):
        membership = super().save_instance()
        _audit_membership(self.request, membership, "changed")
        return membership


class MembershipDeleteView(generic.DeleteView):
    def delete_action(self):
        _audit_membership(self.request, self.object, "removed")
        super().delete_action()


class UnitEditView(generic.EditView):
    """Edits a unit; a change of its parent (a move in the tree) goes into the audit log, since
    it changes the area that the unit's later rounds are pooled and averaged with."""

    def save_instance(self):
        before = Unit.objects.filter(pk=self.object.pk).values_list("parent__code", flat=True)
        old_parent = before.first()
        unit = super().save_instance()
        new_parent = unit.parent.code if unit.parent_id else None
        if old_parent != new_parent:
            audit_record(
                actor=self.request.user,
                action=AuditEvent.Action.UNIT_MOVE,
                message="unit_moved",
                params={"unit": unit.code, "old": old_parent or "–", "new": new_parent or "–"},
            )
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
