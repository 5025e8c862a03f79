"""Demo pages: the home page, guides, news and the accessibility statement in Finnish, with
Swedish and English translations made the way wagtail-localize makes them (copy_for_translation),
then filled with the translated text and published. Idempotent. The texts are data files in
cms/content/ (read by cms.demo_content)."""

import datetime

from django.db import transaction
from wagtail.models import Locale, Page, Site

from .content_files import LANGUAGES
from .demo_content import site_content
from .models import (
    GuideIndexPage,
    GuidePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
)
from .services import page_permissions_ensure, review_workflow_ensure


@transaction.atomic
def seed_demo_pages() -> HomePage:
    """Make the HomePage the site root in Finnish, with Swedish and English translations."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales["fi"]).first()
    if home is None:
        # The tree root comes from Wagtail's migrations; a flushed database (browser tests) lacks it.
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locales["fi"])
        )
        title, lead, body = site_content().home["fi"]
        home = root.add_child(
            instance=HomePage(
                title=title, slug="home-fi", lead=lead, body=body, locale=locales["fi"]
            )
        )
        old_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.save()
        else:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        if old_root and old_root.pk != home.pk and old_root.specific_class != HomePage:
            old_root.delete()
    for code in ("sv", "en"):
        if not HomePage.objects.filter(
            translation_key=home.translation_key, locale=locales[code]
        ).exists():
            translated = home.copy_for_translation(locales[code])
            translated.title, translated.lead, translated.body = site_content().home[code]
            translated.save_revision().publish()
    review_workflow_ensure()
    page_permissions_ensure()
    _seed_content(home)
    return home


def translate_page(source: Page, fields_by_language: dict[str, dict]) -> None:
    """Give `source` (Finnish) a published translation in each other language."""
    for code, fields in fields_by_language.items():
        if code == "fi":
            continue
        locale = Locale.objects.get(language_code=code)
        if source.get_translation_or_none(locale) is not None:
            continue
        translated = source.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()


def child_page(parent: Page, model: type[Page], slug: str, texts: dict[str, dict]) -> Page:
    """The Finnish child page with this slug, created and translated if missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, locale=parent.locale, **texts["fi"]))
        page.save_revision().publish()
    translate_page(page, texts)
    return page


def _article_fields(entry: dict, extra: dict | None = None) -> dict[str, dict]:
    return {
        code: {"title": title, "summary": summary, "body": body, **(extra or {})}
        for code, (title, summary, body) in ((c, entry[c]) for c in ("fi", "sv", "en"))
    }


def _home_highlights(home: HomePage, targets: dict[str, Page]) -> None:
    """Highlight cards on the home page in each language, unless an editor has made their own.
    The cards point to the Finnish pages; the block template shows the reader's translation."""
    for translation in HomePage.objects.filter(translation_key=home.translation_key):
        if translation.highlights:
            continue
        translation.highlights = [
            ("highlight", {"title": title, "text": text, "page": targets.get(key)})
            for key, title, text in site_content().highlights[translation.locale.language_code]
        ]
        translation.save_revision().publish()


def _seed_content(home: HomePage) -> None:
    """Guide and news indexes, the demo guides and news, the accessibility statement."""
    content = site_content()
    index_texts = {
        key: {code: {"title": t, "intro": i} for code, (t, i) in texts.items()}
        for key, texts in content.indexes.items()
    }
    guides = child_page(home, GuideIndexPage, "oppaat", index_texts["guides"])
    news = child_page(home, NewsIndexPage, "ajankohtaista", index_texts["news"])
    for entry in content.guides:
        fields = _article_fields(entry)
        for code in fields:
            fields[code]["values"] = entry["values"]
        child_page(guides, GuidePage, entry["slug"], fields)
    for entry in content.news:
        date = datetime.date.fromisoformat(entry["date"])
        child_page(news, NewsPage, entry["slug"], _article_fields(entry, {"date": date}))
    statement_entry = content.accessibility_statement
    statement = child_page(
        home,
        StandardPage,
        statement_entry["slug"],
        {
            code: {"title": t, "lead": lead, "body": body}
            for code, (t, lead, body) in ((c, statement_entry[c]) for c in ("fi", "sv", "en"))
        },
    )
    _home_highlights(home, {"guides": guides, "news": news})
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.organisation_name:
        site_settings.organisation_name = "Esimerkin hyvinvointialue"
        site_settings.contact_email = "palaute@example.org"
        site_settings.accessibility_statement = statement
        site_settings.save()
    demo_name = site_settings.organisation_name == "Esimerkin hyvinvointialue"
    if demo_name and not (site_settings.organisation_name_sv or site_settings.organisation_name_en):
        site_settings.organisation_name_sv = "Exempels välfärdsområde"
        site_settings.organisation_name_en = "Example Wellbeing Services County"
        site_settings.save(update_fields=["organisation_name_sv", "organisation_name_en"])
