"""The site's languages in one place: which one content is written in first, which one is active."""

from django.utils.translation import get_language

# Every page, course and text is written in Finnish first; Swedish and English are translations.
SOURCE_LANGUAGE = "fi"


def active_language() -> str:
    """The two-letter code of the language the request or task runs in (Finnish outside one)."""
    return (get_language() or SOURCE_LANGUAGE)[:2]
