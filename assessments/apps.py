from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Self-assessment")

    def ready(self):
        from toolkit.personal_data import provider_register

        from . import (
            bench_rows,
            contributions,
            personal_data,
            seeding,
            signals,  # noqa: F401 (connects the receivers)
        )

        # What the core app shows, exports, erases, seeds and times of self-assessment.
        provider_register(personal_data, order=200)
        contributions.register()
        seeding.register()
        bench_rows.register()
