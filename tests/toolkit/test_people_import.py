"""Importing people from CSV: the services (parse, preview, commit) and the Wagtail admin views.

A good file creates people, memberships and verified e-mail addresses and sends invitations in
each person's language. Any bad file or row gives a clear message and writes nothing at all."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import translation

from toolkit import people_import, tasks
from toolkit.models import Membership, PeopleImport, User

HEADER = "email,first_name,last_name,unit_code,role,language"
MAIJA = "maija.virtanen@example.org,Maija,Virtanen,A,employee,fi"
ERIK = "erik.holm@example.org,Erik,Holm,B,supervisor,sv"
TWENTY_MB = 20 * 1024 * 1024


def csv_file(*rows: str, header: str = HEADER, delimiter: str = ",") -> bytes:
    lines = [header, *rows]
    return ("\n".join(line.replace(",", delimiter) for line in lines) + "\n").encode()


def state() -> dict[str, int]:
    """Everything an import could write."""
    return {
        "people": User.objects.count(),
        "memberships": Membership.objects.count(),
        "addresses": EmailAddress.objects.count(),
        "imports": PeopleImport.objects.count(),
        "mails": len(mail.outbox),
    }


def preview(data: bytes, user) -> PeopleImport:
    return people_import.people_import_preview(data=data, file_name="people.csv", created_by=user)


def plan_of(record: PeopleImport) -> people_import.ImportPlan:
    rows = [people_import.PersonRow(**row) for row in record.rows]
    return people_import.people_import_plan(rows=rows)


def import_file(data: bytes, user) -> PeopleImport:
    """Preview, confirm the plan and commit through the Celery task (eager in tests), as the
    admin view does."""
    record = preview(data, user)
    digest = plan_of(record).digest
    people_import.people_import_start(
        people_import=record, plan_digest=digest, changes_confirmed=True
    )
    with TestCase.captureOnCommitCallbacks(execute=True):  # the invitations go after commit
        tasks.commit_people_import(str(record.pk), digest)
    record.refresh_from_db()
    return record


def refusal(data: bytes, user) -> str:
    """The message for a refused file; asserts that nothing at all was written."""
    before = state()
    with (
        translation.override("en"),
        pytest.raises((people_import.ImportFileError, ValidationError)) as raised,
    ):
        preview(data, user)
    assert state() == before
    error = raised.value
    return " | ".join(error.messages) if isinstance(error, ValidationError) else str(error)


# --- good files ------------------------------------------------------------------------------


def test_good_file_creates_people_memberships_and_verified_addresses(org):
    record = import_file(csv_file(MAIJA, ERIK), org.administrator)
    assert record.status == PeopleImport.Status.COMMITTED
    assert (record.created_count, record.membership_count) == (2, 2)
    assert record.committed_at is not None

    maija = User.objects.get(email="maija.virtanen@example.org")
    assert (maija.first_name, maija.last_name, maija.preferred_language) == (
        "Maija",
        "Virtanen",
        "fi",
    )
    assert not maija.has_usable_password()
    assert Membership.objects.get(user=maija).unit == org.unit_a
    assert Membership.objects.get(user=maija).role == Membership.Role.EMPLOYEE
    erik = User.objects.get(email="erik.holm@example.org")
    assert Membership.objects.get(user=erik, unit=org.unit_b).role == Membership.Role.SUPERVISOR
    address = EmailAddress.objects.get(user=erik)
    assert (address.email, address.verified, address.primary) == (
        "erik.holm@example.org",
        True,
        True,
    )


def test_good_file_sends_each_new_person_an_invitation_in_their_language(org):
    import_file(csv_file(MAIJA, ERIK), org.administrator)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"maija.virtanen@example.org", "erik.holm@example.org"}
    finnish, swedish = (
        by_recipient["maija.virtanen@example.org"],
        by_recipient["erik.holm@example.org"],
    )
    assert finnish.subject == "Sinut on kutsuttu Arvokkaaseen"
    assert swedish.subject == "Du är inbjuden till Arvokas"
    assert "Aseta salasanasi tästä" in finnish.body
    assert "Välj ditt lösenord här" in swedish.body
    assert f"{settings.SITE_URL}/fi/accounts/invitation/" in finnish.body
    assert f"{settings.SITE_URL}/sv/accounts/invitation/" in swedish.body
    assert "erik.holm@example.org" in swedish.body


def test_semicolon_separated_file_is_read(org):
    import_file(csv_file(MAIJA, ERIK, delimiter=";"), org.administrator)
    assert (
        User.objects.filter(
            email__in=["maija.virtanen@example.org", "erik.holm@example.org"]
        ).count()
        == 2
    )


def test_file_with_utf8_byte_order_mark_and_windows_line_ends_is_read(org):
    data = (
        "\ufeff" + HEADER.replace(",", ";") + "\r\n" + MAIJA.replace(",", ";") + "\r\n"
    ).encode()
    import_file(data, org.administrator)
    assert User.objects.filter(email="maija.virtanen@example.org").exists()


def test_header_names_ignore_case_and_spaces_and_language_is_optional(org):
    data = csv_file(
        "maija.virtanen@example.org, Maija , Virtanen ,A,employee",
        header="Email, First_Name ,LAST_NAME,unit_code,Role",
    )
    import_file(data, org.administrator)
    maija = User.objects.get(email="maija.virtanen@example.org")
    assert (maija.first_name, maija.preferred_language) == ("Maija", settings.LANGUAGE_CODE)


def test_finnish_and_swedish_role_words_and_upper_case_e_mails_are_understood(org):
    import_file(
        csv_file(
            "Maija.Virtanen@Example.org,Maija,Virtanen,A,Työntekijä,FI",
            "erik.holm@example.org,Erik,Holm,B,chef,sv",
        ),
        org.administrator,
    )
    assert Membership.objects.get(user__email="maija.virtanen@example.org").role == "employee"
    assert Membership.objects.get(user__email="erik.holm@example.org").role == "supervisor"


def test_quoted_cells_may_hold_the_delimiter_and_blank_lines_are_skipped(org):
    data = csv_file('maija.virtanen@example.org,Maija,"Virtanen, Jr",A,employee,fi', "", ",,,,,")
    import_file(data, org.administrator)
    assert User.objects.get(email="maija.virtanen@example.org").last_name == "Virtanen, Jr"


def test_one_person_in_two_units_is_one_person_with_two_memberships_and_one_invitation(org):
    record = import_file(
        csv_file(MAIJA, "maija.virtanen@example.org,Maija,Virtanen,B,supervisor,fi"),
        org.administrator,
    )
    maija = User.objects.get(email="maija.virtanen@example.org")
    assert dict(Membership.objects.filter(user=maija).values_list("unit__code", "role")) == {
        "A": "employee",
        "B": "supervisor",
    }
    assert (record.created_count, record.membership_count) == (1, 2)
    assert [message.to for message in mail.outbox] == [["maija.virtanen@example.org"]]


def test_existing_person_gets_the_confirmed_changes_but_no_new_account_or_invitation(org):
    before = User.objects.count()
    record = import_file(
        csv_file("employee.a@example.org,Someone,Else,B,employee,sv"), org.administrator
    )
    assert User.objects.count() == before
    assert record.created_count == 0
    assert Membership.objects.filter(user=org.employee_a, unit=org.unit_b).exists()
    org.employee_a.refresh_from_db()
    # The preview showed the new name and language, and the administrator confirmed them.
    assert (org.employee_a.get_full_name(), org.employee_a.preferred_language) == (
        "Someone Else",
        "sv",
    )
    assert mail.outbox == []


def test_existing_membership_gets_the_role_of_the_file(org):
    import_file(csv_file("employee.a@example.org,E,A,A,supervisor,fi"), org.administrator)
    assert Membership.objects.get(user=org.employee_a, unit=org.unit_a).role == "supervisor"
    assert Membership.objects.filter(user=org.employee_a).count() == 1


def test_existing_person_whose_address_was_saved_in_mixed_case_is_matched(org):
    # The Wagtail admin's user form keeps the case the administrator typed.
    person = User.objects.create(email="Sanna.Salo@Example.org", first_name="Sanna")
    record = import_file(
        csv_file("sanna.salo@example.org,Sanna,Salo,A,employee,fi"), org.administrator
    )
    assert record.status == PeopleImport.Status.COMMITTED
    assert record.created_count == 0
    assert Membership.objects.filter(user=person, unit=org.unit_a).exists()
    assert User.objects.filter(email__iexact="sanna.salo@example.org").count() == 1


def test_preview_keeps_the_rows_and_writes_no_people(org):
    before = state()
    record = preview(csv_file(MAIJA, ERIK), org.administrator)
    assert record.status == PeopleImport.Status.PREVIEWED
    assert [row["email"] for row in record.rows] == [
        "maija.virtanen@example.org",
        "erik.holm@example.org",
    ]
    assert record.rows[0]["line"] == 2
    assert state() == {**before, "imports": before["imports"] + 1}


def test_html_in_names_is_stored_as_written_and_parsed_without_change(org):
    rows, errors = people_import.parse_people_csv(
        csv_file("x@example.org,<script>alert(1)</script>,<b>Bold</b>,A,employee,fi")
    )
    assert errors == []
    assert rows[0].first_name == "<script>alert(1)</script>"


# --- bad files: a clear message, nothing written ------------------------------------------------


def test_missing_columns_are_named(org):
    message = refusal(b"email,first_name,unit_code\nx@example.org,X,A\n", org.administrator)
    assert "Columns missing from the header row: last_name, role." in message


def test_unknown_unit_code_is_named_with_its_line(org):
    message = refusal(csv_file(MAIJA, "x@example.org,X,Y,NOPE,employee,fi"), org.administrator)
    assert message == "Line 3: no unit has the code “NOPE”"


def test_duplicate_rows_for_the_same_person_and_unit_are_refused(org):
    message = refusal(
        csv_file(MAIJA, ERIK, MAIJA.replace("maija.virtanen", "MAIJA.Virtanen")),
        org.administrator,
    )
    assert message == "Line 4: the same person and unit are already on line 2"


@pytest.mark.parametrize(
    "address", ["not-an-address", "maija@", "maija@@example.org", "maija virtanen@example.org"]
)
def test_invalid_e_mail_addresses_are_refused(org, address):
    message = refusal(csv_file(MAIJA, f"{address},X,Y,A,employee,fi"), org.administrator)
    assert message == f"Line 3: “{address}” is not a valid e-mail address"


def test_a_20_mb_file_is_refused_before_it_is_read(org):
    row = (MAIJA + "\n").encode()
    data = csv_file() + row * (TWENTY_MB // len(row) + 1)
    assert len(data) > TWENTY_MB
    message = refusal(data, org.administrator)
    assert message == "The file is too large (20.0 MB). The largest file accepted is 2 MB."


def test_non_utf8_bytes_are_refused_with_advice(org):
    data = (HEADER + "\nmaija@example.org,Mäijä,Virtanen,A,employee,fi\n").encode("latin-1")
    message = refusal(data, org.administrator)
    assert message.startswith("The file is not UTF-8 text (unreadable bytes at position")
    assert "CSV UTF-8" in message


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
def test_cells_that_spreadsheets_would_run_as_formulas_are_refused(org, prefix):
    message = refusal(
        csv_file(MAIJA, f"x@example.org,{prefix}HYPERLINK(1),Y,A,employee,fi"),
        org.administrator,
    )
    assert (
        message == f"Line 3: column first_name starts with “{prefix}”, which spreadsheets run "
        "as a formula"
    )


def test_formula_after_leading_spaces_is_still_refused(org):
    message = refusal(csv_file("x@example.org,X,  =1+1,A,employee,fi"), org.administrator)
    assert "column last_name starts with “=”" in message


def test_unknown_role_is_refused(org):
    message = refusal(csv_file("x@example.org,X,Y,A,boss,fi"), org.administrator)
    assert message == "Line 2: unknown role “boss” (use employee or supervisor)"


def test_unknown_language_is_refused(org):
    message = refusal(csv_file("x@example.org,X,Y,A,employee,de"), org.administrator)
    assert message == "Line 2: unknown language “de” (use fi, sv or en)"


def test_row_with_more_cells_than_the_header_is_refused(org):
    message = refusal(csv_file(MAIJA + ",extra"), org.administrator)
    assert message == "Line 2: the row has more cells than the header"


def test_row_with_an_empty_required_cell_is_refused(org):
    message = refusal(csv_file("x@example.org,X,,A,employee,fi"), org.administrator)
    assert message == "Line 2: column last_name is empty"


@pytest.mark.parametrize("data", [b"", b"  \n\n"])
def test_empty_file_is_refused(org, data):
    assert refusal(data, org.administrator) == "The file is empty."


def test_file_with_only_a_header_is_refused(org):
    assert refusal(csv_file(), org.administrator) == "The file has a header but no people."


def test_over_long_cell_is_refused(org):
    message = refusal(csv_file(f"x@example.org,X,{'V' * 151},A,employee,fi"), org.administrator)
    assert message == "Line 2: column last_name is longer than 150 characters"


def test_every_bad_row_is_named_and_good_rows_are_not_written_either(org):
    message = refusal(
        csv_file(MAIJA, "bad,X,Y,A,employee,fi", ERIK, "y@example.org,Y,Z,A,boss,fi"),
        org.administrator,
    )
    assert message.startswith("Line 3: “bad” is not a valid e-mail address | Line 5: unknown role")
    assert not User.objects.filter(email=MAIJA.split(",")[0]).exists()


def test_malformed_quoting_is_refused_as_invalid_csv(org):
    data = (HEADER + '\nx@example.org,"X"Y,Z,A,employee,fi\n').encode()
    assert refusal(data, org.administrator).startswith("The file is not valid CSV:")


# --- committing ----------------------------------------------------------------------------------


def test_committing_twice_is_refused_and_writes_nothing_more(org):
    record = import_file(csv_file(MAIJA), org.administrator)
    after_first = state()
    digest = plan_of(record).digest
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        people_import.people_import_commit(people_import=record, plan_digest=digest)
    assert raised.value.messages == ["This import has already been run."]
    assert tasks.commit_people_import(str(record.pk), digest) == 0
    assert state() == after_first
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.COMMITTED


def test_unit_deleted_between_preview_and_commit_fails_the_import_and_writes_nothing(org):
    record = preview(csv_file(MAIJA, ERIK), org.administrator)
    digest = plan_of(record).digest
    org.unit_b.delete()
    before = state()
    with translation.override("en"):
        assert tasks.commit_people_import(str(record.pk), digest) == 0
    assert state() == before
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.FAILED
    assert record.error == "These units no longer exist: B"
    assert not User.objects.filter(email="maija.virtanen@example.org").exists()


# --- the admin views -------------------------------------------------------------------------------

UPLOAD = "/cms/people-import/"


def upload(client, data: bytes, name: str = "people.csv"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data, "text/csv")})


def commit(client, record: PeopleImport, *, confirm: bool = True, follow: bool = False):
    """The preview's import button, with the plan the page showed (and its checkbox ticked)."""
    data = {"plan": plan_of(record).digest}
    if confirm:
        data["confirm_changes"] = "on"
    return client.post(f"{UPLOAD}{record.pk}/commit/", data, follow=follow)


