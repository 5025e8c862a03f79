"""What the site's content adds to the core app's pages (toolkit.contributions): search in the
header, the organisation and contact details and feedback link in the footer (from the site
settings), and each page's address in the other languages for the language switcher."""

from toolkit import contributions as slots
from toolkit.contributions import Part

from .templatetags.cms_tags import page_language_urls


def register() -> None:
    slots.part_register(slots.HEADER_LINKS, Part("cms/partials/nav_search.html", 100))
    slots.part_register(slots.FOOTER, Part("cms/partials/footer_site.html", 100))
    slots.part_register(slots.FOOTER, Part("cms/partials/footer_contact.html", 300))
    slots.page_language_urls_register(page_language_urls)
