"""Browser tests: Playwright driving Debian's Chromium against the live test server, with
axe-core injected into each page. Every test here is marked `browser`."""

import json
import os
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from toolkit import demo

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


@pytest.fixture
def page(browser: Browser, live_server) -> Page:
    """A fresh browser tab on the live server. The site's Content-Security-Policy is enforced
    as in production: any violation the browser reports fails the test."""
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
