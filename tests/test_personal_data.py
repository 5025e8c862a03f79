"""Personal data: a person downloads their own data as a ZIP; an administrator erases a person,
and the anonymous answers and every figure made from them stay exactly as they were; stale
drafts are deleted; the audit log records who exported, imported, changed roles and erased."""

import datetime
import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.users.models import UserProfile

from assessments.models import Answer, Draft, Invitation, OpenAnswer, Participation, Response
from assessments.selectors.results import round_results
from assessments.services import answering
from assessments.services import rounds as round_services
from assessments.tasks import delete_stale_drafts
from learning.models import Certificate, Enrolment, Reflection, WebinarRegistration
from learning.services import progress, webinars
from tests.assessments.factories import full_submission
from tests.toolkit.factories import UserFactory
from toolkit.models import AuditEvent, Membership, User
from toolkit.storage import private_storage

ERASE_URL = "/cms/people/erase/"


@pytest.fixture
def learner_with_records(org, lessons):
    """Employee A has answered the round, read a lesson, reflected and holds a certificate."""
    user = org.employee_a
    progress.lesson_mark_read(user=user, lesson=lessons["lukeminen"])
    progress.reflection_save(user=user, lesson=lessons["testi"], text="Opin kuuntelemaan.")
    stored = private_storage().save("certificates/test.pdf", ContentFile(b"%PDF-1.4 test"))
    Certificate.objects.create(
        user=user,
        course_key=lessons["lukeminen"].get_parent().translation_key,
        learner_name=user.get_full_name(),
        course_titles={"fi": "Hyvä kohtaaminen"},
        completed_on=timezone.localdate(),
        files={"fi": stored},
    )
    return user


def download(client, user) -> zipfile.ZipFile:
    client.force_login(user)
    response = client.get("/fi/account/data/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_download_holds_the_persons_own_data_and_no_answer(
    client, org, open_round, learner_with_records
):
    answering.response_submit(
        round=open_round,
        user=learner_with_records,
        submission=full_submission(open_round, barrier="SALAINEN ESTE"),
    )
    archive = download(client, learner_with_records)
    names = set(archive.namelist())
    assert {"README.txt", "profile.json", "memberships.json", "learning.json"} <= names
    assert "certificates/" + Certificate.objects.get().code + "-fi.pdf" in names
    profile = json.loads(archive.read("profile.json"))
    assert profile["email"] == learner_with_records.email
    memberships = json.loads(archive.read("memberships.json"))
    assert [m["unit"] for m in memberships] == ["A"]
    assert json.loads(archive.read("reflections.json"))[0]["text"] == "Opin kuuntelemaan."
    learning = json.loads(archive.read("learning.json"))
    assert learning["lessons_completed"][0]["lesson"] == "Lukeminen"
    assessments = json.loads(archive.read("self_assessments.json"))
    assert assessments["rounds_answered"] == [{"round": "Syksy 2026", "unit": "A"}]
    everything = b"".join(archive.read(name) for name in names)
    assert b"SALAINEN" not in everything  # the anonymous answer is nobody's
    assert org.employee_b.email.encode() not in everything
    event = AuditEvent.objects.get(action=AuditEvent.Action.DATA_EXPORT)
    assert event.actor == learner_with_records


def test_data_page_explains_and_links_the_download(client, org):
    client.force_login(org.employee_a)
    page = client.get("/fi/account/data/").content.decode()
    assert "Lataa tietoni (ZIP)" in page
    assert 'href="/fi/account/data/download/"' in page


def _erase(client, admin, email, confirm=None):
    client.force_login(admin)
    return client.post(ERASE_URL, {"email": email, "confirm": confirm or email})


def test_erasure_removes_the_person_and_keeps_answers_and_figures(
    client,
    org,
    team,
    open_round,
    learner_with_records,
    django_capture_on_commit_callbacks,
):
    for person in [learner_with_records, *team[:4]]:
        answering.response_submit(
            round=open_round, user=person, submission=full_submission(open_round, barrier="Kiire")
        )
    answering.draft_save(round=open_round, user=team[4], data={"role": "staff"})
    round_services.round_close(round=open_round)
    before = round_results(round=open_round, viewer=org.supervisor_a)
    counts = [m.objects.count() for m in (Response, Answer, OpenAnswer, Invitation, Participation)]
    rate = round_services.round_response_rate(round=open_round)
    email, certificate_file = learner_with_records.email, Certificate.objects.get().files["fi"]
    profile = UserProfile.get_for_user(learner_with_records)
    profile.avatar.save("avatar.png", ContentFile(b"\x89PNG picture"))
    avatar_file = profile.avatar.name

    with django_capture_on_commit_callbacks(execute=True):  # the certificate file goes on commit
        response = _erase(client, org.administrator, email.upper())
    assert response.status_code == 302

    erased = User.objects.get(pk=learner_with_records.pk)
    assert erased.is_erased and str(erased) == "poistettu henkilö"
    assert (erased.first_name, erased.last_name, erased.is_active) == ("", "", False)
    assert not erased.has_usable_password()
    assert not User.objects.filter(email__iexact=email).exists()
    assert not Membership.objects.filter(user=erased).exists()
    for model in (Enrolment, Reflection, Certificate):
        assert not model.objects.filter(user=erased).exists()
    assert not private_storage().exists(certificate_file)
    assert not default_storage.exists(avatar_file)
    assert not UserProfile.objects.filter(user=erased).exists()
    assert not client.login(email=email, password="whatever-it-was")
    # The round is exactly as it was: answers, figures, the response rate.
    assert [
        m.objects.count() for m in (Response, Answer, OpenAnswer, Invitation, Participation)
    ] == counts
    assert round_services.round_response_rate(round=open_round) == rate
    after = round_results(round=open_round, viewer=org.supervisor_a)
    assert (after.response_count, after.invited_count) == (before.response_count, 7)
    assert [v.mean for v in after.values] == [v.mean for v in before.values]
    assert [sorted(v.barriers) for v in after.values] == [sorted(v.barriers) for v in before.values]
    event = AuditEvent.objects.get(action=AuditEvent.Action.ERASURE)
    assert event.actor == org.administrator
    assert email not in event.subject


