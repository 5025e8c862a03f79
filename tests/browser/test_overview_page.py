"""The organisation overview in a real browser: the administrator opens it from the home page,
sorts by a column and filters by area; axe-core finds nothing on the way."""

import datetime

import pytest
from playwright.sync_api import expect

from assessments.models import ValueKey
from tests.assessments.factories import add_responses, closed_round, framework_version, invite
from tests.feedback.factories import add_client_answers, add_message
from toolkit.models import Unit, User

from .conftest import assert_accessible, login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

ADMIN = "admin@example.org"


def _seed_rounds() -> None:
    """Two closed rounds for most demo units, a hidden round for one, none for the rest, so
    every kind of heatmap cell is on the page."""
    version = framework_version(statements=1)
    keys = [key.value for key in ValueKey]
    leaves = [u for u in Unit.objects.order_by("code") if not u.children.exists()]
    for n, unit in enumerate(leaves):
        if n % 5 == 4:
            continue
        before = closed_round(unit, version, closes_on=datetime.date(2025, 9, 30), title="Syksy")
        add_responses(before, 5, score=lambda i, s, n=n: 1 + (i + n) % 5)
        latest = closed_round(unit, version, closes_on=datetime.date(2026, 3, 31), title="Kevät")
        count = 3 if n % 5 == 3 else 6
        invite(latest, User.objects.all()[: count + n % 4])
        add_responses(
            latest, count, score=lambda i, s, n=n: 1 + (i % 2 + n + keys.index(s.value.key)) % 5
        )
        # Clients: enough for a mean at most units, too few (hidden) at every third.
        clients = 3 if n % 3 == 2 else 6
        add_client_answers(
            unit, version, latest.closes_on, [1 + (n + i) % 5 for i in range(clients)]
        )
        due = datetime.date(2026, 3, 20)
        for m in range(n % 4):
            add_message(
                unit,
                received_on=due - datetime.timedelta(days=7),
                due_on=due,
                answered_on=due if m % 2 == 0 else None,
            )


def test_administrator_reads_sorts_and_filters_the_overview(page, demo_site):
    _seed_rounds()
    login(page, ADMIN)
    page.locator("a[href$='/assessments/overview/']").first.click()
    page.wait_for_url("**/assessments/overview/")
    expect(page.locator(".heatmap-grid .heat").first).to_be_attached()
    assert_accessible(page)
    screenshot(page, "overview")
    # On a 1366 px laptop the table fits: neither the page nor the table scrolls sideways.
    page.set_viewport_size({"width": 1366, "height": 768})
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    wrap = page.locator(".table-wrap").filter(has=page.locator(".overview-table"))
    assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.locator("thead a[href*='sort=trust']").click()
    page.wait_for_url("**sort=trust**")
    expect(page.locator("th[aria-sort=ascending]")).to_have_count(1)
    assert_accessible(page)

    area = Unit.objects.filter(children__isnull=False, parent__isnull=False).first()
    page.locator("select[name=area]").select_option(str(area.pk))
    page.locator(".overview-form button[type=submit]").click()
    page.wait_for_url(f"**area={area.pk}**")
    assert area.name_fi in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "overview-area")
