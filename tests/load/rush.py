"""The round-closing rush, against a running site on loopback (`make prod`, or the test servers).

    python -m tests.load.rush --base http://127.0.0.1:8000 --base http://127.0.0.1:8001 \\
        --sessions rush.json --browsers 50 --seconds 120

Each employee of `manage.py seed_rush` (already signed in) opens the answer form, saves a draft
with half the questions, then submits them all, starting at a random moment of the period; 50
others meanwhile browse guides and courses, reading each page for 1–3 s. It stops by itself at the end of the
period and prints requests per second, p50/p95/p99, errors, and how many submits were accepted.
Requests alternate between the --base servers, as behind a load balancer.

Each request carries an X-Request-Id; with --server-log (the app servers' access logs, `make prod`
with ACCESS_LOG_DIR) the report puts the servers' own times beside the client's, and the time
each request spent outside the server. The generator's own lag (how late a 10 ms sleep of its
wakes up on the shared cores) is measured throughout."""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import random
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util import Retry

from tests.load.server_log import log_offsets, percentile, server_report, server_times, spread

QUESTION = re.compile(r'name="(s\d+)"')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
BROWSED = ["/fi/", "/fi/oppaat/", "/fi/kurssit/", "/fi/search/?q=kohtaaminen", "/sv/"]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    by_label: dict[str, list[float]] = field(default_factory=dict)
    by_request_id: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    accepted: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    numbers: itertools.count = field(default_factory=itertools.count)

    def request_id(self, label: str) -> str:
        return f"{label}-{next(self.numbers)}"

    def record(
        self, label: str, seconds: float, problem: str | None = None, request_id: str = ""
    ) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.by_label.setdefault(label, []).append(seconds)
            if request_id:
                self.by_request_id[request_id] = seconds
            if problem:
                self.errors.append(problem)


def _timed(tally: Tally, send, expected: tuple[int, ...], label: str):
    """`send(headers)` makes the request; timed, checked and recorded under a new request id."""
    request_id = tally.request_id(label)
    start = time.perf_counter()
    try:
        response = send({"X-Request-Id": request_id})
    except requests.RequestException as error:
        problem = f"{label}: {type(error).__name__}"
        tally.record(label, time.perf_counter() - start, problem, request_id)
        return None
    problem = None if response.status_code in expected else f"{label}: {response.status_code}"
    tally.record(label, time.perf_counter() - start, problem, request_id)
    return response if problem is None else None


class LagProbe(threading.Thread):
    """How late the load generator's own threads wake: a 10 ms sleep, over and over. A late
    wake is time the generator adds to the requests it times, not the server's."""

    def __init__(self, until: float) -> None:
        super().__init__(daemon=True)
        self.until = until
        self.lags: list[float] = []

    def run(self) -> None:
        while time.monotonic() < self.until:
            start = time.perf_counter()
            time.sleep(0.01)
            self.lags.append(max(0.0, time.perf_counter() - start - 0.01))