@pytest.mark.parametrize(
    ("email", "confirm", "message"),
    [
        ("employee.a@example.org", "employee.b@example.org", "Osoitteet eroavat"),
        ("nobody@example.org", None, "Kenelläkään ei ole tätä osoitetta"),
        ("admin@example.org", None, "Et voi poistaa itseäsi"),
        ("<script>alert(1)</script>", None, "Syötä kelvollinen sähköpostiosoite"),
        ("a" * 300 + "@example.org", None, "enintään 254 merkkiä pitkä"),
        ("", "", "Tämä kenttä on pakollinen"),
    ],
)
def test_bad_erasure_requests_are_refused_and_erase_nothing(client, org, email, confirm, message):
    response = _erase(client, org.administrator, email, confirm)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert User.objects.filter(email="employee.a@example.org", is_active=True).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ERASURE).exists()


def test_stale_drafts_are_deleted_by_the_nightly_task(org, team, open_round, settings):
    settings.DRAFT_RETENTION_DAYS = 60
    old = answering.draft_save(round=open_round, user=team[0], data={"role": "staff"})
    fresh = answering.draft_save(round=open_round, user=team[1], data={"role": "staff"})
    Draft.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=61))
    assert delete_stale_drafts.delay().get() == 1
    assert list(Draft.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert delete_stale_drafts.delay().get() == 0


def test_audit_log_records_exports_and_role_changes_for_administrators(client, org, open_round):
    round_services.round_close(round=open_round)
    client.force_login(org.supervisor_a)
    assert client.get(f"/fi/assessments/rounds/{open_round.pk}/results.csv").status_code == 200
    client.force_login(org.administrator)
    membership = Membership.objects.get(user=org.employee_b)
    response = client.post(
        f"/cms/membership/edit/{membership.pk}/",
        {"user": org.employee_b.pk, "unit": org.unit_b.pk, "role": "supervisor"},
    )
    assert response.status_code == 302
    events = list(AuditEvent.objects.order_by("at").values_list("actor__email", "action"))
    assert events == [
        (org.supervisor_a.email, "export"),
        (org.administrator.email, "role_change"),
    ]
    page = client.get("/cms/people/audit-log/?action=role_change").content.decode()
    assert f"Henkilön #{org.employee_b.pk} rooli yksikössä B on nyt esihenkilö" in page
    assert "Koosteluvut (CSV)" not in page
    assert "Koosteluvut (CSV)" in client.get("/cms/people/audit-log/").content.decode()


def test_erasing_a_person_gives_their_webinar_place_to_the_first_waiting(
    client,
    org,
    lessons,
    django_capture_on_commit_callbacks,
):
    live = lessons["live"]  # two places
    waiting = UserFactory(email="waiting@example.org")
    for person in (org.employee_a, org.employee_b, waiting):
        webinars.webinar_register(user=person, lesson=live)
    assert WebinarRegistration.objects.get(user=waiting).status == "waiting"
    with django_capture_on_commit_callbacks(execute=True):
        assert _erase(client, org.administrator, org.employee_a.email).status_code == 302
    assert WebinarRegistration.objects.get(user=waiting).status == "registered"
    assert not WebinarRegistration.objects.filter(user=org.employee_a).exists()


def _translate(page, language: str, title: str, *, publish: bool = True):
    from wagtail.models import Locale

    locale = Locale.objects.get_or_create(language_code=language)[0]
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = title
    revision = translated.save_revision()
    if publish:
        revision.publish()
    else:
        type(translated).objects.filter(pk=translated.pk).update(live=False)
    return translated


def test_download_names_courses_lessons_and_units_in_the_persons_language(
    client,
    org,
    learner_with_records,
    lessons,
):
    learner_with_records.preferred_language = "sv"
    learner_with_records.save()
    _translate(lessons["lukeminen"].get_parent().specific, "sv", "Gott bemötande")
    _translate(lessons["lukeminen"], "sv", "Läsning")
    Certificate.objects.filter(user=learner_with_records).update(
        course_titles={"fi": "Hyvä kohtaaminen", "sv": "Gott bemötande"}
    )
    archive = download(client, learner_with_records)
    learning = json.loads(archive.read("learning.json"))
    assert [c["course"] for c in learning["courses"]] == ["Gott bemötande"]
    assert {c["lesson"] for c in learning["lessons_completed"]} == {"Läsning"}
    assert [c["course"] for c in json.loads(archive.read("certificates.json"))] == [
        "Gott bemötande"
    ]
    (membership,) = json.loads(archive.read("memberships.json"))
    assert membership["unit_name"] == "Enhet A"
    readme = archive.read("README.txt").decode()
    on = timezone.localdate()
    assert f"{on.day}.{on.month}.{on.year}" in readme


def test_download_keeps_the_finnish_title_while_the_translation_is_unpublished(
    client,
    org,
    learner_with_records,
    lessons,
):
    learner_with_records.preferred_language = "sv"
    learner_with_records.save()
    _translate(lessons["lukeminen"].get_parent().specific, "sv", "Utkast", publish=False)
    learning = json.loads(download(client, learner_with_records).read("learning.json"))
    assert [c["course"] for c in learning["courses"]] == ["Hyvä kohtaaminen"]