def test_administrator_uploads_previews_and_commits_an_import(
    admin_client, org, django_capture_on_commit_callbacks
):
    assert admin_client.get(UPLOAD).status_code == 200

    response = upload(
        admin_client, csv_file(MAIJA, ERIK, "employee.a@example.org,E,A,B,employee,fi")
    )
    assert response.status_code == 302
    record = PeopleImport.objects.get()
    assert response.url == f"{UPLOAD}{record.pk}/"
    assert record.created_by == org.administrator
    assert not User.objects.filter(email="maija.virtanen@example.org").exists()

    page = admin_client.get(response.url).content.decode()
    assert "All 3 rows are valid: 2 new people will be created and invited." in page
    assert "B: new in B" not in page and "new in B: employee" in page
    assert "maija.virtanen@example.org" in page

    with django_capture_on_commit_callbacks(execute=True):  # the import runs after commit
        response = commit(admin_client, record)
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.COMMITTED
    assert User.objects.filter(email="maija.virtanen@example.org").exists()
    assert Membership.objects.filter(user=org.employee_a, unit=org.unit_b).exists()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "erik.holm@example.org",
        "maija.virtanen@example.org",
    ]
    page = admin_client.get(response.url).content.decode()
    assert "Imported: 2 people created, 3 memberships added or changed." in page


