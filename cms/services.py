"""Writes for the site content: the review workflow, trainers' page permissions, feedback."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail_localize.models import Translation

from toolkit.outbox import enqueue_on_commit
from toolkit.roles import ADMINISTRATORS, REVIEWERS, TRAINERS

from .models import AccessibilityFeedback

# The names are stored in the organisation's language (Finnish) as Wagtail shows a workflow's name
# as it is; the English msgids are the older stored names, still recognised.
REVIEW_WORKFLOW_MSGID = gettext_noop("Review")
REVIEW_TASK_MSGID = gettext_noop("Approval by a reviewer")
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


def _localized_name(msgid: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(msgid)


def _known_names(msgid: str) -> set[str]:
    """The name in every interface language, and the msgid itself (older databases)."""
    names = {msgid}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.add(gettext(msgid))
    return names


def review_workflow_name() -> str:
    """The review workflow's stored name, in the organisation's language."""
    return _localized_name(REVIEW_WORKFLOW_MSGID)


def review_task_name() -> str:
    """The review task's stored name, in the organisation's language."""
    return _localized_name(REVIEW_TASK_MSGID)


def _named(model, msgid: str):
    """The object of ours with this name in any language, renamed to the organisation's language."""
    instance = model.objects.filter(name__in=_known_names(msgid)).order_by("pk").first()
    if instance is None:
        return model.objects.create(name=_localized_name(msgid))
    if instance.name != _localized_name(msgid):
        instance.name = _localized_name(msgid)
        instance.save(update_fields=["name"])
    return instance


def _retire_wagtail_default_workflow() -> None:
    """Wagtail's own 'Moderators approval' workflow and task (English names, an empty group) are
    disabled once nothing uses them, so the Finnish admin does not offer them."""
    unused = Workflow.objects.filter(
        name=WAGTAIL_DEFAULT_WORKFLOW_NAME, workflow_pages__isnull=True, active=True
    ).exclude(workflow_states__status="in_progress")
    if hasattr(Workflow, "workflow_content_types"):
        unused = unused.filter(workflow_content_types__isnull=True)
    for workflow in unused:
        tasks = [wt.task for wt in WorkflowTask.objects.filter(workflow=workflow)]
        workflow.deactivate()
        for task in tasks:
            if (
                task.name == WAGTAIL_DEFAULT_WORKFLOW_NAME
                and not task.workflow_tasks.filter(workflow__active=True).exists()
            ):
                task.active = False
                task.save(update_fields=["active"])


@transaction.atomic
def review_workflow_ensure() -> Workflow:
    """The review workflow (reviewers or administrators approve), assigned to the page tree.
    Idempotent: runs after every migrate and from the demo seeding."""
    groups = [Group.objects.get_or_create(name=name)[0] for name in (REVIEWERS, ADMINISTRATORS)]
    task = _named(GroupApprovalTask, REVIEW_TASK_MSGID)
    task.groups.add(*groups)
    workflow = _named(Workflow, REVIEW_WORKFLOW_MSGID)
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
    _retire_wagtail_default_workflow()
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


def translation_for_page(page: Page) -> Translation | None:
    """The enabled wagtail-localize translation whose target is this page, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def translation_submit_for_review(*, page: Page, user) -> WorkflowState:
    """Save a translation's strings as a draft of the translated page and send that draft to the
    review workflow, as trainers do with any page. The reviewer's approval publishes it.

    Raises PermissionDenied if the user may not edit the page, ValueError if the page is not a
    translation or no workflow covers it, and ValidationError if the draft is not valid."""
    page = Page.objects.get(pk=page.pk).specific
    translation_ = translation_for_page(page)
    if translation_ is None:
        raise ValueError("The page is not the target of a translation.")
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    translation_.save_target(user=user, publish=False)
    page.refresh_from_db()
    state = page.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        # In progress already: approval publishes the latest revision, the one just saved.
        return state
    workflow = page.get_workflow()
    if workflow is None:
        raise ValueError("No workflow covers the page.")
    return workflow.start(page, user)


def feedback_submit(
    *, message: str, page_url: str = "", email: str = "", language: str = ""
) -> AccessibilityFeedback:
    """Store an accessibility or content feedback and tell the administrators (after commit)."""

    with transaction.atomic():
        feedback = AccessibilityFeedback.objects.create(
            message=message, page_url=page_url, email=email, language=language
        )
        enqueue_on_commit("cms.tasks.notify_administrators_of_feedback", feedback.pk)
    return feedback
