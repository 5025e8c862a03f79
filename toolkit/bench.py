"""The benchmark behind `make bench`: times the pages and PDFs that matter at county scale in one
run, against a bare Django view and a plain Wagtail page on the same data and machine.

Pages are rendered through Django's test client with the whole middleware stack, as the person
who would see them, so the times are the server's own (no network) and each comes with its SQL
query count. `measure()` returns the rows; `performance_markdown()` writes docs/performance.md,
comparing the query counts with those of a run on a smaller data set (`--compare`)."""

from __future__ import annotations

import datetime
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import path

from toolkit import urls as project_urls
from toolkit.models import Membership, User
from toolkit.roles import ADMINISTRATORS

BARE, WAGTAIL = "Bare Django view", "Plain Wagtail page"
# name -> (the most it may take: a multiple of the plain Wagtail page, or milliseconds)
RATIO_TARGETS = {"Unit results page": 3.0, "Organisation overview": 10.0}
MS_TARGETS = {"Unit PDF report": 2000.0, "Certificate PDF": 500.0}


@dataclass
class Row:
    name: str
    what: str
    median_ms: float
    p95_ms: float
    queries: int


def bare_view(request):
    """The least a request can cost here: the middleware stack and an empty answer."""
    return HttpResponse("ok", content_type="text/plain")


# While the benchmark runs this module is the URLconf: the project's URLs and the bare view.
urlpatterns = [path("bench/bare/", bare_view), *project_urls.urlpatterns]


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
    """Who and what to time, chosen from the data: the closed round with most responses, its
    unit's supervisor, an administrator, a learner with most enrolments and a certificate."""
    from assessments.models import AssessmentRound
    from cms.models import StandardPage
    from learning.models import Certificate, Enrolment
    from learning.services.progress import certificate_issue

    round = (
        AssessmentRound.objects.filter(status=AssessmentRound.Status.CLOSED)
        .annotate(n=Count("responses"))
        .order_by("-n", "-closes_on", "pk")
        .select_related("unit")
        .first()
    )
    page = StandardPage.objects.live().filter(locale__language_code="fi").order_by("pk").first()
    learner_id = (
        Enrolment.objects.values("user").annotate(n=Count("pk")).order_by("-n", "user")[0]["user"]
    )
    certificate = Certificate.objects.order_by("pk").first()
    if certificate is None:
        completed = Enrolment.objects.filter(completed_at__isnull=False).order_by("pk").first()
        certificate = certificate_issue(enrolment=completed)
    return {
        "round": round,
        "supervisor": User.objects.filter(
            memberships__unit=round.unit, memberships__role=Membership.Role.SUPERVISOR
        ).first(),
        "administrator": User.objects.filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS))
        .order_by("pk")
        .first(),
        "learner": User.objects.get(pk=learner_id),
        "page": page,
        "certificate": certificate,
    }


def measure(*, runs: int = 20, pdf_runs: int = 10) -> list[Row]:
    from assessments.services.report_jobs import report_store
    from learning.reports.certificates import certificate_pdf_store

    s = _subjects()
    round, learner = s["round"], s["learner"]
    results_url = f"/fi/assessments/rounds/{round.pk}/results/"
    plan = [
        (
            BARE,
            "an empty answer through all middleware, signed in",
            signed_in_get(learner, "/bench/bare/"),
        ),
        (
            WAGTAIL,
            f"{s['page'].title} (StandardPage), as a learner",
            signed_in_get(learner, s["page"].url),
        ),
        (
            "Unit results page",
            f"round {round.pk} of {round.unit.code}, as its supervisor",
            signed_in_get(s["supervisor"], results_url),
        ),
        (
            "Organisation overview",
            "all units, first page, as an administrator",
            signed_in_get(s["administrator"], "/fi/assessments/overview/"),
        ),
        (
            "My learning",
            "the learner with most enrolments",
            signed_in_get(learner, "/fi/learning/my/"),
        ),
    ]
    rows = []
    with override_settings(ROOT_URLCONF=__name__):
        for name, what, call in plan:
            rows.append(Row(name, what, *timed(call, runs)))
        rows.append(
            Row(
                "Unit results page, cache emptied",
                "the same, each view after the shared cache is emptied",
                *timed(signed_in_get(s["supervisor"], results_url), runs, cold=cache.clear),
            )
        )
    rows.append(
        Row(
            "Unit PDF report",
            f"round {round.pk}, made and stored (the Celery task's work)",
            *timed(lambda: report_store(round_id=round.pk, language="fi"), pdf_runs),
        )
    )
    rows.append(
        Row(
            "Certificate PDF",
            "one certificate, made and stored (the Celery task's work)",
            *timed(
                lambda: certificate_pdf_store(certificate_id=s["certificate"].pk, language="fi"),
                pdf_runs,
            ),
        )
    )
    return rows


def data_size() -> dict[str, int]:
    from assessments.models import AssessmentRound, Response
    from learning.models import Enrolment
    from toolkit.models import Unit

    return {
        "units": Unit.objects.count(),
        "people": User.objects.count(),
        "rounds": AssessmentRound.objects.count(),
        "responses": Response.objects.count(),
        "enrolments": Enrolment.objects.count(),
    }


def row_dicts(rows: list[Row]) -> list[dict]:
    return [asdict(row) for row in rows]


def target_checks(rows: list[Row], compare: list[dict] | None) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for every target of the issue that this run can tell."""
    by_name = {row.name: row for row in rows}
    wagtail = by_name[WAGTAIL].median_ms
    checks = []
    for name, ratio in RATIO_TARGETS.items():
        got = by_name[name].median_ms / wagtail
        checks.append(
            (f"{name} within {ratio:g}x the plain Wagtail page", f"{got:.1f}x", got <= ratio)
        )
    for name, limit in MS_TARGETS.items():
        got = by_name[name].median_ms
        checks.append((f"{name} under {limit:,.0f} ms", f"{got:,.0f} ms", got < limit))
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