def test_upload_page_lists_every_bad_row_and_writes_nothing(admin_client, org):
    before = state()
    response = upload(
        admin_client, csv_file("bad,X,Y,A,employee,fi", "x@example.org,=1,Y,NOPE,employee,fi")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was imported. Correct these and upload the file again:" in page
    assert "Line 2: “bad” is not a valid e-mail address" in page
    assert "Line 3: column first_name starts with “=”" in page
    assert "no unit has the code “NOPE”" in page
    assert state() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"email;unit_code\nx@example.org;A\n", "Columns missing from the header row"),
        ("email\nmäijä@example.org\n".encode("latin-1"), "The file is not UTF-8 text"),
        (b"", "The submitted file is empty."),
        (csv_file(), "The file has a header but no people."),
    ],
)
def test_upload_page_explains_a_bad_file_and_writes_nothing(admin_client, org, data, message):
    before = state()
    response = upload(admin_client, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert state() == before


def test_upload_page_refuses_a_20_mb_file(admin_client, org):
    before = state()
    response = upload(admin_client, csv_file() + b"x" * TWENTY_MB)
    assert response.status_code == 400
    assert (
        "The file is too large (20.0 MB). The largest file accepted is 2 MB."
        in response.content.decode()
    )
    assert state() == before


def test_html_in_names_is_escaped_on_the_preview_page(admin_client, org):
    upload(
        admin_client, csv_file("x@example.org,<script>alert(1)</script>,<b>Bold</b>,A,employee,fi")
    )
    record = PeopleImport.objects.get()
    page = admin_client.get(f"{UPLOAD}{record.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Bold&lt;/b&gt;" in page


def test_html_in_the_file_name_is_escaped_in_the_recent_imports(admin_client, org):
    upload(admin_client, csv_file(MAIJA), name="<img src=x onerror=alert(1)>.csv")
    page = admin_client.get(UPLOAD).content.decode()
    assert "<img src=x onerror" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in page


def test_committing_twice_through_the_admin_writes_nothing_more(
    admin_client, org, django_capture_on_commit_callbacks
):
    upload(admin_client, csv_file(MAIJA))
    record = PeopleImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        commit(admin_client, record)
    after_first = state()
    response = commit(admin_client, record, follow=True)
    assert response.redirect_chain == [(f"{UPLOAD}{record.pk}/", 302)]
    assert "This import has already been run." in response.content.decode()
    assert state() == after_first


def test_commit_needs_a_post(admin_client, org):
    upload(admin_client, csv_file(MAIJA))
    record = PeopleImport.objects.get()
    assert admin_client.get(f"{UPLOAD}{record.pk}/commit/").status_code == 405
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.PREVIEWED


def test_preview_page_tells_when_a_unit_vanished_before_the_commit(
    admin_client, org, django_capture_on_commit_callbacks
):
    upload(admin_client, csv_file(MAIJA, ERIK))
    record = PeopleImport.objects.get()
    org.unit_b.delete()
    before = state()
    with django_capture_on_commit_callbacks(execute=True):
        commit(admin_client, record)
    response = admin_client.get(f"{UPLOAD}{record.pk}/")
    assert "The import failed and nothing was written:" in response.content.decode()
    assert "These units no longer exist: B" in response.content.decode()
    assert state() == before


@pytest.mark.parametrize("role", ["trainer", "supervisor_a", "employee_a"])
def test_only_administrators_may_import_people(client, org, role):
    record = preview(csv_file(MAIJA), org.administrator)
    client.force_login(getattr(org, role))
    before = state()

    response = client.get(UPLOAD)
    assert response.status_code == 302
    assert not response.url.startswith(UPLOAD)
    assert upload(client, csv_file(ERIK)).status_code == 302
    assert client.get(f"{UPLOAD}{record.pk}/").status_code == 302
    assert client.post(f"{UPLOAD}{record.pk}/commit/").status_code == 302

    assert state() == before
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.PREVIEWED


def test_trainer_is_told_they_have_no_permission(client, org):
    client.force_login(org.trainer)
    response = client.get(UPLOAD, follow=True)
    assert response.redirect_chain[0][0] == "/cms/"
    assert b"Import people from CSV" not in response.content


def test_anonymous_visitor_is_sent_to_login_from_the_import(client, db):
    response = client.get(UPLOAD)
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_import_menu_item_is_shown_only_to_administrators(client, org):
    client.force_login(org.trainer)
    assert UPLOAD not in client.get("/cms/").content.decode()
    client.force_login(org.administrator)
    assert UPLOAD in client.get("/cms/").content.decode()


# --- hostile bytes, and what happens to people who already have an account --------------------


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("x@example.org,Ma\x00ija,Y,A,employee,fi", "first_name"),
        ("x@example.org,X,Vir\x00tanen,A,employee,fi", "last_name"),
        ("x@example.org,X,Y,A\x00,employee,fi", "unit_code"),
        ("x\x00@example.org,X,Y,A,employee,fi", "email"),
        ('x@example.org,"Maija\nVirtanen",Y,A,employee,fi', "first_name"),
        ("x@example.org,X,Y,A,employee\x1b,fi", "role"),
    ],
)
def test_control_characters_are_refused_and_nothing_is_written(org, row, column):
    # On PostgreSQL a NUL in a query or a stored value was a server error (500).
    message = refusal(csv_file(MAIJA, row), org.administrator)
    assert f"Line 3: column {column} contains a control character (such as a NUL byte)" in message


