"""Publishing through review: trainers write and submit, reviewers and administrators approve or
ask for changes; revisions, comparisons and previews are open to the trainer."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Task, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import GuidePage
from cms.services import WAGTAIL_DEFAULT_WORKFLOW_NAME, review_workflow_name
from tests.toolkit.factories import UserFactory
from toolkit.roles import ADMINISTRATORS, REVIEWERS


def guide_form(title: str = "Uusi opas asiakasraadista", **extra) -> dict:
    """The page editor's form for a guide, as the browser posts it."""
    data = nested_form_data(
        {
            "title": title,
            "slug": "uusi-opas-asiakasraadista",
            "summary": "Miten asiakasraati perustetaan.",
            "body": streamfield([("paragraph", rich_text("<p>Kutsu mukaan asiakkaita.</p>"))]),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    data["values"] = ["trust", "client_centredness"]
    data.update(extra)
    return data


def add_guide_url(guide_index) -> str:
    return reverse("wagtailadmin_pages:add", args=["cms", "guidepage", guide_index.pk])


def submit_new_guide(client, trainer, guide_index) -> GuidePage:
    client.force_login(trainer)
    response = client.post(add_guide_url(guide_index), guide_form(**{"action-submit": "1"}))
    assert response.status_code == 302
    return GuidePage.objects.get(slug="uusi-opas-asiakasraadista")


def approve_url(page: Page, action: str = "approve") -> str:
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


@pytest.fixture
def reviewer(db):
    """A member of the reviewers group (not an administrator)."""
    return UserFactory(email="reviewer@example.org", role_groups=[REVIEWERS])


def test_review_workflow_covers_the_page_tree_and_reviewers_and_administrators_approve(
    guide_index,
):
    root = Page.get_first_root_node()
    assert WorkflowPage.objects.get(page=root).workflow.name == review_workflow_name()
    guide = GuidePage.objects.filter(locale__language_code="sv").first()
    workflow = guide.get_workflow()
    assert workflow.name == review_workflow_name()
    (task,) = [task.specific for task in workflow.tasks]
    assert set(task.groups.values_list("name", flat=True)) == {REVIEWERS, ADMINISTRATORS}
    # Wagtail's own default workflow (the empty Moderators group approves) no longer applies.
    assert not WorkflowPage.objects.filter(workflow__name=WAGTAIL_DEFAULT_WORKFLOW_NAME).exists()


def test_our_workflow_and_task_are_named_in_finnish_and_wagtails_english_default_is_off(
    guide_index,
):
    from cms.services import review_workflow_ensure

    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == "Tarkastus"
    assert [task.name for task in workflow.tasks] == ["Tarkastajan hyväksyntä"]
    # Wagtail's own English workflow and task are no longer offered in the admin.
    assert not Workflow.objects.filter(active=True, name=WAGTAIL_DEFAULT_WORKFLOW_NAME).exists()
    assert not Task.objects.filter(active=True, name=WAGTAIL_DEFAULT_WORKFLOW_NAME).exists()

    # A database made before the names were translated: its English names are renamed, and
    # the same workflow (with its pages and history) is kept.
    workflow.name = "Review"
    workflow.save()
    Task.objects.filter(name="Tarkastajan hyväksyntä").update(name="Approval by a reviewer")
    review_workflow_ensure()
    assert Workflow.objects.get(pk=workflow.pk).name == "Tarkastus"
    assert set(Workflow.objects.filter(active=True).values_list("name", flat=True)) == {"Tarkastus"}
    assert set(Task.objects.filter(active=True).values_list("name", flat=True)) == {
        "Tarkastajan hyväksyntä"
    }


def test_finnish_page_editor_names_the_workflow_in_finnish(client, org, guide_index):
    guide = submit_new_guide(client, org.trainer, guide_index)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    assert edit.status_code == 200
    assert "Tarkastus" in edit.text and "Tarkastajan hyväksyntä" in edit.text
    for english in ("Approval by a reviewer", WAGTAIL_DEFAULT_WORKFLOW_NAME, ">Review<"):
        assert english not in edit.text


def test_administrators_own_choice_of_workflow_for_the_tree_is_kept(guide_index):
    from cms.services import review_workflow_ensure

    own = Workflow.objects.create(name="Kaksivaiheinen tarkastus")
    WorkflowPage.objects.filter(page=Page.get_first_root_node()).update(workflow=own)
    review_workflow_ensure()
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == own


def test_trainer_may_add_and_edit_pages_but_not_publish_them(org, guide_index):
    permissions = guide_index.permissions_for_user(org.trainer)
    assert permissions.can_add_subpage()
    assert permissions.can_edit()
    assert not permissions.can_publish_subpage()
    assert not permissions.can_publish()
    assert not permissions.can_unpublish()
    assert guide_index.permissions_for_user(org.administrator).can_publish()


def test_trainers_direct_publish_is_refused_and_the_guide_stays_a_draft(client, org, guide_index):
    client.force_login(org.trainer)
    response = client.post(add_guide_url(guide_index), guide_form(**{"action-publish": "1"}))
    assert response.status_code == 302
    guide = GuidePage.objects.get(slug="uusi-opas-asiakasraadista")
    assert not guide.live and guide.live_revision is None
    assert not guide.workflow_in_progress

    # Publishing from the edit view is refused the same way.
    edit_url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    client.post(edit_url, guide_form(title="Yritän julkaista", **{"action-publish": "1"}))
    guide.refresh_from_db()
    assert not guide.live and guide.live_revision is None
    assert guide.get_latest_revision().content["title"] == "Yritän julkaista"
    client.logout()
    assert client.get("/fi/oppaat/uusi-opas-asiakasraadista/").status_code == 404


@pytest.mark.parametrize("who", ["administrator", "reviewer"])
def test_trainer_submits_a_guide_and_a_reviewer_approves_it_then_it_is_public(
    client, org, reviewer, guide_index, who
):
    guide = submit_new_guide(client, org.trainer, guide_index)
    assert guide.workflow_in_progress and not guide.live
    # The trainer cannot approve their own guide (Wagtail answers with a redirect and a message).
    assert guide.current_workflow_task.specific.get_actions(guide, org.trainer) == []
    client.post(approve_url(guide), {"comment": ""})
    guide.refresh_from_db()
    assert guide.workflow_in_progress and not guide.live
    client.logout()
    assert client.get(guide.url).status_code == 404

    approver = org.administrator if who == "administrator" else reviewer
    client.force_login(approver)
    response = client.post(approve_url(guide), {"comment": "Selkeä, julkaistaan."})
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(guide.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    response = client.get(guide.url)
    assert response.status_code == 200
    assert "Uusi opas asiakasraadista" in response.text


def test_reviewer_asks_for_changes_with_a_comment_that_the_trainer_sees(client, org, guide_index):
    guide = submit_new_guide(client, org.trainer, guide_index)
    client.force_login(org.administrator)
    response = client.post(
        approve_url(guide, "reject"), {"comment": "Lisää esimerkki raadin kokouksesta."}
    )
    assert response.status_code == 302
    guide.refresh_from_db()
    assert not guide.live
    state = WorkflowState.objects.get(object_id=str(guide.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Lisää esimerkki raadin kokouksesta."

    client.force_login(org.trainer)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    assert edit.status_code == 200
    assert "Lisää esimerkki raadin kokouksesta." in edit.text
    # The trainer fixes the guide and submits it again.
    client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(title="Uusi opas asiakasraadista (korjattu)", **{"action-submit": "1"}),
    )
    guide.refresh_from_db()
    assert guide.workflow_in_progress and not guide.live


def test_other_staff_cannot_approve_or_open_the_editor(client, org, guide_index):
    guide = submit_new_guide(client, org.trainer, guide_index)
    client.force_login(org.supervisor_a)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).status_code == 302
    client.post(approve_url(guide), {"comment": ""})
    guide.refresh_from_db()
    assert guide.workflow_in_progress and not guide.live


def test_trainer_sees_revisions_compares_them_and_previews_a_draft(client, org, draft_guide):
    client.force_login(org.trainer)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft_guide.pk])
    client.post(edit_url, guide_form(title="Ensimmäinen versio", slug="uusi-opas"))
    client.post(edit_url, guide_form(title="Toinen versio", slug="uusi-opas"))
    first, second = draft_guide.revisions.order_by("-created_at", "-pk")[:2][::-1]

    history = client.get(reverse("wagtailadmin_pages:history", args=[draft_guide.pk]))
    assert history.status_code == 200
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[draft_guide.pk, first.pk, second.pk])
    )
    assert compare.status_code == 200
    assert "Ensimmäinen" in compare.text and "Toinen" in compare.text

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft_guide.pk])
    assert client.post(preview_url, guide_form(title="Esikatselu")).json()["is_valid"]
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Esikatselu" in preview.text
