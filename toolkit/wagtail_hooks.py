"""The organisation in the Wagtail admin: units, memberships and the CSV import of people."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views, permissions
from .models import Membership, Unit


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["code", "name_fi", "parent"]
    list_filter = ["parent"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]
    form_fields = ["code", "name_fi", "name_sv", "name_en", "parent"]
    copy_view_enabled = False


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit"]
    search_fields = ["user__email", "user__last_name", "unit__code", "unit__name_fi"]
    form_fields = ["user", "unit", "role"]
    copy_view_enabled = False


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


@hooks.register("register_admin_urls")
def register_people_import_urls():
    return [path("people-import/", include(people_import_urls))]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_import_people(request.user)


@hooks.register("register_admin_menu_item")
def register_people_import_menu_item():
    return AdministratorMenuItem(
        _("Import people"), reverse("people_import:upload"), icon_name="upload", order=160
    )
