"""Shared StreamField blocks for guides, news, standard pages (and, later, lessons).

Every block has a template in cms/templates/cms/blocks/, an icon, a description for the editor
and a preview value, so the block picker shows what each one looks like.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)


def _extension(document) -> str:
    return (document.file_extension or "").lower() if document else ""


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline correct under the page title (h1)."""

    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading.html"
        description = _("A heading that starts a section of the page.")
        preview_value = {"text": "Mitä osallisuus tarkoittaa?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with links and lists; headings have their own block."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "cms/blocks/paragraph.html"
        description = _("Running text with links and lists.")
        preview_value = (
            "<p>Osallisuus tarkoittaa, että asiakas on mukana päättämässä omista asioistaan.</p>"
        )


class ChecklistBlock(blocks.StructBlock):
    """Things to check or do, shown as a list the reader can work through."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(label=_("item"), max_length=300), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "cms/blocks/checklist.html"
        description = _("A list of things to check or do.")
        preview_value = {
            "title": "Ennen asiakastapaamista",
            "items": ["Lue asiakkaan tiedot etukäteen", "Varaa aikaa kuunnella"],
        }


class ExampleCaseBlock(blocks.StructBlock):
    """A short case from everyday work: the situation and what helped."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    situation = blocks.RichTextBlock(label=_("situation"), features=["bold", "italic", "link"])
    what_helped = blocks.RichTextBlock(
        label=_("what helped"), required=False, features=["bold", "italic", "link", "ul"]
    )

    class Meta:
        icon = "user"
        label = _("Example case")
        template = "cms/blocks/example_case.html"
        description = _("A case from everyday work and what helped in it.")
        preview_value = {
            "title": "Omainen soittaa",
            "situation": "<p>Asiakkaan tytär soittaa huolissaan äidistään.</p>",
            "what_helped": "<p>Työntekijä kuunteli ja sopi yhteisen tapaamisen.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person (or group) who said it."""

    quote = blocks.TextBlock(label=_("quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("who said it"), max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"
        description = _("A quotation and who said it.")
        preview_value = {"quote": "Minua kuunneltiin.", "attribution": "Asiakasraadin jäsen"}


class CalloutBlock(blocks.StructBlock):
    """A highlighted note: a tip, something important, or a warning."""

    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("tip", _("Tip")), ("important", _("Important")), ("warning", _("Warning"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "cms/blocks/callout.html"
        description = _("A highlighted tip, note or warning.")
        preview_value = {
            "kind": "tip",
            "title": "Vinkki",
            "text": "<p>Kerro asiakkaalle, mitä palautteen jälkeen muuttui.</p>",
        }


class ImageBlock(blocks.StructBlock):
    """An image with alternative text; an image that adds nothing must be marked decorative."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("decorative image"),
        required=False,
        help_text=_("Tick only if the image adds no information (screen readers skip it)."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Write an alternative text, or mark the image as decorative.")
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"
        description = _("An image with alternative text.")
        preview_value = {"alt_text": "Kaksi ihmistä keskustelee pöydän ääressä."}


class DocumentBlock(blocks.StructBlock):
    """A downloadable document; the link tells the file type and size before the reader clicks."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=150,
        help_text=_("Leave empty to use the document's title."),
    )
    description = blocks.TextBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "cms/blocks/document.html"
        description = _("A document to download, with its file type and size.")
        preview_value = {"title": "Asiakaspalautteen käsittelyn muistilista"}


class VideoBlock(blocks.StructBlock):
    """An uploaded video with a captions track (WebVTT) and a written transcript."""

    title = blocks.CharBlock(label=_("title"), max_length=150)
    video = DocumentChooserBlock(label=_("video file (MP4 or WebM)"))
    captions = DocumentChooserBlock(label=_("captions (WebVTT .vtt)"))
    captions_language = blocks.ChoiceBlock(
        label=_("language of the captions"),
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        default="fi",
    )
    poster = ImageChooserBlock(label=_("poster image"), required=False)
    transcript = blocks.RichTextBlock(label=_("transcript"), features=["bold", "italic", "ul"])

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("video") and _extension(value["video"]) not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(_("Choose an MP4 or WebM video file."))
        if value.get("captions") and _extension(value["captions"]) not in CAPTION_EXTENSIONS:
            errors["captions"] = ValidationError(_("Choose a WebVTT captions file (.vtt)."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video.html"
        description = _("A video with captions and a transcript.")
        preview_value = {
            "title": "Asiakasviestintä",
            "captions_language": "fi",
            "transcript": "<p>Tervetuloa webinaariin asiakasviestinnästä.</p>",
        }


class FigureBarBlock(blocks.StructBlock):
    """One bar of a figures chart: what it measures and its value."""

    label = blocks.CharBlock(label=_("label"), max_length=150)
    value = blocks.FloatBlock(label=_("value"), min_value=0)


class FiguresBlock(blocks.StructBlock):
    """Facts as a small bar chart with the same figures in a table, for every reader."""

    title = blocks.CharBlock(label=_("title"), max_length=150)
    unit = blocks.CharBlock(label=_("unit"), max_length=10, required=False, default="%")
    maximum = blocks.FloatBlock(
        label=_("scale maximum"), default=100, min_value=1, help_text=_("100 for percentages.")
    )
    bars = blocks.ListBlock(FigureBarBlock(), min_num=1, max_num=12, label=_("figures"))
    source = blocks.CharBlock(label=_("source"), max_length=200, required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        maximum = value.get("maximum") or 100
        context["rows"] = [
            {
                "label": bar["label"],
                "value": bar["value"],
                "width": round(min(bar["value"] / maximum, 1) * 100, 1),
            }
            for bar in value["bars"]
        ]
        return context

    class Meta:
        icon = "table"
        label = _("Figures")
        template = "cms/blocks/figures.html"
        description = _("Figures as a bar chart and a table.")
        preview_value = {
            "title": "Asiakkaiden kokemus (FinSote 2020, Satakunta)",
            "unit": "%",
            "maximum": 100,
            "bars": [
                {"label": "Ei osallistunut omia asioitaan koskeviin päätöksiin", "value": 40},
                {"label": "Asiat selitettiin ymmärrettävästi", "value": 60},
                {"label": "Luottaa sosiaalipalvelujen henkilöstöön", "value": 70},
            ],
            "source": "FinSote 2020",
        }


class RelatedGuidesBlock(blocks.StructBlock):
    """Links to other guides; each is shown in the reader's language where it exists."""

    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    guides = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="cms.GuidePage", label=_("guide")), min_num=1
    )

    class Meta:
        icon = "link"
        label = _("Related guides")
        template = "cms/blocks/related_guides.html"
        description = _("Links to related guides.")
        preview_value = {"title": "Lue myös", "guides": []}


class HighlightBlock(blocks.StructBlock):
    """A card on the home page that points to one page."""

    title = blocks.CharBlock(label=_("title"), max_length=100)
    text = blocks.TextBlock(label=_("text"), max_length=300)
    page = blocks.PageChooserBlock(label=_("page"), required=False)

    class Meta:
        icon = "pick"
        label = _("Highlight")
        template = "cms/blocks/highlight.html"
        description = _("A card that points to one page.")
        preview_value = {"title": "Oppaat", "text": "Käytännön ohjeita osallisuuteen."}


class BodyStreamBlock(blocks.StreamBlock):
    """The content blocks of guides, news and standard pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    checklist = ChecklistBlock()
    example_case = ExampleCaseBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    image = ImageBlock()
    document = DocumentBlock()
    video = VideoBlock()
    figures = FiguresBlock()
    related_guides = RelatedGuidesBlock()
