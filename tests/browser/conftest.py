"""Browser tests: Playwright driving Debian's Chromium against the live test server, with
axe-core injected into each page and the W3C Nu HTML Checker run on every page the browser
loads. Every test here is marked `browser`."""

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from functools import cache
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from playwright.sync_api import Browser, Page, sync_playwright

from toolkit import demo

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
VNU_JAR = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
# The Wagtail admin is Wagtail's HTML, not ours: its pages get axe (where a test calls it) but
# not the validator, whose findings there we could not fix.
NOT_VALIDATED = ("/cms/",)
PHONE = {"width": 360, "height": 780}


@cache
def AXE_SOURCE() -> str:  # noqa: N802 - read once, used like a constant
    return AXE_SCRIPT.read_text()


DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Browser:
    assert Path(CHROMIUM).exists(), "Debian's Chromium is missing: apt-get install -y chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class NuValidator:
    """The Nu HTML Checker (vnu.jar) as one local HTTP service for the test session.

    Java and the checker's schemas take 5 s of CPU to start and 2 s for each command-line run,
    while the running service checks a page in a few milliseconds; so it starts once, in the
    background when the first browser test begins, and each test sends the pages it visited."""

    def __init__(self) -> None:
        assert VNU_JAR.exists(), "vnu.jar is missing: run npm ci"
        java = shutil.which("java")
        assert java, (
            "Java (17 or later) is missing for the Nu HTML Checker: apt-get install -y default-jre-headless"
        )
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log = ARTIFACTS / f"vnu-{self.port}.log"
        ARTIFACTS.mkdir(exist_ok=True)
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [java, "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", str(VNU_JAR)]
                + ["nu.validator.servlet.Main", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.ready = False

    def _wait_until_ready(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while not self.ready:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"The Nu HTML Checker did not start: see {self.log}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5):
                    self.ready = True
            except OSError:
                time.sleep(0.2)

    def errors(self, html: str) -> list[dict]:
        """The checker's errors (not its warnings) in one HTML document."""
        self._wait_until_ready()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/?out=json",
            data=html.encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own http URL
            messages = json.load(response)["messages"]
        return [m for m in messages if m["type"] != "info"]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def nu_validator() -> NuValidator:
    validator = NuValidator()
    yield validator
    validator.stop()


def record_documents(monkeypatch) -> list[tuple[str, str]]:
    """Keep the HTML of every page the browser navigates to (the live server runs in this
    process): the server's bytes as sent, before any script changes the DOM."""
    documents: list[tuple[str, str]] = []
    get_response = WSGIHandler.get_response

    def recording(handler, request):
        response = get_response(handler, request)
        if (
            request.headers.get("Sec-Fetch-Dest") == "document"
            and not request.path.startswith(NOT_VALIDATED)
            and response.get("Content-Type", "").startswith("text/html")
            and not response.streaming
            and response.content
        ):
            documents.append((request.get_full_path(), response.content.decode(response.charset)))
        return response

    monkeypatch.setattr(WSGIHandler, "get_response", recording)
    return documents


def html_errors(validator: NuValidator, documents: list[tuple[str, str]]) -> list[str]:
    """Each checker error on the recorded pages, as `path line: message (extract)`."""
    found, seen = [], set()
    for path, html in documents:
        if html in seen:
            continue
        seen.add(html)
        for error in validator.errors(html):
            where = f"{path} line {error.get('lastLine', '?')}"
            found.append(f"{where}: {error['message']}  «{error.get('extract', '').strip()}»")
    return found


@pytest.fixture
def page(browser: Browser, live_server, nu_validator, monkeypatch) -> Page:
    """A fresh browser tab on the live server. The site's Content-Security-Policy is enforced
    as in production: any violation the browser reports fails the test. So does any error the
    Nu HTML Checker finds in a page the tab loaded (outside the Wagtail admin)."""
    documents = record_documents(monkeypatch)
    context = browser.new_context(
        base_url=live_server.url, locale="fi-FI", viewport=DESKTOP, reduced_motion="reduce"
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)
    errors = html_errors(nu_validator, documents)
    assert not errors, "Nu HTML Checker errors:\n" + "\n".join(errors)


@pytest.fixture
def demo_site(transactional_db):
    """The demo organisation, logins and home pages, as `make run` loads them."""
    from cms.demo import seed_demo_pages

    accounts = demo.seed_demo_organisation()
    seed_demo_pages()
    return accounts


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules and best practices) on the page as it is now."""
    # Evaluated through the DevTools protocol, which the page's CSP does not govern; a <script>
    # tag with the code inline would be refused by script-src 'self'.
    page.wait_for_load_state()  # a page still loading after a click has no document to check
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}
        })"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n{json.dumps(violations, indent=1)}"


def screenshot(page: Page, name: str) -> None:
    """Keep a desktop and a phone screenshot of the page for a human look (test-artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    size = page.viewport_size
    page.screenshot(path=str(ARTIFACTS / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(ARTIFACTS / f"{name}-phone.png"), full_page=True)
    page.set_viewport_size(size)


def login(page: Page, email: str, password: str = demo.DEMO_PASSWORD, language: str = "fi") -> None:
    page.goto(f"/{language}/accounts/login/")
    labels = {"fi": "Sähköposti", "sv": "E-post", "en": "E-mail"}
    page.get_by_label(labels[language], exact=False).first.fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")
