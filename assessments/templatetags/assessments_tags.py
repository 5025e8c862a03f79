"""The self-assessment panels of the home page and the unit page, so the core app's templates
need no view of ours."""

from django import template

from ..selectors.home import my_open_actions, unit_follow_up
from ..selectors.rounds import home_rounds

register = template.Library()


@register.inclusion_tag("assessments/partials/home_panel.html", takes_context=True)
def assessments_panel(context):
    user = context["request"].user
    return {"home": home_rounds(user=user), "request": context["request"]}


@register.inclusion_tag("assessments/partials/my_actions.html", takes_context=True)
def my_actions_panel(context):
    """The open improvement actions the person owns (nothing when they own none)."""
    return {"actions": my_open_actions(user=context["request"].user)}


@register.inclusion_tag("assessments/partials/unit_follow_up.html", takes_context=True)
def unit_follow_up_panel(context, unit, can_manage: bool):
    """On the unit page: latest results, the open round, open actions, waiting suggestions."""
    return {
        "unit": unit,
        "can_manage": can_manage,
        "follow_up": unit_follow_up(
            unit=unit, viewer=context["request"].user, can_manage=can_manage
        ),
    }
