"""What the feature apps add to the core app's pages: the home page's cards, the unit page's
buttons and panels, links in the site header and footer, and a page's address in each language.

The core app names no feature. Each app registers its parts in its AppConfig.ready(), each
with an order; toolkit's templates render whatever is registered in a slot, lowest order first
(`{% load contributions %}{% contributed "dashboard" dashboard=dashboard %}`). As with Wagtail's
hooks, an app that is not installed simply adds nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# The slots of the core app's pages, in the order they appear on them.
HEADER_LINKS = "header.links"  # <li> items of the main navigation, after "Home"
FOOTER = "footer"  # paragraphs of the site footer
DASHBOARD = "dashboard"  # the home page's cards; kwargs: dashboard
DASHBOARD_SUPERVISOR = "dashboard.supervisor"  # links in the "As a supervisor" card
DASHBOARD_TRAINER = "dashboard.trainer"  # links in the "As a trainer" card
DASHBOARD_ADMINISTRATOR = "dashboard.administrator"  # links in the "As an administrator" card
UNIT_ACTIONS = "unit.actions"  # buttons under a unit's figures; kwargs: unit, can_manage
UNIT_PANELS = "unit.panels"  # panels of the unit page; kwargs: unit, can_manage


@dataclass(frozen=True)
class Part:
    """A template rendered in a slot. `context(template_context, **kwargs)` gives the values
    it needs (None leaves the part out); without it the template reads the page's own context
    and the slot's kwargs. `stylesheets` are static paths the part needs in the page's head."""

    template: str
    order: int
    context: Callable[..., dict | None] | None = None
    stylesheets: tuple[str, ...] = ()


_parts: dict[str, list[Part]] = {}
_page_language_urls: list[Callable[[object], dict[str, str]]] = []


def part_register(slot: str, part: Part) -> None:
    """Add a part to a slot (again on a second ready(), as in tests, changes nothing)."""
    registered = _parts.setdefault(slot, [])
    if part not in registered:
        registered.append(part)


def parts(slot: str) -> list[Part]:
    """The slot's parts, lowest order first."""
    return sorted(_parts.get(slot, ()), key=lambda part: part.order)


def stylesheets(*slots: str) -> list[str]:
    """The static stylesheets of these slots' parts, each once, in the order of the parts."""
    found: list[str] = []
    for slot in slots:
        for part in parts(slot):
            found += [path for path in part.stylesheets if path not in found]
    return found


def page_language_urls_register(provider: Callable[[object], dict[str, str]]) -> None:
    """`provider(page)` gives {language: URL of the same page in that language} for the pages
    its app knows (an empty dict for others); the language switcher sends them along."""
    if provider not in _page_language_urls:
        _page_language_urls.append(provider)


def page_language_urls(page) -> dict[str, str]:
    urls: dict[str, str] = {}
    for provider in _page_language_urls:
        urls |= provider(page)
    return urls
