"""Signal receivers that keep the results caches true (assessments.selectors.aggregates and
assessments.selectors.comparison): a deleted round's cached means go with it (ids can be reused
on SQLite), and any change to a round or a unit retires the cached comparisons, which depend on
other units' rounds and on the unit tree."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from toolkit.models import Unit

from .models import AssessmentRound
from .selectors.aggregates import round_means_key
from .selectors.comparison import rounds_changed


@receiver(post_delete, sender=AssessmentRound)
def forget_round_means(sender, instance, **kwargs):
    cache.delete(round_means_key(instance.pk))


@receiver(post_save, sender=AssessmentRound)
@receiver(post_delete, sender=AssessmentRound)
@receiver(post_save, sender=Unit)
@receiver(post_delete, sender=Unit)
def forget_comparisons(sender, **kwargs):
    # After commit: a page that read the new token before the change was visible would cache a
    # comparison without it under that token.
    transaction.on_commit(rounds_changed)
