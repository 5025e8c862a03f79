"""Reads for the site content: translation status, per-language page URLs and site search."""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from toolkit.languages import SOURCE_LANGUAGE

from .models import GuidePage, NewsPage

TARGET_LANGUAGES = ("sv", "en")
MISSING, UNTRANSLATED, OUT_OF_DATE, DRAFT, UP_TO_DATE = (
    "missing",
    "untranslated",
    "out_of_date",
    "draft",
    "up_to_date",
)

# The page types that site search covers; the learning app adds courses and lessons here.
SEARCHABLE_PAGE_TYPES: list[type[Page]] = [GuidePage, NewsPage]


@dataclass
class PageTranslationStatus:
    page: Page
    statuses: dict[str, str] = field(default_factory=dict)  # language -> MISSING/OUT_OF_DATE/...
    # language -> (translated strings, all strings), for translations made in the editor
    progress: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def cells(self) -> list[tuple[str, str, tuple[int, int] | None]]:
        """(language, status, string progress or None) in the order of TARGET_LANGUAGES."""
        return [(code, self.statuses[code], self.progress.get(code)) for code in self.statuses]


def _string_progress(source_locale: Locale, keys: list) -> dict[tuple, tuple[int, int]]:
    """(translation key, language) -> (translated, all) string segments of the Finnish source."""

    def translated_into(code: str) -> Exists:
        return Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale__language_code=code,
                has_error=False,
            )
        )

    rows = (
        StringSegment.objects.filter(source__object_id__in=keys, source__locale=source_locale)
        .values("source__object_id")
        .annotate(
            total=Count("pk"),
            **{
                f"done_{code}": Count("pk", filter=translated_into(code))
                for code in TARGET_LANGUAGES
            },
        )
    )
    return {
        (row["source__object_id"], code): (row[f"done_{code}"], row["total"])
        for row in rows
        for code in TARGET_LANGUAGES
    }


def _status(page: Page, target: dict, synced_at, progress: tuple[int, int] | None) -> str:
    if target["alias_of_id"] or (progress is not None and progress[0] < progress[1]):
        return UNTRANSLATED  # an alias or a copy whose strings are (partly) still in Finnish
    taken_at = synced_at or target["latest_revision_created_at"]
    changed = page.latest_revision_created_at
    if changed and taken_at and changed > taken_at:
        return OUT_OF_DATE
    return UP_TO_DATE if target["live"] else DRAFT


def translation_status() -> list[PageTranslationStatus]:
    """Every Finnish page with the state of its Swedish and English translations.

    Untranslated: the copy is an alias of the Finnish page or some of its strings are not yet
    translated in the translation editor (a copy still in Finnish is never "up to date"). Out of
    date: the Finnish page has a revision newer than the moment the translation took its content
    (the wagtail-localize sync time if it was made with the translation editor, otherwise the
    translated page's own latest revision). Draft: translated but not published. Five queries."""
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
    targets = {
        (row["translation_key"], row["locale__language_code"]): row
        for row in Page.objects.filter(
            translation_key__in=keys, locale__language_code__in=TARGET_LANGUAGES
        ).values(
            "translation_key",
            "locale__language_code",
            "latest_revision_created_at",
            "live",
            "alias_of_id",
        )
    }
    # One row per source and translation (or one without): the sync time and who is managed.
    synced: dict = {}
    managed: dict[tuple, bool] = {}
    for key, synced_at, code, enabled in TranslationSource.objects.filter(
        object_id__in=keys, locale=source_locale
    ).values_list(
        "object_id",
        "last_updated_at",
        "translations__target_locale__language_code",
        "translations__enabled",
    ):
        synced[key] = synced_at
        if code:
            managed[(key, code)] = enabled
    progress = _string_progress(source_locale, keys)
    rows = []
    for page in sources:
        row = PageTranslationStatus(page=page)
        for code in TARGET_LANGUAGES:
            target = targets.get((page.translation_key, code))
            if target is None:
                row.statuses[code] = MISSING
                continue
            synced_at = synced.get(page.translation_key)
            # The strings count unless the translation was taken out of the translation editor
            # (then it is edited as a page of its own).
            counted = synced_at is not None and managed.get((page.translation_key, code), True)
            strings = progress.get((page.translation_key, code), (0, 0)) if counted else None
            if strings is not None:
                row.progress[code] = strings
            row.statuses[code] = _status(page, target, synced_at, strings)
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
