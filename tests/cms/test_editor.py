"""Wagtail's built-in accessibility checks run in the editor: every page template renders the
userbar, whose content checker the editor's Checks panel runs on the live preview."""

import json

import pytest
from django.urls import reverse

from cms.models import GuideIndexPage, GuidePage, HomePage, NewsIndexPage, NewsPage, StandardPage

from .test_workflow import guide_form

CHECKER = '<script id="checker-axe-configuration" type="application/json">'


def _checker_rules(html: str) -> set[str]:
    body = html[html.index(CHECKER) + len(CHECKER) :].split("</script>", 1)[0]
    return set(json.loads(body)["options"]["runOnly"])


def test_editors_preview_panel_runs_the_accessibility_checker(client, org, draft_guide):
    client.force_login(org.trainer)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft_guide.pk])
    assert client.post(preview_url, guide_form(slug="uusi-opas")).json()["is_valid"]
    preview = client.get(preview_url, {"in_preview_panel": "true"})
    assert preview.status_code == 200
    assert {"heading-order", "link-name", "alt-text-quality", "empty-heading"} <= _checker_rules(
        preview.text
    )


@pytest.mark.parametrize(
    "model", [HomePage, GuideIndexPage, GuidePage, NewsIndexPage, NewsPage, StandardPage]
)
def test_every_page_type_renders_the_checker_for_content_staff(client, org, page_tree, model):
    page = model.objects.filter(locale__language_code="sv").first()
    client.force_login(org.trainer)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "heading-order" in _checker_rules(response.text)


def test_readers_get_no_userbar(client, org, page_tree):
    client.force_login(org.employee_a)
    response = client.get("/fi/oppaat/")
    assert response.status_code == 200
    assert CHECKER not in response.text
