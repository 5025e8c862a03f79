"""The app servers' own times, read from their access logs (toolkit/prod/gunicorn.conf.py writes
each request's X-Request-Id and its time in microseconds last on the line), beside the load
generator's: what the server spent, and what the request waited outside it (in the listen
queue, for a free thread, or in the load generator itself on the shared cores)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

LINE = re.compile(
    r'"(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) .* '
    r'"(?P<request_id>[^"]*)" (?P<microseconds>\d+)$'
)


@dataclass(frozen=True)
class ServerTime:
    request_id: str  # "-" when the request had none
    method: str
    path: str
    status: int
    seconds: float

    @property
    def label(self) -> str:
        """The kind of request the load generator named in its id ("form-17" → "form")."""
        return self.request_id.rsplit("-", 1)[0] if self.request_id != "-" else "other"


def parse_line(line: str) -> ServerTime | None:
    """One access log line, or None when it is not one (an error log line, a torn write)."""
    found = LINE.search(line.rstrip("\n"))
    if not found:
        return None
    return ServerTime(
        request_id=found["request_id"],
        method=found["method"],
        path=found["path"],
        status=int(found["status"]),
        seconds=int(found["microseconds"]) / 1_000_000,
    )


def log_offsets(paths: Iterable[Path]) -> dict[Path, int]:
    """Where each log ends now: the run reads only what comes after."""
    return {Path(path): Path(path).stat().st_size if Path(path).exists() else 0 for path in paths}


def server_times(offsets: dict[Path, int]) -> list[ServerTime]:
    """The requests logged since `offsets` (log_offsets at the start of the run)."""
    found = []
    for path, offset in offsets.items():
        with open(path, "rb") as log:
            log.seek(offset)
            for raw in log:
                if entry := parse_line(raw.decode("utf-8", "replace")):
                    found.append(entry)
    return found


def percentile(times: Iterable[float], share: float) -> int:
    """In milliseconds, of times in seconds (the nearest rank); 0 of none."""
    ordered = sorted(times)
    if not ordered:
        return 0
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000)


def spread(times: Iterable[float]) -> dict[str, int]:
    ordered = sorted(times)
    return {
        "requests": len(ordered),
        "p50_ms": percentile(ordered, 0.5),
        "p95_ms": percentile(ordered, 0.95),
        "p99_ms": percentile(ordered, 0.99),
        "max_ms": round(ordered[-1] * 1000) if ordered else 0,
    }


def server_report(entries: list[ServerTime], client_seconds: dict[str, float]) -> dict:
    """The servers' figures of the run's requests (those with an id the generator sent), by
    kind, and for each request the client saw, the time it spent outside the server."""
    ours = [entry for entry in entries if entry.request_id in client_seconds]
    by_label: dict[str, list[float]] = {}
    for entry in ours:
        by_label.setdefault(entry.label, []).append(entry.seconds)
    outside = [max(0.0, client_seconds[entry.request_id] - entry.seconds) for entry in ours]
    slowest = sorted(ours, key=lambda entry: client_seconds[entry.request_id], reverse=True)
    return {
        **spread(entry.seconds for entry in ours),
        "unmatched_client_requests": len(client_seconds) - len(ours),
        "by_request": {label: spread(times) for label, times in sorted(by_label.items())},
        "outside_server": spread(outside),
        # The slowest requests as the client saw them: how much of each the server spent.
        "slowest": [
            {
                "request": f"{entry.method} {entry.path}",
                "client_ms": round(client_seconds[entry.request_id] * 1000),
                "server_ms": round(entry.seconds * 1000),
            }
            for entry in slowest[:10]
        ],
    }
