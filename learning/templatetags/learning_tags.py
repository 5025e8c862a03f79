"""The learning panel of the home page, so the core app's template needs no view of ours."""

from django import template

from toolkit.languages import active_language

from ..selectors import course_index, my_learning
from ..selectors.recommendations import member_recommendations
from ..selectors.training import learner_assignments

register = template.Library()


HOME_ASSIGNED = 3
HOME_IN_PROGRESS = 3
HOME_RECOMMENDED = 2


@register.inclusion_tag("learning/partials/home_panel.html", takes_context=True)
def learning_panel(context):
    """Assigned courses, then courses in progress, then recommendations: each course once
    (one both assigned and started shows as assigned, with its status)."""
    user = context["request"].user
    language = active_language()
    assigned = learner_assignments(user=user, language=language)[:HOME_ASSIGNED]
    shown = {item.course.translation_key for item in assigned}
    mine = my_learning(user=user, language=language)
    in_progress = [p for p in mine.in_progress if p.course.translation_key not in shown]
    in_progress = in_progress[:HOME_IN_PROGRESS]
    shown |= {p.course.translation_key for p in in_progress}
    recommended = [
        r
        for r in member_recommendations(user=user, language=language)
        if r.course.translation_key not in shown
    ]
    return {
        "assigned": assigned,
        "in_progress": in_progress,
        "recommended": recommended[:HOME_RECOMMENDED],
        "mine": mine,
        "course_index": course_index(language=language),
    }


@register.inclusion_tag("learning/partials/unit_recommendations.html")
def unit_recommendations_panel(unit, can_manage: bool):
    """On the unit page: the courses that build the unit's weakest values."""
    from ..selectors.recommendations import unit_recommendations

    language = active_language()
    return {
        "unit": unit,
        "can_manage": can_manage,
        "recommendations": unit_recommendations(unit=unit, language=language),
    }
