"""What self-assessment adds to the core app's pages (toolkit.contributions): its cards on the
home page, the unit page's button and follow-up panel, the footer's word on anonymity."""

from toolkit import contributions as slots
from toolkit.contributions import Part

from .templatetags.assessments_tags import assessments_panel, my_actions_panel, unit_follow_up_panel

ACTIONS_CSS = ("assessments/actions.css",)

# A slot of the round's results page, for what other apps show beside a round's results (client
# feedback's mirror); kwargs: round. Assessments names no such app.
ROUND_RESULTS_PANELS = "assessments.round_results"


def register() -> None:
    slots.part_register(
        slots.DASHBOARD,
        Part(
            "assessments/partials/home_card.html",
            100,
            lambda context, **kw: assessments_panel(context),
        ),
    )
    slots.part_register(
        slots.DASHBOARD,
        Part(
            "assessments/partials/my_actions.html",
            200,
            lambda context, **kw: my_actions_panel(context),
            stylesheets=ACTIONS_CSS,
        ),
    )
    overview = Part("assessments/partials/home_overview_link.html", 100)
    slots.part_register(slots.DASHBOARD_SUPERVISOR, overview)
    slots.part_register(slots.DASHBOARD_ADMINISTRATOR, overview)
    slots.part_register(
        slots.UNIT_ACTIONS, Part("assessments/partials/unit_rounds_button.html", 100)
    )
    slots.part_register(
        slots.UNIT_PANELS,
        Part(
            "assessments/partials/unit_follow_up.html",
            100,
            unit_follow_up_panel,
            stylesheets=ACTIONS_CSS,
        ),
    )
    slots.part_register(slots.FOOTER, Part("assessments/partials/footer_anonymity.html", 200))
