"""Setting the anonymity threshold k: the organisation-wide rule that results need at least k
answers. Each change is in the audit log (who set it, from what to what), since lowering k
makes small groups' answers visible."""

from __future__ import annotations

from django.db import transaction

from toolkit.audit import audit_record
from toolkit.models import AuditEvent, User

from ..models import AnonymitySettings


def threshold_save(*, settings: AnonymitySettings, by: User) -> AnonymitySettings:
    """Save the (validated) settings row and audit the change of k, if k changed."""
    with transaction.atomic():
        old = None
        if settings.pk is not None:
            # Locked, so two administrators saving at once each audit the value they replaced.
            old = (
                AnonymitySettings.objects.select_for_update()
                .filter(pk=settings.pk)
                .values_list("threshold", flat=True)
                .first()
            )
        settings.save()
        if old != settings.threshold:
            audit_record(
                actor=by,
                action=AuditEvent.Action.THRESHOLD_CHANGE,
                message="threshold_set" if old is None else "threshold_changed",
                params={"old": old, "new": settings.threshold},
            )
    return settings
