"""Framework versions: the publishing rule and copying a frozen version as a new one.

A version that a round has used is frozen, so old rounds stay comparable; changes go into a copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ..models import Framework, FrameworkVersion, Statement, Value, ValueKey

MIN_STATEMENTS = 3
MAX_STATEMENTS = 5


@dataclass(frozen=True)
class ValueDraft:
    """What the publishing rule needs of one value: its key, Finnish name, statements and the
    client statement (the sentence the unit's clients rate on the public feedback form)."""

    key: str
    name_fi: str
    statements_fi: tuple[str, ...]
    client_statement_fi: str = ""


def publish_problems(values: Iterable[ValueDraft]) -> list[str]:
    """Why a version with these values cannot be published (empty when it can): each of the five
    values exactly once, each with 3–5 statements, every name, statement and client statement in
    Finnish (the client form of a published version asks every value)."""
    values = list(values)
    problems: list[str] = []
    keys = [value.key for value in values]
    for key in ValueKey:
        if key.value not in keys:
            problems.append(_("The value “%(value)s” is missing.") % {"value": key.label})
        elif keys.count(key.value) > 1:
            problems.append(_("The value “%(value)s” is there twice.") % {"value": key.label})
    labels = dict(ValueKey.choices)
    for value in values:
        label = labels.get(value.key, value.key)
        if not value.name_fi.strip():
            problems.append(_("The value “%(value)s” needs a Finnish name.") % {"value": label})
        if not value.client_statement_fi.strip():
            problems.append(
                _("The value “%(value)s” needs a Finnish client statement.") % {"value": label}
            )
        statements = [text for text in value.statements_fi if text.strip()]
        if len(value.statements_fi) > len(statements):
            problems.append(
                _("Every statement of the value “%(value)s” needs a Finnish text.")
                % {"value": label}
            )
        if not MIN_STATEMENTS <= len(value.statements_fi) <= MAX_STATEMENTS:
            problems.append(
                _("The value “%(value)s” has %(count)s statements: it needs %(min)s to %(max)s.")
                % {
                    "value": label,
                    "count": len(value.statements_fi),
                    "min": MIN_STATEMENTS,
                    "max": MAX_STATEMENTS,
                }
            )
    return problems


def version_drafts(version: FrameworkVersion) -> list[ValueDraft]:
    """The stored values of a version, in the shape the publishing rule reads."""
    values = Value.objects.filter(version=version).prefetch_related("statements")
    return [
        ValueDraft(
            key=value.key,
            name_fi=value.name_fi,
            statements_fi=tuple(s.text_fi for s in value.statements.all()),
            client_statement_fi=value.client_statement_fi,
        )
        for value in values
    ]


def version_publish(*, version: FrameworkVersion) -> FrameworkVersion:
    """Make a complete version available for new rounds; refuses an incomplete one."""
    problems = publish_problems(version_drafts(version))
    if problems:
        raise ValidationError(problems)
    FrameworkVersion.objects.filter(pk=version.pk).update(is_published=True)
    version.is_published = True
    return version


def version_withdraw(*, version: FrameworkVersion) -> FrameworkVersion:
    """Take a version out of use for new rounds. Its content does not change, so the rounds that
    used it stay exactly as they were (this is allowed on frozen versions too)."""
    version.is_published = False
    version.save(update_fields=["is_published"])
    return version


def copy_version(version: FrameworkVersion) -> FrameworkVersion:
    """A new, unpublished version of the same framework with the same values and statements,
    numbered after the framework's latest version (number + 1 when copying the latest)."""
    with transaction.atomic():
        # Lock the framework so that two copies at once cannot take the same number.
        framework = Framework.objects.select_for_update().get(pk=version.framework_id)
        latest = framework.versions.aggregate(latest=Max("number"))["latest"] or 0
        copy = FrameworkVersion.objects.create(
            framework=framework, number=latest + 1, is_published=False
        )
        values = list(Value.objects.filter(version=version).prefetch_related("statements"))
        copies = Value.objects.bulk_create(
            [
                Value(
                    version=copy,
                    key=value.key,
                    sort_order=value.sort_order,
                    name_fi=value.name_fi,
                    name_sv=value.name_sv,
                    name_en=value.name_en,
                    description_fi=value.description_fi,
                    description_sv=value.description_sv,
                    description_en=value.description_en,
                    client_statement_fi=value.client_statement_fi,
                    client_statement_sv=value.client_statement_sv,
                    client_statement_en=value.client_statement_en,
                )
                for value in values
            ]
        )
        Statement.objects.bulk_create(
            [
                Statement(
                    value=value_copy,
                    sort_order=statement.sort_order,
                    text_fi=statement.text_fi,
                    text_sv=statement.text_sv,
                    text_en=statement.text_en,
                )
                for value, value_copy in zip(values, copies, strict=True)
                for statement in value.statements.all()
            ]
        )
    return copy
