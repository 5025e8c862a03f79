"""The benchmark behind `make bench`: times the pages and PDFs that matter at county scale in one
run, against a bare Django view and a plain Wagtail page on the same data and machine.

Pages are rendered through Django's test client with the whole middleware stack, as the person
who would see them, so the times are the server's own (no network) and each comes with its SQL
query count. `measure()` returns the rows; `performance_markdown()` writes docs/performance.md,
comparing the query counts with those of a run on a smaller data set (`--compare`).

Which pages and PDFs are timed is each app's to say: it registers its rows, the subjects they
need and its figures of the data size from its AppConfig.ready() (`row_register`,
`subjects_register`, `size_register`); this module keeps the timing and the report."""

from __future__ import annotations

import datetime
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.db import connection
from django.db.models import Q
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from toolkit.models import Unit, User
from toolkit.roles import ADMINISTRATORS

BARE, WAGTAIL = "Bare Django view", "Plain Wagtail page"
# While the benchmark runs, the project's URLs and the bare view (not imported here: the apps
# register their rows while Django starts, before the URLs can load).
BENCH_URLCONF = "toolkit.bench_urls"


@dataclass(frozen=True)
class BenchRow:
    """A row the apps register (in their AppConfig.ready()). `plan(subjects)` gives what is
    measured and the call to time; a page is fetched `runs` times under the bench URLconf, other
    work (PDFs) `pdf_runs` times. `cold` runs before each call, outside the timing. A target is
    the most it may take: `ratio_target` times the plain Wagtail page, or `ms_target` ms."""

    name: str
    order: int
    plan: Callable[[dict], tuple[str, Callable[[], object]]]
    page: bool = True
    cold: Callable[[], None] | None = None
    ratio_target: float | None = None
    ms_target: float | None = None


_rows: dict[str, BenchRow] = {}
_subjects_found: list[tuple[int, Callable[[], dict]]] = []
_sizes: list[tuple[int, Callable[[], dict[str, int]]]] = []


def row_register(row: BenchRow) -> None:
    _rows[row.name] = row


def subjects_register(order: int, find: Callable[[], dict]) -> None:
    """`find()` chooses from the data who and what the app's rows time ({name: object}); later
    orders may replace a subject ("person": whom to sign in as on pages anyone may see)."""
    if (order, find) not in _subjects_found:
        _subjects_found.append((order, find))


def size_register(order: int, count: Callable[[], dict[str, int]]) -> None:
    """`count()` gives the app's figures of the data size line ({what: how many})."""
    if (order, count) not in _sizes:
        _sizes.append((order, count))


def bench_rows() -> list[BenchRow]:
    return sorted(_rows.values(), key=lambda row: row.order)


@dataclass
class Row:
    name: str
    what: str
    median_ms: float
    p95_ms: float
    queries: int


def timed(call: Callable[[], object], runs: int, *, cold: Callable[[], None] | None = None):
    """(median ms, p95 ms, SQL queries of the last run) of `runs` calls after one to warm up;
    `cold` runs before each call (outside the timing) to empty what it should not reuse."""
    call()
    times, queries = [], 0
    for _ in range(runs):
        if cold:
            cold()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    times.sort()
    return statistics.median(times), times[round(0.95 * (len(times) - 1))], queries


def timed_line(label: str, call: Callable[[], object], runs: int) -> str:
    """One line of the per-part bench commands (bench_results, bench_overview, bench_learning)."""
    median, p95, queries = timed(call, runs)
    return f"{label}: median {median:.0f} ms, p95 {p95:.0f} ms, {queries} queries"


