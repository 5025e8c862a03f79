"""docs/performance.md has two writers, `make bench` and the full load test: each replaces only
its own section (between `<!-- name -->` and `<!-- /name -->`) and leaves the other's figures."""

from __future__ import annotations

from pathlib import Path

HEADER = (
    "# Performance\n\n"
    'The latest figures of `make bench` and of the full load test (README, "Load test"). Each\n'
    "section is written by its tool; do not edit them by hand.\n"
)


def section_write(path: Path, name: str, body: str) -> None:
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    block = f"{start}\n{body.strip()}\n{end}"
    text = path.read_text() if path.exists() else HEADER
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1]
    else:
        text = f"{text.rstrip()}\n\n{block}\n"
    path.write_text(text)
