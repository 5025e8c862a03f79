"""The interface catalogues are complete: every message translated, none fuzzy, in fi, sv and en;
and the catalogues cover every message the code marks for translation."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[1] / "locale"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_catalogue_has_no_untranslated_or_fuzzy_message(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as handle:
        catalogue = read_po(handle, locale=language)
    assert not catalogue.fuzzy, f"{language}: the catalogue header is marked fuzzy"
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
    assert not problems, f"{language}: {len(problems)} untranslated or fuzzy: {problems[:10]}"


def test_catalogues_contain_every_marked_message(tmp_path):
    """makemessages, run in a scratch copy of the code, finds nothing the catalogue lacks."""
    root = LOCALE.parent
    copy = tmp_path / "project"
    shutil.copytree(
        root,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "node_modules", ".git", "test-artifacts", "media", "*.sqlite3"
        ),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fi", "--ignore=tests", "-v0"],
        cwd=copy,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "toolkit.settings.test"},
    )
    assert result.returncode == 0, result.stderr
    with open(LOCALE / "fi" / "LC_MESSAGES" / "django.po", "rb") as handle:
        committed = {m.id for m in read_po(handle) if m.id}
    with open(copy / "locale" / "fi" / "LC_MESSAGES" / "django.po", "rb") as handle:
        found = {m.id for m in read_po(handle) if m.id}
    missing = sorted(map(str, found - committed))
    assert not missing, f"run makemessages: {len(missing)} messages missing, e.g. {missing[:10]}"
