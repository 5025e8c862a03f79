from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        # Site search covers courses and lessons too (cms.selectors keeps the list).
        from cms import selectors
        from toolkit.personal_data import provider_register

        from . import bench_rows, contributions, personal_data, seeding
        from .models import CoursePage, LessonPage

        for page_type in (CoursePage, LessonPage):
            if page_type not in selectors.SEARCHABLE_PAGE_TYPES:
                selectors.SEARCHABLE_PAGE_TYPES.append(page_type)
        # What the core app shows, exports, erases, seeds and times of learning.
        provider_register(personal_data, order=100)
        contributions.register()
        seeding.register()
        bench_rows.register()
