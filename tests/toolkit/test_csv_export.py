"""CSV injection: every CSV the site serves neutralises cells that spreadsheets run as formulas
(our own exports and Wagtail's), and no form that sets a person's name accepts such a name."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log

from toolkit.csv_export import neutralise, write_rows
from toolkit.models import User
from toolkit.validators import validate_person_name
from toolkit.wagtail_exports import _neutralised_csv_row

HOSTILE = ['=HYPERLINK("http://evil","x")', "+31", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("cell", HOSTILE)
def test_cells_that_spreadsheets_run_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell
    rows = list(csv.reader(io.StringIO(write_rows([[cell, "ok"]]).lstrip("\ufeff")), delimiter=";"))
    assert rows == [["'" + cell, "ok"]]


@pytest.mark.parametrize("cell", ["Maija", "Ålund-Berg", "3,5", "", None, 4])
def test_ordinary_cells_are_written_as_they_are(cell):
    assert neutralise(cell) == ("" if cell is None else str(cell))


def test_wagtail_exports_write_rows_through_the_neutralising_method():
    # Fails when a Wagtail upgrade renames the method its exports write CSV rows with.
    assert SpreadsheetExportMixin.write_csv_row is _neutralised_csv_row


def test_site_history_csv_neutralises_a_hostile_name(admin_client, org):
    # A name stored before names were checked (or written past the forms, in the database).
    User.objects.filter(pk=org.trainer.pk).update(first_name="=HYPERLINK(1)", last_name="@x")
    org.trainer.refresh_from_db()
    log(instance=org.unit_a, action="wagtail.edit", user=org.trainer)
    response = admin_client.get("/cms/reports/site-history/?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=HYPERLINK(1)") for cell in cells), rows
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), rows


@pytest.mark.parametrize("name", [*HOSTILE[:4], "Ma\x00ija", "Maija\nVirtanen", "  =1+1"])
def test_the_name_validator_refuses_formulas_and_control_characters(name):
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            validate_person_name(name)
        assert raised.value.messages[0].startswith("A name may not")


@pytest.mark.parametrize("name", ["Maija", "Anna-Liisa", "O'Brien", "Ålund", "D. J.", "<b>x</b>"])
def test_the_name_validator_accepts_real_names(name):
    validate_person_name(name)


def user_form(**changes) -> dict:
    return {
        "email": "new.person@example.org",
        "first_name": "Uusi",
        "last_name": "Henkilö",
        "password1": "a-long-password-1234",
        "password2": "a-long-password-1234",
        "is_active": "on",
        **changes,
    }


@pytest.mark.parametrize("field", ["first_name", "last_name"])
@pytest.mark.parametrize("name", ["=HYPERLINK(1)", "@SUM(A1)", "Ma\x00ija"])
def test_wagtail_user_creation_form_refuses_a_hostile_name(admin_client, org, field, name):
    before = User.objects.count()
    response = admin_client.post("/cms/users/new/", user_form(**{field: name}))
    assert response.status_code == 200  # the form again, with the error
    page = response.content.decode()
    assert "A name may not" in page or "Null characters are not allowed" in page  # Django's own
    assert User.objects.count() == before


@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_wagtail_user_edit_form_refuses_a_hostile_name(admin_client, org, field):
    person = org.employee_a
    data = user_form(
        email=person.email, password1="", password2="", **{field: "+cmd|' /C calc'!A0"}
    )
    response = admin_client.post(f"/cms/users/edit/{person.pk}/", data)
    assert response.status_code == 200
    assert "A name may not start with “+”" in response.content.decode()
    person.refresh_from_db()
    assert not person.first_name.startswith("+") and not person.last_name.startswith("+")


def test_wagtail_user_forms_accept_a_real_name(admin_client, org):
    response = admin_client.post("/cms/users/new/", user_form(last_name="Ålund-Berg"))
    assert response.status_code == 302
    assert User.objects.get(email="new.person@example.org").last_name == "Ålund-Berg"


def test_wagtail_account_name_form_refuses_a_hostile_name(admin_client, org):
    response = admin_client.post(
        "/cms/account/",
        {
            "name_email-first_name": "=1+1",
            "name_email-last_name": "Admin",
            "name_email-email": org.administrator.email,
            "locale-preferred_language": "en",
        },
    )
    org.administrator.refresh_from_db()
    assert org.administrator.first_name != "=1+1"
    assert response.status_code == 200
