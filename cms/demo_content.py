"""The demo site's texts, read from cms/content/ (see cms.content_files) into the shapes
cms.demo seeds: the home page, the section indexes, the highlight cards, the guides, the news
and the accessibility statement, each by language code."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .content_files import LANGUAGES, blocks, check_no_stray_files, read, require, translations

CONTENT = Path(__file__).resolve().parent / "content"
PAGES = CONTENT / "pages.toml"


@dataclass(frozen=True)
class SiteContent:
    home: dict[str, tuple[str, str, str]]  # code: (title, lead, body)
    indexes: dict[str, dict[str, tuple[str, str]]]  # "guides"/"news": code: (title, intro)
    highlights: dict[str, list[tuple[str | None, str, str]]]  # code: [(page key, title, text)]
    guides: list[dict]  # {"slug", "values", code: (title, summary, body blocks)}
    news: list[dict]  # {"slug", "date", code: (title, summary, body blocks)}
    accessibility_statement: dict  # {"slug", code: (title, lead, body blocks)}


def _articles(folder: str, entries: list[dict], neutral: tuple[str, ...]) -> list[dict]:
    articles = []
    for number, entry in enumerate(entries, start=1):
        require(entry, neutral, PAGES, f"{folder}[{number}]")
        relative = f"{folder}/{entry['slug']}.toml"
        article = {key: entry[key] for key in neutral}
        for code, texts in translations(CONTENT, relative, ("title", "summary", "body")).items():
            path = CONTENT / code / relative
            article[code] = (texts["title"], texts["summary"], blocks(texts["body"], path))
        articles.append(article)
    return articles


@functools.cache
def site_content() -> SiteContent:
    """Read and check every file once; a ContentError names the file at fault."""
    pages = read(PAGES)
    require(pages, ("guides", "news", "accessibility_statement"), PAGES)
    site = translations(CONTENT, "site.toml", ("home", "indexes", "highlights"))
    fi_site = CONTENT / "fi" / "site.toml"
    require(site["fi"]["home"], ("title", "lead", "body"), fi_site, "home")
    require(site["fi"]["indexes"], ("guides", "news"), fi_site, "indexes")
    for key, index in site["fi"]["indexes"].items():
        require(index, ("title", "intro"), fi_site, f"indexes.{key}")
    for number, card in enumerate(site["fi"]["highlights"], start=1):
        require(card, ("title", "text"), fi_site, f"highlights[{number}]")
    statement_slug = pages["accessibility_statement"]["slug"]
    statement = {"slug": statement_slug}
    for code, texts in translations(
        CONTENT, f"{statement_slug}.toml", ("title", "lead", "body")
    ).items():
        path = CONTENT / code / f"{statement_slug}.toml"
        statement[code] = (texts["title"], texts["lead"], blocks(texts["body"], path))
    guides = _articles("guides", pages["guides"], ("slug", "values"))
    news = _articles("news", pages["news"], ("slug", "date"))
    check_no_stray_files(
        CONTENT,
        {"site.toml", f"{statement_slug}.toml"}
        | {f"guides/{entry['slug']}.toml" for entry in guides}
        | {f"news/{entry['slug']}.toml" for entry in news},
        PAGES,
    )
    return SiteContent(
        home={
            code: tuple(site[code]["home"][k] for k in ("title", "lead", "body"))
            for code in LANGUAGES
        },
        indexes={
            key: {
                code: (site[code]["indexes"][key]["title"], site[code]["indexes"][key]["intro"])
                for code in LANGUAGES
            }
            for key in site["fi"]["indexes"]
        },
        highlights={
            code: [
                (card.get("page"), card["title"], card["text"]) for card in site[code]["highlights"]
            ]
            for code in LANGUAGES
        },
        guides=guides,
        news=news,
        accessibility_statement=statement,
    )
