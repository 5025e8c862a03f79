"""Training journeys in the browser: a supervisor assigns the demo course to the unit and sees
the report change when an employee completes it; an employee registers for the live webinar and
a trainer marks attendance; a trainer reads the analytics. axe-core on every page, fi and sv."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from learning import services
from learning.demo import seed_demo_course
from learning.models import CourseAssignment, LessonPage, WebinarRegistration
from toolkit.demo import DEMO_UNIT_CODE
from toolkit.models import User

from .conftest import assert_accessible, login, screenshot

SV = {
    "assign": "Tilldela en kurs",
    "submit": "Tilldela",
    "not_started": "inte påbörjad",
    "completed": "genomförd",
}
FI = {
    "assign": "Osoita kurssi",
    "submit": "Osoita",
    "not_started": "ei aloitettu",
    "completed": "suoritettu",
}


@pytest.fixture
def demo_course_unstarted(demo_site):
    return seed_demo_course()


def in_language(page, language: str):
    return page.get_translation(Locale.objects.get(language_code=language))


def complete_course(user: User, course) -> None:
    """The employee does every required lesson, as the demo seeding does."""
    from learning.demo import _pass_lesson

    for lesson in LessonPage.objects.child_of(course).live().order_by("path"):
        if lesson.required:
            _pass_lesson(user, lesson)


@pytest.mark.parametrize(("language", "words"), [("fi", FI), ("sv", SV)])
def test_supervisor_assigns_the_course_and_sees_the_report_change(
    page: Page, demo_course_unstarted, language, words
):
    login(page, "esihenkilo@example.org", language=language)
    page.goto(f"/{language}/units/{DEMO_UNIT_CODE}/")
    assert_accessible(page)
    page.goto(f"/{language}/learning/units/{DEMO_UNIT_CODE}/")
    assert_accessible(page)
    screenshot(page, f"training-report-empty-{language}")
    page.get_by_role("link", name=words["assign"]).first.click()
    assert_accessible(page)
    # A deadline in the past is refused with a message on the field; nothing is saved.
    page.get_by_label("Kurssi" if language == "fi" else "Kurs").select_option(
        str(in_language(demo_course_unstarted, language).pk)
    )
    page.locator("input[name=due_on]").fill("2020-01-01")
    page.get_by_role("button", name=words["submit"], exact=True).click()
    expect(page.locator(".field__error").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"training-assign-error-{language}")
    assert not CourseAssignment.objects.exists()
    due = timezone.localdate() + datetime.timedelta(days=30)
    page.locator("input[name=due_on]").fill(due.isoformat())
    page.get_by_role("button", name=words["submit"], exact=True).click()
    page.wait_for_url(f"**/learning/units/{DEMO_UNIT_CODE}/")
    employee = User.objects.get(email="tyontekija@example.org")
    row = page.get_by_role("row").filter(has_text=employee.get_full_name())
    expect(row).to_contain_text(words["not_started"])
    assert_accessible(page)
    screenshot(page, f"training-report-{language}")

    complete_course(employee, demo_course_unstarted)
    page.reload()
    expect(row).to_contain_text(words["completed"])
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=False).click()
    assert employee.email in download.value.path().read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_employee_registers_for_the_live_webinar_and_a_trainer_marks_attendance(
    page: Page, demo_course_unstarted, language, monkeypatch
):
    live = LessonPage.objects.get(kind="live", locale__language_code="fi")
    translated = in_language(live, language)
    login(page, "tyontekija@example.org", language=language)
    page.goto(translated.url)
    register = "Ilmoittaudu" if language == "fi" else "Anmäl dig"
    page.get_by_role("button", name=register).click()
    expect(page.locator("#webinar-status")).to_contain_text(
        "Sinulla on paikka" if language == "fi" else "Du har en plats"
    )
    assert_accessible(page)
    screenshot(page, f"webinar-registered-{language}")
    with page.expect_download() as download:
        page.get_by_role("link", name=".ics", exact=False).click()
    assert b"BEGIN:VEVENT" in download.value.path().read_bytes()
    employee = User.objects.get(email="tyontekija@example.org")
    assert WebinarRegistration.objects.get(user=employee).status == "registered"

    page.context.clear_cookies()
    login(page, "kouluttaja@example.org", language=language)
    page.goto(f"/{language}/learning/webinars/")
    assert_accessible(page)
    screenshot(page, f"webinar-list-{language}")
    page.get_by_role("link", name=translated.title).click()
    expect(page.get_by_text(employee.email)).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"webinar-attendance-{language}")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_trainer_reads_the_learning_analytics(page: Page, demo_course_unstarted, language):
    for person in User.objects.filter(email__startswith="demo-po.")[:3]:
        services.course_start(user=person, course=demo_course_unstarted)
    login(page, "kouluttaja@example.org", language=language)
    page.goto(f"/{language}/learning/analytics/")
    assert_accessible(page)
    screenshot(page, f"analytics-{language}")
    page.get_by_role("link", name=in_language(demo_course_unstarted, language).title).click()
    # The course's page, not the list still being left: axe must not run mid-navigation.
    expect(page).to_have_url(re.compile(r"/learning/analytics/\d+/$"))
    assert_accessible(page)
    screenshot(page, f"analytics-course-{language}")
    expect(page.locator("dl.stats")).to_contain_text("3")
