"""Attacks on the stored data: someone who reads the database (its tables, its files, a backup)
without the sealing key cannot read an open round's answers or drafts, nor tie a closed round's
answers to the people who gave them.

The suite runs on SQLite (`make test`) and on PostgreSQL (CI): each test checks what the
database at hand could give away (SQLite's rowid order; PostgreSQL's xmin, ctid and raw pages).
"""

import pytest
from django.db import connection
from django.utils import translation

from assessments import sealing
from assessments.models import AssessmentRound, Draft, Participation, Response, SealedResponse
from assessments.services import answering
from assessments.services import rounds as round_services
from tests.assessments.factories import full_submission
from tests.toolkit.factories import member

MARKER = "Kiirevuorolistasalaisuus"


def _raw(sql: str, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _order_column() -> str:
    """The column that gives a table's stored order: SQLite's rowid, PostgreSQL's ctid."""
    return "ctid" if connection.vendor == "postgresql" else "rowid"


def _submit_in_order(round: AssessmentRound, people: list) -> None:
    """Person i answers with a text that names i (and scores that differ), one after another."""
    for i, person in enumerate(people):
        submission = full_submission(round, score=1 + i % 5, barrier=f"{MARKER}-{i:02d}")
        answering.response_submit(round=round, user=person, submission=submission)


def _participation_order(round: AssessmentRound, people: list) -> list[int]:
    """The order in which the attacker sees who answered: the people's indexes in stored order."""
    index = {person.pk: i for i, person in enumerate(people)}
    rows = _raw(
        f"SELECT user_id FROM assessments_participation WHERE round_id = %s "  # noqa: S608
        f"ORDER BY {_order_column()}",
        [round.pk],
    )
    return [index[user_id] for (user_id,) in rows]


@pytest.fixture
def ten(org, open_round):
    """Ten invited people of unit A (besides the fixture's team)."""
    people = [member(org.unit_a) for _ in range(10)]
    for person in people:
        open_round.invitations.create(user=person)
    return people


# --- While the round is open ----------------------------------------------------------------


def test_sealed_answers_hold_no_clear_text_and_all_have_one_length(open_round, ten):
    _submit_in_order(open_round, ten[:2])
    long = full_submission(open_round, score=2, barrier=MARKER * 60, means="Lisää aikaa " * 80)
    answering.response_submit(round=open_round, user=ten[2], submission=long)

    rows = _raw(
        "SELECT ciphertext FROM assessments_sealedresponse WHERE round_id = %s", [open_round.pk]
    )
    assert len(rows) == 3
    stored = [bytes(ciphertext) for (ciphertext,) in rows]
    statement = open_round.framework_version.values.first().statements.first()
    for raw in stored:
        assert MARKER.encode() not in raw
        for clear in (b"staff", b"scores", b"barrier", f"[{statement.pk},".encode()):
            assert clear not in raw
    # Padded to the same size: a long written answer cannot be told from a short one.
    assert len({len(raw) for raw in stored}) == 1
    if connection.vendor == "postgresql":
        # What pg_dump would print of each row, and the bytes read as text.
        dumped = _raw(
            "SELECT t::text, encode(t.ciphertext, 'escape') FROM assessments_sealedresponse t"
        )
        assert dumped
        for row_text, escaped in dumped:
            assert MARKER not in row_text and MARKER not in escaped
            assert "scores" not in escaped and "staff" not in escaped


def test_draft_is_stored_encrypted_and_padded_and_still_resumes(open_round, org):
    data = {"role": "staff", "s1": "4", "barrier_1": f"{MARKER} kesken"}
    answering.draft_save(round=open_round, user=org.employee_a, data=data)
    answering.draft_save(round=open_round, user=org.supervisor_a, data={"role": "staff"})

    rows = _raw("SELECT data FROM assessments_draft")
    assert len(rows) == 2
    for (raw,) in rows:
        raw = bytes(raw)
        assert MARKER.encode() not in raw and b"role" not in raw and b"staff" not in raw
    assert len({len(bytes(raw)) for (raw,) in rows}) == 1  # a long draft looks like a short one
    assert answering.draft_for(round=open_round, user=org.employee_a).data == data
    if connection.vendor == "postgresql":
        (row_text,) = _raw(
            "SELECT t::text FROM assessments_draft t WHERE user_id = %s", [org.employee_a.pk]
        )[0]
        assert MARKER not in row_text and "staff" not in row_text


def test_sealed_rows_do_not_follow_the_order_of_the_participations(open_round, ten):
    """On SQLite a table's rows are in rowid order, which a plain insert takes from a counter:
    the sealed answers would line up with the Participations. They get a random rowid. (On
    PostgreSQL an open round's sealed row shares its Participation's xmin: what lines up is a
    ciphertext of the same length as every other, which the previous tests show unreadable.)"""
    _submit_in_order(open_round, ten)
    assert _participation_order(open_round, ten) == list(range(10))  # what the attacker knows
    if connection.vendor == "sqlite":
        rows = _raw(
            "SELECT ciphertext FROM assessments_sealedresponse WHERE round_id = %s ORDER BY rowid",
            [open_round.pk],
        )
        rowids = [r for (r,) in _raw("SELECT rowid FROM assessments_sealedresponse ORDER BY rowid")]
        assert rowids != list(range(rowids[0], rowids[0] + 10))  # not a counter
    else:
        rows = _raw(
            "SELECT ciphertext FROM assessments_sealedresponse WHERE round_id = %s ORDER BY ctid",
            [open_round.pk],
        )
        # PostgreSQL: the order is there, but nothing to read in it without the key.
        assert all(MARKER.encode() not in bytes(c) for (c,) in rows)
    # With the key (which the attacker has not), the stored order is readable: on SQLite it is
    # a shuffle of the submits, not their order.
    opened = [
        sealing.answer_unseal(round_id=open_round.pk, ciphertext=c)["texts"][0][2] for (c,) in rows
    ]
    order = [int(text.rsplit("-", 1)[1]) for text in opened]
    assert sorted(order) == list(range(10))
    if connection.vendor == "sqlite":
        assert order != list(range(10))


# --- After the round has closed -------------------------------------------------------------


def _response_index() -> dict[str, int]:
    """Response id -> the index of the person who wrote it (from the text that names them)."""
    rows = _raw("SELECT response_id, text FROM assessments_openanswer WHERE kind = 'barrier'")
    return {
        str(response_id).replace("-", ""): int(text.rsplit("-", 1)[1]) for response_id, text in rows
    }


def _stored_order(table: str, column: str) -> list[int]:
    """The people's indexes in the stored order of `table`'s rows (first appearance of each)."""
    index = _response_index()
    order = []
    for (response_id,) in _raw(f"SELECT {column} FROM {table} ORDER BY {_order_column()}"):  # noqa: S608
        i = index[str(response_id).replace("-", "")]
        if i not in order:
            order.append(i)
    return order


def _xmins(table: str) -> set[str]:
    return {xid for (xid,) in _raw(f"SELECT DISTINCT xmin::text FROM {table}")}  # noqa: S608


@pytest.mark.django_db(transaction=True)
def test_closed_round_rows_neither_follow_nor_share_a_transaction_with_participations(
    org, team, version, today
):
    """Ten people answer one after another, each in a transaction of their own; the round then
    closes. The attacker sees who answered in which order (the Participations) and the answers
    in their stored order: that order is a shuffle, and on PostgreSQL no answer row carries the
    transaction id (xmin) of any Participation."""
    import datetime

    round = round_services.round_create(
        unit=org.unit_a,
        framework_version=version,
        title="Syksy",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
        created_by=org.supervisor_a,
        today=today,
    )
    people = [member(org.unit_a) for _ in range(10)]
    round_services.round_invite_new_members(round=round)
    _submit_in_order(round, people)
    round_services.round_close(round=round)

    assert not SealedResponse.objects.exists()
    assert Response.objects.filter(round=round).count() == 10
    assert _participation_order(round, people) == list(range(10))
    for table, column in (
        ("assessments_response", "id"),
        ("assessments_answer", "response_id"),
        ("assessments_openanswer", "response_id"),
    ):
        order = _stored_order(table, column)
        assert sorted(order) == list(range(10)), table
        assert order != list(range(10)), f"{table} follows the order of the submits"
    if connection.vendor == "postgresql":
        participation = _xmins("assessments_participation")
        assert len(participation) == 10  # one transaction per submit, as in production
        for table in ("assessments_response", "assessments_answer", "assessments_openanswer"):
            answers = _xmins(table)
            assert len(answers) == 1, table  # all written by the closing transaction
            assert not answers & participation, table
    else:
        rowids = [r for (r,) in _raw("SELECT rowid FROM assessments_participation ORDER BY rowid")]
        assert len(rowids) == 10  # the counter order an attacker reads off the Participations


def _heap_bytes(table: str) -> bytes:
    """Every raw page of a PostgreSQL table and of its TOAST table, dead rows included (what a
    file-level reader of the database or of a base backup has)."""
    relations = [table]
    (toast,) = _raw(
        "SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = %s::regclass", [table]
    )[0]
    if toast and toast != "-":
        relations.append(toast)
    pages = b""
    for relation in relations:
        (blocks,) = _raw(
            "SELECT pg_relation_size(%s::regclass) / current_setting('block_size')::int",
            [relation],
        )[0]
        for block in range(blocks):
            pages += bytes(_raw("SELECT get_raw_page(%s, %s)", [relation, block])[0][0])
    return pages


def test_deleted_drafts_and_sealed_answers_leave_nothing_readable_on_disk(open_round, org):
    """A draft deleted by the submit and sealed answers deleted at closing stay in the database
    files until they are overwritten. On PostgreSQL the raw pages (dead rows included) hold no
    clear text; SQLite is told to overwrite deleted content (secure_delete)."""
    answering.draft_save(
        round=open_round, user=org.employee_a, data={"role": "staff", "barrier_1": MARKER}
    )
    answering.response_submit(
        round=open_round,
        user=org.employee_a,
        submission=full_submission(open_round, barrier=MARKER),
    )
    assert not Draft.objects.exists()
    round_services.round_close(round=open_round)
    assert not SealedResponse.objects.exists()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        draft_pages = _heap_bytes("assessments_draft")
        sealed_pages = _heap_bytes("assessments_sealedresponse")
        assert draft_pages and sealed_pages  # the dead rows are still there, on their pages
        for pages in (draft_pages, sealed_pages):
            assert MARKER.encode() not in pages
            assert b"staff" not in pages
    else:
        assert _raw("PRAGMA secure_delete") == [(1,)]
    # The participation stays, and only says that the person answered.
    assert Participation.objects.filter(round=open_round, user=org.employee_a).exists()


# --- The key ----------------------------------------------------------------------------------


def test_a_wrong_key_refuses_to_unseal_with_a_clear_error_and_changes_nothing(
    open_round, org, settings
):
    settings.ANSWER_SEALING_KEY = "k" * 40
    answering.response_submit(
        round=open_round, user=org.employee_a, submission=full_submission(open_round)
    )
    answering.draft_save(round=open_round, user=org.supervisor_a, data={"role": "staff"})

    settings.ANSWER_SEALING_KEY = "another key of forty characters, wrong.."
    with pytest.raises(sealing.SealingKeyError) as error:
        round_services.round_close(round=open_round)
    assert error.value.code == "sealing_key"
    with translation.override("en"):
        assert "key for sealed answers has changed" in error.value.messages[0]
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.OPEN
    assert SealedResponse.objects.count() == 1 and not Response.objects.exists()
    assert Draft.objects.count() == 1  # the closing did not run at all
    # The draft cannot be read either: its author gets an empty form, not an error page.
    assert answering.draft_for(round=open_round, user=org.supervisor_a) is None

    settings.ANSWER_SEALING_KEY = "k" * 40  # the key is back: the round closes as usual
    round_services.round_close(round=open_round)
    assert Response.objects.filter(round=open_round).count() == 1


def test_a_wrong_key_is_shown_to_the_supervisor_who_closes_the_round(
    open_round, org, settings, client
):
    settings.ANSWER_SEALING_KEY = "k" * 40
    answering.response_submit(
        round=open_round, user=org.employee_a, submission=full_submission(open_round)
    )
    settings.ANSWER_SEALING_KEY = "z" * 40
    client.force_login(org.supervisor_a)
    response = client.post(
        f"/en/assessments/rounds/{open_round.pk}/close/", {"confirm": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert "key for sealed answers has changed" in response.content.decode()
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.OPEN
