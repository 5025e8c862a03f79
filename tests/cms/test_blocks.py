"""The shared StreamField blocks: each renders its preview, and the accessibility rules hold."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file

from cms import blocks
from cms.models import GuidePage

ALL_BLOCKS = [
    blocks.HeadingBlock,
    blocks.ParagraphBlock,
    blocks.ChecklistBlock,
    blocks.ExampleCaseBlock,
    blocks.QuoteBlock,
    blocks.CalloutBlock,
    blocks.ImageBlock,
    blocks.DocumentBlock,
    blocks.VideoBlock,
    blocks.FiguresBlock,
    blocks.RelatedGuidesBlock,
    blocks.HighlightBlock,
]


def _document(name: str, content: bytes = b"x" * 2048) -> Document:
    document = Document(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


@pytest.mark.parametrize("block_class", ALL_BLOCKS, ids=lambda c: c.__name__)
def test_block_has_docstring_icon_template_description_and_renders_its_preview(db, block_class):
    block = block_class()
    assert block_class.__doc__
    assert block.meta.icon and block.meta.template and block.meta.description
    html = block.render(block.get_preview_value())
    assert isinstance(html, str)


def test_body_stream_offers_every_content_block():
    names = set(blocks.BodyStreamBlock().child_blocks)
    assert names == {
        "heading",
        "paragraph",
        "checklist",
        "example_case",
        "quote",
        "callout",
        "image",
        "document",
        "video",
        "figures",
        "related_guides",
    }


def test_preview_of_text_blocks_shows_their_content(db):
    assert "<h2" in blocks.HeadingBlock().render(blocks.HeadingBlock().get_preview_value())
    quote = blocks.QuoteBlock()
    html = quote.render(quote.get_preview_value())
    assert "<blockquote>" in html and "Asiakasraadin jäsen" in html
    checklist = blocks.ChecklistBlock()
    assert checklist.render(checklist.get_preview_value()).count("<li>") == 2


def test_image_without_alt_text_is_refused_unless_marked_decorative(db):
    from wagtail.images.models import Image

    image = Image.objects.create(title="kuva", file=get_test_image_file())
    block = blocks.ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "  ", "decorative": False}))
    decorative = block.clean(block.to_python({"image": image.pk, "decorative": True}))
    assert 'alt=""' in block.render(decorative)
    described = block.clean(block.to_python({"image": image.pk, "alt_text": "Kaksi hoitajaa"}))
    assert 'alt="Kaksi hoitajaa"' in block.render(described)


def test_guide_with_an_undescribed_image_does_not_validate(guide_index):
    from wagtail.images.models import Image

    image = Image.objects.create(title="kuva", file=get_test_image_file())
    guide = GuidePage(
        title="Kuvaopas", slug="kuvaopas", summary="s", body=[("image", {"image": image})]
    )
    with pytest.raises(ValidationError):
        guide.full_clean()


def test_document_download_shows_file_type_and_size(db):
    document = _document("muistilista.pdf", b"x" * 2048)
    block = blocks.DocumentBlock()
    html = block.render(block.to_python({"document": document.pk, "title": "Muistilista"}))
    assert "Muistilista" in html
    assert "PDF" in html and "2,0\xa0kt" in html  # Finnish: decimal comma, kilotavu


def test_video_needs_a_video_file_and_a_vtt_captions_track_and_shows_the_transcript(db):
    video, captions = _document("webinaari.mp4"), _document("webinaari.vtt", b"WEBVTT\n")
    block = blocks.VideoBlock()
    value = block.clean(
        block.to_python(
            {
                "title": "Webinaari",
                "video": video.pk,
                "captions": captions.pk,
                "captions_language": "fi",
                "transcript": "<p>Litteraatti</p>",
            }
        )
    )
    html = block.render(value)
    assert '<track kind="captions"' in html and 'srclang="fi"' in html
    assert "Litteraatti" in html
    pdf = _document("esite.pdf")
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**dict(value), "video": pdf.pk, "captions": pdf.pk}))


def test_figures_render_a_hidden_chart_and_a_readable_table():
    block = blocks.FiguresBlock()
    html = block.render(block.get_preview_value())
    chart, table = html.split('<div class="table-wrap">')
    assert 'class="block-figures__chart" aria-hidden="true"' in chart
    assert 'style="width: 60.0%"' in chart and 'style="width: 40.0%"' in chart
    assert "<table>" in table and '<th scope="row">' in table and "60 %" in table


def test_figures_bars_are_scaled_to_the_maximum_and_never_overflow():
    block = blocks.FiguresBlock()
    value = block.to_python(
        {"title": "t", "unit": "", "maximum": 50, "bars": [{"label": "a", "value": 80}]}
    )
    html = block.render(value)
    assert 'style="width: 100%"' in html or 'style="width: 100.0%"' in html


def test_related_guides_link_to_the_guide_in_the_readers_language(demo_pages):
    from django.utils import translation

    fi_guide = GuidePage.objects.get(slug="vuosikello", locale__language_code="fi")
    block = blocks.RelatedGuidesBlock()
    value = block.to_python({"title": "Read also", "guides": [fi_guide.pk]})
    with translation.override("en"):
        html = block.render(value)
    assert "The annual cycle of leading" in html and "/en/" in html
