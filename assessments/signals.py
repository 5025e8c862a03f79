"""Signal receivers: a deleted round's cached means go with it (ids can be reused on SQLite)."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import AssessmentRound
from .selectors.results import round_means_key


@receiver(post_delete, sender=AssessmentRound)
def forget_round_means(sender, instance, **kwargs):
    cache.delete(round_means_key(instance.pk))
