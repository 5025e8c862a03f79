"""The audit log reads in each administrator's language with proper plurals: events store a
message key and its parameters, written out when the log is shown."""

import importlib

import pytest
from django.apps import apps
from django.utils import translation
from wagtail.users.models import UserProfile

from toolkit.audit import audit_record
from toolkit.models import AuditEvent

from .test_people_import import ERIK, MAIJA, csv_file, import_file


def _audit_log_page(client, administrator, language: str) -> str:
    profile = UserProfile.get_for_user(administrator)
    profile.preferred_language = language
    profile.save()
    client.force_login(administrator)
    return client.get("/cms/people/audit-log/").content.decode()


@pytest.mark.parametrize(
    ("rows", "language", "expected"),
    [
        ((MAIJA,), "fi", "people.csv: 1 henkilö luotu, 1 jäsenyys lisätty tai muutettu"),
        ((MAIJA, ERIK), "fi", "people.csv: 2 henkilöä luotu, 2 jäsenyyttä lisätty tai muutettu"),
        ((MAIJA,), "sv", "people.csv: 1 person skapad, 1 medlemskap tillagt eller ändrat"),
        (
            (MAIJA, ERIK),
            "sv",
            "people.csv: 2 personer skapade, 2 medlemskap tillagda eller ändrade",
        ),
        ((MAIJA,), "en", "people.csv: 1 person created, 1 membership added or changed"),
    ],
)
def test_import_event_reads_in_the_readers_language_with_plurals(
    client, org, rows, language, expected
):
    import_file(csv_file(*rows), org.administrator)
    page = _audit_log_page(client, org.administrator, language)
    assert expected in page
    assert "1 people created" not in page


def test_the_same_event_reads_in_finnish_and_in_swedish(client, org):
    audit_record(
        actor=org.administrator,
        action=AuditEvent.Action.EXPORT,
        message="training_csv",
        params={"unit": "A"},
    )
    assert "Koulutusraportti (CSV), yksikkö A" in _audit_log_page(client, org.administrator, "fi")
    assert "Utbildningsrapport (CSV) för A" in _audit_log_page(client, org.administrator, "sv")
    event = AuditEvent.objects.get()
    assert event.subject == "Training CSV of A"  # English in the database, for its readers
    with translation.override("fi"):
        assert event.description == "Koulutusraportti (CSV), yksikkö A"


def test_an_event_without_a_key_is_shown_as_written(org):
    event = audit_record(actor=None, action=AuditEvent.Action.EXPORT, subject="something else")
    assert event.description == "something else"


def test_an_unknown_message_key_is_refused_and_nothing_is_written(org):
    with pytest.raises(ValueError):
        audit_record(actor=None, action=AuditEvent.Action.EXPORT, message="no_such_message")
    assert not AuditEvent.objects.exists()


def test_parameters_that_do_not_fit_fall_back_to_the_stored_text(org):
    event = AuditEvent.objects.create(
        action=AuditEvent.Action.EXPORT, subject="as stored", message="training_csv", params={}
    )
    assert event.description == "as stored"


def test_events_logged_before_the_keys_get_them_from_their_english_subject(org):
    old = {
        "changed: person #7 supervisor in B": (
            "membership_changed",
            {"person": 7, "role": "supervisor", "unit": "B"},
        ),
        "person #7": ("person", {"person": 7}),
        "people.csv: 3 people created, 4 memberships added or changed": (
            "people_import",
            {"file": "people.csv", "created": 3, "memberships": 4},
        ),
        "unit report PDF, round #5 of A": ("unit_report_pdf", {"round": 5, "unit": "A"}),
        "aggregates CSV, round #5 of A": ("aggregates_csv", {"round": 5, "unit": "A"}),
        "timeline CSV of A": ("timeline_csv", {"unit": "A"}),
        "training CSV of A": ("training_csv", {"unit": "A"}),
        "something else": ("", {}),
    }
    for subject in old:
        AuditEvent.objects.create(action=AuditEvent.Action.EXPORT, subject=subject)
    migration = importlib.import_module("toolkit.migrations.0004_i18n_audit_messages")
    migration.keys_for_old_subjects(apps, None)
    found = {e.subject: (e.message, e.params) for e in AuditEvent.objects.all()}
    assert found == old
    with translation.override("fi"):
        imported = AuditEvent.objects.get(message="people_import")
        assert (
            imported.description
            == "people.csv: 3 henkilöä luotu, 4 jäsenyyttä lisätty tai muutettu"
        )


@pytest.mark.parametrize(
    ("message", "params", "finnish"),
    [
        ("unit_moved", {"unit": "A", "old": "AREA", "new": "MUU"}, "yksikkö A siirrettiin"),
        ("threshold_changed", {"old": 6, "new": 4}, "anonymiteettiraja 6 -> 4"),
        ("threshold_set", {"old": None, "new": 6}, "anonymiteettirajaksi asetettiin 6"),
    ],
)
def test_unit_moves_and_changes_of_k_read_in_finnish_too(org, message, params, finnish):
    action = "unit_move" if message == "unit_moved" else "threshold_change"
    event = audit_record(
        actor=org.administrator,
        action=AuditEvent.Action(action),
        message=message,
        params=params,
    )
    with translation.override("fi"):
        assert finnish in event.description
