"""The five values of the framework, defined once: rounds score them, guides and courses are
tagged with them. The keys are stored in the database and stay the same across framework
versions, so rounds compare and tags keep their meaning."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ValueKey(models.TextChoices):
    """The five values; the key stays the same across framework versions, so rounds compare."""

    DIGNITY = "dignity", _("Respect for human dignity")
    CLIENT_CENTREDNESS = "client_centredness", _("Client-centredness")
    EQUALITY = "equality", _("Equality")
    TRUST = "trust", _("Trust")
    EMPATHY = "empathy", _("Empathy")


def value_label(key: str) -> str:
    """The translated name of a value key; an unknown key is shown as it is."""
    return str(dict(ValueKey.choices).get(key, key))
