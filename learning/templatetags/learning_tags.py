"""The learning panel of the home page, so the core app's template needs no view of ours."""

from django import template
from django.utils.translation import get_language

from ..selectors import course_index, my_learning
from ..selectors.recommendations import member_recommendations
from ..selectors.training import learner_assignments

register = template.Library()


@register.inclusion_tag("learning/partials/home_panel.html", takes_context=True)
def learning_panel(context):
    user = context["request"].user
    language = (get_language() or "fi")[:2]
    return {
        "assigned": learner_assignments(user=user, language=language),
        "recommended": member_recommendations(user=user, language=language),
        "mine": my_learning(user=user, language=language),
        "course_index": course_index(language=language),
    }


@register.inclusion_tag("learning/partials/unit_recommendations.html")
def unit_recommendations_panel(unit, can_manage: bool):
    """On the unit page: the courses that build the unit's weakest values."""
    from ..selectors.recommendations import unit_recommendations

    language = (get_language() or "fi")[:2]
    return {
        "unit": unit,
        "can_manage": can_manage,
        "recommendations": unit_recommendations(unit=unit, language=language),
    }
