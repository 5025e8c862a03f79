"""Certificate PDFs: made by a Celery task in the learner's language, text and metadata right,
fonts embedded; a failure is recorded and can be retried."""

import datetime

import pytest

from learning.certificates import certificate_pdf, certificate_pdf_prepare
from learning.models import Certificate
from learning.selectors import certificate_languages
from learning.tasks import build_certificate
from tests.assessments.test_reports import embedded_fonts, pdf_text
from toolkit.storage import private_storage


@pytest.fixture
def certificate(org, course):
    return Certificate.objects.create(
        user=org.employee_a,
        course_key=course.translation_key,
        learner_name="Åsa Mäkelä-Sámi Ŋ",
        course_titles={"fi": "Hyvä kohtaaminen", "sv": "Gott bemötande"},
        completed_on=datetime.date(2026, 11, 20),
    )


@pytest.mark.parametrize(
    ("language", "title", "date"),
    [
        ("fi", "Hyvä kohtaaminen", "20.11.2026"),
        ("sv", "Gott bemötande", "20.11.2026"),
    ],
)
def test_pdf_names_learner_course_date_and_code(certificate, language, title, date):
    reader, text = pdf_text(certificate_pdf(certificate=certificate, language=language))
    flat = " ".join(text.split())
    assert "Åsa Mäkelä-Sámi Ŋ" in flat and title in flat and date in flat
    assert certificate.code in flat
    assert title in reader.metadata.title and reader.metadata.author == "Arvokas"
    assert reader.trailer["/Root"]["/Lang"] == language
    assert any("DejaVuSans" in name for name in embedded_fonts(reader))


def test_english_falls_back_to_the_finnish_course_title(certificate):
    _reader, text = pdf_text(certificate_pdf(certificate=certificate, language="en"))
    assert "Hyvä kohtaaminen" in text and "Certificate of completion" in text


def test_the_task_stores_the_pdf_and_records_it(certificate):
    name = build_certificate.apply(args=(certificate.pk, "sv")).get()
    certificate.refresh_from_db()
    assert certificate.files == {"sv": name} and private_storage().exists(name)
    states = {lang.code: lang.state for lang in certificate_languages(certificate=certificate)}
    assert states["sv"] == "ready"


def test_a_failed_task_is_recorded_and_a_retry_clears_it(certificate, monkeypatch):
    def broken(**kwargs):
        raise ValueError("broken template")

    monkeypatch.setattr("learning.tasks.certificate_pdf_store", broken)
    with pytest.raises(ValueError):
        build_certificate.apply(args=(certificate.pk, "fi"), throw=True)
    certificate.refresh_from_db()
    assert certificate.failed_languages == ["fi"]
    assert {lang.code: lang.state for lang in certificate_languages(certificate=certificate)}[
        "fi"
    ] == "failed"
    monkeypatch.undo()
    certificate_pdf_prepare(certificate, "fi")
    certificate.refresh_from_db()
    assert certificate.failed_languages == [] and "fi" in certificate.files


def test_unknown_language_is_refused(certificate):
    with pytest.raises(ValueError):
        certificate_pdf_prepare(certificate, "de")
