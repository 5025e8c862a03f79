"""The waiting room's poster of a unit's feedback link: one A4 page (ReportLab, fonts embedded)
with an invitation, the unit's name, a large QR code drawn as vector shapes (sharp at any print
size) and the address in plain text for those who type it, in Finnish, Swedish or English.

It is made within the request: one page of text and a few hundred rectangles take some tens of
milliseconds, less than queueing a task and polling for it would (see test_poster.py)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from toolkit.models import Unit
from toolkit.pdf_fonts import FONT, FONT_BOLD, register_fonts
from toolkit.values import ValueKey

from ..models import FeedbackLink
from ..qr import qr_dark_runs
from ..selectors.link_page import public_url

INK = colors.HexColor("#1d2a33")
ACCENT = colors.HexColor("#0f5c5a")
MUTED = colors.HexColor("#4a5760")
RULE = colors.HexColor("#9fb3b2")
WIDTH, HEIGHT = A4
MARGIN = 20 * mm
QR_SIZE = 135 * mm  # scans from a couple of metres, e.g. across a waiting room
TEXT_WIDTH = WIDTH - 2 * MARGIN


def _style(name: str, *, size: float, bold: bool = False, color=INK) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=size * 1.25,
        textColor=color,
        alignment=TA_CENTER,
    )


def _fitted(text: str, style: ParagraphStyle, max_lines: int = 2) -> Paragraph:
    """The text centred in the text width, its font made smaller until no word overflows and
    it takes at most `max_lines` lines (a long unit name, a long address)."""
    size = style.fontSize
    while True:
        fitted = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size)
        fitted.leading = size * 1.25
        paragraph = Paragraph(escape(text), fitted)
        _width, height = paragraph.wrap(TEXT_WIDTH, HEIGHT)
        longest = max((stringWidth(w, fitted.fontName, size) for w in text.split()), default=0)
        if (longest <= TEXT_WIDTH and height <= max_lines * fitted.leading + 1) or size <= 8:
            return paragraph
        size -= 1


def _draw(c: canvas.Canvas, paragraph: Paragraph, top: float) -> float:
    """The paragraph with its top at `top`; returns where it ends."""
    _width, height = paragraph.wrap(TEXT_WIDTH, HEIGHT)
    paragraph.drawOn(c, MARGIN, top - height)
    return top - height


def _draw_qr(c: canvas.Canvas, url: str, top: float) -> float:
    """The QR code centred under `top`, its quiet zone included in QR_SIZE; one filled path of
    the dark runs, so no seams show between modules."""
    border = 4
    modules, runs = qr_dark_runs(url)
    module = QR_SIZE / (modules + 2 * border)
    left = (WIDTH - QR_SIZE) / 2 + border * module
    upper = top - border * module
    path = c.beginPath()
    for row, column, length in runs:
        path.rect(left + column * module, upper - (row + 1) * module, length * module, module)
    c.setFillColor(colors.black)
    c.drawPath(path, stroke=0, fill=1)
    return top - QR_SIZE


def poster_texts(*, unit: Unit, link: FeedbackLink, language: str) -> dict[str, str]:
    """The poster's words in `language`."""
    with translation.override(language):
        values = " · ".join(str(label) for _key, label in ValueKey.choices)
        return {
            "heading": _("Tell us how we did"),
            "unit": unit.name,
            "invitation": _(
                "Answer a few short questions on your phone. It takes less than a minute. "
                "You need no account, and nobody sees who answered."
            ),
            "scan": _("Scan the code with your phone's camera, or type the address:"),
            "url": public_url(link),
            "values": _("The questions are about our values: %(values)s") % {"values": values},
            "title": _("Feedback poster: %(unit)s") % {"unit": unit.name},
        }


def poster_pdf(*, unit: Unit, link: FeedbackLink, language: str) -> bytes:
    """The poster as a one-page A4 PDF in `language`."""
    register_fonts()
    texts = poster_texts(unit=unit, link=link, language=language)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, pageCompression=1, lang=language, initialFontName=FONT)
    c.setTitle(texts["title"])
    c.setAuthor(texts["unit"])
    c.setCreator("Arvokas")
    c.setFillColor(ACCENT)
    c.rect(0, HEIGHT - 12 * mm, WIDTH, 12 * mm, stroke=0, fill=1)
    top = HEIGHT - 12 * mm - 14 * mm
    top = _draw(c, _fitted(texts["heading"], _style("heading", size=34, bold=True)), top)
    top = _draw(
        c, _fitted(texts["unit"], _style("unit", size=22, bold=True, color=ACCENT)), top - 4 * mm
    )
    invitation = Paragraph(escape(texts["invitation"]), _style("invitation", size=15))
    top = _draw(c, invitation, top - 7 * mm)
    top = _draw_qr(c, texts["url"], top - 4 * mm)
    top = _draw(c, _fitted(texts["scan"], _style("scan", size=13, color=MUTED)), top - 2 * mm)
    _draw(c, _fitted(texts["url"], _style("url", size=20, bold=True), max_lines=1), top - 2 * mm)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.75)
    c.line(MARGIN, 30 * mm, WIDTH - MARGIN, 30 * mm)
    values = Paragraph(escape(texts["values"]), _style("values", size=10, color=MUTED))
    _draw(c, values, 27 * mm)
    c.showPage()
    c.save()
    return buffer.getvalue()
