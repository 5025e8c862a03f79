"""Course index, courses and lessons as Wagtail pages, published by trainers through review.

Lessons are the children of a course, in the order of the page tree. Progress is stored against
the pages' translation keys, so a learner keeps their progress when they switch language.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import CAPTION_EXTENSIONS, VIDEO_EXTENSIONS, BodyStreamBlock
from cms.models import VALUE_LABELS, ReaderLanguageMixin, SourceFallbackMixin, ValueTagsField

from ..blocks import QuizStreamBlock

# The reader's own side of a page (progress, quiz, place at a webinar) is read by learning's
# views, registered under this Wagtail hook in learning.wagtail_hooks: models import no selector.
READER_CONTEXT_HOOK = "learning_reader_context"


class ReaderContextMixin:
    """Adds to the page's context what each function registered under READER_CONTEXT_HOOK
    returns for the page and the request (a dict)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for reader_context in hooks.get_hooks(READER_CONTEXT_HOOK):
            context.update(reader_context(page=self, request=request))
        return context


class CourseIndexPage(ReaderContextMixin, SourceFallbackMixin, ReaderLanguageMixin, Page):
    """The list of courses, with the reader's own progress on each."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["learning.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course index")


class CoursePage(ReaderContextMixin, SourceFallbackMixin, ReaderLanguageMixin, Page):
    """A course: what it is about, the values it builds, its estimated time and its lessons."""

    summary = models.CharField(_("summary"), max_length=300)
    intro = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("introduction"))
    values = ValueTagsField(_("values"), help_text=_("The values this course helps to build."))
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(6000)]
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("values"), FieldPanel("estimated_minutes")]),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("intro"),
    ]
    override_translatable_fields = [
        SynchronizedField("values"),
        SynchronizedField("estimated_minutes"),
    ]
    parent_page_types = ["learning.CourseIndexPage"]
    subpage_types = ["learning.LessonPage"]

    class Meta:
        verbose_name = _("course")

    @property
    def value_labels(self) -> list[str]:
        return [VALUE_LABELS[key] for key in self.values or [] if key in VALUE_LABELS]


class LessonPage(ReaderContextMixin, ReaderLanguageMixin, Page):
    """A lesson of a course: a reading, a recorded webinar or a live webinar, optionally ending
    with a quiz or a reflection question. Only signed-in people open lessons: progress is theirs."""

    class Kind(models.TextChoices):
        READING = "reading", _("Reading")
        RECORDED = "recorded", _("Recorded webinar")
        LIVE = "live", _("Live webinar")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.READING)
    required = models.BooleanField(
        _("required"),
        default=True,
        help_text=_("The course is complete when every required lesson is."),
    )
    summary = models.CharField(_("summary"), max_length=300)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    video = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("video file (MP4 or WebM)"),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("captions (WebVTT .vtt)"),
    )
    transcript = RichTextField(_("transcript"), blank=True, features=["bold", "italic", "ul"])
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    meeting_url = models.URLField(_("meeting link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    quiz = StreamField(QuizStreamBlock(), blank=True, verbose_name=_("quiz"))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    reflection_prompt = models.CharField(
        _("reflection question"),
        max_length=400,
        blank=True,
        help_text=_("A question the learner answers in their own words; only they see the answer."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("captions"), FieldPanel("transcript")],
            heading=_("Recorded webinar"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("place"),
                FieldPanel("meeting_url"),
                FieldPanel("capacity"),
            ],
            heading=_("Live webinar"),
        ),
        MultiFieldPanel([FieldPanel("quiz"), FieldPanel("pass_mark")], heading=_("Quiz")),
        FieldPanel("reflection_prompt"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("transcript"),
    ]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("required"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("capacity"),
        SynchronizedField("pass_mark"),
    ]
    parent_page_types = ["learning.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.kind == self.Kind.RECORDED:
            errors.update(self._recorded_errors())
        if self.kind == self.Kind.LIVE:
            errors.update(self._live_errors())
        if errors:
            raise ValidationError(errors)

    def _recorded_errors(self) -> dict:
        errors = {}
        if not self.video or (self.video.file_extension or "").lower() not in VIDEO_EXTENSIONS:
            errors["video"] = _("A recorded webinar needs an MP4 or WebM video file.")
        if (
            not self.captions
            or (self.captions.file_extension or "").lower() not in CAPTION_EXTENSIONS
        ):
            errors["captions"] = _("A recorded webinar needs a WebVTT captions file (.vtt).")
        if not self.transcript:
            errors["transcript"] = _("A recorded webinar needs a written transcript.")
        return errors

    def _live_errors(self) -> dict:
        errors = {}
        if not self.starts_at or not self.ends_at:
            errors["starts_at"] = _("A live webinar needs a start and an end time.")
        elif self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The webinar must end after it starts.")
        if not self.capacity:
            errors["capacity"] = _("Give the number of places.")
        if not self.place and not self.meeting_url:
            errors["place"] = _("Give a place or a meeting link.")
        return errors

    @property
    def has_video(self) -> bool:
        return self.kind == self.Kind.RECORDED and self.video_id is not None

    @property
    def completed_by_reading(self) -> bool:
        """A reading without a quiz is completed by the learner's word that they have read it."""
        return self.kind == self.Kind.READING and not self.questions

    @property
    def questions(self) -> list:
        """The quiz questions as (block id, value) pairs."""
        return [(block.id, block.value) for block in self.quiz]

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)
