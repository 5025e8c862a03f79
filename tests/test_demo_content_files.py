"""The demo texts are data files per language (cms/content/, learning/content/): every
translation has the Finnish file's keys, and a broken file stops the loading with an error that
names it."""

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from cms import demo_content
from cms.content_files import LANGUAGES, ContentError, blocks
from learning import demo_content as course_demo_content

CONTENT_ROOTS = [demo_content.CONTENT, course_demo_content.CONTENT]


def _files(root: Path, code: str) -> set[str]:
    return {path.relative_to(root / code).as_posix() for path in (root / code).rglob("*.toml")}


def _keys(value, where: str = "") -> set[str]:
    """Every key path in a TOML document, list entries numbered."""
    if isinstance(value, dict):
        return {f"{where}.{key}" for key in value} | {
            path for key, child in value.items() for path in _keys(child, f"{where}.{key}")
        }
    if isinstance(value, list):
        return {path for n, child in enumerate(value) for path in _keys(child, f"{where}[{n}]")}
    return set()


@pytest.mark.parametrize("root", CONTENT_ROOTS, ids=["cms", "learning"])
def test_every_language_has_the_finnish_files_with_the_same_keys(root):
    finnish = _files(root, "fi")
    assert finnish
    for code in LANGUAGES:
        assert _files(root, code) == finnish, code
        for relative in finnish:
            source = tomllib.loads((root / "fi" / relative).read_text())
            other = tomllib.loads((root / code / relative).read_text())
            assert _keys(other) == _keys(source), f"{code}/{relative}"


def test_site_content_gives_every_page_in_every_language():
    content = demo_content.site_content()
    assert len(content.guides) == 6 and len(content.news) == 2
    assert content.accessibility_statement["slug"] == "saavutettavuusseloste"
    for code in LANGUAGES:
        assert content.home[code][0] == "Arvokas"
        assert len(content.highlights[code]) == 3
        assert all(code in entry for entry in content.guides + content.news)


def test_course_content_gives_six_lessons_and_captions_in_every_language():
    content = course_demo_content.course_content()
    assert [lesson["kind"] for lesson in content.lessons] == ["reading"] + ["recorded"] + [
        "reading"
    ] * 3 + ["live"]
    for code in LANGUAGES:
        assert len(content.captions[code]) == 5
        assert content.course[code]["intro"][0][0] == "heading"
        assert all(lesson[code]["body"] for lesson in content.lessons)


def test_blocks_become_streamfield_values_and_headings_default_to_h2():
    path = Path("x.toml")
    assert blocks(
        [{"type": "paragraph", "text": "<p>a</p>"}, {"type": "heading", "text": "b"}], path
    ) == [("paragraph", "<p>a</p>"), ("heading", {"text": "b", "level": "h2"})]
    with pytest.raises(ContentError, match=r"x\.toml: body\[1\] has type 'table'"):
        blocks([{"type": "table"}], path)
    with pytest.raises(ContentError, match=r"x\.toml: items missing in body\[1\]"):
        blocks([{"type": "checklist", "title": "t"}], path)


@pytest.fixture
def content_copy(tmp_path, monkeypatch):
    """Both content folders copied to tmp_path, the loaders pointed at the copies."""
    site, course = tmp_path / "cms", tmp_path / "learning"
    shutil.copytree(demo_content.CONTENT, site)
    shutil.copytree(course_demo_content.CONTENT, course)
    monkeypatch.setattr(demo_content, "CONTENT", site)
    monkeypatch.setattr(demo_content, "PAGES", site / "pages.toml")
    monkeypatch.setattr(course_demo_content, "CONTENT", course)
    monkeypatch.setattr(course_demo_content, "COURSE", course / "course.toml")
    demo_content.site_content.cache_clear()
    course_demo_content.course_content.cache_clear()
    yield site, course
    demo_content.site_content.cache_clear()
    course_demo_content.course_content.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_invalid_toml_names_the_file(content_copy):
    site, _ = content_copy
    path = site / "sv" / "news" / "webinaarisarja.toml"
    _edit(path, "title = ", "title = = ")
    with pytest.raises(ContentError, match=rf"^{re.escape(str(path))}: not valid TOML"):
        demo_content.site_content()


def test_a_missing_translation_names_the_missing_file(content_copy):
    _, course = content_copy
    path = course / "en" / "lessons" / "asiakasviestinta.toml"
    path.unlink()
    with pytest.raises(ContentError, match=rf"^{re.escape(str(path))}: the file is missing"):
        course_demo_content.course_content()


def test_a_key_missing_from_a_translation_names_the_file_and_the_key(content_copy):
    site, _ = content_copy
    path = site / "en" / "guides" / "viisi-arvoa.toml"
    _edit(path, "summary = ", "summry = ")
    with pytest.raises(
        ContentError, match=rf"^{re.escape(str(path))}: summary missing in the top level"
    ):
        demo_content.site_content()


def test_a_key_missing_from_the_finnish_file_names_the_file(content_copy):
    _, course = content_copy
    path = course / "fi" / "lessons" / "kunnioittava-kohtaaminen.toml"
    _edit(path, "transcript = ", "transkriptio = ")
    with pytest.raises(ContentError, match=rf"^{re.escape(str(path))}: transcript missing"):
        course_demo_content.course_content()


def test_a_translation_that_changes_a_correct_answer_is_refused(content_copy):
    _, course = content_copy
    path = course / "sv" / "lessons" / "asiakasviestinta.toml"
    _edit(path, "correct = true", "correct = false")
    with pytest.raises(
        ContentError, match=rf"^{re.escape(str(path))}: quiz\[\d+\]\.options\[\d+\]\.correct"
    ):
        course_demo_content.course_content()


def test_a_translation_with_fewer_blocks_is_refused(content_copy):
    site, _ = content_copy
    path = site / "sv" / "site.toml"
    text = path.read_text()
    path.write_text(text[: text.rindex("[[highlights]]")])
    with pytest.raises(
        ContentError, match=rf"^{re.escape(str(path))}: highlights should have 3 entries"
    ):
        demo_content.site_content()


def test_a_file_no_page_reads_is_reported(content_copy):
    _, course = content_copy
    stray = course / "fi" / "lessons" / "uusi-oppitunti.toml"
    stray.write_text('title = "Uusi"\n')
    with pytest.raises(ContentError, match=rf"^{re.escape(str(stray))}: no page uses this file"):
        course_demo_content.course_content()