def test_a_nul_byte_on_the_upload_page_is_explained_not_a_server_error(admin_client, org):
    before = state()
    response = upload(admin_client, csv_file(MAIJA, "x@example.org,X\x00,Y,A\x00,employee,fi"))
    assert response.status_code == 400
    assert "column first_name contains a control character" in response.content.decode()
    assert state() == before


def test_preview_shows_each_change_to_an_existing_person(admin_client, org):
    org.supervisor_a.first_name, org.supervisor_a.last_name = "Sari", "Esimies"
    org.supervisor_a.save()
    upload(
        admin_client,
        csv_file(
            "supervisor.a@example.org,Sari,Uusinimi,A,employee,sv",  # demoted, renamed, sv
            "supervisor.a@example.org,Sari,Uusinimi,B,supervisor,sv",  # and new in B
            "employee.a@example.org,"
            f"{org.employee_a.first_name},{org.employee_a.last_name},A,employee,fi",  # no change
            MAIJA,
        ),
    )
    record = PeopleImport.objects.get()
    page = admin_client.get(f"{UPLOAD}{record.pk}/").content.decode()
    assert "All 4 rows are valid: 1 new person will be created and invited." in page
    assert "1 person already has an account and nothing changes for them." in page
    assert "Sari Esimies → <strong>Sari Uusinimi</strong>" in page
    assert "Suomi → <strong>Svenska</strong>" in page
    assert "A: supervisor → employee <strong>(no longer supervisor)</strong>" in page
    assert "new in B: supervisor" in page
    assert "The file makes supervisors into employees" in page
    assert 'name="confirm_changes"' in page
    plan = plan_of(record)
    assert [change.email for change in plan.changes] == ["supervisor.a@example.org"]
    assert plan.demotions == 1


