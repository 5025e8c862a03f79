"""Site search: guides and news in the reader's language, with title, type and snippet; empty and
hopeless queries get a helpful page. On PostgreSQL the words are stemmed with the reader's
language (cms.search_backend)."""

import pytest
from django.db import connection

from cms.models import GuideIndexPage, GuidePage
from cms.selectors import site_search

LANGUAGE_SEARCH_BACKEND = {"default": {"BACKEND": "cms.search_backend"}}


@pytest.fixture
def searchable_pages(settings, db):
    """The demo pages, indexed by the language-aware backend."""
    from cms.demo import seed_demo_pages

    settings.WAGTAILSEARCH_BACKENDS = LANGUAGE_SEARCH_BACKEND
    return seed_demo_pages()


@pytest.mark.parametrize(
    ("language", "query", "title", "kind"),
    [
        ("fi", "kokemusasiantuntija", "Asiakasraadit ja kokemusasiantuntijat", "Opas"),
        ("sv", "erfarenhetsexpert", "Klientråd och erfarenhetsexperter", "Guide"),
        ("en", "panel", "Client panels and experts by experience", "Guide"),
        ("fi", "webinaarit", "Viiden webinaarin sarja alkaa", None),
        ("en", "webinars", "A series of five webinars begins", None),
    ],
)
def test_search_finds_guides_and_news_in_the_readers_language(
    client, searchable_pages, language, query, title, kind
):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    hits = response.context["hits"]
    assert title in [hit.title for hit in hits]
    assert all(hit.url.startswith(f"/{language}/") for hit in hits)
    hit = next(hit for hit in hits if hit.title == title)
    assert hit.snippet
    assert f'<a href="{hit.url}">{title}</a>' in response.text
    assert hit.snippet[:40] in response.text
    if kind:
        assert hit.kind == kind


def test_search_does_not_show_other_languages_or_drafts(searchable_pages):
    guide_index = GuideIndexPage.objects.get(locale__language_code="fi")  # the demo's
    assert site_search(query="kokemusasiantuntija", language="sv") == []
    assert site_search(query="erfarenhetsexpert", language="fi") == []
    guide_index.add_child(
        instance=GuidePage(
            title="Luonnos kokemusasiantuntijoista",
            slug="luonnos",
            summary="s",
            body=[],
            live=False,
        )
    )
    titles = [hit.title for hit in site_search(query="kokemusasiantuntijoista", language="fi")]
    assert "Luonnos kokemusasiantuntijoista" not in titles


def test_empty_search_shows_how_to_search(client, searchable_pages):
    response = client.get("/fi/search/", {"q": "   "})
    assert response.status_code == 200
    assert response.context["hits"] == []
    assert 'id="search-q"' in response.text
    assert "search-results" not in response.text


def test_nonsense_search_gets_a_helpful_page_not_an_error(client, searchable_pages):
    for query in ("xqzvvywk", '"<script>', "AND OR NOT (", "*" * 300):
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200, query
        assert response.context["hits"] == []
        assert 'class="notice" role="status"' in response.text
        assert "<script>" not in response.text.split("<main", 1)[1]


@pytest.mark.parametrize(
    ("language", "inflected_query", "title"),
    [
        # Partitive plural of "kokemusasiantuntija": only the Finnish stemmer joins them.
        ("fi", "kokemusasiantuntijoita", "Asiakasraadit ja kokemusasiantuntijat"),
        # Definite singular of "erfarenhetsexpert": only the Swedish stemmer joins them.
        ("sv", "erfarenhetsexperten", "Klientråd och erfarenhetsexperter"),
        ("en", "panelling", "Client panels and experts by experience"),
    ],
)
def test_search_stems_words_with_the_readers_language_on_postgresql(
    searchable_pages, language, inflected_query, title
):
    titles = [hit.title for hit in site_search(query=inflected_query, language=language)]
    # The embedded SQLite default has no stemmer: there only whole words match (the production
    # database, PostgreSQL, is what CI runs this on).
    assert (title in titles) == (connection.vendor == "postgresql")


def test_index_uses_each_pages_own_language_configuration(searchable_pages):
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    backend = get_search_backend()
    if connection.vendor != "postgresql":
        # SQLite keeps Wagtail's own backend (FTS5): one index, no language configurations.
        assert type(backend).__name__ == "SQLiteSearchBackend"
        return
    assert type(backend).__name__ == "LanguagePostgresSearchBackend"

    swedish = GuidePage.objects.get(slug="asiakasraadit", locale__language_code="sv")
    (body,) = IndexEntry.objects.filter(object_id=str(swedish.pk)).values_list("body", flat=True)
    # Stemmed the Swedish way: "utvecklare" is 'utveckl' and "tjänsten" 'tjänst' (the default
    # English configuration would keep 'utvecklar' and 'tjänsten').
    assert "'utveckl'" in body and "'tjänst'" in body
    assert "'utvecklar'" not in body and "'tjänsten'" not in body


@pytest.mark.parametrize(("language", "label"), [("fi", "Hae"), ("sv", "Sök"), ("en", "Search")])
def test_every_page_header_links_to_search_in_the_readers_language(client, db, language, label):
    response = client.get(f"/{language}/accounts/login/")
    assert f'<a href="/{language}/search/">{label}</a>' in response.text


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("fi", "asiakaskohtaaminen", "Hyvä asiakaskohtaaminen"),
        ("sv", "bemötande", "Respektfullt bemötande"),
    ],
)
def test_search_finds_courses_and_lessons_in_the_readers_language(
    client, searchable_pages, language, query, title
):
    from learning.demo import seed_demo_course

    seed_demo_course()
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    hits = response.context["hits"]
    assert title in [hit.title for hit in hits]
    assert all(hit.url.startswith(f"/{language}/") for hit in hits)
