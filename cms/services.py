"""Writes for the site content: the review workflow, trainers' page permissions, feedback."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from toolkit.outbox import enqueue_on_commit
from toolkit.roles import ADMINISTRATORS, REVIEWERS, TRAINERS

from .models import AccessibilityFeedback

REVIEW_WORKFLOW_NAME = "Review"
REVIEW_TASK_NAME = "Approval by a reviewer"
# Wagtail's own migrations make this workflow (the Moderators group approves) and assign it to
# the root page; nobody in Arvokas is a moderator, so the review workflow takes its place.
WAGTAIL_DEFAULT_WORKFLOW_NAME = "Moderators approval"

# Page permissions per role group, on the whole page tree (every locale's home page).
_PAGE_PERMISSIONS = {
    TRAINERS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page"],
    ADMINISTRATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Page),
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )[0]


def _submit_translation_permission() -> Permission:
    # wagtail-localize makes it in a data migration (on a content type of its own), so a
    # flushed test database lacks it.
    content_type = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )[0]
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )[0]


@transaction.atomic
def review_workflow_ensure() -> Workflow:
    """The 'Review' workflow (reviewers or administrators approve), assigned to the page tree.
    Idempotent: runs after every migrate and from the demo seeding."""
    groups = [Group.objects.get_or_create(name=name)[0] for name in (REVIEWERS, ADMINISTRATORS)]
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(*groups)
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root = Page.get_first_root_node()
    if root is not None:
        current = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
        if current is None:
            WorkflowPage.objects.create(page=root, workflow=workflow)
        elif current.workflow.name == WAGTAIL_DEFAULT_WORKFLOW_NAME:
            # An administrator's own choice of workflow for the tree is kept; Wagtail's is not.
            current.workflow = workflow
            current.save(update_fields=["workflow"])
    return workflow


@transaction.atomic
def page_permissions_ensure() -> None:
    """Trainers may add and edit pages but publish only through review; reviewers and
    administrators may publish. All three may start translations (wagtail-localize). Idempotent."""
    submit_translation = _submit_translation_permission()
    for group_name in _PAGE_PERMISSIONS:
        Group.objects.get_or_create(name=group_name)[0].permissions.add(submit_translation)
    root = Page.get_first_root_node()
    if root is None:
        return
    for group_name, codenames in _PAGE_PERMISSIONS.items():
        group = Group.objects.get_or_create(name=group_name)[0]
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_page_permission(codename)
            )


def feedback_submit(
    *, message: str, page_url: str = "", email: str = "", language: str = ""
) -> AccessibilityFeedback:
    """Store an accessibility or content feedback and tell the administrators (after commit)."""
    from .tasks import notify_administrators_of_feedback

    with transaction.atomic():
        feedback = AccessibilityFeedback.objects.create(
            message=message, page_url=page_url, email=email, language=language
        )
        enqueue_on_commit(notify_administrators_of_feedback, feedback.pk)
    return feedback
