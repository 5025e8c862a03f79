"""Checks shared by the follow-up's writes (conclusions, actions, suggestions): text limits,
the value key, and the refusal of a save based on a stale version."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from toolkit.values import ValueKey

from ..models.actions import TITLE_LIMIT


def stale_error() -> ValidationError:
    return ValidationError(
        _(
            "Someone else saved a change while you were editing. Nothing was saved: "
            "reload the page to see their change, then make yours again."
        ),
        code="stale",
    )


def check_texts(*, title: str | None = None, **texts: tuple[str, int]) -> dict:
    errors = {}
    if title is not None:
        if not title.strip():
            errors["title"] = _("Give the action a title.")
        elif len(title) > TITLE_LIMIT:
            errors["title"] = _("The title can be at most %(limit)s characters.") % {
                "limit": TITLE_LIMIT
            }
    for name, (text, limit) in texts.items():
        if len(text) > limit:
            errors[name] = _("This text can be at most %(limit)s characters.") % {"limit": limit}
    return errors


def check_value_key(value_key: str, errors: dict) -> None:
    if value_key not in ValueKey.values:
        errors["value_key"] = _("Choose one of the five values.")
