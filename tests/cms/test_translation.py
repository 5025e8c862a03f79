"""Multilingual content: Finnish is the source; Swedish and English translations are made in the
editor (and through PO export and import) and published through review; a missing translation
falls back to the Finnish page with a notice; the status page shows the state of every page."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms import selectors
from cms.models import GuideIndexPage, GuidePage, StandardPage

SWEDISH = {
    "Uusi opas asiakasraadista": "Ny guide om klientråd",
    "Miten asiakasraati perustetaan.": "Hur ett klientråd grundas.",
    "Kutsu mukaan asiakkaita.": "Bjud in klienter.",
}


@pytest.fixture
def finnish_guide(guide_index, org) -> GuidePage:
    """A published Finnish guide with no translations yet."""
    guide = guide_index.add_child(
        instance=GuidePage(
            title="Uusi opas asiakasraadista",
            slug="uusi-opas-asiakasraadista",
            summary="Miten asiakasraati perustetaan.",
            values=["trust"],
            body=[("paragraph", "<p>Kutsu mukaan asiakkaita.</p>")],
        )
    )
    guide.save_revision(user=org.trainer).publish(user=org.administrator)
    return guide


def statuses_of(page) -> dict[str, str]:
    (row,) = [row for row in selectors.translation_status() if row.page.pk == page.pk]
    return row.statuses


def test_trainer_translates_a_guide_with_a_po_file_and_a_reviewer_publishes_it(
    client, org, finnish_guide, locales, django_capture_on_commit_callbacks
):
    assert statuses_of(finnish_guide) == {"sv": "missing", "en": "missing"}
    client.force_login(org.trainer)
    # wagtail-localize publishes the copy of a live page on commit unless told not to.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[finnish_guide.pk]),
            {"locales": [locales["sv"].pk]},
        )
    assert response.status_code == 302
    swedish = finnish_guide.get_translation(locales["sv"])
    assert not swedish.live and swedish.live_revision is None  # a draft until reviewed
    client.logout()
    assert "notice--fallback" in client.get("/sv/oppaat/uusi-opas-asiakasraadista/").text
    # A copy still in Finnish is not "up to date".
    assert statuses_of(finnish_guide) == {"sv": "untranslated", "en": "missing"}
    client.force_login(org.trainer)
    translation = Translation.objects.get(
        source__object_id=finnish_guide.translation_key, target_locale=locales["sv"]
    )

    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    assert {entry.msgid for entry in po} >= set(SWEDISH)
    for entry in po:
        entry.msgstr = SWEDISH.get(entry.msgid, entry.msgid)
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("opas-sv.po", str(po).encode(), "text/x-gettext-translation")},
    )
    assert upload.status_code == 302

    # The trainer may not publish the translation; they send it to review.
    edit_url = reverse("wagtailadmin_pages:edit", args=[swedish.pk])
    editor = client.get(edit_url)
    assert 'name="cms-submit-translation"' in editor.text
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        client.post(edit_url, {"action": "publish"})  # refused: Wagtail redirects with a message
    swedish.refresh_from_db()
    assert not swedish.live
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"cms-submit-translation": "1"})
    assert response.status_code == 302 and response["Location"] == edit_url
    swedish.refresh_from_db()
    assert swedish.workflow_in_progress and not swedish.live
    assert swedish.get_latest_revision().content["title"] == "Ny guide om klientråd"
    assert statuses_of(finnish_guide) == {"sv": "draft", "en": "missing"}
    # The trainer cannot approve it themselves.
    assert swedish.current_workflow_task.specific.get_actions(swedish, org.trainer) == []

    client.force_login(org.administrator)
    task_state = swedish.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[swedish.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
        )
    assert response.status_code == 302
    swedish.refresh_from_db()
    assert swedish.live and swedish.title == "Ny guide om klientråd"

    client.logout()
    response = client.get(swedish.url)
    assert response.status_code == 200
    assert "Ny guide om klientråd" in response.text and "Bjud in klienter." in response.text
    assert "notice--fallback" not in response.text
    assert statuses_of(finnish_guide) == {"sv": "up_to_date", "en": "missing"}


def test_reviewer_asks_for_changes_to_a_translation_and_the_trainer_sends_it_again(
    client, org, finnish_guide, locales, django_capture_on_commit_callbacks
):
    client.force_login(org.trainer)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[finnish_guide.pk]),
        {"locales": [locales["en"].pk]},
    )
    english = finnish_guide.get_translation(locales["en"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    client.post(edit_url, {"cms-submit-translation": "1"})
    english.refresh_from_db()
    task_state = english.current_workflow_task_state
    client.force_login(org.administrator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "reject", task_state.pk]),
        {"comment": "Käännä myös otsikko."},
    )
    english.refresh_from_db()
    assert english.current_workflow_state.status == "needs_changes"

    client.force_login(org.trainer)
    assert "Tarkastaja pyysi muutoksia" in client.get(edit_url).text
    client.post(edit_url, {"cms-submit-translation": "1"})
    english.refresh_from_db()
    assert english.current_workflow_state.status == "in_progress" and not english.live


def test_a_trainers_sync_does_not_publish_the_translations_immediately(
    client, org, finnish_guide, locales, django_capture_on_commit_callbacks
):
    source, _created = TranslationSource.get_or_create_from_instance(finnish_guide)
    translate_every_string(source, locales["en"])
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.create(source=source, target_locale=locales["en"]).save_target(
            user=org.administrator, publish=True
        )
    english = finnish_guide.get_translation(locales["en"])
    published = english.live_revision_id
    finnish_guide.summary = "Miten asiakasraati perustetaan ja mitä se tekee."
    finnish_guide.save_revision(user=org.trainer).publish(user=org.administrator)

    client.force_login(org.trainer)
    update_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert 'name="publish_translations"' not in client.get(update_url).text.replace(
        'type="hidden" name="publish_translations"', ""
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(update_url, {"publish_translations": "on"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live_revision_id == published  # nothing published past review

    client.force_login(org.administrator)
    assert 'name="publish_translations"' in client.get(update_url).text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(update_url, {"publish_translations": "on"})
    english.refresh_from_db()
    assert english.live_revision_id != published


def translate_every_string(source: TranslationSource, locale: Locale) -> None:
    """Translate each of the source's strings (as the translation editor would)."""
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"EN {segment.string.data}"},
        )


