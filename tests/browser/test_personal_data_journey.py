"""Personal data in a real browser: an employee finds "My data" among the account pages and
downloads the ZIP; an administrator erases a person in the admin and finds it in the audit log."""

import io
import json
import zipfile

import pytest
from playwright.sync_api import expect

from toolkit.models import User

from .conftest import assert_accessible, login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

EMPLOYEE = "tyontekija@example.org"
ADMIN = "admin@example.org"
COLLEAGUE = "demo-po.1@example.org"


def test_employee_downloads_their_data_in_finnish_and_swedish(page, demo_site):
    login(page, EMPLOYEE)
    page.get_by_role("link", name="Oma tili").click()
    page.get_by_role("link", name="Omat tietoni").click()
    page.wait_for_url("**/fi/account/data/")
    assert_accessible(page)
    screenshot(page, "my-data-fi")
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa tietoni (ZIP)").click()
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    assert json.loads(archive.read("profile.json"))["email"] == EMPLOYEE
    page.goto("/sv/account/data/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina uppgifter", use_inner_text=True)
    assert_accessible(page)
    screenshot(page, "my-data-sv")


def test_administrator_erases_a_person_and_reads_the_audit_log(page, demo_site):
    login(page, ADMIN)
    page.goto("/cms/people/erase/")
    page.get_by_label("Henkilön sähköpostiosoite").fill(COLLEAGUE)
    page.get_by_label("Sama osoite uudelleen vahvistukseksi").fill("someone.else@example.org")
    page.get_by_role("button", name="Poista henkilön tiedot").click()
    assert page.get_by_role("alert").inner_text().startswith("Osoitteet eroavat")
    assert User.objects.filter(email=COLLEAGUE).exists()
    page.get_by_label("Sama osoite uudelleen vahvistukseksi").fill(COLLEAGUE)
    page.get_by_role("button", name="Poista henkilön tiedot").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("Henkilön henkilötiedot on poistettu.")).to_be_visible()
    screenshot(page, "admin-erase-person")
    assert not User.objects.filter(email=COLLEAGUE).exists()

    page.goto("/cms/people/audit-log/")
    row = page.locator("tbody tr").first
    expect(row).to_contain_text("henkilön tietojen poisto", use_inner_text=True)
    screenshot(page, "admin-audit-log")
