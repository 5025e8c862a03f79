"""Fixtures for the site content: a minimal page tree in three languages (tests/cms/factories.py),
and the whole demo site for the tests about the demo content."""

import pytest
from wagtail.models import Locale

from cms.demo import seed_demo_pages
from cms.models import GuideIndexPage, GuidePage, HomePage, NewsIndexPage
from tests.cms.factories import PageTree
from tests.cms.factories import page_tree as build_page_tree


@pytest.fixture
def page_tree(db) -> PageTree:
    """One published page of each type in fi, sv and en, with the review workflow."""
    return build_page_tree()


@pytest.fixture
def demo_pages(db) -> HomePage:
    """The demo home page, guides, news and accessibility statement in fi, sv and en."""
    return seed_demo_pages()


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def guide_index(page_tree) -> GuideIndexPage:
    return page_tree.guide_index


@pytest.fixture
def news_index(page_tree) -> NewsIndexPage:
    return page_tree.news_index


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
