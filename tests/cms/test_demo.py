"""The demo content: a home page with highlights, six guides and two news items in Finnish with
Swedish and English translations, and the accessibility statement."""

import pytest

from cms.demo_content import site_content
from cms.models import VALUE_LABELS, GuideIndexPage, GuidePage, HomePage, NewsPage, StandardPage


def test_every_demo_guide_is_tagged_with_values_and_translated(demo_pages):
    for entry in site_content().guides:
        pages = GuidePage.objects.live().filter(slug=entry["slug"])
        assert {page.locale.language_code for page in pages} == {"fi", "sv", "en"}
        for page in pages:
            assert page.values and set(page.values) <= set(VALUE_LABELS)
            assert page.title == entry[page.locale.language_code][0]


def test_participation_guide_shows_the_finsote_figures_with_a_table(client, demo_pages):
    guide = GuidePage.objects.get(slug="mita-osallisuus-on", locale__language_code="en")
    response = client.get(guide.url)
    assert "FinSote 2020" in response.text
    assert "<table>" in response.text and "40 %" in response.text


def test_two_news_items_in_each_language(demo_pages):
    for code in ("fi", "sv", "en"):
        assert NewsPage.objects.live().filter(locale__language_code=code).count() == 2


@pytest.mark.parametrize(("language", "title"), [("fi", "Oppaat"), ("sv", "Guider")])
def test_home_highlights_lead_to_the_guides_in_the_readers_language(
    client, demo_pages, language, title
):
    home = HomePage.objects.get(locale__language_code=language)
    assert len(home.highlights) == 3
    guides = GuideIndexPage.objects.get(locale__language_code=language)
    response = client.get(f"/{language}/")
    assert f'<a href="{guides.url}">{title}</a>' in response.text


STATUS_HEADINGS = {
    "fi": "Saavutettavuuden tila",
    "sv": "Tillgänglighetsstatus",
    "en": "Compliance status",
}


def test_accessibility_statement_gives_status_and_feedback_route_in_each_language(
    client, demo_pages
):
    for statement in StandardPage.objects.live():
        code = statement.locale.language_code
        response = client.get(statement.url)
        assert response.status_code == 200
        assert STATUS_HEADINGS[code] in response.text and "2026" in response.text
        assert f'href="/{code}/feedback/"' in response.text
        assert "14" in response.text
