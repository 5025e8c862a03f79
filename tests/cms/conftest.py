"""Fixtures for the site content: the demo page tree in three languages."""

import pytest
from wagtail.models import Locale

from cms.demo import seed_demo_pages
from cms.models import GuideIndexPage, GuidePage, HomePage, NewsIndexPage


@pytest.fixture
def demo_pages(db) -> HomePage:
    """The demo home page, guides, news and accessibility statement in fi, sv and en."""
    return seed_demo_pages()


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def guide_index(demo_pages) -> GuideIndexPage:
    return GuideIndexPage.objects.get(locale__language_code="fi")


@pytest.fixture
def news_index(demo_pages) -> NewsIndexPage:
    return NewsIndexPage.objects.get(locale__language_code="fi")


@pytest.fixture
def draft_guide(guide_index) -> GuidePage:
    """A Finnish guide saved as a draft, as a trainer leaves it before review."""
    guide = guide_index.add_child(
        instance=GuidePage(
            title="Uusi opas",
            slug="uusi-opas",
            summary="Luonnos arvioitavaksi.",
            body=[("paragraph", "<p>Luonnoksen teksti.</p>")],
            live=False,
        )
    )
    guide.save_revision()
    return guide