def test_translation_is_out_of_date_when_the_finnish_page_changes_until_synced(
    client, org, finnish_guide, locales, django_capture_on_commit_callbacks
):
    source, _created = TranslationSource.get_or_create_from_instance(finnish_guide)
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(
            locales["en"], user=org.administrator, publish=True, fallback=True
        )
    # A copy with the Finnish strings is not up to date: it is not translated.
    assert statuses_of(finnish_guide)["en"] == "untranslated"
    translate_every_string(source, locales["en"])
    assert statuses_of(finnish_guide)["en"] == "up_to_date"

    finnish_guide.summary = "Miten asiakasraati perustetaan ja mitä se tekee."
    finnish_guide.save_revision(user=org.trainer)
    assert statuses_of(finnish_guide) == {"sv": "missing", "en": "out_of_date"}

    client.force_login(org.trainer)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    assert statuses_of(finnish_guide)["en"] == "up_to_date"


def test_status_page_lists_every_finnish_page_with_its_swedish_and_english_state(
    client, org, finnish_guide
):
    client.force_login(org.trainer)
    response = client.get(reverse("cms_translation_status"))
    assert response.status_code == 200
    text = response.text
    for page in GuidePage.objects.filter(locale__language_code="fi"):
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in text
    assert text.count('data-status="missing"') == 2  # the new guide in sv and en
    assert 'data-language="sv" data-status="up_to_date"' in text
    assert 'data-language="en" data-status="up_to_date"' in text


def test_status_page_is_for_content_staff_only(client, org, page_tree):
    client.force_login(org.employee_a)
    response = client.get(reverse("cms_translation_status"))
    assert response.status_code in (302, 403)
    assert b"data-status" not in response.content


def test_status_selector_makes_the_same_few_queries_however_many_pages(
    finnish_guide, guide_index, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        small = selectors.translation_status()
    for number in range(10):
        guide_index.add_child(
            instance=GuidePage(title=f"Opas {number}", slug=f"opas-{number}", summary="s", body=[])
        ).save_revision()
    with django_assert_max_num_queries(5):
        large = selectors.translation_status()
    assert len(large) == len(small) + 10


@pytest.mark.parametrize(("language", "index_title"), [("sv", "Guider"), ("en", "Guides")])
def test_missing_translation_shows_the_finnish_page_with_a_notice(
    client, finnish_guide, language, index_title
):
    response = client.get(f"/{language}/oppaat/uusi-opas-asiakasraadista/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text
    assert '<article class="article" lang="fi">' in response.text
    assert "Uusi opas asiakasraadista" in response.text
    assert 'class="notice notice--fallback"' in response.text
    # The translated parent still lists only its own language's guides.
    index = GuideIndexPage.objects.get(locale__language_code=language)
    assert index.title == index_title
    listing = client.get(index.url)
    assert "Uusi opas asiakasraadista" not in listing.text


def test_translated_page_has_no_fallback_notice(client, page_tree):
    statement = StandardPage.objects.get(locale__language_code="sv")
    response = client.get(statement.url)
    assert response.status_code == 200
    assert "notice--fallback" not in response.text


def test_language_switcher_leads_to_the_same_page_in_the_other_language(client, finnish_guide):
    guide = GuidePage.objects.get(slug="asiakasraadit", locale__language_code="fi")
    swedish = guide.get_translation(Locale.objects.get(language_code="sv"))
    response = client.get(guide.url)
    assert f'name="next_sv" value="{swedish.url}"' in response.text
    switched = client.post(
        "/i18n/setlang/", {"language": "sv", "next": guide.url, "next_sv": swedish.url}
    )
    assert switched.status_code == 302 and switched["Location"] == swedish.url

    # Without a translation, the switcher leads to the Finnish page under the other language.
    response = client.get(finnish_guide.url)
    assert 'name="next_en" value="/en/oppaat/uusi-opas-asiakasraadista/"' in response.text
