"""Learning in Wagtail: the course and lesson pages get their reader's progress from learning's
views (the page models call this hook, so they import no selector)."""

from wagtail import hooks

from .models.pages import READER_CONTEXT_HOOK
from .views.pages import reader_context

hooks.register(READER_CONTEXT_HOOK, reader_context)
