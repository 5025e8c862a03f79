"""Who may open what: every URL of the site, generated from the URL configuration, against six
people (anonymous, employee of unit A, supervisor of unit A, supervisor of unit B, trainer,
administrator), with the status each must get. A URL that is added without an entry here fails
`test_every_url_has_an_entry`, so no view can ship without someone deciding who sees it.

GET is asked for every URL. A URL that changes something is also POSTed (with no data) by every
person who may not use it: they must be refused, and the world must be as it was."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.world import World
from toolkit.models import Notice

PEOPLE = ("anonymous", "employee_a", "supervisor_a", "supervisor_b", "trainer", "administrator")

# Trees of third-party URLs covered by one representative each: the Wagtail admin (its own
# permission system, tested in tests/cms), allauth's account pages and Wagtail's file serving.
THIRD_PARTY_PREFIXES = ("cms/", "fi/accounts/", "documents/authenticate", "fi/_util/")


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), f"{namespace}{pattern.name}"


def site_url_names() -> set[str]:
    """The names of every URL of our own apps (the Finnish prefix stands for all three)."""
    return {
        name
        for route, name in _walk(get_resolver().url_patterns)
        if not route.startswith(THIRD_PARTY_PREFIXES)
    }


def url_kwargs(name: str, w: World) -> dict:
    """The arguments each URL is asked with: objects of unit A unless the name says otherwise."""
    by_name = {
        "toolkit:unit_detail": {"code": "A"},
        # The employee's notice that they own the action (the world made them its owner).
        "toolkit:notice_read": {
            "pk": Notice.objects.filter(user=w.org.employee_a).values_list("pk", flat=True)[0]
        },
        "assessments:round_close_confirm": {"pk": w.round.pk},
        "assessments:unit_rounds": {"code": "A"},
        "assessments:round_create": {"code": "A"},
        "assessments:combined": {"code": "AREA"},
        "assessments:round_detail": {"pk": w.round.pk},
        "assessments:round_action": {"pk": w.round.pk, "action": "remind"},
        "assessments:answer": {"pk": w.round.pk},
        "assessments:answered": {"pk": w.round.pk},
        "assessments:results": {"pk": w.round.pk},
        "assessments:round_conclusions": {"pk": w.round.pk},
        "assessments:unit_actions": {"code": "A"},
        "assessments:action_create": {"code": "A"},
        "assessments:action_suggest": {"code": "A"},
        "assessments:unit_timeline": {"code": "A"},
        "assessments:action_detail": {"pk": w.action.pk},
        "assessments:action_edit": {"pk": w.action.pk},
        "assessments:action_note": {"pk": w.action.pk},
        "assessments:suggestion_accept": {"pk": w.suggestion.pk},
        "assessments:suggestion_decline": {"pk": w.suggestion.pk},
        "assessments:report_prepare": {"pk": w.round.pk},
        "assessments:report_status": {"pk": w.round.pk, "job": "0" * 32},
        "assessments:report_download": {"pk": w.round.pk, "job": "0" * 32},
        "assessments:round_csv": {"pk": w.round.pk},
        "assessments:timeline_csv": {"code": "A"},
        "learning:course_start": {"pk": w.course.pk},
        "learning:course_complete": {"pk": w.course.pk},
        "learning:lesson_read": {"pk": w.lesson.pk},
        "learning:quiz_submit": {"pk": w.lesson.pk},
        "learning:video_progress": {"pk": w.lesson.pk},
        "learning:reflection_save": {"pk": w.lesson.pk},
        "learning:certificate": {"code": w.certificate.code},
        "learning:certificate_download": {"code": w.certificate.code, "language": "fi"},
        "learning:webinar_register": {"pk": w.webinar.pk},
        "learning:webinar_cancel": {"pk": w.webinar.pk},
        "learning:webinar_calendar": {"pk": w.webinar.pk},
        "learning:webinar_attendance": {"pk": w.webinar.pk},
        "learning:unit_training": {"code": "A"},
        "learning:unit_training_csv": {"code": "A"},
        "learning:assignment_new": {"code": "A"},
        "learning:assignment_withdraw": {"code": "A", "pk": w.assignment.pk},
        "learning:analytics_course": {"pk": w.course.pk},
        "toolkit:invitation_accept": {"uidb36": "1", "key": "not-a-key"},
        "feedback:inbox": {"code": "A"},
        "feedback:inbox_readers": {"code": "A"},
        "feedback:inbox_reader_remove": {"code": "A", "user_id": w.org.employee_a.pk},
        "feedback:message_detail": {"code": "A", "pk": w.message.pk},
        "feedback:message_status": {"code": "A", "pk": w.message.pk},
        "feedback:message_reply": {"code": "A", "pk": w.message.pk},
        "feedback:unit_link": {"code": "A"},
        "feedback:link_sms": {"code": "A"},
        "feedback:link_renew": {"code": "A"},
        "feedback:link_collecting": {"code": "A"},
        "feedback:poster": {"code": "A", "language": "fi"},
    }
    if name.startswith("feedback_public:"):
        from feedback.services.links import link_for

        return {"code": link_for(w.org.unit_a).code}
    return by_name.get(name, {})


def url_of(name: str, w: World) -> str:
    if name == "wagtail_serve":
        return "/fi/"
    if name == "wagtaildocs_serve":
        return reverse(name, args=(999999, "x.pdf"))
    return reverse(name, kwargs=url_kwargs(name, w))


def ask(client, w: World, person: str, method: str, url: str):
    client.logout()
    if person != "anonymous":
        client.force_login(getattr(w.org, person))
    return getattr(client, method)(url)


def fingerprint() -> dict[str, list]:
    """Every row of our own apps' tables, but the last-login times that signing in changes."""
    return {
        model._meta.label: list(
            model.objects.order_by("pk").values_list(
                *[f.attname for f in model._meta.concrete_fields if f.name != "last_login"]
            )
        )
        for app in ("toolkit", "assessments", "learning", "cms", "feedback")
        for model in apps.get_app_config(app).get_models()
    }


