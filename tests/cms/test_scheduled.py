"""Scheduled publishing: Celery beat runs Wagtail's publishing of scheduled pages every minute,
so an approved guide with a go-live time goes live on time without a cron job."""

import datetime
from unittest import mock

from django.conf import settings
from django.utils import timezone

from cms.models import GuidePage
from cms.tasks import publish_scheduled_pages
from toolkit.celery import app


def test_beat_runs_the_scheduled_publishing_task_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["cms-publish-scheduled-pages"]
    assert entry["task"] == "cms.tasks.publish_scheduled_pages"
    assert entry["schedule"] == 60.0
    assert entry["task"] in app.tasks


def test_approved_guide_with_a_go_live_time_goes_live_when_the_task_runs_after_it(
    client, org, draft_guide
):
    go_live_at = timezone.now() + datetime.timedelta(hours=2)
    draft_guide.go_live_at = go_live_at
    revision = draft_guide.save_revision(user=org.trainer)
    revision.publish(user=org.administrator)  # approved, but its time has not come
    draft_guide.refresh_from_db()
    revision.refresh_from_db()
    assert not draft_guide.live
    assert revision.approved_go_live_at == go_live_at

    publish_scheduled_pages.delay()
    draft_guide.refresh_from_db()
    assert not draft_guide.live
    assert client.get("/fi/oppaat/uusi-opas/").status_code == 404

    later = go_live_at + datetime.timedelta(seconds=30)
    with mock.patch("django.utils.timezone.now", return_value=later):
        publish_scheduled_pages.delay()
    draft_guide.refresh_from_db()
    assert draft_guide.live
    assert GuidePage.objects.live().filter(pk=draft_guide.pk).exists()
    response = client.get("/fi/oppaat/uusi-opas/")
    assert response.status_code == 200
    assert "Luonnoksen teksti." in response.text


def test_expired_guide_is_unpublished_by_the_task(client, guide_index):
    guide = GuidePage.objects.child_of(guide_index).live().first()
    guide.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    guide.save(update_fields=["expire_at"])
    publish_scheduled_pages.delay()
    guide.refresh_from_db()
    assert not guide.live and guide.expired
