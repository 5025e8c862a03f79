"""The client-feedback rush, against a running site on loopback (`make prod`): clients answer at
one unit's public link, by the public form's contract (docs: the feedback app's /p/<code>/).

    python -m tests.load.client_rush --base http://127.0.0.1:8000 --base http://127.0.0.1:8001 \\
        --code <the unit's link code> --rate 100 --seconds 60 --database-url $DATABASE_URL

`--rate` clients a second each POST one answer (no GET first, no cookie, no CSRF token, as the
contract says), from an address of their own sent in X-Forwarded-For (all load comes from
127.0.0.1, the trusted proxy: toolkit.client_address). One client in every `--rate` is the same
flooding address, which the per-address rate limit must refuse with 429 after its first few; the
spread clients must all pass. It reports p50/p95/p99, errors, answers accepted (303 to the
thanks page) and stored (SealedClientAnswer rows added for the unit), and the 429s of each."""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import itertools
import json
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.load.server_log import log_offsets, server_report, server_times, spread

VALUE_KEYS = ["dignity", "client_centredness", "equality", "trust", "empathy"]
FLOOD_ADDRESS = "203.0.113.66"  # one address, over and over (TEST-NET-3)
BETTER = ["Jonot ovat pitkiä.", "Kiitos ystävällisestä kohtelusta!", "Vastatkaa puhelimeen."]


def spread_address(n: int) -> str:
    """A client address of its own for the n-th client (198.18.0.0/15, for benchmarks)."""
    return f"198.{18 + (n >> 16) % 2}.{(n >> 8) & 255}.{n & 255}"


def answer_fields(rng: random.Random) -> dict[str, str]:
    """One answer by the contract: each field optional, mostly filled in."""
    data = {"website": "", "lang": rng.choice(["fi", "fi", "fi", "sv", "en"])}
    for key in VALUE_KEYS:
        if rng.random() < 0.97:
            data[f"score_{key}"] = rng.choice(["1", "2", "3", "4", "4", "5", "5", "cant_say"])
    if rng.random() < 0.9:
        data["recommend"] = str(rng.randint(0, 10))
    if rng.random() < 0.1:
        data["better"] = rng.choice(BETTER)
    return data


@dataclass
class ClientTally:
    latencies: list[float] = field(default_factory=list)
    by_request_id: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    accepted: dict[str, int] = field(default_factory=lambda: {"spread": 0, "flood": 0})
    refused: dict[str, int] = field(default_factory=lambda: {"spread": 0, "flood": 0})
    lock: threading.Lock = field(default_factory=threading.Lock)


def outcome(response: requests.Response, code: str) -> str:
    """ "accepted", "refused" or what was wrong, by the contract."""
    if response.cookies or "set-cookie" in response.headers:
        return f"{response.status_code} set a cookie"
    if response.status_code == 303:
        location = response.headers.get("Location", "")
        if location.endswith(f"/p/{code}/thanks/"):
            return "accepted"
        return f"303 to {location[:60]}"
    if response.status_code == 429:
        return "refused"
    return str(response.status_code)


def client(base: str, code: str, address: str, kind: str, n: int, tally: ClientTally) -> None:
    request_id = f"client-{n}"
    data = answer_fields(random.Random(n))
    start = time.perf_counter()
    try:
        response = requests.post(
            f"{base}/p/{code}/",
            data=data,
            headers={"X-Forwarded-For": address, "X-Request-Id": request_id},
            allow_redirects=False,
            timeout=30,
        )
        result = outcome(response, code)
    except requests.RequestException as error:
        result = type(error).__name__
    seconds = time.perf_counter() - start
    with tally.lock:
        tally.latencies.append(seconds)
        tally.by_request_id[request_id] = seconds
        if result == "accepted":
            tally.accepted[kind] += 1
        elif result == "refused":
            tally.refused[kind] += 1
        else:
            tally.errors.append(result)


