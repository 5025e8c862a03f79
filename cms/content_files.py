"""Demo content kept as data: one TOML file per page and language under an app's `content/`
folder, Finnish (the source) in `fi/`, its translations in `sv/` and `en/`, and the facts that
are the same in every language in one file beside them. Read with the standard library.

A translation must have the Finnish file's shape: the same keys, as many blocks, options and
items, and the same language-neutral values (block types, callout kinds, linked pages, correct
answers, numbers). A slip stops the seeding with the file's name, rather than seeding a
half-translated page."""

from __future__ import annotations

import tomllib
from pathlib import Path

SOURCE = "fi"
LANGUAGES = ("fi", "sv", "en")
# Strings that are not words to translate: a translation keeps the Finnish value.
NEUTRAL_KEYS = frozenset({"type", "kind", "level", "page", "unit"})
# The fields of each body block (cms.blocks) that a content file gives.
BLOCK_FIELDS = {
    "paragraph": ("text",),
    "heading": ("text",),
    "checklist": ("title", "items"),
    "example_case": ("title", "situation", "what_helped"),
    "quote": ("quote", "attribution"),
    "callout": ("kind", "title", "text"),
    "figures": ("title", "unit", "maximum", "bars", "source"),
}


class ContentError(ValueError):
    """A content file is missing, is not valid TOML or does not match its Finnish file."""


def read(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        raise ContentError(f"{path}: the file is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path}: not valid TOML: {error}") from None


def require(data: dict, keys, path: Path, where: str = "") -> None:
    """Raise ContentError naming the file and the keys it lacks."""
    missing = [key for key in keys if key not in data]
    if missing:
        place = f" in {where}" if where else ""
        raise ContentError(f"{path}: {', '.join(missing)} missing{place}")


def same_shape(source, translation, path: Path, where: str = "") -> None:
    """Raise ContentError naming `path` and the place where `translation` is not shaped like
    `source` (the Finnish file)."""
    place = where or "the top level"
    if isinstance(source, dict):
        if not isinstance(translation, dict):
            raise ContentError(f"{path}: {place} should be a table")
        require(translation, source, path, place)
        extra = [key for key in translation if key not in source]
        if extra:
            raise ContentError(f"{path}: {', '.join(extra)} in {place} not in the Finnish file")
        for key, value in source.items():
            child = f"{where}.{key}" if where else key
            if key in NEUTRAL_KEYS and translation[key] != value:
                raise ContentError(f"{path}: {child} should be {value!r} as in the Finnish file")
            same_shape(value, translation[key], path, child)
    elif isinstance(source, list):
        if not isinstance(translation, list) or len(translation) != len(source):
            raise ContentError(f"{path}: {place} should have {len(source)} entries as in Finnish")
        for number, (value, other) in enumerate(zip(source, translation, strict=True), start=1):
            same_shape(value, other, path, f"{place}[{number}]")
    elif isinstance(source, str):
        if not isinstance(translation, str):
            raise ContentError(f"{path}: {place} should be text")
    elif translation != source:
        raise ContentError(f"{path}: {place} should be {source!r} as in the Finnish file")


def translations(root: Path, relative: str, required=()) -> dict[str, dict]:
    """The file `relative` in each language folder under `root`, by language code: the Finnish
    one checked for the `required` keys, the others against the Finnish one."""
    source_path = root / SOURCE / relative
    source = read(source_path)
    require(source, required, source_path)
    files = {SOURCE: source}
    for code in LANGUAGES:
        if code != SOURCE:
            path = root / code / relative
            files[code] = read(path)
            same_shape(source, files[code], path)
    return files


def check_no_stray_files(root: Path, relatives: set[str], listed_in: Path) -> None:
    """A file no page reads (a new lesson not yet listed, a typo in a name) is an error, not
    silently skipped."""
    for code in LANGUAGES:
        for path in sorted((root / code).rglob("*.toml")):
            if path.relative_to(root / code).as_posix() not in relatives:
                raise ContentError(f"{path}: no page uses this file; is it listed in {listed_in}?")


def blocks(entries: list, path: Path, where: str = "body") -> list[tuple]:
    """Body blocks as StreamField values in the shape of cms.blocks: ("paragraph", html) or
    (type, {field: value}); a heading is h2 unless the file says otherwise."""
    values = []
    for number, entry in enumerate(entries, start=1):
        place = f"{where}[{number}]"
        kind = entry.get("type")
        if kind not in BLOCK_FIELDS:
            known = ", ".join(BLOCK_FIELDS)
            raise ContentError(f"{path}: {place} has type {kind!r}; known types: {known}")
        require(entry, BLOCK_FIELDS[kind], path, place)
        if kind == "paragraph":
            values.append((kind, entry["text"]))
            continue
        fields = {name: entry[name] for name in BLOCK_FIELDS[kind]}
        if kind == "heading":
            fields["level"] = entry.get("level", "h2")
        values.append((kind, fields))
    return values
