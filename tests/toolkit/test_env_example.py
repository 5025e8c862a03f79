"""`.env.example` names every variable the settings read from the environment, and nothing else:
a newcomer (or an operator) finds each one there, with its default and a line saying what it is.
The reads are found with `ast` in toolkit/settings/*.py (django-environ's `env(...)`,
`env.bool(...)` and the like) and in gunicorn's configuration (`os.environ.get`)."""

import ast
import re

from tests.toolkit.processes import ROOT

SOURCES = [
    *sorted((ROOT / "toolkit" / "settings").glob("*.py")),
    ROOT / "toolkit/prod/gunicorn.conf.py",
]
# Read from the environment by django-storages itself (production.py says so), not by our code.
READ_BY_LIBRARIES = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}
# `NAME=value`, or `# NAME=value` for one whose default differs by settings module.
LISTED = re.compile(r"^(?:#\s*)?([A-Z][A-Z0-9_]*)=", re.MULTILINE)


def _is_env_read(call: ast.Call) -> bool:
    function = call.func
    if isinstance(function, ast.Name):  # env("NAME", ...)
        return function.id == "env"
    if not isinstance(function, ast.Attribute):
        return False
    owner = function.value
    if isinstance(owner, ast.Name):  # env.bool("NAME"), os.getenv("NAME")
        return owner.id == "env" or (owner.id == "os" and function.attr == "getenv")
    # os.environ.get("NAME", ...)
    return isinstance(owner, ast.Attribute) and owner.attr == "environ" and function.attr == "get"


def names_read() -> set[str]:
    names = set()
    for source in SOURCES:
        for node in ast.walk(ast.parse(source.read_text(), filename=str(source))):
            if isinstance(node, ast.Call) and _is_env_read(node) and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names.add(first.value)
            elif (  # os.environ["NAME"]
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "environ"
                and isinstance(node.slice, ast.Constant)
            ):
                names.add(node.slice.value)
    return names


def names_listed() -> list[str]:
    return LISTED.findall((ROOT / ".env.example").read_text())


def test_the_reader_finds_the_settings_reads():
    """The walk itself works: it sees reads of each kind the settings use."""
    read = names_read()
    assert {"SECRET_KEY", "DEBUG", "DATABASE_URL", "MEDIA_ROOT", "ALLOWED_HOSTS"} <= read
    assert {"EMAIL_PORT", "SECURE_SSL_REDIRECT", "WEB_CONCURRENCY"} <= read


def test_env_example_lists_every_variable_the_settings_read():
    missing = names_read() - set(names_listed())
    assert not missing, f"read by the settings but not in .env.example: {sorted(missing)}"


def test_env_example_lists_nothing_the_settings_do_not_read():
    unread = set(names_listed()) - names_read() - READ_BY_LIBRARIES
    assert not unread, f"in .env.example but read by nothing: {sorted(unread)}"


def test_env_example_names_each_variable_once_with_a_comment_above():
    lines = (ROOT / ".env.example").read_text().splitlines()
    listed = names_listed()
    assert len(listed) == len(set(listed)), "a variable is listed twice"
    for number, line in enumerate(lines):
        if LISTED.match(line):
            above = lines[number - 1]
            assert above.startswith("#") and not LISTED.match(above), (
                f"{line.split('=')[0]} has no comment line above it"
            )