# Columns: anonymous, employee of A, supervisor of A, supervisor of B, trainer, administrator.
# 302 for the anonymous means "sent to log in"; 404 hides what a person may not know exists;
# 405 is a GET of a URL that only takes POST. In POST rows, OK marks the people who may use the
# URL (they are not asked: their POST would change the world); everyone else must be refused.
OK = None
GET_ONLY = None
MATRIX: dict[str, tuple[tuple, tuple | None]] = {
    # Core
    "healthz": ((200, 200, 200, 200, 200, 200), GET_ONLY),
    "set_language": ((405, 405, 405, 405, 405, 405), (OK, OK, OK, OK, OK, OK)),
    "toolkit:dashboard": ((302, 200, 200, 200, 200, 200), GET_ONLY),
    "toolkit:unit_detail": ((302, 200, 200, 404, 404, 200), GET_ONLY),
    # A notice is its recipient's alone; "all read" has no id, so it touches only one's own.
    "toolkit:notice_read": ((302, 405, 405, 405, 405, 405), (302, OK, 404, 404, 404, 404)),
    "toolkit:notices_read_all": ((302, 405, 405, 405, 405, 405), (302, OK, OK, OK, OK, OK)),
    # One's own data: no id in the URL, so nobody can ask for another person's.
    "toolkit:account_language": ((302, 200, 200, 200, 200, 200), (302, OK, OK, OK, OK, OK)),
    # The invitation page opens by its one-time key alone: a wrong key says the link does not work.
    "toolkit:invitation_accept": ((200, 200, 200, 200, 200, 200), GET_ONLY),
    "toolkit:my_data": ((302, 200, 200, 200, 200, 200), GET_ONLY),
    "toolkit:my_data_download": ((302, 200, 200, 200, 200, 200), GET_ONLY),
    "wagtail_serve": ((200, 200, 200, 200, 200, 200), GET_ONLY),
    # Self-assessment
    "assessments:unit_rounds": ((302, 200, 200, 404, 404, 200), GET_ONLY),
    "assessments:round_create": ((302, 404, 200, 404, 404, 200), (302, 404, OK, 404, 404, OK)),
    "assessments:combined": ((302, 404, 404, 404, 404, 200), GET_ONLY),
    "assessments:round_detail": ((302, 302, 200, 404, 404, 200), GET_ONLY),
    "assessments:round_action": ((302, 405, 405, 405, 405, 405), (302, 404, OK, 404, 404, OK)),
    # The world's round is closed: its managers are sent back to the round's page.
    "assessments:round_close_confirm": ((302, 404, 302, 404, 404, 302), GET_ONLY),
    # The answer page of a closed round says it is closed to whoever may see the round.
    "assessments:answer": ((302, 200, 200, 404, 404, 200), (302, OK, OK, 404, 404, OK)),
    "assessments:answered": ((302, 404, 404, 404, 404, 404), GET_ONLY),
    "assessments:results": ((302, 200, 200, 404, 404, 200), GET_ONLY),
    "assessments:round_conclusions": (
        (302, 200, 200, 404, 404, 200),
        (302, 404, OK, 404, 404, OK),
    ),
    "assessments:round_csv": ((302, 200, 200, 404, 404, 200), GET_ONLY),
    "assessments:report_prepare": ((302, 405, 405, 405, 405, 405), (302, OK, OK, 404, 404, OK)),
    "assessments:report_status": ((302, 404, 404, 404, 404, 404), GET_ONLY),
    "assessments:report_download": ((302, 404, 404, 404, 404, 404), GET_ONLY),
    "assessments:overview": ((302, 404, 200, 200, 404, 200), GET_ONLY),
    # Improvement actions
    "assessments:unit_actions": ((302, 200, 200, 404, 404, 200), GET_ONLY),
    "assessments:unit_timeline": ((302, 200, 200, 404, 404, 200), GET_ONLY),
    "assessments:timeline_csv": ((302, 200, 200, 404, 404, 200), GET_ONLY),
    "assessments:action_create": ((302, 404, 200, 404, 404, 200), (302, 404, OK, 404, 404, OK)),
    "assessments:action_suggest": ((302, 200, 200, 404, 404, 404), (302, OK, OK, 404, 404, 404)),
    "assessments:action_detail": ((302, 200, 200, 404, 404, 200), GET_ONLY),
    "assessments:action_edit": ((302, 404, 200, 404, 404, 200), (302, 404, OK, 404, 404, OK)),
    "assessments:action_note": ((302, 405, 405, 405, 405, 405), (302, OK, OK, 404, 404, OK)),
    "assessments:suggestion_accept": (
        (302, 404, 200, 404, 404, 200),
        (302, 404, OK, 404, 404, OK),
    ),
    "assessments:suggestion_decline": (
        (302, 404, 200, 404, 404, 200),
        (302, 404, OK, 404, 404, OK),
    ),
    # Learning: anyone signed in may learn; the certificate page is its owner's.
    "learning:my_learning": ((302, 200, 200, 200, 200, 200), GET_ONLY),
    "learning:course_start": ((302, 405, 405, 405, 405, 405), (302, OK, OK, OK, OK, OK)),
    # Only for one's own completed course; nobody has completed it here: back to the course.
    "learning:course_complete": ((302, 302, 302, 302, 302, 302), GET_ONLY),
    "learning:lesson_read": ((302, 405, 405, 405, 405, 405), (302, OK, OK, OK, OK, OK)),
    "learning:quiz_submit": ((302, 405, 405, 405, 405, 405), (302, OK, OK, OK, OK, OK)),
    "learning:video_progress": ((302, 405, 405, 405, 405, 405), (302, OK, OK, OK, OK, OK)),
    "learning:reflection_save": ((302, 405, 405, 405, 405, 405), (302, OK, OK, OK, OK, OK)),
    "learning:certificate": ((302, 200, 404, 404, 404, 404), (302, OK, 404, 404, 404, 404)),
    "learning:certificate_download": ((302, 404, 404, 404, 404, 404), GET_ONLY),
    "learning:verify": ((200, 200, 200, 200, 200, 200), GET_ONLY),
    "learning:webinar_list": ((302, 404, 404, 404, 200, 200), GET_ONLY),
    "learning:webinar_register": ((302, 405, 405, 405, 405, 405), (302, OK, OK, OK, OK, OK)),
    "learning:webinar_cancel": ((302, 405, 405, 405, 405, 405), (302, OK, OK, OK, OK, OK)),
    "learning:webinar_calendar": ((302, 200, 200, 200, 200, 200), GET_ONLY),
    "learning:webinar_attendance": (
        (302, 404, 404, 404, 200, 200),
        (302, 404, 404, 404, OK, OK),
    ),
    "learning:unit_training": ((302, 404, 200, 404, 404, 200), GET_ONLY),
    "learning:unit_training_csv": ((302, 404, 200, 404, 404, 200), GET_ONLY),
    "learning:assignment_new": ((302, 404, 200, 404, 404, 200), (302, 404, OK, 404, 404, OK)),
    "learning:assignment_withdraw": (
        (302, 404, 200, 404, 404, 200),
        (302, 404, OK, 404, 404, OK),
    ),
    "learning:analytics": ((302, 404, 404, 404, 200, 200), GET_ONLY),
    "learning:analytics_course": ((302, 404, 404, 404, 200, 200), GET_ONLY),
    # Client feedback: a unit's inbox is for its supervisors (and people they name: none here)
    # and administrators; naming readers for the supervisors and administrators.
    "feedback:inbox": ((302, 404, 200, 404, 404, 200), GET_ONLY),
    "feedback:message_detail": ((302, 404, 200, 404, 404, 200), GET_ONLY),
    "feedback:message_status": ((302, 405, 405, 405, 405, 405), (302, 404, OK, 404, 404, OK)),
    "feedback:message_reply": ((302, 405, 405, 405, 405, 405), (302, 404, OK, 404, 404, OK)),
    "feedback:inbox_readers": ((302, 404, 200, 404, 404, 200), (302, 404, OK, 404, 404, OK)),
    "feedback:inbox_reader_remove": (
        (302, 405, 405, 405, 405, 405),
        (302, 404, OK, 404, 404, OK),
    ),
    # Client feedback: the link page, its text message (members too), renewal, collecting on
    # or off, and the poster
    "feedback:unit_link": ((302, 200, 200, 404, 404, 200), GET_ONLY),
    "feedback:link_sms": ((302, 405, 405, 405, 405, 405), (302, OK, OK, 404, 404, OK)),
    "feedback:link_renew": ((302, 404, 200, 404, 404, 200), (302, 404, OK, 404, 404, OK)),
    "feedback:link_collecting": ((302, 405, 405, 405, 405, 405), (302, 404, OK, 404, 404, OK)),
    "feedback:poster": ((302, 404, 200, 404, 404, 200), GET_ONLY),
    # Site content
    "cms:search": ((200, 200, 200, 200, 200, 200), GET_ONLY),
    "cms:feedback": ((200, 200, 200, 200, 200, 200), (OK, OK, OK, OK, OK, OK)),
    "cms:feedback_thanks": ((200, 200, 200, 200, 200, 200), GET_ONLY),
    # The public client feedback form: for anyone, signed in or not (a POST without data is
    # asked to answer something, and stores nothing).
    "feedback_public:form": ((200, 200, 200, 200, 200, 200), (OK, OK, OK, OK, OK, OK)),
    "feedback_public:kiosk": ((200, 200, 200, 200, 200, 200), (OK, OK, OK, OK, OK, OK)),
    "feedback_public:thanks": ((200, 200, 200, 200, 200, 200), GET_ONLY),
    "feedback_public:kiosk_thanks": ((200, 200, 200, 200, 200, 200), GET_ONLY),
    # Wagtail's document serving: a missing file is not found for anyone.
    "wagtaildocs_serve": ((404, 404, 404, 404, 404, 404), GET_ONLY),
}


