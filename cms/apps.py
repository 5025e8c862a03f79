from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_review(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    from django.contrib.auth.management import create_permissions

    from toolkit.roles import ensure_role_groups

    from .services import page_permissions_ensure, review_workflow_ensure

    # The role groups include this app's model permissions (administrators read accessibility
    # feedback), but Django creates them only after this handler on a fresh database: create
    # them now and grant the groups again, so one `migrate` is enough.
    create_permissions(sender, verbosity=0, using=using)
    ensure_role_groups()
    review_workflow_ensure()
    page_permissions_ensure()


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")

    def ready(self) -> None:
        # The review workflow and the role groups' page permissions always exist after migrate.
        post_migrate.connect(_ensure_review, sender=self)
        from . import bench_rows, contributions, seeding

        # What the core app shows, seeds and times of the site's content. It holds no record of
        # a person (accessibility feedback is not linked to an account), so no personal data.
        contributions.register()
        seeding.register()
        bench_rows.register()
