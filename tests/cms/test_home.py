from wagtail.models import Locale

from cms.demo import seed_demo_pages
from cms.models import HomePage


def test_every_installation_has_the_three_content_locales(db):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fi", "sv", "en"}


def test_demo_home_page_exists_in_three_languages_and_seeding_twice_changes_nothing(db):
    seed_demo_pages()
    seed_demo_pages()
    assert HomePage.objects.count() == 3
    assert set(HomePage.objects.values_list("locale__language_code", flat=True)) == {
        "fi",
        "sv",
        "en",
    }


def test_home_page_is_served_in_each_language(client, db):
    seed_demo_pages()
    for language, phrase in (
        ("fi", "Asiakkaan osallisuus"),
        ("sv", "Klientens delaktighet"),
        ("en", "Client participation"),
    ):
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert f'lang="{language}"' in response.text
        assert phrase in response.text


def test_unknown_page_gets_the_site_404_page(client, db):
    response = client.get("/fi/no-such-page/")
    assert response.status_code == 404
    assert 'id="main"' in response.text
