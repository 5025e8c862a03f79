"""Course certificates as PDF (ReportLab, fonts embedded), made in a Celery task per language.

The stored file's name is random (certificates/<uuid>.pdf) and is only served to its owner; the
verification code printed on it lets anyone check the certificate on the public page."""

from __future__ import annotations

import io
import logging
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from toolkit.outbox import registered_task
from toolkit.pdf_fonts import FONT, FONT_BOLD, register_fonts
from toolkit.storage import private_storage

from ..models import Certificate, CoursePage

logger = logging.getLogger(__name__)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PREPARING_TIMEOUT = 15 * 60
INK = colors.HexColor("#1d2a33")
ACCENT = colors.HexColor("#0f5c5a")
MUTED = colors.HexColor("#4a5760")
RULE = colors.HexColor("#9fb3b2")
PAPER = colors.HexColor("#fbfaf6")


PAGE = landscape(A4)
MARGIN = 22 * mm  # the text area's distance from the paper's edge, inside the frame
QR_SIZE = 34 * mm
FACTS_WIDTH = 210 * mm


@dataclass(frozen=True)
class CertificateFacts:
    """Everything the certificate says, in one language."""

    title: str
    organisation: str
    learner: str
    course: str
    duration: str
    date: str
    issuer: str
    code: str
    verify_url: str


def _organisation_name(language: str) -> str:
    """The organisation of the site settings, in the language where it has one."""
    from wagtail.models import Site

    from cms.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    site_settings = SiteSettings.for_site(site)
    return (
        getattr(site_settings, f"organisation_name_{language}", "")
        or site_settings.organisation_name
    )


def _duration(certificate: Certificate, language: str) -> str:
    """The course's estimated time, from its page in `language` or its Finnish source."""
    pages = dict(
        CoursePage.objects.filter(translation_key=certificate.course_key).values_list(
            "locale__language_code", "estimated_minutes"
        )
    )
    minutes = pages.get(language) or pages.get("fi") or next(iter(pages.values()), None)
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}


def verification_url(certificate: Certificate, language: str) -> str:
    """The public page that confirms the certificate, with its code (printed and in the QR)."""
    with translation.override(language):
        path = reverse("learning:verify")
    return f"{settings.SITE_URL.rstrip('/')}{path}?{urlencode({'code': certificate.code})}"


def certificate_facts(*, certificate: Certificate, language: str) -> CertificateFacts:
    """The certificate's texts in `language` (dates as the language's short date format)."""
    with translation.override(language):
        organisation = _organisation_name(language)
        return CertificateFacts(
            title=_("Certificate of completion"),
            organisation=organisation,
            learner=certificate.learner_name,
            course=certificate.course_title(language),
            duration=_duration(certificate, language),
            date=date_format(certificate.completed_on, "SHORT_DATE_FORMAT"),
            issuer=organisation or "Arvokas",
            code=certificate.code,
            verify_url=verification_url(certificate, language),
        )


def _fit(text: str, style: ParagraphStyle, width: float, max_height: float) -> Paragraph:
    """A paragraph of `text` that fits the box, the font made smaller until it does."""
    size = style.fontSize
    while True:
        fitted = ParagraphStyle(
            f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.25
        )
        paragraph = Paragraph(escape(text), fitted)
        _w, height = paragraph.wrap(width, max_height)
        longest = max((stringWidth(w, fitted.fontName, size) for w in text.split()), default=0)
        if (height <= max_height and longest <= width) or size <= 7:
            return paragraph
        size -= 1


def _draw(c: canvas.Canvas, paragraph: Paragraph, x: float, top: float, width: float) -> float:
    """Draw the paragraph with its top at `top`; returns where it ends."""
    _w, height = paragraph.wrap(width, PAGE[1])
    paragraph.drawOn(c, x, top - height)
    return top - height


