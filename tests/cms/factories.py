"""Builders of site content for the cms tests: a minimal page tree with one page of each type in
Finnish, translated to Swedish and English, as a reader sees it (published) and as editors work
in it (the review workflow and the page permissions of the groups). Much faster than the demo
site (cms.demo.seed_demo_pages), which the tests about the demo content keep using."""

import datetime
from dataclasses import dataclass

from wagtail.models import Locale, Page, Site

from cms.models import GuideIndexPage, GuidePage, HomePage, NewsIndexPage, NewsPage, StandardPage
from cms.services import page_permissions_ensure, review_workflow_ensure

LANGUAGES = ("fi", "sv", "en")


@dataclass
class PageTree:
    home: HomePage
    guide_index: GuideIndexPage
    guide: GuidePage
    news_index: NewsIndexPage
    news: NewsPage
    statement: StandardPage


def publish_translated(parent: Page, page: Page, texts: dict[str, dict]) -> Page:
    """Publish the Finnish `page` under `parent`, then its Swedish and English copies with the
    fields of `texts` (made as wagtail-localize makes them, copy_for_translation)."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    for code, fields in texts.items():
        translated = page.copy_for_translation(Locale.objects.get(language_code=code))
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
    return page


def _home(locales: dict[str, Locale]) -> HomePage:
    """The Finnish home page as the default site's root (replacing Wagtail's welcome page)."""
    home = HomePage(title="Arvokas", slug="home-fi", lead="Koti.", locale=locales["fi"])
    publish_translated(
        Page.get_first_root_node(),
        home,
        {"sv": {"title": "Arvokas", "lead": "Hem."}, "en": {"title": "Arvokas", "lead": "Home."}},
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.pk != home.pk and old_root.specific_class is not HomePage:
            old_root.delete()
    return home


def page_tree() -> PageTree:
    """Home, guide and news indexes, one guide, one news item and one standard page, each
    published in fi, sv and en; the guide index is /oppaat/ as on the demo site."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    home = _home(locales)
    guide_index = publish_translated(
        home,
        GuideIndexPage(title="Oppaat", slug="oppaat", intro="Oppaita."),
        {"sv": {"title": "Guider"}, "en": {"title": "Guides"}},
    )
    news_index = publish_translated(
        home,
        NewsIndexPage(title="Ajankohtaista", slug="ajankohtaista", intro="Uutisia."),
        {"sv": {"title": "Aktuellt"}, "en": {"title": "News"}},
    )
    guide = publish_translated(
        guide_index,
        GuidePage(
            title="Asiakasraadit",
            slug="asiakasraadit",
            summary="Asiakasraadin perustaminen.",
            values=["trust"],
            body=[("paragraph", "<p>Asiakasraati kokoontuu.</p>")],
        ),
        {
            "sv": {"title": "Klientråd", "summary": "Att grunda ett klientråd."},
            "en": {"title": "Client panels", "summary": "Founding a client panel."},
        },
    )
    news = publish_translated(
        news_index,
        NewsPage(
            title="Uusi kurssi",
            slug="uusi-kurssi",
            date=datetime.date(2026, 9, 1),
            summary="Kurssi alkaa.",
            body=[("paragraph", "<p>Tervetuloa.</p>")],
        ),
        {
            "sv": {"title": "Ny kurs", "summary": "Kursen börjar."},
            "en": {"title": "New course", "summary": "The course begins."},
        },
    )
    statement = publish_translated(
        home,
        StandardPage(title="Saavutettavuusseloste", slug="saavutettavuus", lead="Seloste."),
        {"sv": {"title": "Tillgänglighetsutlåtande"}, "en": {"title": "Accessibility statement"}},
    )
    review_workflow_ensure()
    page_permissions_ensure()
    return PageTree(home, guide_index, guide, news_index, news, statement)
