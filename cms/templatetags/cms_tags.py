from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def page_language_urls(page) -> dict[str, str]:
    """language -> URL of the same page in that language (empty outside Wagtail pages)."""
    try:
        return selectors.page_language_urls(page=page)
    except AttributeError:
        return {}
