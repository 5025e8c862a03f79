"""Unit report PDFs and certificates are private: stored outside the public media folder, so no
/media/ URL reaches them in any mode, and handed out only by views that check permission, with
Cache-Control: no-store."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

from assessments.services import report_jobs as jobs
from learning.models import Certificate
from tests.learning.test_progress import complete_all_required
from toolkit.storage import check_private_storage, private_storage

pytestmark = pytest.mark.urls("tests.dev_media_urls")  # /media/ served as DEBUG serves it


def prepared_report(client, org, round) -> tuple[str, str]:
    """(download URL, stored name) of a unit report the supervisor of unit A prepared."""
    client.force_login(org.supervisor_a)
    status_url = client.post(f"/fi/assessments/rounds/{round.pk}/report/").url
    job_id = status_url.rstrip("/").rsplit("/", 1)[-1]
    client.logout()
    return status_url + "download/", jobs.job_get(job_id)["name"]


@pytest.fixture
def earned_certificate(org, lessons, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complete_all_required(org.employee_a, lessons)
    return Certificate.objects.get()


def assert_private(name: str) -> None:
    """The file is in the private storage, and neither in nor under the public media folder."""
    assert private_storage().exists(name)
    assert not default_storage.exists(name)
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media not in Path(private_storage().path(name)).resolve().parents


def assert_no_file(response) -> None:
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_report_pdf_is_private_and_served_only_to_who_prepared_it(client, org, closed):
    download_url, name = prepared_report(client, org, closed)
    assert_private(name)
    media_url = f"{settings.MEDIA_URL}{name}"
    assert_no_file(client.get(media_url))  # anonymous
    assert_no_file(client.get(download_url))
    for who in ("employee_b", "supervisor_b", "trainer", "employee_a"):
        client.force_login(getattr(org, who))
        assert_no_file(client.get(media_url))
        assert_no_file(client.get(download_url))
    client.force_login(org.supervisor_a)
    assert_no_file(client.get(media_url))  # no public URL, not even for the permitted one
    response = client.get(download_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))


def test_certificate_pdf_is_private_and_served_only_to_its_owner(client, org, earned_certificate):
    name = earned_certificate.files["fi"]
    assert_private(name)
    media_url = f"{settings.MEDIA_URL}{name}"
    download_url = f"/fi/learning/certificates/{earned_certificate.code}/fi.pdf"
    assert_no_file(client.get(media_url))
    assert_no_file(client.get(download_url))
    for who in ("employee_b", "supervisor_a", "trainer", "administrator"):
        client.force_login(getattr(org, who))
        assert_no_file(client.get(media_url))
        assert_no_file(client.get(download_url))
    client.force_login(org.employee_a)
    assert_no_file(client.get(media_url))
    response = client.get(download_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))


def test_public_media_stay_public(client, db):
    """The check above is not a media folder that serves nothing: Wagtail's images still work."""
    name = default_storage.save("original_images/test.txt", ContentFile(b"public"))
    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 200


def test_files_made_before_the_private_storage_are_moved_out_of_the_media_folder(
    org, earned_certificate
):
    old_certificate = default_storage.save("certificates/old.pdf", ContentFile(b"%PDF old"))
    old_report = default_storage.save("reports/old.pdf", ContentFile(b"%PDF report"))
    earned_certificate.files = {"sv": old_certificate}
    earned_certificate.save()
    migration = importlib.import_module(
        "learning.migrations.0003_hardening_private_certificate_files"
    )
    migration.move_to_private(apps, None)
    earned_certificate.refresh_from_db()
    assert_private(earned_certificate.files["sv"])
    assert private_storage().open(earned_certificate.files["sv"]).read() == b"%PDF old"
    assert not default_storage.exists(old_report)


def test_private_storage_has_no_url():
    with pytest.raises(ValueError, match="private"):
        private_storage().url("reports/x.pdf")


def test_a_private_folder_inside_the_media_folder_is_a_system_check_error(tmp_path):
    inside = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "toolkit.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(Path(settings.MEDIA_ROOT) / "private")},
        },
    }
    with override_settings(STORAGES=inside):
        assert [error.id for error in check_private_storage(None)] == ["toolkit.E002"]
    assert check_private_storage(None) == []
