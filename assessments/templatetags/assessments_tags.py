"""The self-assessment panel of the home page, so the core app's template needs no view of ours."""

from django import template

from ..selectors.rounds import home_rounds

register = template.Library()


@register.inclusion_tag("assessments/partials/home_panel.html", takes_context=True)
def assessments_panel(context):
    user = context["request"].user
    return {"home": home_rounds(user=user), "request": context["request"]}
