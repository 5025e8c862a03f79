"""Fixing a combined result when it is first shown (see assessments.selectors.combined)."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from toolkit.models import Unit

from ..models import CombinedPool


def combined_pool_fix(*, parent: Unit, year: int, round_ids: list[int], threshold: int) -> None:
    """Record which rounds the parent's combined result of `year` pooled, under which k, the
    first time it is shown; later showings use exactly these rounds. A pool fixed already (also
    by a simultaneous first showing) is left as it is."""
    try:
        with transaction.atomic():
            CombinedPool.objects.get_or_create(
                parent=parent,
                year=year,
                defaults={"round_ids": sorted(round_ids), "threshold": threshold},
            )
    except IntegrityError:
        pass  # another request fixed it first, with the same rounds
