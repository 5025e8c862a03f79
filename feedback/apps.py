from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Client feedback")

    def ready(self):
        from toolkit.personal_data import provider_register

        from . import bench_rows, contributions, personal_data, seeding

        # What the core app shows, exports, erases, seeds and times of client feedback.
        provider_register(personal_data, order=400)
        contributions.register()
        seeding.register()
        bench_rows.register()
