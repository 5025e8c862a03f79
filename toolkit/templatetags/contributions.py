"""Render what the apps registered in toolkit.contributions: ``{% contributed "slot" k=v %}``,
``{% contributed_stylesheets "slot" ... %}`` and ``{% page_language_urls page as urls %}``."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from toolkit import contributions

register = template.Library()


@register.simple_tag(takes_context=True)
def contributed(context, slot: str, **kwargs):
    """Each part of the slot, rendered like an {% include %}: within the page's context, with the
    slot's kwargs and the part's own values on top."""
    rendered = []
    for part in contributions.parts(slot):
        values = dict(kwargs)
        if part.context is not None:
            own = part.context(context, **kwargs)
            if own is None:
                continue
            values |= own
        found = context.template.engine.get_template(part.template)
        with context.push(**values):
            rendered.append(found.render(context))
    return mark_safe("".join(rendered))  # noqa: S308 (templates rendered with autoescape)


@register.simple_tag
def contributed_stylesheets(*slots: str):
    return format_html_join(
        "",
        '<link rel="stylesheet" href="{}">',
        ((static(path),) for path in contributions.stylesheets(*slots)),
    )


@register.simple_tag
def page_language_urls(page) -> dict[str, str]:
    """language -> URL of the same page in that language (empty when no app knows the page)."""
    return contributions.page_language_urls(page)
