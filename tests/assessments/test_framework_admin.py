"""The framework in the Wagtail admin: only administrators, frozen versions, copies, the publishing
rule and the anonymity threshold."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import ModelLogEntry

from assessments import admin_views
from assessments.models import (
    AnonymitySettings,
    Framework,
    FrameworkVersion,
    Statement,
    Value,
    ValueKey,
)
from assessments.services import frameworks
from tests.assessments.factories import closed_round, framework_version

FRAMEWORKS = "/cms/self-assessment/frameworks/"
VERSIONS = "/cms/self-assessment/versions/"
ANONYMITY = "/cms/self-assessment/anonymity/"


def edit_url(version) -> str:
    return f"{VERSIONS}edit/{version.pk}/"


def copy_url(version) -> str:
    return f"{VERSIONS}copy-as-new/{version.pk}/"


def in_language_of(response, text_function) -> str:
    """The text as the page's language renders it (translations may come later)."""
    with translation.override(response.headers.get("Content-Language", "en")):
        return str(text_function())


def statement_texts(version) -> list[tuple[str, int, str, str, str]]:
    return list(
        Statement.objects.filter(value__version=version)
        .order_by("value__sort_order", "sort_order")
        .values_list("value__key", "sort_order", "text_fi", "text_sv", "text_en")
    )


def version_form_data(framework, number, *, published, values) -> dict[str, str]:
    """POST data for a new version: `values` is a list of (key, Finnish name, [statements])."""
    data = {
        "framework": str(framework.pk),
        "number": str(number),
        "values-TOTAL_FORMS": str(len(values)),
        "values-INITIAL_FORMS": "0",
        "values-MIN_NUM_FORMS": "0",
        "values-MAX_NUM_FORMS": "1000",
    }
    if published:
        data["is_published"] = "on"
    for v, (key, name, statements) in enumerate(values):
        prefix = f"values-{v}"
        data |= {
            f"{prefix}-key": key,
            f"{prefix}-name_fi": name,
            f"{prefix}-client_statement_fi": f"Asiakkaana: {name}" if name.strip() else "",
            f"{prefix}-statements-TOTAL_FORMS": str(len(statements)),
            f"{prefix}-statements-INITIAL_FORMS": "0",
            f"{prefix}-statements-MIN_NUM_FORMS": "0",
            f"{prefix}-statements-MAX_NUM_FORMS": "1000",
        }
        for s, text in enumerate(statements):
            data[f"{prefix}-statements-{s}-text_fi"] = text
    return data


def complete_values(statements: int = 3):
    return [
        (key.value, f"Arvo {key.value}", [f"{key.value} väite {s + 1}" for s in range(statements)])
        for key in ValueKey
    ]


@pytest.fixture
def frozen(org):
    version = framework_version(statements=4)
    Statement.objects.filter(value__version=version, sort_order=0).update(
        text_sv="Svensk text", text_en="English text"
    )
    closed_round(org.unit_a, version)
    return version


@pytest.fixture
def unused(db):
    return framework_version(statements=3)


# Who reaches the pages ----------------------------------------------------------------------


def admin_urls(version) -> list[str]:
    return [FRAMEWORKS, f"{FRAMEWORKS}new/", VERSIONS, f"{VERSIONS}new/", edit_url(version)]


def test_administrator_reaches_every_framework_page(client, org, unused):
    client.force_login(org.administrator)
    for url in admin_urls(unused):
        assert client.get(url).status_code == 200, url
    assert client.get(f"{FRAMEWORKS}edit/{unused.framework.pk}/").status_code == 200


@pytest.mark.parametrize("who", ["trainer", "supervisor_a", "employee_a"])
def test_trainers_supervisors_and_employees_are_turned_away(client, org, unused, who):
    client.force_login(getattr(org, who))
    for url in [*admin_urls(unused), ANONYMITY]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or response.url != url


@pytest.mark.parametrize("who", ["trainer", "supervisor_a"])
def test_non_administrators_cannot_copy_or_save_a_version(client, org, unused, who):
    client.force_login(getattr(org, who))
    client.post(copy_url(unused))
    client.post(
        f"{VERSIONS}new/",
        version_form_data(unused.framework, 7, published=False, values=complete_values()),
    )
    assert FrameworkVersion.objects.count() == 1


def test_menu_group_is_shown_to_administrators_only(client, org):
    client.force_login(org.trainer)
    assert FRAMEWORKS not in client.get("/cms/").content.decode()
    client.force_login(org.administrator)
    assert FRAMEWORKS in client.get("/cms/").content.decode()


# Frozen versions and copies -----------------------------------------------------------------


def test_frozen_version_edit_page_refuses_and_offers_a_copy(client, org, frozen):
    client.force_login(org.administrator)
    response = client.get(edit_url(frozen))
    page = response.content.decode()
    assert response.status_code == 200
    assert in_language_of(response, admin_views.frozen_message) in page
    assert f'action="{copy_url(frozen)}"' in page
    assert 'name="values-TOTAL_FORMS"' not in page