def _qr(c: canvas.Canvas, url: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, c, x, y)


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=13, leading=17, textColor=INK, alignment=TA_CENTER
    )
    return {
        "body": body,
        "organisation": ParagraphStyle(
            "organisation", parent=body, fontName=FONT_BOLD, fontSize=18, textColor=ACCENT
        ),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=40),
        "learner": ParagraphStyle(
            "learner", parent=body, fontName=FONT_BOLD, fontSize=34, textColor=ACCENT
        ),
        "course": ParagraphStyle("course", parent=body, fontName=FONT_BOLD, fontSize=26),
        "label": ParagraphStyle("label", parent=body, fontSize=11, textColor=MUTED),
        "fact": ParagraphStyle("fact", parent=body, fontName=FONT_BOLD, fontSize=15),
        "small": ParagraphStyle(
            "small", parent=body, fontSize=9, leading=12, alignment=TA_RIGHT, textColor=MUTED
        ),
        "code": ParagraphStyle(
            "code", parent=body, fontName=FONT_BOLD, fontSize=11, leading=14, alignment=TA_RIGHT
        ),
    }


def _draw_frame(c: canvas.Canvas) -> None:
    width, height = PAGE
    c.setFillColor(PAPER)
    c.rect(0, 0, width, height, stroke=0, fill=1)
    c.setStrokeColor(ACCENT)
    c.setLineWidth(3)
    c.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    c.setLineWidth(0.75)
    c.rect(13 * mm, 13 * mm, width - 26 * mm, height - 26 * mm)
    c.setFillColor(ACCENT)
    c.rect(13 * mm, height - 17 * mm, width - 26 * mm, 4 * mm, stroke=0, fill=1)


def _facts_row(facts: CertificateFacts, styles) -> list[tuple[Paragraph, Paragraph]]:
    """Duration, date and issuer, each a label and a value."""
    items = [
        (_("Duration"), facts.duration),
        (_("Completed on"), facts.date),
        (_("Issued by"), facts.issuer),
    ]
    column = FACTS_WIDTH / 3
    return [
        (
            _fit(label, styles["label"], column - 8 * mm, 16),
            _fit(value, styles["fact"], column - 8 * mm, 40),
        )
        for label, value in items
        if value
    ]


def _draw_facts(c: canvas.Canvas, row, top: float) -> float:
    """The facts side by side under the course, centred on the page."""
    column = FACTS_WIDTH / 3
    left = (PAGE[0] - column * len(row)) / 2
    lowest = top
    for number, (label, value) in enumerate(row):
        x = left + number * column + 4 * mm
        end = _draw(c, label, x, top, column - 8 * mm)
        lowest = min(lowest, _draw(c, value, x, end - 1.5 * mm, column - 8 * mm))
    return lowest


def _facts_height(row) -> float:
    return max(
        label.wrap(FACTS_WIDTH / 3 - 8 * mm, PAGE[1])[1]
        + 1.5 * mm
        + value.wrap(FACTS_WIDTH / 3 - 8 * mm, PAGE[1])[1]
        for label, value in row
    )


def _draw_verification(c: canvas.Canvas, facts: CertificateFacts, styles) -> float:
    """The QR code (bottom right) and, beside it, the code and the address it leads to.
    Returns the top of this area."""
    x, y = PAGE[0] - MARGIN - QR_SIZE, MARGIN
    _qr(c, facts.verify_url, x, y, QR_SIZE)
    text_width = 110 * mm
    paragraphs = [
        _fit(
            _("Verification code: %(code)s") % {"code": facts.code}, styles["code"], text_width, 30
        ),
        _fit(
            _("Check the certificate by scanning the QR code or at"),
            styles["small"],
            text_width,
            24,
        ),
        _fit(facts.verify_url, styles["small"], text_width, 24),
    ]
    height = sum(p.wrap(text_width, PAGE[1])[1] for p in paragraphs) + 2 * mm
    top = y + height
    for number, paragraph in enumerate(paragraphs):
        top = _draw(c, paragraph, x - text_width - 5 * mm, top, text_width)
        if number == 0:
            top -= 2 * mm
    return y + QR_SIZE


