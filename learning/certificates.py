"""Course certificates as PDF (ReportLab, fonts embedded), made in a Celery task per language.

The stored file's name is random (certificates/<uuid>.pdf) and is only served to its owner; the
verification code printed on it lets anyone check the certificate on the public page."""

from __future__ import annotations

import io
import logging
import uuid
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from toolkit.pdf_fonts import FONT, FONT_BOLD, register_fonts
from toolkit.storage import private_storage

from .models import Certificate

logger = logging.getLogger(__name__)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PREPARING_TIMEOUT = 15 * 60
INK = colors.HexColor("#1d2a33")
ACCENT = colors.HexColor("#0f5c5a")


def certificate_pdf(*, certificate: Certificate, language: str) -> bytes:
    """The certificate as a one-page landscape A4 PDF in `language`."""
    register_fonts()
    with translation.override(language):
        title = _("Certificate of completion")
        course = certificate.course_title(language)
        body = ParagraphStyle("body", fontName=FONT, fontSize=14, leading=20, textColor=INK)
        big = ParagraphStyle("big", parent=body, fontName=FONT_BOLD, fontSize=30, leading=38)
        name = ParagraphStyle("name", parent=big, fontSize=24, leading=32, textColor=ACCENT)
        small = ParagraphStyle("small", parent=body, fontSize=10, leading=14)
        verify_url = f"{settings.SITE_URL.rstrip('/')}/{language}/learning/verify/"
        story = [
            Paragraph(escape(title), big),
            Spacer(1, 14 * mm),
            Paragraph(escape(certificate.learner_name), name),
            Spacer(1, 4 * mm),
            Paragraph(escape(_("has completed the course")), body),
            Spacer(1, 4 * mm),
            Paragraph(escape(course), ParagraphStyle("course", parent=name, textColor=INK)),
            Spacer(1, 8 * mm),
            Paragraph(
                escape(
                    _("Completed on %(date)s") % {"date": date_format(certificate.completed_on)}
                ),
                body,
            ),
            Spacer(1, 20 * mm),
            Paragraph(escape(_("Verification code: %(code)s") % {"code": certificate.code}), small),
            Paragraph(escape(_("Verify at %(url)s") % {"url": verify_url}), small),
        ]
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer,
            pagesize=landscape(A4),
            leftMargin=25 * mm,
            rightMargin=25 * mm,
            topMargin=25 * mm,
            bottomMargin=20 * mm,
            title=f"{title}: {course}",
            author="Arvokas",
            subject=course,
            lang=language,
        )
        document.build(story)
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
    from .tasks import build_certificate

    if language not in LANGUAGES:
        raise ValueError(language)
    cache.set(_preparing_key(certificate, language), True, PREPARING_TIMEOUT)
    if language in certificate.failed_languages:  # a retry: forget the earlier failure
        certificate.failed_languages = [c for c in certificate.failed_languages if c != language]
        certificate.save(update_fields=["failed_languages"])
    try:
        build_certificate.delay(certificate.pk, language)
    except Exception:
        logger.exception("Certificate %s could not be prepared", certificate.pk)
        certificate_pdf_failed(certificate_id=certificate.pk, language=language)
