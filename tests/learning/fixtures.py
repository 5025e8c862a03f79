"""Fixtures of the learning tests, for every test (registered in tests/conftest.py): a home page,
a course index and the small course of tests/learning/factories.py, and a signed-in learner."""

import pytest
from wagtail.models import Locale, Page, Site

from cms.models import HomePage
from learning.models import CourseIndexPage, CoursePage, LessonPage
from tests.learning.factories import make_course, publish


@pytest.fixture
def home(db) -> HomePage:
    locale = Locale.objects.get_or_create(language_code="fi")[0]
    root = Page.get_first_root_node()
    home = publish(root, HomePage(title="Koti", slug="koti-testi", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


@pytest.fixture
def course_index(home) -> CourseIndexPage:
    return publish(home, CourseIndexPage(title="Kurssit", slug="kurssit"))


@pytest.fixture
def course(course_index) -> CoursePage:
    return make_course(course_index)


@pytest.fixture
def lessons(course) -> dict[str, LessonPage]:
    return {page.slug: page for page in LessonPage.objects.child_of(course).order_by("path")}


@pytest.fixture
def learner_client(client, org):
    """A test client signed in as employee A."""
    client.force_login(org.employee_a)
    return client