def test_changes_to_existing_people_need_the_confirmation(
    admin_client, org, django_capture_on_commit_callbacks
):
    upload(admin_client, csv_file("supervisor.a@example.org,E,A,A,employee,fi", MAIJA))
    record = PeopleImport.objects.get()
    before = state()
    with django_capture_on_commit_callbacks(execute=True):
        response = commit(admin_client, record, confirm=False, follow=True)
    assert "tick the box to confirm the changes" in response.content.decode()
    assert state() == before
    assert Membership.objects.get(user=org.supervisor_a, unit=org.unit_a).role == "supervisor"
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.PREVIEWED

    with django_capture_on_commit_callbacks(execute=True):
        commit(admin_client, record)
    assert Membership.objects.get(user=org.supervisor_a, unit=org.unit_a).role == "employee"
    org.supervisor_a.refresh_from_db()
    assert org.supervisor_a.get_full_name() == "E A"


def test_an_import_without_changes_to_existing_people_needs_no_checkbox(
    admin_client, org, django_capture_on_commit_callbacks
):
    upload(admin_client, csv_file(MAIJA))
    record = PeopleImport.objects.get()
    assert (
        'name="confirm_changes"' not in admin_client.get(f"{UPLOAD}{record.pk}/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        commit(admin_client, record, confirm=False)
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.COMMITTED


def test_the_commit_applies_only_the_plan_that_was_shown(
    admin_client, org, django_capture_on_commit_callbacks
):
    upload(admin_client, csv_file("employee.a@example.org,E,A,B,employee,fi", MAIJA))
    record = PeopleImport.objects.get()
    shown = plan_of(record).digest
    # Someone makes employee A a supervisor of B after the preview was shown.
    Membership.objects.create(user=org.employee_a, unit=org.unit_b, role="supervisor")
    before = state()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"{UPLOAD}{record.pk}/commit/", {"plan": shown, "confirm_changes": "on"}, follow=True
        )
    assert "changed after the preview, so nothing was imported" in response.content.decode()
    assert state() == before
    assert Membership.objects.get(user=org.employee_a, unit=org.unit_b).role == "supervisor"
    # The page now shows the new change to confirm.
    assert "B: supervisor → employee" in response.content.decode()
    # The task, too, refuses a plan that is no longer the one confirmed.
    with translation.override("en"):
        assert tasks.commit_people_import(str(record.pk), shown) == 0
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.FAILED
    assert state() == before


@pytest.mark.parametrize("plan", ["", "x" * 64, "<script>", "0" * 64])
def test_a_missing_or_forged_plan_is_refused(admin_client, org, plan):
    upload(admin_client, csv_file(MAIJA))
    record = PeopleImport.objects.get()
    before = state()
    response = admin_client.post(f"{UPLOAD}{record.pk}/commit/", {"plan": plan}, follow=True)
    assert response.status_code == 200
    assert "changed after the preview, so nothing was imported" in response.content.decode()
    assert state() == before


def test_after_the_commit_the_page_shows_the_result_and_no_import_button(
    admin_client, org, django_capture_on_commit_callbacks
):
    upload(admin_client, csv_file(MAIJA))
    record = PeopleImport.objects.get()
    commit_url = f"{UPLOAD}{record.pk}/commit/"
    # Queued, not yet run (a worker takes it): the page says so, with no button to run it again.
    response = commit(admin_client, record)
    assert response.status_code == 302 and response.url == f"{UPLOAD}{record.pk}/"
    running = admin_client.get(response.url).content.decode()
    assert "The import is running." in running
    assert commit_url not in running
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.COMMITTING
    # A second click from an old tab does nothing.
    with django_capture_on_commit_callbacks(execute=True):
        again = commit(admin_client, record, follow=True)
    assert "This import has already been run." in again.content.decode()

    tasks.commit_people_import(str(record.pk), plan_of_rows(record))
    done = admin_client.get(f"{UPLOAD}{record.pk}/").content.decode()
    assert "Imported: 1 people created, 1 memberships added or changed." in done
    assert commit_url not in done and "Import another file" in done


def plan_of_rows(record: PeopleImport) -> str:
    """The digest of the plan the administrator confirmed (before anything was written)."""
    record.refresh_from_db()
    return plan_of(record).digest
