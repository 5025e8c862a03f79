"""The load test's reading of the app servers' access logs (tests/load/server_log.py), on lines
in the format toolkit/prod/gunicorn.conf.py gives gunicorn."""

import runpy
from pathlib import Path

from tests.load.server_log import (
    log_offsets,
    parse_line,
    percentile,
    server_report,
    server_times,
    spread,
)

ROOT = Path(__file__).resolve().parents[2]


def _line(request_id: str, microseconds: int, *, path="/fi/", method="GET", status=200) -> str:
    return (
        f'127.0.0.1 - - [03/Dec/2026:18:00:00 +0000] "{method} {path} HTTP/1.1" {status} 5120 '
        f'"http://127.0.0.1:8150/fi/" "python-requests/2.32" "{request_id}" {microseconds}\n'
    )


def test_the_gunicorn_format_ends_with_the_request_id_and_the_microseconds():
    settings = runpy.run_path(str(ROOT / "toolkit/prod/gunicorn.conf.py"))
    assert settings["access_log_format"].endswith('"%({x-request-id}i)s" %(D)s')


def test_a_line_gives_its_request_time_id_and_kind():
    entry = parse_line(_line("form-17", 123_456, path="/fi/assessments/rounds/3/answer/"))
    assert entry.request_id == "form-17" and entry.label == "form"
    assert (entry.method, entry.path, entry.status) == (
        "GET",
        "/fi/assessments/rounds/3/answer/",
        200,
    )
    assert entry.seconds == 0.123456
    assert parse_line(_line("-", 900)).label == "other"
    # A request id with dashes keeps all but the number.
    assert parse_line(_line("client-post-4", 1)).label == "client-post"


def test_lines_that_are_not_access_lines_are_passed_over():
    assert parse_line("[2026-12-03 18:00:00 +0000] [12] [ERROR] Worker timeout\n") is None
    assert parse_line("") is None
    assert parse_line(_line("form-1", 5)[:40]) is None  # torn at the end of the file
    # A hostile user agent with quotes does not move the fields read from the end.
    hostile = _line("form-2", 700).replace("python-requests/2.32", 'evil" "x" 99')
    assert parse_line(hostile).seconds == 0.0007


def test_only_the_lines_after_the_start_are_read(tmp_path):
    first, second = tmp_path / "access-1.log", tmp_path / "access-2.log"
    first.write_text(_line("browse-0", 1000))
    offsets = log_offsets([first, second])  # the second server has not written yet
    assert offsets == {first: first.stat().st_size, second: 0}
    second.write_text(_line("browse-2", 3000) + "garbage\n")
    with open(first, "a") as log:
        log.write(_line("browse-1", 2000))
    assert sorted(entry.request_id for entry in server_times(offsets)) == ["browse-1", "browse-2"]


def test_percentiles_by_nearest_rank_in_milliseconds():
    times = [n / 1000 for n in range(1, 101)]  # 1..100 ms
    assert (percentile(times, 0.5), percentile(times, 0.95), percentile(times, 0.99)) == (
        51,
        96,
        100,
    )
    assert percentile([], 0.5) == 0
    assert spread([0.2, 0.1]) == {
        "requests": 2,
        "p50_ms": 200,
        "p95_ms": 200,
        "p99_ms": 200,
        "max_ms": 200,
    }


def test_the_server_report_sets_server_time_beside_the_clients():
    entries = [
        parse_line(_line("form-0", 50_000)),
        parse_line(_line("browse-1", 20_000)),
        parse_line(_line("browse-2", 30_000)),
        parse_line(_line("-", 10_000)),  # not the generator's (a health check)
    ]
    client = {"form-0": 2.05, "browse-1": 0.025, "browse-2": 0.03, "browse-3": 0.5}
    report = server_report(entries, client)
    assert report["requests"] == 3 and report["unmatched_client_requests"] == 1
    assert report["by_request"]["form"]["p50_ms"] == 50
    assert report["by_request"]["browse"]["requests"] == 2
    # The form's 2 s were spent outside the server.
    assert report["outside_server"]["max_ms"] == 2000
    assert report["slowest"][0] == {"request": "GET /fi/", "client_ms": 2050, "server_ms": 50}
