"""Shared builders for the public form tests: a unit with a link and a version with client
statements, and the form's POST data."""

from feedback.services.links import link_for
from tests.assessments.factories import framework_version
from toolkit.values import ValueKey


def public_setup(unit):
    """A published version with client statements, and the unit's active link."""
    version = framework_version()
    return version, link_for(unit)


def answer_data(**extra) -> dict:
    """A complete answer: every value scored 4, would recommend 9, no text."""
    data = {f"score_{key}": "4" for key in ValueKey.values}
    data |= {"recommend": "9", "better": "", "contact": "", "website": "", "lang": "fi"}
    data.update(extra)
    return data
