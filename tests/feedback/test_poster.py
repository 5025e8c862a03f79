"""The waiting room's poster: an A4 PDF whose QR code decodes to the unit's public link (read
back with zxing-cpp from the page rendered by pdfium), whose words read back in Finnish, Swedish
and English with ä, ö and å, in embedded fonts; only for those who manage the link."""

import io
import time

import pdfplumber
import pypdf
import pytest
import zxingcpp
from django.urls import reverse

from feedback.models import FeedbackLink
from feedback.reports.poster import poster_pdf
from feedback.selectors.link_page import public_url
from feedback.services.links import link_for, link_renew
from tests.toolkit.factories import UnitFactory, supervisor

pytestmark = pytest.mark.django_db

WORDS = {
    "fi": ["Kerro, miten onnistuimme", "Perhepalvelut Ähtäri ja Öjä", "alle minuutin", "Luottamus"],
    "sv": ["Berätta hur vi lyckades", "Familjetjänster Åbo och Närpes", "Jämlikhet", "Förtroende"],
    "en": ["Tell us how we did", "Family services of Åland", "less than a minute", "Empathy"],
}


@pytest.fixture
def unit(db):
    return UnitFactory(
        code="FAM-1",
        name_fi="Perhepalvelut Ähtäri ja Öjä",
        name_sv="Familjetjänster Åbo och Närpes",
        name_en="Family services of Åland",
    )


def download(client, unit, language: str) -> bytes:
    response = client.get(reverse("feedback:poster", args=[unit.code, language]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="fam-1-feedback-poster-{language}.pdf"'
    )
    return response.content


def qr_texts(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        image = document.pages[0].to_image(resolution=100).original
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


def page_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) == 1
        page = document.pages[0]
        assert (round(page.width), round(page.height)) == (595, 842)  # A4 in points
        return page.extract_text()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_poster_qr_decodes_to_the_link_and_its_text_reads_back(client, unit, language):
    client.force_login(supervisor(unit))
    pdf = download(client, unit, language)
    url = public_url(link_for(unit))
    assert qr_texts(pdf) == [url]
    text = " ".join(page_text(pdf).split())
    assert url in text
    for words in WORDS[language]:
        assert words in text, (language, words)


def test_fonts_are_embedded(client, unit):
    client.force_login(supervisor(unit))
    reader = pypdf.PdfReader(io.BytesIO(download(client, unit, "sv")))
    fonts = [font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all("DejaVuSans" in str(font["/BaseFont"]) for font in fonts)
    assert all("/FontFile2" in font["/FontDescriptor"].get_object() for font in fonts)
    assert reader.metadata.title == "Responsaffisch: Familjetjänster Åbo och Närpes"


def test_a_renewed_link_makes_a_poster_of_the_new_address(client, unit):
    client.force_login(supervisor(unit))
    old = link_for(unit)
    new = link_renew(unit=unit)
    assert qr_texts(download(client, unit, "fi")) == [public_url(new)]
    assert public_url(old) not in page_text(download(client, unit, "fi"))


def test_a_long_unit_name_and_address_still_fit_and_scan(unit, settings):
    settings.SITE_URL = "https://palautteet.hyvinvointialue-esimerkki.fi"
    unit.name_fi = "Ikäihmisten kotihoidon ja päivätoiminnan yhteinen palveluohjausyksikkö " * 2
    link = FeedbackLink.objects.create(unit=unit, code="abcdefghjk", created_on="2026-01-01")
    pdf = poster_pdf(unit=unit, link=link, language="fi")
    assert qr_texts(pdf) == [public_url(link)]
    assert public_url(link) in page_text(pdf).replace("\n", "")


def test_poster_in_an_unknown_language_is_404(client, unit):
    client.force_login(supervisor(unit))
    for language in ("de", "xx", "<script>"):
        response = client.get(f"/fi/feedback/units/{unit.code}/poster/{language}/")
        assert response.status_code == 404


def test_poster_is_light_enough_to_make_within_the_request(unit):
    """Made in the request, not in a task: well under 100 ms once the fonts are loaded (about
    30 ms on the development machine); the bound here leaves room for a busy test machine."""
    link = link_for(unit)
    poster_pdf(unit=unit, link=link, language="fi")  # the fonts, once per process
    started = time.perf_counter()
    for language in ("fi", "sv", "en"):
        poster_pdf(unit=unit, link=link, language=language)
    assert (time.perf_counter() - started) / 3 < 0.5
