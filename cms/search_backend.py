"""Wagtail's database search backend, with PostgreSQL full-text search in each page's language.

Wagtail's PostgreSQL backend stems all content with one text search configuration
(`SEARCH_CONFIG`). Arvokas has Finnish, Swedish and English pages, and Swedish stemmed with the
Finnish rules is barely searchable, so on PostgreSQL this backend indexes each translatable object
with the configuration of its own language and searches with the configuration of the language
being read (the active language). Objects without a locale (images, documents) keep
`SEARCH_CONFIG`. On SQLite (and MySQL) it is Wagtail's database backend unchanged.

Use it as `WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}`.
"""

from collections import defaultdict

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

# PostgreSQL's built-in (snowball) text search configurations for the content languages.
SEARCH_CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}


def search_config_for(language: str | None, default: str | None = None) -> str | None:
    """The PostgreSQL text search configuration for a language code such as 'sv' or 'en-gb'."""
    return SEARCH_CONFIGS.get((language or "")[:2], default)


def SearchBackend(params):  # noqa: N802 (Wagtail looks up a backend module's `SearchBackend`)
    """The language-aware PostgreSQL backend on PostgreSQL, Wagtail's database backend elsewhere."""
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)
    return _postgres_backend_class()(params)


def _postgres_backend_class():
    # Imported here: the PostgreSQL backend module needs psycopg and django.contrib.postgres.
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from wagtail.models import Locale, TranslatableMixin

    class LanguageIndex(PostgresIndex):
        """Indexes each object with its own language's configuration."""

        def add_items(self, model, objs):
            default = self.backend.config
            if not issubclass(model, TranslatableMixin):
                return super().add_items(model, objs)
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            groups = defaultdict(list)
            for obj in objs:
                groups[search_config_for(languages.get(obj.locale_id), default)].append(obj)
            try:
                for config, group in groups.items():
                    self.backend.config = config  # read by the indexer of each object
                    super().add_items(model, group)
            finally:
                self.backend.config = default

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        """Searches translatable objects with the configuration of the reader's language."""

        def get_config(self, backend):
            if issubclass(self.queryset.model, TranslatableMixin):
                return search_config_for(get_language(), backend.config)
            return backend.config

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguageIndex
        query_compiler_class = LanguageQueryCompiler

    return LanguagePostgresSearchBackend
