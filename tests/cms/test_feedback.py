"""Accessibility and content feedback: stored, administrators told by e-mail, the sender told the
answer comes within 14 days; robots, floods and bad input are turned away clearly. Only
administrators read it in the admin (cms.permissions), whatever model permissions others hold."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from wagtail.permissions import policy_registry

from cms import permissions as cms_permissions
from cms.models import AccessibilityFeedback
from cms.views import FEEDBACK_LIMIT_PER_HOUR
from toolkit.permissions import AdministratorsOnlyPolicy

GOOD = {
    "message": "Kuvaajan värit erottuvat huonosti toisistaan.",
    "page_url": "/fi/oppaat/mita-osallisuus-on/",
    "email": "lukija@example.org",
    "website": "",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def test_feedback_is_stored_administrators_are_emailed_and_the_sender_thanked(
    client, org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/sv/feedback/", GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/sv/feedback/thanks/"
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == GOOD["message"] and feedback.email == GOOD["email"]
    assert feedback.language == "sv" and not feedback.answered
    (email,) = mail.outbox
    assert email.to == [org.administrator.email]
    assert GOOD["message"] in email.body and GOOD["page_url"] in email.body
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "14" in thanks.text


def test_feedback_form_offers_the_page_the_reader_came_from(client, db):
    response = client.get("/fi/feedback/", {"page": "/fi/oppaat/"})
    assert response.status_code == 200
    assert 'value="/fi/oppaat/"' in response.text
    assert 'class="honeypot visually-hidden" aria-hidden="true"' in response.text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("message", ""),
        ("message", "   "),
        ("message", "Katso <script>alert(1)</script>"),
        ("message", "x" * 3001),
        ("page_url", "javascript:alert(1)"),
        ("page_url", '/fi/"><img src=x>'),
        ("email", "ei-osoite"),
    ],
)
def test_bad_input_is_rejected_clearly_and_nothing_is_stored(client, db, field, value):
    response = client.post("/en/feedback/", {**GOOD, field: value})
    assert response.status_code == 400
    assert not AccessibilityFeedback.objects.exists()
    assert 'class="form-errors" role="alert"' in response.text
    assert f'id="id_{field}_error"' in response.text
    assert not mail.outbox


def test_robot_filling_the_honeypot_is_thanked_but_nothing_is_stored(client, org):
    response = client.post("/fi/feedback/", {**GOOD, "website": "https://spam.example"})
    assert response.status_code == 302
    assert not AccessibilityFeedback.objects.exists()
    assert not mail.outbox


def test_too_many_messages_from_one_address_are_refused_for_an_hour(client, db):
    for number in range(FEEDBACK_LIMIT_PER_HOUR):
        response = client.post("/fi/feedback/", {**GOOD, "message": f"Viesti {number}"})
        assert response.status_code == 302
    response = client.post("/fi/feedback/", {**GOOD, "message": "Vielä yksi"})
    assert response.status_code == 429
    assert AccessibilityFeedback.objects.count() == FEEDBACK_LIMIT_PER_HOUR


def test_administrators_list_feedback_and_mark_it_answered(client, org):
    feedback = AccessibilityFeedback.objects.create(message="Linkki ei toimi näppäimistöllä.")
    client.force_login(org.administrator)
    listing = client.get(reverse("accessibility_feedback:index"))
    assert listing.status_code == 200
    assert "Linkki ei toimi näppäimistöllä." in listing.text
    edit_url = reverse("accessibility_feedback:edit", args=[feedback.pk])
    assert client.post(edit_url, {"answered": "on"}).status_code == 302
    feedback.refresh_from_db()
    assert feedback.answered
    answered = client.get(reverse("accessibility_feedback:index"), {"answered": "true"})
    assert "Linkki ei toimi näppäimistöllä." in answered.text


def test_trainers_do_not_see_the_feedback(client, org):
    AccessibilityFeedback.objects.create(message="Yksityinen viesti.")
    client.force_login(org.trainer)
    response = client.get(reverse("accessibility_feedback:index"))
    assert response.status_code in (302, 403)
    assert "Yksityinen viesti." not in response.text


@pytest.fixture
def stray_trainer(org):
    """A trainer (who reaches the admin) given every model permission on the feedback by hand:
    the model permissions alone must not let them in."""
    org.trainer.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="cms", content_type__model="accessibilityfeedback"
        )
    )
    return org.trainer


def test_the_feedback_has_the_administrators_policy(db):
    policy = policy_registry.get_by_type(AccessibilityFeedback)
    assert isinstance(policy, cms_permissions.AccessibilityFeedbackPolicy)
    assert isinstance(policy, AdministratorsOnlyPolicy)


def test_model_permissions_alone_do_not_open_the_feedback(client, org, stray_trainer):
    feedback = AccessibilityFeedback.objects.create(message="Yksityinen viesti.")
    client.force_login(stray_trainer)
    for url in (
        reverse("accessibility_feedback:index"),
        reverse("accessibility_feedback:edit", args=[feedback.pk]),
        reverse("accessibility_feedback:inspect", args=[feedback.pk]),
        reverse("accessibility_feedback:delete", args=[feedback.pk]),
    ):
        response = client.get(url)
        assert (response.status_code, response.url) == (302, "/cms/"), url
    edit_url = reverse("accessibility_feedback:edit", args=[feedback.pk])
    assert client.post(edit_url, {"answered": "on"}).url == "/cms/"
    assert client.post(reverse("accessibility_feedback:delete", args=[feedback.pk])).url == "/cms/"
    feedback.refresh_from_db()
    assert not feedback.answered
    home = client.get("/cms/")
    assert reverse("accessibility_feedback:index") not in home.text


def test_the_translation_status_is_for_the_content_staff(client, org):
    url = reverse("cms_translation_status")
    client.force_login(org.trainer)
    assert client.get(url).status_code == 200
    client.force_login(org.employee_a)
    assert client.get(url).status_code in (302, 403)
    assert not cms_permissions.can_see_translation_status(org.employee_a)
    assert cms_permissions.can_read_feedback(org.administrator)
    assert not cms_permissions.can_read_feedback(org.trainer)
