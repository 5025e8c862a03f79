"""The demo framework: Arvokas values, version 1, published, with four statements a value (the
words are in framework_texts.py)."""

from __future__ import annotations

from django.db import transaction

from ..models import Framework, FrameworkVersion, Statement, Value
from .client_texts import CLIENT_STATEMENTS
from .framework_texts import DEMO_VALUES, FRAMEWORK_NAME


def seed_demo_framework() -> FrameworkVersion:
    """The Arvokas framework, version 1, published: five values with four statements each."""
    with transaction.atomic():
        framework, _created = Framework.objects.get_or_create(
            name_fi=FRAMEWORK_NAME[0],
            defaults={"name_sv": FRAMEWORK_NAME[1], "name_en": FRAMEWORK_NAME[2]},
        )
        version, created = FrameworkVersion.objects.get_or_create(
            framework=framework, number=1, defaults={"is_published": True}
        )
        if created:
            _create_values(version)
        else:
            _fill_client_statements(version)
    return version


def _fill_client_statements(version: FrameworkVersion) -> None:
    """A demo database made before clients rated the values gets their statements."""
    for demo in DEMO_VALUES:
        Value.objects.filter(version=version, key=demo.key, client_statement_fi="").update(
            client_statement_fi=CLIENT_STATEMENTS[demo.key][0],
            client_statement_sv=CLIENT_STATEMENTS[demo.key][1],
            client_statement_en=CLIENT_STATEMENTS[demo.key][2],
        )


def _create_values(version: FrameworkVersion) -> None:
    for order, demo in enumerate(DEMO_VALUES):
        value = Value.objects.create(
            version=version,
            key=demo.key,
            sort_order=order,
            name_fi=demo.name[0],
            name_sv=demo.name[1],
            name_en=demo.name[2],
            description_fi=demo.description[0],
            description_sv=demo.description[1],
            description_en=demo.description[2],
            client_statement_fi=CLIENT_STATEMENTS[demo.key][0],
            client_statement_sv=CLIENT_STATEMENTS[demo.key][1],
            client_statement_en=CLIENT_STATEMENTS[demo.key][2],
        )
        Statement.objects.bulk_create(
            Statement(value=value, sort_order=s, text_fi=fi, text_sv=sv, text_en=en)
            for s, (fi, sv, en) in enumerate(demo.statements)
        )