def signed_in_get(user: User, url: str) -> Callable[[], None]:
    """A call that fetches `url` as `user` (no network) and fails unless the answer is 200."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)

    def get() -> None:
        response = client.get(url)
        assert response.status_code == 200, f"{url}: HTTP {response.status_code}"

    return get


def _subjects() -> dict:
    """Who and what to time, chosen from the data by each app in turn."""
    subjects: dict = {}
    for _order, find in sorted(_subjects_found, key=lambda item: item[0]):
        subjects |= find()
    return subjects


def measure(*, runs: int = 20, pdf_runs: int = 10) -> list[Row]:
    subjects = _subjects()
    rows = []
    for row in bench_rows():
        what, call = row.plan(subjects)
        if row.page:
            with override_settings(ROOT_URLCONF=BENCH_URLCONF):
                rows.append(Row(row.name, what, *timed(call, runs, cold=row.cold)))
        else:
            rows.append(Row(row.name, what, *timed(call, pdf_runs, cold=row.cold)))
    return rows


def data_size() -> dict[str, int]:
    size: dict[str, int] = {}
    for _order, count in sorted(_sizes, key=lambda item: item[0]):
        size |= count()
    return size


def _core_subjects() -> dict:
    """An administrator; also the person to sign in as, until an app names a likelier one."""
    administrator = (
        User.objects.filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS))
        .order_by("pk")
        .first()
    )
    return {"administrator": administrator, "person": administrator}


def _core_size() -> dict[str, int]:
    return {"units": Unit.objects.count(), "people": User.objects.count()}


def register() -> None:
    """The core app's own part: the bare view, the administrator, units and people."""
    row_register(
        BenchRow(
            BARE,
            0,
            lambda s: (
                "an empty answer through all middleware, signed in",
                signed_in_get(s["person"], "/bench/bare/"),
            ),
        )
    )
    subjects_register(0, _core_subjects)
    size_register(0, _core_size)


def row_dicts(rows: list[Row]) -> list[dict]:
    return [asdict(row) for row in rows]


def target_checks(rows: list[Row], compare: list[dict] | None) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for every target of the issue that this run can tell."""
    by_name = {row.name: row for row in rows}
    wagtail = by_name[WAGTAIL].median_ms
    checks = []
    for target in bench_rows():
        if target.ratio_target is not None and target.name in by_name:
            got = by_name[target.name].median_ms / wagtail
            checks.append(
                (
                    f"{target.name} within {target.ratio_target:g}x the plain Wagtail page",
                    f"{got:.1f}x",
                    got <= target.ratio_target,
                )
            )
    for target in bench_rows():
        if target.ms_target is not None and target.name in by_name:
            got = by_name[target.name].median_ms
            checks.append(
                (
                    f"{target.name} under {target.ms_target:,.0f} ms",
                    f"{got:,.0f} ms",
                    got < target.ms_target,
                )
            )
    if compare:
        small = {row["name"]: row["queries"] for row in compare}
        differ = [row.name for row in rows if small.get(row.name) not in (None, row.queries)]
        checks.append(
            (
                "SQL queries equal at both data sizes",
                ", ".join(differ) + " differ" if differ else "all equal",
                not differ,
            )
        )
    return checks


def performance_markdown(
    *, rows: list[Row], size: dict, compare: list[dict] | None, compare_size: dict | None
) -> str:
    wagtail = next(row.median_ms for row in rows if row.name == WAGTAIL)
    small = {row["name"]: row["queries"] for row in compare or []}
    lines = [
        "## Benchmark (`make bench`)",
        "",
        "Each page is rendered through Django's test client with all middleware, as the person",
        "who would see it, so the times are the server's own (no network; the cache in process",
        "memory). PDFs are timed as the Celery task makes and stores them. Median and 95th",
        "percentile of repeated runs after one warm-up run.",
        "",
        f"- Measured: {datetime.date.today():%Y-%m-%d}, {platform.machine()}, "
        f"Python {platform.python_version()}, {connection.vendor} {_server_version()}",
        "- Data: " + ", ".join(f"{value:,} {key}" for key, value in size.items()),
    ]
    if compare_size:
        lines.append(
            "- Smaller data for the query comparison: "
            + ", ".join(f"{value:,} {key}" for key, value in compare_size.items())
        )
    lines += [
        "",
        "| what | measured | median ms | p95 ms | SQL queries | queries, smaller data | × plain Wagtail page |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {row.what} | {row.median_ms:,.0f} | {row.p95_ms:,.0f} | "
            f"{row.queries} | {small.get(row.name, '')} | {row.median_ms / wagtail:.1f} |"
        )
    lines += ["", "### Targets", "", "| target | measured | met |", "|---|---|---|"]
    for target, got, met in target_checks(rows, compare):
        lines.append(f"| {target} | {got} | {'yes' if met else '**no**'} |")
    return "\n".join(lines) + "\n"


def _server_version() -> str:
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0].split()[0]
