"""The README's "Map of the code" names every module and package of each app, and nothing that
is not there: a newcomer's first picture of the code stays true as it moves."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("toolkit", "assessments", "learning", "cms", "feedback")
NOT_CODE = {"__init__.py", "__pycache__", "migrations", "static", "templates"}


def map_rows() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Map of the code", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"\| `([a-z_]+)/` \| (.*) \|$", line)
        if match:
            rows[match[1]] = match[2]
    return rows


def named_paths(text: str) -> set[str]:
    """The files (`x.py`) and folders (`x/`) a row names, as it writes them."""
    return {name for name in re.findall(r"`([\w/.]+)`", text) if name.endswith((".py", "/"))}


def test_every_app_has_a_row():
    assert set(APPS) <= set(map_rows())


def test_each_row_names_every_module_and_package_of_its_app():
    missing = []
    for app, text in map_rows().items():
        if app not in APPS:
            continue
        named = {name.split("/")[0] + "/" if "/" in name else name for name in named_paths(text)}
        for entry in (ROOT / app).iterdir():
            if entry.name in NOT_CODE or entry.name.endswith((".pyc", ".md")):
                continue
            name = entry.name + "/" if entry.is_dir() else entry.name
            if name.endswith((".py", "/")) and name not in named:
                missing.append(f"{app}/{name}")
    assert missing == []


def test_every_path_the_map_names_exists():
    absent = []
    for app, text in map_rows().items():
        base = ROOT / app if (ROOT / app).is_dir() else ROOT
        for name in named_paths(text):
            if not (
                (base / name).exists()
                or (ROOT / name).exists()
                or any(base.rglob(name.rstrip("/")))
            ):
                absent.append(f"{app}/{name}")
    assert absent == []
