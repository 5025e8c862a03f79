"""Client feedback's share of a person's data (a toolkit.personal_data provider).

Client answers and messages belong to nobody: they carry no person. What points at a staff
member is the replies they wrote in an inbox and their being named an inbox reader."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from toolkit.personal_data import when

from .models import InboxReader, MessageReply

HELD = (_("the replies you wrote to client feedback, and the units whose inbox you read"),)
KEPT = _(
    "Replies you wrote to clients stay in the unit's inbox, by “an erased person”: they are the "
    "unit's record of what it answered."
)
MODELS = (
    "feedback.MessageReply",  # exported; kept as the unit's record
    "feedback.InboxReader",  # exported, erased
)


def export(user) -> dict[str, object]:
    return {
        "client_feedback": {
            "replies_written": [
                {
                    "unit": reply.message.unit.code,
                    "reply": reply.text,
                    "when": when(reply.written_at),
                }
                for reply in MessageReply.objects.filter(written_by=user).select_related(
                    "message__unit"
                )
            ],
            "inboxes_read": list(
                InboxReader.objects.filter(user=user).values_list("unit__code", flat=True)
            ),
        }
    }


def erase(user) -> None:
    InboxReader.objects.filter(user=user).delete()
