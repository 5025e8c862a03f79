"""The self-assessment in the Wagtail admin: frameworks, their versions and anonymity settings.

Only administrators reach these pages (the policies in permissions.py). A version that a round has
used is frozen: its edit page explains why and offers to copy it as a new version.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import admin_views, permissions
from .models import AnonymitySettings, Framework, FrameworkVersion

# Registered before any viewset asks for a policy, so Wagtail never falls back to model
# permissions (which would let anyone with a stray "change" permission in).
register_permission_policy(Framework, permissions.FrameworkPolicy(Framework))
register_permission_policy(FrameworkVersion, permissions.FrameworkVersionPolicy(FrameworkVersion))
register_permission_policy(
    AnonymitySettings, permissions.AnonymitySettingsPolicy(AnonymitySettings)
)


class FrameworkViewSet(ModelViewSet):
    model = Framework
    icon = "clipboard-list"
    menu_label = _("Frameworks")
    list_display = ["name_fi", "name_sv", "name_en"]
    search_fields = ["name_fi", "name_sv", "name_en"]
    form_fields = ["name_fi", "name_sv", "name_en"]
    delete_view_class = admin_views.FrameworkDeleteView
    copy_view_enabled = False


statement_panels = [FieldPanel("text_fi"), FieldPanel("text_sv"), FieldPanel("text_en")]

value_panels = [
    FieldPanel("key"),
    FieldRowPanel([FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")]),
    FieldPanel("description_fi"),
    FieldPanel("description_sv"),
    FieldPanel("description_en"),
    FieldPanel("client_statement_fi"),
    FieldPanel("client_statement_sv"),
    FieldPanel("client_statement_en"),
    InlinePanel("statements", panels=statement_panels, heading=_("Statements")),
]


class FrameworkVersionViewSet(ModelViewSet):
    model = FrameworkVersion
    icon = "list-ul"
    menu_label = _("Framework versions")
    list_display = [
        "__str__",
        Column(
            "is_published",
            label=_("Available for new rounds"),
            accessor=admin_views.published_label,
            sort_key="is_published",
        ),
        Column("round_count", label=_("Rounds"), sort_key="round_count"),
        "created_at",
    ]
    list_filter = ["framework", "is_published"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("framework"), FieldPanel("number")]),
            FieldPanel("is_published"),
            InlinePanel("values", panels=value_panels, heading=_("Values")),
        ],
        base_form_class=admin_views.FrameworkVersionForm,
    )
    index_view_class = admin_views.FrameworkVersionIndexView
    edit_view_class = admin_views.FrameworkVersionEditView
    delete_view_class = admin_views.FrameworkVersionDeleteView
    copy_view_enabled = False

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            copy_as_new_url_name=self.get_url_name("copy_as_new"),
            availability_url_name=self.get_url_name("availability"),
            **kwargs,
        )

    def get_urlpatterns(self):
        copy_view = admin_views.FrameworkVersionCopyView.as_view(
            edit_url_name=self.get_url_name("edit")
        )
        return [
            *super().get_urlpatterns(),
            path("copy-as-new/<int:pk>/", copy_view, name="copy_as_new"),
            path(
                "availability/<int:pk>/",
                admin_views.FrameworkVersionAvailabilityView.as_view(
                    edit_url_name=self.get_url_name("edit")
                ),
                name="availability",
            ),
        ]


class AnonymitySettingsViewSet(ModelViewSet):
    model = AnonymitySettings
    icon = "lock"
    menu_label = _("Anonymity settings")
    edit_handler = ObjectList(
        [FieldPanel("threshold")], base_form_class=admin_views.AnonymitySettingsForm
    )
    index_view_class = admin_views.AnonymitySettingsIndexView
    add_view_class = admin_views.AnonymitySettingsCreateView
    edit_view_class = admin_views.AnonymitySettingsEditView
    copy_view_enabled = False


class SelfAssessmentGroup(ViewSetGroup):
    menu_label = _("Self-assessment")
    menu_icon = "clipboard-list"
    menu_order = 170
    items = (
        FrameworkViewSet("assessment_frameworks", url_prefix="self-assessment/frameworks"),
        FrameworkVersionViewSet(
            "assessment_framework_versions", url_prefix="self-assessment/versions"
        ),
        AnonymitySettingsViewSet("assessment_anonymity", url_prefix="self-assessment/anonymity"),
    )


@hooks.register("register_admin_viewset")
def register_self_assessment_viewsets():
    return SelfAssessmentGroup()
