"""Site content in a real browser: the trainer writes a guide in Wagtail and submits it for review,
the reviewer approves it with a comment, and the guide is public; every public page type passes
axe-core in Finnish, Swedish and English."""

import pytest
from playwright.sync_api import Page, expect

from cms.models import GuideIndexPage, GuidePage, NewsIndexPage, NewsPage, StandardPage

from .conftest import assert_accessible, login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

TRAINER = "kouluttaja@example.org"
REVIEWER = "admin@example.org"  # administrators review; MFA is not forced in the test settings
TITLE = "Kohtaaminen vastaanoton aulassa"


def write_guide(page: Page, guide_index: GuideIndexPage) -> None:
    """Fill in the page editor: title, summary, a value and one paragraph of body text."""
    page.goto(f"/cms/pages/add/cms/guidepage/{guide_index.pk}/")
    page.wait_for_load_state("networkidle")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Miten asiakas otetaan vastaan jo ennen vastaanottoa.")
    page.locator("input[name=values][value=empathy]").check()
    page.locator("button.c-sf-add-button").first.click()
    page.locator(".w-combobox__option:has(.icon-pilcrow)").click()  # the paragraph block
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("Tervehdi, kerro odotusaika ja kysy, tarvitseeko asiakas apua.")
    # Draftail saves into the form's hidden input a moment after typing stops.
    page.wait_for_function(
        "() => document.querySelector('input[name=\"body-0-value\"]').value.includes('Tervehdi')"
    )
    # Wagtail autosaves the new page and moves the editor to its edit view; submitting before that
    # would post the create form a second time and meet a taken slug.
    page.wait_for_url("**/cms/pages/*/edit/")
    page.wait_for_load_state("networkidle")


def test_trainer_writes_a_guide_a_reviewer_approves_it_and_it_is_public(page, demo_site):
    guide_index = GuideIndexPage.objects.get(locale__language_code="fi")
    login(page, TRAINER)
    write_guide(page, guide_index)
    # Wagtail's checks run on the live preview of the draft in the editor's Checks panel.
    page.locator("[data-side-panel-toggle=checks]").click()
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-content-word-count]').textContent)"
    )
    screenshot(page, "cms-editor-checks")
    # A trainer has no publish button: the way out is the review workflow.
    expect(page.locator("button[name=action-publish]")).to_have_count(0)
    page.locator("footer .w-dropdown__toggle").click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(f"**/cms/pages/{guide_index.pk}/")
    page.wait_for_load_state("networkidle")  # the server thread shares the SQLite database
    guide = GuidePage.objects.get(title=TITLE)
    assert guide.workflow_in_progress and not guide.live
    page.context.clear_cookies()
    page.goto(guide.url)
    expect(page.locator("h1")).not_to_have_text(TITLE, use_inner_text=True)  # the site's 404 page

    login(page, REVIEWER)
    page.goto("/cms/")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url(f"**/cms/pages/{guide.pk}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator("footer .w-dropdown__toggle").click()
    page.locator(
        "footer button[data-workflow-action-name=approve][data-workflow-action-modal-url]"
    ).click()
    page.locator("textarea[name=comment]").fill("Selkeä ja käytännöllinen, julkaistaan.")
    with page.expect_navigation():
        page.locator(".modal-content form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    screenshot(page, "cms-reviewer-approved")
    guide.refresh_from_db()
    assert guide.live
    assert guide.current_workflow_state is None

    page.context.clear_cookies()
    response = page.goto(guide.url)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE, use_inner_text=True)
    expect(page.get_by_text("Tervehdi, kerro odotusaika")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "cms-approved-guide")


def public_pages(language: str) -> list[tuple[str, str]]:
    """(name, URL) of one page of every public type in this language."""
    in_language = {"locale__language_code": language}
    return [
        ("home", f"/{language}/"),
        ("guide-index", GuideIndexPage.objects.get(**in_language).url),
        ("guide", GuidePage.objects.get(slug="mita-osallisuus-on", **in_language).url),
        ("news-index", NewsIndexPage.objects.get(**in_language).url),
        ("news", NewsPage.objects.filter(**in_language).first().url),
        ("standard", StandardPage.objects.get(**in_language).url),
        ("search", f"/{language}/search/"),
        ("search-results", f"/{language}/search/?q={SEARCH_WORDS[language]}"),
        ("search-nothing", f"/{language}/search/?q=xqzvvywk"),
        ("feedback", f"/{language}/feedback/"),
    ]


SEARCH_WORDS = {"fi": "webinaarit", "sv": "webbinarierna", "en": "webinars"}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_public_page_type_passes_axe(page, demo_site, language):
    for name, url in public_pages(language):
        response = page.goto(url)
        assert response.status == 200, url
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("main#main h1"), url).to_have_count(1)
        assert_accessible(page)
        if language != "en":
            screenshot(page, f"cms-{name}-{language}")
    page.goto(f"/{language}/search/?q={SEARCH_WORDS[language]}")
    expect(page.locator("ol.search-results > li").first).to_be_attached()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_feedback_form_errors_and_thanks_pass_axe(page, demo_site, language):
    page.goto(f"/{language}/feedback/")
    page.locator("#id_email").fill("ei-osoite")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".form-errors[role=alert]")).to_be_visible()
    expect(page.locator("#id_message_error")).to_be_visible()
    assert_accessible(page)
    if language == "fi":
        screenshot(page, "cms-feedback-errors-fi")
    page.locator("#id_message").fill("Kaavion värit erottuvat huonosti.")
    page.locator("#id_email").fill("lukija@example.org")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/feedback/thanks/")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_untranslated_guide_is_shown_in_finnish_with_a_notice_and_passes_axe(
    page, demo_site, language
):
    guide_index = GuideIndexPage.objects.get(locale__language_code="fi")
    guide = guide_index.add_child(
        instance=GuidePage(
            title="Vain suomeksi",
            slug="vain-suomeksi",
            summary="Tätä opasta ei ole vielä käännetty.",
            body=[("paragraph", "<p>Suomenkielinen teksti.</p>")],
        )
    )
    guide.save_revision().publish()
    page.goto(f"/{language}/oppaat/vain-suomeksi/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(".notice--fallback")).to_be_visible()
    expect(page.locator("article[lang=fi] h1")).to_have_text("Vain suomeksi", use_inner_text=True)
    assert_accessible(page)
    screenshot(page, f"cms-fallback-{language}")
