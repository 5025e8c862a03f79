"""Learning journeys in the browser: an employee completes the demo course (quizzes passed, the
video watched, the certificate downloaded and verified), with axe-core on every page in fi and sv."""

import re

import pytest
from playwright.sync_api import Page, expect

from learning.demo import seed_demo_course, seed_demo_progress
from learning.models import LessonPage
from tests.learning.factories import correct_option_values

from .conftest import assert_accessible, login, screenshot


@pytest.fixture
def demo_course(demo_site):
    course = seed_demo_course()
    seed_demo_progress(course)
    return course


def lesson_for(page: Page) -> LessonPage:
    slug = page.url.rstrip("/").split("/")[-1]
    return LessonPage.objects.get(slug=slug, locale__language_code="fi")


def pass_quiz(page: Page, lesson: LessonPage) -> None:
    # The options come in a shuffled order: each is checked by its identity, not its place.
    for name, values in correct_option_values(lesson).items():
        for value in values:
            page.locator(f'input[name="{name}"][value="{value}"]').check()
    page.get_by_role("button", name="Tarkista vastaukset").click()
    if "/complete/" not in page.url:  # the last required lesson leads to the completion page
        expect(page.locator("#quiz-result")).to_contain_text("Hyväksytty")


def watch_video(page: Page) -> None:
    with page.expect_response(lambda r: r.url.endswith("/video/") and r.status == 200):
        # Not awaiting play(): a video that cannot load fails the wait below instead of hanging.
        page.evaluate(
            """() => { const v = document.querySelector('video[data-progress-url]');
                       v.muted = true; v.playbackRate = 16; v.play(); }"""
        )
        page.wait_for_function("() => document.querySelector('video').ended", timeout=15_000)
    expect(page.locator("#video-progress")).to_contain_text("100")


def test_employee_completes_the_demo_course_and_verifies_the_certificate(page: Page, demo_course):
    login(page, "tyontekija@example.org")
    page.goto(demo_course.url)
    assert_accessible(page)
    page.get_by_role("button", name="Jatka siitä, mihin jäit").click()
    for _step in range(10):
        lesson = lesson_for(page)
        if lesson.has_video:
            watch_video(page)
        if lesson.questions:
            pass_quiz(page, lesson)
        if "/complete/" in page.url:
            break
        assert_accessible(page)
        if lesson.kind == "reading" and not lesson.questions:
            page.get_by_role("button", name="Olen lukenut tämän oppitunnin").click()
            if "/complete/" in page.url:
                break
        next_link = page.locator("a[rel=next]")
        if (
            not next_link.count()
            or not LessonPage.objects.get(
                slug=next_link.get_attribute("href").rstrip("/").split("/")[-1],
                locale__language_code="fi",
            ).required
        ):
            break
        next_link.click()
    # The last required lesson done: the completion page, with the certificate to download.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Onnittelut, olet suorittanut kurssin!"
    )
    assert_accessible(page)
    screenshot(page, "learning-course-complete-moment")
    expect(page.get_by_role("link", name="Lataa todistus (PDF)")).to_be_visible()
    page.goto(demo_course.url)
    expect(page.get_by_text("Olet suorittanut tämän kurssin.")).to_be_visible()
    screenshot(page, "learning-course-completed")
    page.get_by_role("link", name="Todistuksesi").click()
    assert_accessible(page)
    screenshot(page, "learning-certificate")
    code = page.locator("dd code").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lataa PDF").first.click()
    pdf = download_info.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")

    page.goto("/sv/learning/verify/")
    page.get_by_label("Verifieringskod").fill(code)
    page.get_by_role("button", name="Verifiera").click()
    expect(page.get_by_role("status")).to_contain_text("Tiina Työntekijä")
    assert_accessible(page)
    screenshot(page, "learning-verify")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_learning_pages_pass_axe(page: Page, demo_course, language):
    login(page, "tyontekija@example.org", language=language)
    page.goto(f"/{language}/learning/my/")
    assert_accessible(page)
    screenshot(page, f"learning-my-{language}")
    course = demo_course.get_translation(
        demo_course.locale.__class__.objects.get(language_code=language)
    )
    page.goto(course.url)
    assert_accessible(page)
    page.goto(course.url.rsplit("/", 2)[0] + "/")
    assert_accessible(page)
    screenshot(page, f"learning-courses-{language}")
    for lesson in LessonPage.objects.child_of(course).live().order_by("path"):
        page.goto(lesson.url)
        assert_accessible(page)
        screenshot(page, f"learning-lesson-{lesson.slug}-{language}")
    page.goto(f"/{language}/learning/verify/?code=bad")
    assert_accessible(page)
    assert re.search(r"field__error", page.content())