def test_saving_a_frozen_version_changes_nothing(client, org, frozen):
    client.force_login(org.administrator)
    before = statement_texts(frozen)
    data = version_form_data(frozen.framework, 9, published=False, values=complete_values())
    response = client.post(edit_url(frozen), data)
    assert response.status_code == 302
    assert response.url == edit_url(frozen)
    frozen.refresh_from_db()
    assert (frozen.number, frozen.is_published) == (1, True)
    assert statement_texts(frozen) == before


def test_frozen_version_can_be_withdrawn_and_offered_again_without_changing(client, org, frozen):
    availability = f"{VERSIONS}availability/{frozen.pk}/"
    before = statement_texts(frozen)
    client.force_login(org.administrator)
    assert f'action="{availability}"' in client.get(edit_url(frozen)).content.decode()
    client.post(availability, {"available": "0"})
    frozen.refresh_from_db()
    assert not frozen.is_published
    client.post(availability, {"available": "1"})
    frozen.refresh_from_db()
    assert frozen.is_published
    assert statement_texts(frozen) == before


@pytest.mark.parametrize("who", ["trainer", "supervisor_a"])
def test_only_administrators_change_availability(client, org, frozen, who):
    client.force_login(getattr(org, who))
    client.post(f"{VERSIONS}availability/{frozen.pk}/", {"available": "0"})
    frozen.refresh_from_db()
    assert frozen.is_published


def test_frozen_version_cannot_be_deleted(client, org, frozen):
    client.force_login(org.administrator)
    response = client.post(f"{VERSIONS}delete/{frozen.pk}/")
    assert response.status_code == 302
    assert FrameworkVersion.objects.filter(pk=frozen.pk).exists()


def test_unused_version_can_be_deleted(client, org, unused):
    client.force_login(org.administrator)
    client.post(f"{VERSIONS}delete/{unused.pk}/")
    assert not FrameworkVersion.objects.filter(pk=unused.pk).exists()


def test_framework_with_versions_cannot_be_deleted(client, org, unused):
    client.force_login(org.administrator)
    client.post(f"{FRAMEWORKS}delete/{unused.framework.pk}/")
    assert Framework.objects.filter(pk=unused.framework.pk).exists()


def test_copy_creates_the_next_unpublished_version_with_identical_statements(client, org, frozen):
    client.force_login(org.administrator)
    response = client.post(copy_url(frozen))
    copy = FrameworkVersion.objects.exclude(pk=frozen.pk).get()
    assert response.status_code == 302
    assert response.url == edit_url(copy)
    assert (copy.framework_id, copy.number, copy.is_published) == (frozen.framework_id, 2, False)
    assert statement_texts(copy) == statement_texts(frozen)
    assert len(statement_texts(copy)) == 5 * 4
    assert list(copy.values.values_list("key", "name_fi", "sort_order")) == list(
        frozen.values.values_list("key", "name_fi", "sort_order")
    )
    assert not copy.is_frozen
    assert ModelLogEntry.objects.filter(object_id=str(copy.pk), action="wagtail.create").exists()
    assert client.get(edit_url(copy)).status_code == 200
    assert frozen.values.count() == 5


def test_copy_of_an_older_version_is_numbered_after_the_latest(frozen):
    framework_version(number=2, framework=frozen.framework)
    assert frameworks.copy_version(frozen).number == 3


def test_copy_by_get_is_not_allowed(client, org, frozen):
    client.force_login(org.administrator)
    assert client.get(copy_url(frozen)).status_code == 405
    assert FrameworkVersion.objects.count() == 1


# Creating, editing and publishing -----------------------------------------------------------


def test_administrator_creates_a_complete_published_version(client, org, unused):
    client.force_login(org.administrator)
    values = list(reversed(complete_values(statements=4)))
    response = client.post(
        f"{VERSIONS}new/", version_form_data(unused.framework, 2, published=True, values=values)
    )
    assert response.status_code == 302
    created = FrameworkVersion.objects.get(framework=unused.framework, number=2)
    assert created.is_published
    # Values take the canonical order whatever the order on the page; statements keep theirs.
    assert list(created.values.values_list("key", flat=True)) == ValueKey.values
    dignity = created.values.get(key=ValueKey.DIGNITY)
    assert list(dignity.statements.values_list("text_fi", "sort_order")) == [
        (f"dignity väite {s + 1}", s) for s in range(4)
    ]


