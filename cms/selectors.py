"""Reads for the site content: translation status, per-language page URLs and site search."""

import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from .models import SOURCE_LANGUAGE, GuidePage, NewsPage

TARGET_LANGUAGES = ("sv", "en")
MISSING, OUT_OF_DATE, UP_TO_DATE = "missing", "out_of_date", "up_to_date"

# The page types that site search covers; the learning app adds courses and lessons here.
SEARCHABLE_PAGE_TYPES: list[type[Page]] = [GuidePage, NewsPage]


@dataclass
class PageTranslationStatus:
    page: Page
    statuses: dict[str, str] = field(default_factory=dict)  # language -> MISSING/OUT_OF_DATE/...


def translation_status() -> list[PageTranslationStatus]:
    """Every Finnish page with the state of its Swedish and English translations.

    A translation is out of date when the Finnish page has a revision newer than the moment the
    translation took its content: the wagtail-localize sync time if it was made with the
    translation editor, otherwise the translated page's own latest revision. Four queries."""
    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    sources = list(
        Page.objects.filter(locale=source_locale, depth__gt=1)
        .order_by("path")
        .only(
            "title",
            "draft_title",
            "path",
            "depth",
            "translation_key",
            "latest_revision_created_at",
            "live",
        )
    )
    keys = [page.translation_key for page in sources]
    translated = {
        (key, code): changed
        for key, code, changed in Page.objects.filter(
            translation_key__in=keys, locale__language_code__in=TARGET_LANGUAGES
        ).values_list("translation_key", "locale__language_code", "latest_revision_created_at")
    }
    synced = dict(
        TranslationSource.objects.filter(object_id__in=keys, locale=source_locale).values_list(
            "object_id", "last_updated_at"
        )
    )
    rows = []
    for page in sources:
        row = PageTranslationStatus(page=page)
        for code in TARGET_LANGUAGES:
            if (page.translation_key, code) not in translated:
                row.statuses[code] = MISSING
                continue
            taken_at = synced.get(page.translation_key) or translated[(page.translation_key, code)]
            changed = page.latest_revision_created_at
            row.statuses[code] = (
                OUT_OF_DATE if changed and taken_at and changed > taken_at else UP_TO_DATE
            )
        rows.append(row)
    return rows


def page_language_urls(*, page: Page) -> dict[str, str]:
    """language -> the URL of this page in that language: the live translation where one
    exists, otherwise the source page's path under that language (served with a notice)."""
    if not isinstance(page, Page) or page.is_root():
        return {}
    translations = {
        p.locale.language_code: p
        for p in Page.objects.filter(
            translation_key=page.translation_key, live=True
        ).select_related("locale")
    }
    source = translations.get(SOURCE_LANGUAGE) or page
    source_url = source.get_url() or ""
    urls = {}
    for code, translated in translations.items():
        urls[code] = translated.get_url() or ""
    for code in ("fi", "sv", "en"):
        if code not in urls and source_url.startswith(f"/{SOURCE_LANGUAGE}/"):
            urls[code] = f"/{code}/{source_url[len(SOURCE_LANGUAGE) + 2 :]}"
    return urls


_WORD = re.compile(r"\w+")


@dataclass
class SearchHit:
    title: str
    url: str
    kind: str
    snippet: str


def _snippet(page: Page) -> str:
    text = getattr(page, "summary", "") or getattr(page, "lead", "")
    if not text and hasattr(page, "body"):
        text = (
            strip_tags(page.body.render_as_block()) if hasattr(page.body, "render_as_block") else ""
        )
    return Truncator(" ".join(text.split())).chars(240)


def site_search(*, query: str, language: str, limit: int = 30) -> list[SearchHit]:
    """Live guides, news, courses and lessons in the reader's language.

    On PostgreSQL the search stems the words with that language's rules (cms.search_backend).
    Only the words of the query count: quotes, operators and brackets mean nothing to readers
    and would be syntax to the database's full-text engine."""
    query = " ".join(_WORD.findall(query or ""))
    if not query:
        return []
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    pages = Page.objects.live().filter(locale=locale).type(*SEARCHABLE_PAGE_TYPES).specific()
    with translation.override(language):
        return [
            SearchHit(
                title=page.title,
                url=page.get_url() or "",
                kind=str(page.specific_class._meta.verbose_name).capitalize(),
                snippet=_snippet(page),
            )
            for page in pages.search(query, operator="and")[:limit]
        ]
