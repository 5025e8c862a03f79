"""Writes for the organisation: people's settings. Imports live in people_import.py."""

from django.conf import settings

from .models import User


def user_set_language(*, user: User, language: str) -> bool:
    """Remember the person's interface language; unknown codes change nothing."""
    if language not in dict(settings.LANGUAGES) or user.preferred_language == language:
        return False
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return True