def employee(bases, round_id: int, session_key: str, start_at: float, tally: Tally) -> None:
    time.sleep(max(0.0, start_at - time.monotonic()))
    base = random.choice(bases)
    url = f"{base}/fi/assessments/rounds/{round_id}/answer/"
    cookies = {"sessionid": session_key}
    form = _timed(
        tally,
        lambda headers: requests.get(url, cookies=cookies, headers=headers, timeout=30),
        (200,),
        "form",
    )
    if form is None:
        return
    # The cookies are Secure; a client on plain HTTP must hand them on itself.
    cookies["csrftoken"] = form.cookies.get("csrftoken") or ""
    token = TOKEN.search(form.text).group(1)
    questions = QUESTION.findall(form.text)
    answers = {q: str(random.randint(1, 5)) for q in dict.fromkeys(questions)}
    common = {"csrfmiddlewaretoken": token, "role": "staff"}
    headers = {"Referer": url}
    half = dict(list(answers.items())[: len(answers) // 2])
    for action, data, label in (("save", half, "draft"), ("submit", answers, "submit")):
        time.sleep(random.uniform(0.5, 2.0))  # reading and choosing
        base = random.choice(bases)
        url = f"{base}/fi/assessments/rounds/{round_id}/answer/"
        sent = _timed(
            tally,
            lambda ids, url=url, data=data, action=action: requests.post(
                url,
                data={**common, **data, "action": action},
                cookies=cookies,
                headers={**headers, **ids, "Referer": url},
                allow_redirects=False,
                timeout=30,
            ),
            (302,),
            label,
        )
        if sent is None:
            return
    with tally.lock:
        tally.accepted += 1


def browser(bases, until: float, tally: Tally) -> None:
    pages = itertools.cycle(random.sample(BROWSED, len(BROWSED)))
    session = requests.Session()
    # As a browser does: a GET whose kept-alive connection the server closed just then is sent
    # once more on a new one. A server that fails fails the retry too.
    retry_once = HTTPAdapter(max_retries=Retry(total=1, connect=1, read=1, status=0, redirect=0))
    session.mount("http://", retry_once)
    while time.monotonic() < until:
        url = random.choice(bases) + next(pages)
        _timed(
            tally,
            lambda headers, url=url: session.get(url, headers=headers, timeout=30),
            (200,),
            "browse",
        )
        time.sleep(random.uniform(1.0, 3.0))  # reading the page


def run(
    bases: list[str], rush: dict, browsers: int, seconds: float, server_logs: list[Path] = ()
) -> dict:
    tally = Tally()
    offsets = log_offsets(server_logs)
    began = time.monotonic()
    until = began + seconds
    lag = LagProbe(until)
    lag.start()
    workers = [
        threading.Thread(
            target=employee,
            args=(bases, rush["round"], key, began + random.uniform(0, seconds * 0.6), tally),
        )
        for key in rush["sessions"]
    ] + [threading.Thread(target=browser, args=(bases, until, tally)) for _ in range(browsers)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=seconds + 120)
    elapsed = time.monotonic() - began
    times = sorted(tally.latencies)
    report = {
        "requests": len(times),
        "seconds": round(elapsed, 1),
        "requests_per_second": round(len(times) / elapsed, 1),
        "p50_ms": percentile(times, 0.5),
        "p95_ms": percentile(times, 0.95),
        "p99_ms": percentile(times, 0.99),
        "errors": len(tally.errors),
        "error_examples": sorted(set(tally.errors))[:10],
        "employees": len(rush["sessions"]),
        "accepted_submits": tally.accepted,
        # Where the time goes: the same figures for each kind of request.
        "by_request": {
            label: {
                "requests": len(found),
                "p50_ms": percentile(sorted(found), 0.5),
                "p95_ms": percentile(sorted(found), 0.95),
                "p99_ms": percentile(sorted(found), 0.99),
            }
            for label, found in sorted(tally.by_label.items())
        },
        "generator_lag": spread(lag.lags),
    }
    if server_logs:
        time.sleep(0.5)  # the last lines reach the files
        report["server"] = server_report(server_times(offsets), tally.by_request_id)
    return report


def stored(database_url: str, round_id: int) -> dict[str, int]:
    """Sealed responses and participations of the rush round, counted in the database."""
    import psycopg

    with psycopg.connect(database_url) as database:
        responses, participations = database.execute(
            "SELECT (SELECT count(*) FROM assessments_sealedresponse WHERE round_id = %s),"
            " (SELECT count(*) FROM assessments_participation WHERE round_id = %s)",
            (round_id, round_id),
        ).fetchone()
    return {"stored_responses": responses, "stored_participations": participations}


def report_markdown(report: dict, *, browsers: int, servers: int) -> str:
    """The load section of docs/performance.md."""
    lines = [
        "## Load test: the round-closing rush",
        "",
        f"{report['employees']} signed-in employees each open the answer form, save a draft and",
        f"submit, during a {report['seconds']:.0f} s run in which {browsers} others browse guides,",
        f"courses and search (1-3 s per page), against {servers} app servers of `make prod`, with",
        f"the load generator on the same machine. Measured {datetime.date.today():%Y-%m-%d}.",
        "",
        "| requests | requests/s | p50 ms | p95 ms | p99 ms | errors | submits accepted "
        "| responses stored |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {report['requests']:,} | {report['requests_per_second']} | {report['p50_ms']} "
        f"| {report['p95_ms']} | {report['p99_ms']} | {report['errors']} "
        f"| {report['accepted_submits']} | {report.get('stored_responses', 'not counted')} |",
        "",
        "| request | requests | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|",
        *(
            f"| {label} | {row['requests']:,} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} |"
            for label, row in report.get("by_request", {}).items()
        ),
    ]
    if server := report.get("server"):
        lines += [
            "",
            "The same requests as the app servers logged them (their own time, from the request",
            "read to the response sent), and what each spent outside the server (queued for a",
            "worker thread, or waiting in the load generator on the shared cores):",
            "",
            "| request | requests | p50 ms | p95 ms | p99 ms | max ms |",
            "|---|---:|---:|---:|---:|---:|",
            *(
                f"| {label} | {row['requests']:,} | {row['p50_ms']} | {row['p95_ms']} "
                f"| {row['p99_ms']} | {row['max_ms']} |"
                for label, row in [
                    ("all, server", server),
                    *((f"{k}, server", v) for k, v in server["by_request"].items()),
                    ("all, outside the server", server["outside_server"]),
                ]
            ),
        ]
    if lag := report.get("generator_lag"):
        lines += [
            "",
            f"The load generator's own lag (a 10 ms sleep waking late): p50 {lag['p50_ms']} ms, "
            f"p99 {lag['p99_ms']} ms, max {lag['max_ms']} ms.",
        ]
    lines += [
        "",
        "Targets: p95 under 500 ms, p99 under 1 s, no errors, every accepted submit stored.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", action="append", required=True)
    parser.add_argument("--sessions", required=True, help="the file seed_rush wrote")
    parser.add_argument("--browsers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--database-url", help="count the stored responses afterwards")
    parser.add_argument(
        "--server-log",
        action="append",
        type=Path,
        default=[],
        help="an app server's access log (make prod with ACCESS_LOG_DIR): its own times",
    )
    parser.add_argument(
        "--write", type=Path, help="put the figures in this file (its load section)"
    )
    args = parser.parse_args()
    with open(args.sessions) as file:
        rush = json.load(file)
    report = run(args.base, rush, args.browsers, args.seconds, args.server_log)
    if args.database_url:
        report.update(stored(args.database_url, rush["round"]))
    if args.write:
        from toolkit.report_sections import section_write

        markdown = report_markdown(report, browsers=args.browsers, servers=len(args.base))
        section_write(args.write, "load", markdown)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
