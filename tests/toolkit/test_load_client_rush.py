"""The client-feedback rush's own logic (tests/load/client_rush.py): answers by the public
form's contract, an address of its own for each spread client, one flooding address, and the
outcome of each answer read by the contract. run() is driven here against a small HTTP server
in this process that answers as the contract says, to check the generator's counting; the
real form is measured by the full load test (README, "Load test")."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import requests

from tests.load.client_rush import (
    FLOOD_ADDRESS,
    VALUE_KEYS,
    answer_fields,
    outcome,
    report_markdown,
    run,
    spread_address,
)


def test_every_spread_client_has_an_address_of_its_own():
    addresses = {spread_address(n) for n in range(6000)}
    assert len(addresses) == 6000 and FLOOD_ADDRESS not in addresses
    assert all(address.startswith(("198.18.", "198.19.")) for address in addresses)


def test_answers_follow_the_public_forms_contract():
    import random

    rng = random.Random(1)
    for _ in range(200):
        data = answer_fields(rng)
        assert data["website"] == "" and data["lang"] in {"fi", "sv", "en"}
        for key in VALUE_KEYS:
            assert data.get(f"score_{key}", "1") in {"1", "2", "3", "4", "5", "cant_say"}
        assert data.get("recommend", "0") in {str(n) for n in range(11)}
        assert len(data.get("better", "")) <= 1000
        assert set(data) <= {"website", "lang", "recommend", "better"} | {
            f"score_{key}" for key in VALUE_KEYS
        }


def _response(status: int, headers: dict) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.headers.update(headers)
    return response


def test_outcomes_are_read_by_the_contract():
    assert outcome(_response(303, {"Location": "/p/abc/thanks/"}), "abc") == "accepted"
    assert outcome(_response(429, {}), "abc") == "refused"
    assert outcome(_response(200, {}), "abc") == "200"  # the form again: it did not take it
    assert outcome(_response(303, {"Location": "/p/abc/"}), "abc").startswith("303 to")
    assert outcome(
        _response(303, {"Location": "/p/abc/thanks/", "Set-Cookie": "csrftoken=x"}), "abc"
    ) == ("303 set a cookie")


class _Contract(BaseHTTPRequestHandler):
    """Answers as the public form's contract: 303 to thanks, 429 for an address seen before."""

    seen: set = set()
    lock = threading.Lock()

    def do_POST(self):
        fields = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        address = self.headers["X-Forwarded-For"]
        with self.lock:
            again = address in self.seen
            self.seen.add(address)
        if again or fields.get("website", [""]) != [""]:
            self.send_response(429)
            self.send_header("Content-Length", "0")
        else:
            self.send_response(303)
            self.send_header("Location", "/p/abc/thanks/")
            self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_run_counts_the_accepted_and_the_refused_of_each_kind():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Contract)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        report = run([base], "abc", rate=10, seconds=2, threads=4)
    finally:
        server.shutdown()
    assert report["clients"] == 20 and report["errors"] == 0, report["error_examples"]
    # Two from the flooding address: the second refused; every spread client passes.
    assert report["accepted_by_kind"] == {"spread": 18, "flood": 1}
    assert report["refused_429"] == {"spread": 0, "flood": 1}
    assert report["refusals_as_expected"] and report["accepted"] == 19
    text = report_markdown({**report, "stored": 19}, servers=1)
    assert "| 20 | " in text and "| 0 | 19 | 19 | 1 | 0 |" in text