def test_a_draft_version_may_be_incomplete(client, org, unused):
    client.force_login(org.administrator)
    values = complete_values()[:2]
    client.post(
        f"{VERSIONS}new/", version_form_data(unused.framework, 2, published=False, values=values)
    )
    draft = FrameworkVersion.objects.get(number=2)
    assert not draft.is_published
    assert draft.values.count() == 2


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ("missing_value", "is missing"),
        ("two_statements", "needs 3 to 5"),
        ("six_statements", "needs 3 to 5"),
    ],
)
def test_publishing_an_incomplete_version_is_refused(client, org, unused, change, problem):
    values = complete_values()
    if change == "missing_value":
        values = values[1:]
    else:
        count = 2 if change == "two_statements" else 6
        values[0] = (values[0][0], values[0][1], [f"väite {s}" for s in range(count)])
    client.force_login(org.administrator)
    response = client.post(
        f"{VERSIONS}new/", version_form_data(unused.framework, 2, published=True, values=values)
    )
    assert response.status_code == 200
    assert not FrameworkVersion.objects.filter(number=2).exists()
    drafts = [
        frameworks.ValueDraft(key, name, tuple(texts), f"Asiakkaana: {name}")
        for key, name, texts in values
    ]
    with translation.override("en"):
        assert problem in " ".join(frameworks.publish_problems(drafts))
    expected = in_language_of(response, lambda: frameworks.publish_problems(drafts)[0])
    assert expected in response.content.decode()


def test_the_same_value_twice_is_refused(client, org, unused):
    values = complete_values()
    values[1] = (values[0][0], "Toinen", values[1][2])
    client.force_login(org.administrator)
    response = client.post(
        f"{VERSIONS}new/", version_form_data(unused.framework, 2, published=False, values=values)
    )
    assert response.status_code == 200
    assert not FrameworkVersion.objects.filter(number=2).exists()


def test_publish_rule_requires_finnish_texts():
    values = [
        frameworks.ValueDraft(key, "Nimi", ("a", "b", "c"), "Minua kuunneltiin.")
        for key in ValueKey.values
    ]
    assert frameworks.publish_problems(values) == []
    values[0] = frameworks.ValueDraft(ValueKey.DIGNITY, " ", ("a", "b", " "), " ")
    with translation.override("en"):
        problems = frameworks.publish_problems(values)
    assert len(problems) == 3
    assert "Finnish name" in problems[0]
    assert "Finnish client statement" in problems[1]
    assert "Finnish text" in problems[2]


def test_a_version_without_client_statements_cannot_be_published(client, org, unused):
    """The public feedback form asks every value's client statement, so a published version
    must have each in Finnish."""
    values = complete_values()
    data = version_form_data(unused.framework, 2, published=True, values=values)
    data["values-2-client_statement_fi"] = " "
    client.force_login(org.administrator)
    response = client.post(f"{VERSIONS}new/", data)
    assert response.status_code == 200
    assert not FrameworkVersion.objects.filter(number=2).exists()
    Value.objects.filter(version=unused, key=ValueKey.TRUST).update(client_statement_fi="")
    FrameworkVersion.objects.filter(pk=unused.pk).update(is_published=False)
    with pytest.raises(ValidationError):
        frameworks.version_publish(version=unused)


def test_version_publish_service_refuses_an_incomplete_version(unused):
    Statement.objects.filter(value__version=unused, sort_order=0).delete()
    unused.is_published = False
    unused.save()
    with pytest.raises(ValidationError):
        frameworks.version_publish(version=unused)
    unused.refresh_from_db()
    assert not unused.is_published
    Statement.objects.bulk_create(
        Statement(value=value, sort_order=9, text_fi="Uusi") for value in Value.objects.all()
    )
    assert frameworks.version_publish(version=unused).is_published


# Anonymity settings -------------------------------------------------------------------------


def test_anonymity_settings_go_straight_to_the_single_row(client, org):
    client.force_login(org.administrator)
    assert client.get(ANONYMITY).url == f"{ANONYMITY}new/"
    assert client.post(f"{ANONYMITY}new/", {"threshold": "6"}).status_code == 302
    row = AnonymitySettings.objects.get()
    assert client.get(ANONYMITY).url == f"{ANONYMITY}edit/{row.pk}/"
    # A second row cannot be added, and the one row cannot be deleted.
    assert client.get(f"{ANONYMITY}new/").status_code == 302
    client.post(f"{ANONYMITY}delete/{row.pk}/")
    assert AnonymitySettings.objects.count() == 1
    assert AnonymitySettings.current_threshold() == 6


def test_anonymity_threshold_below_three_is_rejected_and_nothing_is_saved(client, org):
    row = AnonymitySettings.objects.create(threshold=5)
    client.force_login(org.administrator)
    response = client.post(f"{ANONYMITY}edit/{row.pk}/", {"threshold": "2"})
    assert response.status_code == 200
    expected = in_language_of(
        response,
        lambda: translation.gettext(
            "The threshold must be at least 3, so that no one can be recognised from the results."
        ),
    )
    assert expected in response.content.decode()
    row.refresh_from_db()
    assert row.threshold == 5
    assert client.post(f"{ANONYMITY}edit/{row.pk}/", {"threshold": "3"}).status_code == 302
    row.refresh_from_db()
    assert row.threshold == 3
