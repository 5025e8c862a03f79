"""Certificate PDFs: made by a Celery task in the learner's language, text and metadata right,
fonts embedded; a failure is recorded and can be retried."""

import datetime
import io
from urllib.parse import urlsplit

import pdfplumber
import pytest
import zxingcpp
from django.utils import translation
from django.utils.formats import date_format
from wagtail.models import Site

from cms.models import SiteSettings
from learning.models import Certificate
from learning.reports.certificates import certificate_pdf, certificate_pdf_prepare
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
    ("language", "title"), [("fi", "Hyvä kohtaaminen"), ("sv", "Gott bemötande")]
)
def test_pdf_names_learner_course_date_and_code(certificate, language, title):
    with translation.override(language):
        date = date_format(certificate.completed_on, "SHORT_DATE_FORMAT")
    assert date == "20.11.2026"  # d.m.yyyy in every language
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


@pytest.fixture
def organisation(home) -> str:
    """The organisation named in the site settings (the certificate's issuer)."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name = "Testilän hyvinvointialue"
    site_settings.save()
    return site_settings.organisation_name


def pdf_page(data: bytes):
    pdf = pdfplumber.open(io.BytesIO(data))
    assert len(pdf.pages) == 1
    return pdf.pages[0]


def assert_inside_the_page(page) -> None:
    """No character runs outside the page, or into the frame's 10 mm margin."""
    margin = 10 / 25.4 * 72
    for char in page.chars:
        assert char["x0"] >= margin and char["x1"] <= page.width - margin, char["text"]
        assert char["top"] >= margin and char["bottom"] <= page.height - margin, char["text"]


@pytest.mark.parametrize(
    ("language", "labels"),
    [("fi", ("Kesto", "Suoritettu", "Myöntäjä")), ("sv", ("Längd", "Genomförd", "Utfärdat av"))],
)
def test_pdf_has_the_organisation_duration_date_and_issuer_on_a_landscape_page(
    certificate, organisation, language, labels
):
    page = pdf_page(certificate_pdf(certificate=certificate, language=language))
    assert page.width > page.height  # landscape A4
    assert round(page.width) == 842 and round(page.height) == 595
    text = " ".join(page.extract_text().split())
    assert organisation in text
    assert "Hyvä kohtaaminen" in text or "Gott bemötande" in text
    assert "1 h" in text  # the course's estimated time: 60 minutes
    with translation.override(language):
        assert date_format(certificate.completed_on, "SHORT_DATE_FORMAT") in text
    for label in labels:
        assert label in text
    assert text.count("Testilän") >= 2  # at the top and as the issuer
    assert_inside_the_page(page)
    # The content fills the page: from near the top to near the bottom.
    assert min(c["top"] for c in page.chars) < page.height * 0.2
    assert max(c["bottom"] for c in page.chars) > page.height * 0.8


def test_finnish_pdf_dates_are_day_month_year(certificate, organisation):
    text = pdf_page(certificate_pdf(certificate=certificate, language="fi")).extract_text()
    assert "20.11.2026" in text


def test_long_names_still_fit_the_page_and_no_word_is_broken(certificate, organisation):
    certificate.learner_name = "Anna-Kaisa Marjatta Pohjanpalo-Väänänen-Kyllönen-Heikkinen"
    certificate.course_titles = {
        "fi": "Asiakaslähtöisyys, osallisuus ja ihmisarvon kunnioittaminen sosiaali- ja "
        "terveyspalveluissa: kohtaaminen, palveluohjaus ja asiakasraadit käytännössä"
    }
    page = pdf_page(certificate_pdf(certificate=certificate, language="fi"))
    assert_inside_the_page(page)
    words = {word["text"] for word in page.extract_words()}
    for word in (certificate.learner_name + " " + certificate.course_titles["fi"]).split():
        assert word in words, word


def test_the_qr_code_leads_to_the_verification_page_which_confirms_the_certificate(
    client, certificate, organisation, org
):
    page = pdf_page(certificate_pdf(certificate=certificate, language="fi"))
    image = page.to_image(resolution=150).original
    (barcode,) = zxingcpp.read_barcodes(image)
    assert barcode.format == zxingcpp.BarcodeFormat.QRCode
    url = urlsplit(barcode.text)
    assert url.path == "/fi/learning/verify/" and url.query == f"code={certificate.code}"
    assert barcode.text in " ".join(page.extract_text().split())  # printed too

    response = client.get(f"{url.path}?{url.query}")
    assert response.status_code == 200
    text = response.text
    assert "Åsa Mäkelä-Sámi Ŋ" in text and "Hyvä kohtaaminen" in text
    assert certificate.completed_on.strftime("%Y") in text
    # Nothing else about the person: no e-mail, no other course, no link to the PDF.
    assert org.employee_a.email not in text and "Gott bemötande" not in text
    assert ".pdf" not in text
    assert '<meta name="robots" content="noindex">' in text


def test_verification_is_rate_limited_per_address(client, certificate):
    url = f"/fi/learning/verify/?code={certificate.code}"
    for _number in range(30):
        assert client.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 429
    assert "Åsa" not in response.text and "liian monta tarkistusta" in response.text
    # Another address is not affected.
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200
