"""Site pages (home, guides, news, standard pages), site settings and accessibility feedback.

Finnish is the source language; Swedish and English pages are wagtail-localize translations.
Where a translation is missing, routing falls back to the Finnish page (see `SourceFallbackMixin`)
and the page template tells the reader so, in their own language.
"""

from django import forms
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from toolkit.languages import SOURCE_LANGUAGE, active_language
from toolkit.values import ValueKey

from .blocks import BodyStreamBlock, HighlightBlock

# Guides (and courses) are tagged with the five values of the framework (toolkit.values).
VALUE_CHOICES = ValueKey.choices
VALUE_LABELS = dict(VALUE_CHOICES)


class ValueTagsField(models.JSONField):
    """A list of value keys, edited as checkboxes (stored as JSON so every database can hold it)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=VALUE_CHOICES,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


class SourceFallbackMixin:
    """Routes a path that has no translation in this locale to the Finnish source page,
    so a reader following a Swedish or English link still gets the content (with a notice)."""

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components or self.locale.language_code == SOURCE_LANGUAGE:
                raise
            source = self.get_translation_or_none(Locale.objects.get(language_code=SOURCE_LANGUAGE))
            if source is None:
                raise
            return source.specific.route(request, path_components)


class ReaderLanguageMixin:
    """Adds `showing_fallback` to the context: the page is not in the reader's language."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["showing_fallback"] = self.locale.language_code != (get_language() or "")[:2]
        return context


class HomePage(SourceFallbackMixin, ReaderLanguageMixin, Page):
    """The front page of the site in each language: what Arvokas is for, highlights, the latest
    guides and news, and for a signed-in person the way to their own dashboard."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = RichTextField(
        _("body"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    highlights = StreamField(
        [("highlight", HighlightBlock())], blank=True, verbose_name=_("highlights")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("highlights"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.GuideIndexPage",
        "cms.NewsIndexPage",
        "learning.CourseIndexPage",
        "cms.StandardPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_guides"] = (
            GuidePage.objects.live().filter(locale=self.locale).order_by("-first_published_at")[:3]
        )
        context["latest_news"] = (
            NewsPage.objects.live().filter(locale=self.locale).order_by("-date", "-pk")[:3]
        )
        return context


class SectionIndexPage(SourceFallbackMixin, ReaderLanguageMixin, Page):
    """A section's list page, one per parent: an introduction above the section's pages (each
    subclass puts them in the context under its own name). Every page type declares its own
    parent and subpage types, so where a page may stand is read in its class."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ArticlePage(ReaderLanguageMixin, Page):
    """A page of a section (a guide, a news item): a summary and a body of shared content blocks,
    both searched."""

    summary = models.CharField(_("summary"), max_length=300)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class GuideIndexPage(SectionIndexPage):
    """The list of guides: structured articles on client participation and good encounters."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GuidePage"]

    class Meta:
        verbose_name = _("guide index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidePage.objects.child_of(self).live().order_by("path")
        return context


class GuidePage(ArticlePage):
    """A guide: a summary, the values it builds, and a body of shared content blocks."""

    values = ValueTagsField(_("values"), help_text=_("The values this guide helps to build."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("values"),
        FieldPanel("body"),
    ]
    override_translatable_fields = [SynchronizedField("values")]
    parent_page_types = ["cms.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide")

    @property
    def value_labels(self) -> list[str]:
        return [VALUE_LABELS[key] for key in self.values or [] if key in VALUE_LABELS]


class NewsIndexPage(SectionIndexPage):
    """The list of news, newest first."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = NewsPage.objects.child_of(self).live().order_by("-date", "-pk")
        return context


class NewsPage(ArticlePage):
    """A news item: what is new in the service or its training."""

    date = models.DateField(_("date"), default=timezone.localdate)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    override_translatable_fields = [SynchronizedField("date")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")


class StandardPage(SourceFallbackMixin, ReaderLanguageMixin, Page):
    """A plain page, such as the accessibility statement or 'about the service'."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The organisation behind the site, shown in the footer of every page."""

    organisation_name = models.CharField(_("organisation name"), max_length=150, blank=True)
    organisation_name_sv = models.CharField(
        _("organisation name in Swedish"), max_length=150, blank=True
    )
    organisation_name_en = models.CharField(
        _("organisation name in English"), max_length=150, blank=True
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    footer_text_fi = models.CharField(_("footer text (Finnish)"), max_length=300, blank=True)
    footer_text_sv = models.CharField(_("footer text (Swedish)"), max_length=300, blank=True)
    footer_text_en = models.CharField(_("footer text (English)"), max_length=300, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.CharField(_("postal address"), max_length=200, blank=True)
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement page"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("organisation_name_sv"),
                FieldPanel("organisation_name_en"),
                FieldPanel("logo"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_text_fi"),
                FieldPanel("footer_text_sv"),
                FieldPanel("footer_text_en"),
            ],
            heading=_("Footer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact details"),
        ),
        FieldPanel("accessibility_statement"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def footer_text(self) -> str:
        """The footer text in the reader's language, or the Finnish one."""
        language = active_language()
        return getattr(self, f"footer_text_{language}", "") or self.footer_text_fi

    @property
    def translated_organisation_name(self) -> str:
        """The organisation's name in the reader's language, or the Finnish one."""
        language = active_language()
        if language == SOURCE_LANGUAGE:
            return self.organisation_name
        return getattr(self, f"organisation_name_{language}", "") or self.organisation_name


class AccessibilityFeedback(models.Model):
    """A reader's report of an accessibility or content problem; answered within 14 days."""

    message = models.TextField(_("message"), max_length=3000)
    page_url = models.CharField(_("page address"), max_length=500, blank=True)
    email = models.EmailField(_("e-mail for the answer"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.message[:60]}"
