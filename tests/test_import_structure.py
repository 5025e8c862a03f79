"""The code's shape, checked on every run: no import circle between the project's modules and no
module that is mostly prose. The import graph comes from grimp (import-linter's engine), which
reads every import of a module, those inside functions included, so a lazy import cannot hide a
circle."""

from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = sorted(
    p.name for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name != "tests"
)


@pytest.fixture(scope="module")
def imports() -> dict[str, set[str]]:
    """Each project module (migrations apart: they are history) with the project modules it
    imports."""
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    modules = {m for m in graph.modules if ".migrations" not in m}
    return {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_circle_finder_finds_a_circle_and_passes_a_line():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_graph_covers_every_app():
    assert {"toolkit", "assessments", "learning", "cms"} <= set(PACKAGES)


def test_no_import_circle_between_the_projects_modules(imports):
    assert circles(imports) == []


def is_text(line: str) -> bool:
    """A line that is (part of) a string literal or a bracket around one."""
    return line.startswith(('"', "'", 'f"', "(", ")")) or line.endswith(('",', '"'))


def test_no_module_is_mostly_prose():
    """Texts belong in data files a translator can edit, not in Python strings."""
    prose = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            strings = sum(1 for line in lines if is_text(line.strip()))
            if len(lines) > 200 and strings / len(lines) > 0.6:
                prose.append(str(path.relative_to(ROOT)))
    assert prose == []
