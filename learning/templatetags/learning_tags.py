"""The learning panel of the home page, so the core app's template needs no view of ours."""

from django import template
from django.utils.translation import get_language

from ..selectors import course_index, my_learning

register = template.Library()


@register.inclusion_tag("learning/partials/home_panel.html", takes_context=True)
def learning_panel(context):
    user = context["request"].user
    language = (get_language() or "fi")[:2]
    return {
        "mine": my_learning(user=user, language=language),
        "course_index": course_index(language=language),
    }