def run(
    bases: list[str],
    code: str,
    *,
    rate: float = 100,
    seconds: float = 60,
    server_logs: list[Path] = (),
    threads: int = 64,
) -> dict:
    """`rate` clients a second for `seconds`, alternating between the servers."""
    tally = ClientTally()
    offsets = log_offsets(server_logs)
    began = time.monotonic()
    total = int(rate * seconds)
    flood_every = max(1, int(rate))
    servers = itertools.cycle(bases)
    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        for n in range(total):
            time.sleep(max(0.0, began + n / rate - time.monotonic()))
            kind = "flood" if n % flood_every == flood_every - 1 else "spread"
            address = FLOOD_ADDRESS if kind == "flood" else spread_address(n)
            pool.submit(client, next(servers), code, address, kind, n, tally)
    elapsed = time.monotonic() - began
    report = {
        "clients": total,
        "seconds": round(elapsed, 1),
        "answers_per_second": round(total / elapsed, 1),
        **{k: v for k, v in spread(tally.latencies).items() if k != "requests"},
        "errors": len(tally.errors),
        "error_examples": sorted(set(tally.errors))[:10],
        "accepted": sum(tally.accepted.values()),
        "accepted_by_kind": tally.accepted,
        "refused_429": tally.refused,
        # As they should be: the flood refused after its first few, the spread clients never.
        "refusals_as_expected": tally.refused["spread"] == 0 and tally.refused["flood"] > 0,
    }
    if server_logs:
        time.sleep(0.5)
        report["server"] = server_report(server_times(offsets), tally.by_request_id)
    return report


def sealed_count(database_url: str, code: str) -> int:
    """The sealed answers waiting for the unit of the link `code`."""
    import psycopg

    with psycopg.connect(database_url) as database:
        return database.execute(
            "SELECT count(*) FROM feedback_sealedclientanswer"
            " WHERE unit_id = (SELECT unit_id FROM feedback_feedbacklink WHERE code = %s)",
            (code,),
        ).fetchone()[0]


def report_markdown(report: dict, *, servers: int) -> str:
    """The client rush's part of the load section of docs/performance.md."""
    lines = [
        "## Load test: the client-feedback rush",
        "",
        f"{report['clients']:,} clients in {report['seconds']:.0f} s "
        f"({report['answers_per_second']} a second) each POST one answer to one unit's public",
        f"link across {servers} app servers of `make prod`, each from an address of its own",
        "(X-Forwarded-For from the trusted proxy, 127.0.0.1), one in a hundred from one flooding",
        f"address. Measured {datetime.date.today():%Y-%m-%d}.",
        "",
        "| answers | p50 ms | p95 ms | p99 ms | errors | accepted | stored "
        "| 429 flood | 429 spread |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {report['clients']:,} | {report['p50_ms']} | {report['p95_ms']} | {report['p99_ms']} "
        f"| {report['errors']} | {report['accepted']:,} "
        f"| {report.get('stored', 'not counted'):,} | {report['refused_429']['flood']} "
        f"| {report['refused_429']['spread']} |",
    ]
    if server := report.get("server"):
        lines += [
            "",
            f"The servers' own time: p50 {server['p50_ms']} ms, p95 {server['p95_ms']} ms, "
            f"p99 {server['p99_ms']} ms.",
        ]
    lines += [
        "",
        "Targets: p95 under 300 ms, no errors, every accepted answer stored, the flood refused"
        " and no spread client.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", action="append", required=True)
    parser.add_argument("--code", required=True, help="the unit's public link code (/p/<code>/)")
    parser.add_argument("--rate", type=float, default=100, help="clients a second")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--database-url", help="count the stored answers")
    parser.add_argument("--server-log", action="append", type=Path, default=[])
    parser.add_argument("--write", type=Path, help="put the figures in this file")
    args = parser.parse_args()
    before = sealed_count(args.database_url, args.code) if args.database_url else None
    report = run(
        args.base, args.code, rate=args.rate, seconds=args.seconds, server_logs=args.server_log
    )
    if args.database_url:
        report["stored"] = sealed_count(args.database_url, args.code) - before
        report["all_accepted_stored"] = report["stored"] == report["accepted"]
    if args.write:
        from toolkit.report_sections import section_write

        section_write(args.write, "client-load", report_markdown(report, servers=len(args.base)))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