def certificate_pdf(*, certificate: Certificate, language: str) -> bytes:
    """The certificate as a one-page landscape A4 PDF in `language`: the organisation, the
    learner, the course and its duration, the date, the issuer and a QR code that leads to the
    public verification page with the certificate's code. Fonts embedded. The blocks are spread
    over the page's height, so a short course name does not leave the lower half empty."""
    register_fonts()
    facts = certificate_facts(certificate=certificate, language=language)
    styles = _styles()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=PAGE, pageCompression=1, lang=language)
    c.setTitle(f"{facts.title}: {facts.course}")
    c.setAuthor("Arvokas")
    c.setSubject(facts.course)
    c.setCreator("Arvokas")
    width = PAGE[0] - 2 * MARGIN
    with translation.override(language):
        _draw_frame(c)
        bottom = _draw_verification(c, facts, styles) + 8 * mm
        # (paragraph, its left edge, its width, share of the free height above it)
        blocks = [
            (_fit(facts.title, styles["title"], width, 50), MARGIN, width, 1.2),
            (_fit(facts.learner, styles["learner"], width, 80), MARGIN, width, 1.3),
            (_fit(_("has completed the course"), styles["body"], width, 20), MARGIN, width, 0.5),
            (
                _fit(facts.course, styles["course"], width - 40 * mm, 64),
                MARGIN + 20 * mm,
                width - 40 * mm,
                0.4,
            ),
        ]
        top = PAGE[1] - MARGIN - 2 * mm
        if facts.organisation:
            top = _draw(
                c, _fit(facts.organisation, styles["organisation"], width, 40), MARGIN, top, width
            )
        row = _facts_row(facts, styles)
        used = sum(p.wrap(w, PAGE[1])[1] for p, _x, w, _share in blocks) + _facts_height(row)
        rule_share, facts_share = 0.8, 0.6
        shares = sum(share for *_rest, share in blocks) + rule_share + facts_share
        unit = max(0.0, (top - bottom - used) / shares)
        for paragraph, x, block_width, share in blocks:
            top = _draw(c, paragraph, x, top - share * unit, block_width)
        rule_y = top - rule_share * unit / 2
        c.setStrokeColor(RULE)
        c.setLineWidth(0.75)
        c.line(PAGE[0] / 2 - 45 * mm, rule_y, PAGE[0] / 2 + 45 * mm, rule_y)
        _draw_facts(c, row, top - (rule_share + facts_share) * unit)
    c.showPage()
    c.save()
    return buffer.getvalue()


def certificate_pdf_store(*, certificate_id: int, language: str) -> str:
    """Make and store the PDF, and record its name on the certificate (called by the task)."""
    certificate = Certificate.objects.get(pk=certificate_id)
    pdf = certificate_pdf(certificate=certificate, language=language)
    name = private_storage().save(f"certificates/{uuid.uuid4().hex}.pdf", ContentFile(pdf))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
        certificate.files = {**certificate.files, language: name}
        certificate.failed_languages = [c for c in certificate.failed_languages if c != language]
        certificate.save(update_fields=["files", "failed_languages"])
    return name


def certificate_pdf_failed(*, certificate_id: int, language: str) -> None:
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
        if language not in certificate.failed_languages:
            certificate.failed_languages = [*certificate.failed_languages, language]
            certificate.save(update_fields=["failed_languages"])


def _preparing_key(certificate: Certificate, language: str) -> str:
    return f"learning:certificate:{certificate.pk}:{language}"


def certificate_pdf_preparing(certificate: Certificate, language: str) -> bool:
    """Whether a PDF was asked for recently and has neither arrived nor failed yet."""
    return bool(cache.get(_preparing_key(certificate, language)))


def certificate_pdf_prepare(certificate: Certificate, language: str) -> None:
    """Queue the PDF in `language`; a failure to queue is recorded so the page offers a retry."""

    if language not in LANGUAGES:
        raise ValueError(language)
    cache.set(_preparing_key(certificate, language), True, PREPARING_TIMEOUT)
    if language in certificate.failed_languages:  # a retry: forget the earlier failure
        certificate.failed_languages = [c for c in certificate.failed_languages if c != language]
        certificate.save(update_fields=["failed_languages"])
    try:
        registered_task("learning.tasks.build_certificate").delay(certificate.pk, language)
    except Exception:
        logger.exception("Certificate %s could not be prepared", certificate.pk)
        certificate_pdf_failed(certificate_id=certificate.pk, language=language)
