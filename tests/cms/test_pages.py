"""Page types: where each may be created, what each shows, and the site settings in the footer."""

import pytest
from wagtail.models import Site

from cms.demo import seed_demo_pages
from cms.models import (
    GuideIndexPage,
    GuidePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
)


@pytest.mark.parametrize(
    ("model", "parent_model", "allowed"),
    [
        (GuidePage, GuideIndexPage, True),
        (GuidePage, HomePage, False),
        (GuidePage, NewsIndexPage, False),
        (NewsPage, NewsIndexPage, True),
        (NewsPage, GuideIndexPage, False),
        (GuideIndexPage, HomePage, False),  # one per home page, and the tree already has it
        (StandardPage, HomePage, True),
        (StandardPage, StandardPage, True),
        (StandardPage, GuidePage, False),
        (HomePage, HomePage, False),
    ],
)
def test_page_types_can_be_created_only_under_their_allowed_parents(
    page_tree, model, parent_model, allowed
):
    parent = parent_model.objects.filter(locale__language_code="fi").first()
    assert model.can_create_at(parent) is allowed


def test_every_page_type_declares_parents_and_children():
    for model in (HomePage, GuideIndexPage, GuidePage, NewsIndexPage, NewsPage, StandardPage):
        assert "parent_page_types" in model.__dict__, model
        assert "subpage_types" in model.__dict__, model
    assert GuidePage.allowed_subpage_models() == []
    assert NewsPage.allowed_subpage_models() == []


def test_seeding_demo_content_twice_creates_each_page_once_in_three_languages(db):
    seed_demo_pages()
    seed_demo_pages()
    assert GuidePage.objects.filter(locale__language_code="fi").count() == 6
    for model, per_language in ((GuidePage, 6), (NewsPage, 2), (StandardPage, 1)):
        for code in ("fi", "sv", "en"):
            assert model.objects.live().filter(locale__language_code=code).count() == per_language


def test_every_page_type_is_served_in_every_language(client, demo_pages):
    for model in (HomePage, GuideIndexPage, GuidePage, NewsIndexPage, NewsPage, StandardPage):
        for page in model.objects.live():
            url = page.get_url()
            response = client.get(url)
            assert response.status_code == 200, url
            assert f'lang="{page.locale.language_code}"' in response.text
            assert page.title in response.content.decode()


def test_home_page_lists_latest_guides_and_news_in_its_language(client, demo_pages):
    response = client.get("/sv/")
    latest = response.context["latest_guides"]
    assert latest and all(guide.locale.language_code == "sv" for guide in latest)
    assert all(item.locale.language_code == "sv" for item in response.context["latest_news"])


def test_home_page_offers_a_signed_in_person_their_dashboard_and_next_steps(
    client, org, demo_pages
):
    anonymous = client.get("/en/")
    assert "next-steps-heading" not in anonymous.text
    client.force_login(org.employee_a)
    response = client.get("/en/")
    assert "next-steps-heading" in response.text
    assert "/en/dashboard/" in response.text


def test_guide_shows_the_values_it_is_tagged_with(client, demo_pages):
    guide = GuidePage.objects.get(slug="viisi-arvoa", locale__language_code="en")
    assert set(guide.values) == {"dignity", "client_centredness", "equality", "trust", "empathy"}
    response = client.get(guide.url)
    assert "Respect for human dignity" in response.text


def test_footer_shows_the_site_settings_organisation_contact_and_legal_links(client, demo_pages):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Keski-Esimerkin hyvinvointialue"
    settings.organisation_name_en = "Central Example Wellbeing Services County"
    settings.footer_text_en = "Made for our staff."
    settings.contact_phone = "+358 9 123 456"
    settings.save()
    response = client.get("/en/")
    assert "Central Example Wellbeing Services County" in response.text
    assert "Made for our staff." in response.text
    assert "+358 9 123 456" in response.text
    statement = StandardPage.objects.get(locale__language_code="en")
    assert f'href="{statement.url}"' in response.text
    assert 'href="/en/feedback/"' in response.text


def test_footer_names_the_organisation_in_the_readers_language(client, demo_pages):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.organisation_name_sv == "Exempels välfärdsområde"  # from the demo data
    settings.organisation_name = "Länsi-Esimerkin hyvinvointialue"
    settings.organisation_name_sv = "Västra Exempels välfärdsområde"
    settings.organisation_name_en = ""
    settings.save()
    assert "Västra Exempels välfärdsområde" in client.get("/sv/").text
    assert "Länsi-Esimerkin hyvinvointialue" not in client.get("/sv/").text
    assert "Länsi-Esimerkin hyvinvointialue" in client.get("/fi/").text
    assert "Länsi-Esimerkin hyvinvointialue" in client.get("/en/").text  # no English name: Finnish


def test_swedish_demo_pages_call_equality_jamlikhet(demo_pages):
    from wagtail.models import Page

    swedish = [p.specific for p in Page.objects.filter(locale__language_code="sv")]
    texts = " ".join(str(getattr(p, field, "")) for p in swedish for field in ("lead", "body"))
    assert "jämlikhet" in texts.lower()
    assert "likabehandling" not in texts.lower()


def test_wagtail_admin_shows_a_news_date_as_d_m_yyyy(client, org, demo_pages):
    news = NewsPage.objects.filter(locale__language_code="fi").first()
    client.force_login(org.administrator)
    page = client.get(f"/cms/pages/{news.pk}/edit/").content.decode()
    assert f'value="{news.date:%d.%m.%Y}"' in page
    assert f'value="{news.date:%Y-%m-%d}"' not in page
