"""Signal receivers: a deleted round's cached means go with it (ids can be reused on SQLite)."""

import logging

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import AssessmentRound
from .selectors.results import round_means_key

logger = logging.getLogger(__name__)


@receiver(post_delete, sender=AssessmentRound)
def forget_round_means(sender, instance, **kwargs):
    try:
        cache.delete(round_means_key(instance.pk))
    except Exception:
        logger.warning("Cache unavailable: means of deleted round %s not dropped", instance.pk)