# One URL of each third-party tree: the Wagtail admin is for trainers and administrators (its
# own permissions decide the rest), allauth's pages for whoever is signed in.
REPRESENTATIVES: dict[str, tuple[tuple, tuple | None]] = {
    "wagtailadmin_home": ((302, 302, 302, 302, 200, 200), GET_ONLY),
    "account_email": ((302, 200, 200, 200, 200, 200), GET_ONLY),
    "account_login": ((200, 302, 302, 302, 302, 302), GET_ONLY),
    "mfa_index": ((302, 200, 200, 200, 200, 200), GET_ONLY),
    # Our own admin pages: erasure and the audit log are for administrators only (Wagtail
    # sends anyone else away with a message).
    "people_admin:erase": ((302, 302, 302, 302, 302, 200), (302, 302, 302, 302, 302, OK)),
    "people_admin:audit_log": ((302, 302, 302, 302, 302, 200), GET_ONLY),
}


def test_every_url_has_an_entry():
    names = site_url_names()
    assert not names - MATRIX.keys(), "URLs without an entry in MATRIX: decide who may see them"
    assert not MATRIX.keys() - names, "entries for URLs that no longer exist"


@pytest.mark.parametrize("name", sorted(MATRIX) + sorted(REPRESENTATIVES))
def test_each_person_gets_the_expected_status(client, world, name):
    url = url_of(name, world)
    expected_get, expected_post = MATRIX.get(name) or REPRESENTATIVES[name]
    got = tuple(ask(client, world, person, "get", url).status_code for person in PEOPLE)
    assert got == expected_get, f"GET {url}"
    if expected_post is None:
        return
    before = fingerprint()
    for person, expected in zip(PEOPLE, expected_post, strict=True):
        if expected is OK:
            continue
        response = ask(client, world, person, "post", url)
        assert response.status_code == expected, f"POST {url} as {person}"
        if person == "anonymous":
            assert response["Location"].startswith(reverse("account_login"))
    after = fingerprint()
    changed = [label for label in before if before[label] != after[label]]
    assert not changed, f"a refused POST to {url} changed {changed}"
