"""What learning adds to the core app's pages (toolkit.contributions): the home page's learning
card and the supervisor's and trainer's links, the unit page's training button and course
recommendations."""

from toolkit import contributions as slots
from toolkit.contributions import Part

from .templatetags.learning_tags import learning_panel, unit_recommendations_panel


def register() -> None:
    slots.part_register(
        slots.DASHBOARD,
        Part(
            "learning/partials/home_card.html", 300, lambda context, **kw: learning_panel(context)
        ),
    )
    slots.part_register(
        slots.DASHBOARD_SUPERVISOR, Part("learning/partials/home_unit_training.html", 200)
    )
    slots.part_register(
        slots.DASHBOARD_TRAINER, Part("learning/partials/home_trainer_links.html", 100)
    )
    slots.part_register(
        slots.UNIT_ACTIONS, Part("learning/partials/unit_training_button.html", 200)
    )
    slots.part_register(
        slots.UNIT_PANELS,
        Part(
            "learning/partials/unit_recommendations.html",
            200,
            lambda context, *, unit, can_manage: unit_recommendations_panel(unit, can_manage),
        ),
    )
