"""`make bench` (toolkit/bench.py): every page and PDF of the issue is timed in one run, the
report states each target and whether it is met, and the query counts of two runs are compared.
The county-scale figures themselves are in docs/performance.md."""

from io import StringIO

from django.core.management import call_command

from toolkit import bench

NAMES = [
    "Bare Django view",
    "Plain Wagtail page",
    "Unit results page",
    "Unit page",
    "Organisation overview",
    "My learning",
    "Unit results page, cache emptied",
    "Unit PDF report",
    "Certificate PDF",
]


def test_bench_times_every_page_and_writes_the_report(db, tmp_path):
    call_command("seed_demo", stdout=StringIO())
    earlier = tmp_path / "small.json"
    call_command("bench", runs=2, pdf_runs=1, save=earlier, stdout=StringIO())
    report = tmp_path / "performance.md"
    call_command("bench", runs=2, pdf_runs=1, compare=earlier, write=report, stdout=StringIO())
    text = report.read_text()
    for name in NAMES:
        assert f"\n| {name} | " in text, name
    assert "| SQL queries equal at both data sizes | all equal | yes |" in text
    assert "| Unit results page within 2x the plain Wagtail page |" in text
    assert "| Unit page within 3x the plain Wagtail page |" in text
    assert "Data: 12 units" in text


def test_per_part_bench_commands_print_a_line_for_each_page(db):
    call_command("seed_demo", stdout=StringIO())
    printed = {}
    for command in ("bench_overview", "bench_learning"):
        out = StringIO()
        call_command(command, runs=1, stdout=out)
        printed[command] = out.getvalue()
    assert "overview, by name: median" in printed["bench_overview"]
    assert "overview, one area: median" in printed["bench_overview"]
    for label in ("unit training report", "my learning", "course page", "learning analytics"):
        assert f"{label}: median" in printed["bench_learning"], label


def row(name: str, median: float, queries: int = 5) -> bench.Row:
    return bench.Row(name, "", median, median, queries)


def test_targets_missed_are_reported_as_missed():
    rows = [
        row("Plain Wagtail page", 10),
        row("Unit results page", 31, queries=20),
        row("Organisation overview", 49),
        row("Unit PDF report", 2000),
        row("Certificate PDF", 120),
    ]
    smaller = [
        {"name": "Unit results page", "queries": 19},
        {"name": "Certificate PDF", "queries": 5},
    ]
    checks = {target: (got, met) for target, got, met in bench.target_checks(rows, smaller)}
    assert checks["Unit results page within 2x the plain Wagtail page"] == ("3.1x", False)
    assert checks["Organisation overview within 5x the plain Wagtail page"] == ("4.9x", True)
    assert checks["Unit PDF report under 2,000 ms"] == ("2,000 ms", False)
    assert checks["Certificate PDF under 500 ms"] == ("120 ms", True)
    assert checks["SQL queries equal at both data sizes"] == ("Unit results page differ", False)


def test_bench_and_load_test_each_rewrite_only_their_own_section(tmp_path):
    from tests.load.rush import report_markdown
    from toolkit.report_sections import section_write

    path = tmp_path / "performance.md"
    section_write(path, "bench", "## Benchmark\n\nfirst run")
    load = {
        "requests": 3515,
        "seconds": 122.8,
        "requests_per_second": 28.6,
        "p50_ms": 55,
        "p95_ms": 354,
        "p99_ms": 763,
        "errors": 0,
        "employees": 200,
        "accepted_submits": 200,
        "stored_responses": 200,
        "by_request": {"submit": {"requests": 200, "p50_ms": 25, "p95_ms": 64, "p99_ms": 96}},
    }
    section_write(path, "load", report_markdown(load, browsers=50, servers=2))
    section_write(path, "bench", "## Benchmark\n\nsecond run")
    text = path.read_text()
    assert text.startswith("# Performance\n") and text.count("# Performance") == 1
    assert "second run" in text and "first run" not in text
    assert "| 3,515 | 28.6 | 55 | 354 | 763 | 0 | 200 | 200 |" in text
    assert "| submit | 200 | 25 | 64 | 96 |" in text
    assert text.index("<!-- bench -->") < text.index("<!-- load -->")
