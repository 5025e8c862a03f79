"""Text messages, sent through the backend that SMS_BACKEND names, as e-mail goes through
EMAIL_BACKEND: the console by default, a list in memory in the tests, an HTTP gateway in
production. The phone number is handed to the backend and kept nowhere."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

# The messages the locmem backend "sent" (the tests read and empty it), as mail.outbox.
outbox: list[SmsMessage] = []


@dataclass(frozen=True)
class SmsMessage:
    to: str
    text: str


class SmsError(Exception):
    """The backend could not send the message (the gateway refused or did not answer)."""


class ConsoleBackend:
    """Prints the message, the number masked but for its last three digits."""

    def send(self, message: SmsMessage) -> None:
        masked = "*" * max(0, len(message.to) - 3) + message.to[-3:]
        sys.stdout.write(f"SMS to {masked}:\n{message.text}\n\n")
        sys.stdout.flush()


class LocmemBackend:
    def send(self, message: SmsMessage) -> None:
        outbox.append(message)


def send_sms(*, to: str, text: str) -> None:
    """Send one text message; SmsError when the backend fails."""
    backend = import_string(getattr(settings, "SMS_BACKEND", "toolkit.sms.ConsoleBackend"))()
    backend.send(SmsMessage(to=to, text=text))
