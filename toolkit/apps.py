from django.apps import AppConfig
from django.apps import apps as django_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_role_groups(sender, app_config, **kwargs) -> None:
    # post_migrate is sent once per app, each creating its own permissions: wait for the last app,
    # or the groups would miss the permissions of the apps that come after this one.
    if app_config is not list(django_apps.get_app_configs())[-1]:
        return
    from .roles import ensure_role_groups

    ensure_role_groups()


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        # Like Django's own permissions, the role groups are (re)made after every migrate.
        post_migrate.connect(_ensure_role_groups, dispatch_uid="toolkit.ensure_role_groups")
        from . import (
            account_data,
            bench,
            dashboard_parts,
            personal_data,
            storage,  # noqa: F401  (registers its system check)
        )
        from .wagtail_exports import wagtail_exports_adapt

        wagtail_exports_adapt()
        # The core app's own share of the registries the feature apps fill in their ready().
        personal_data.provider_register(account_data, order=0)
        dashboard_parts.register()
        bench.register()
