"""Text messages, sent through the backend that SMS_BACKEND names, as e-mail goes through
EMAIL_BACKEND: the console by default, a list in memory in the tests, an HTTP gateway in
production. The phone number is handed to the backend and kept nowhere: not stored, not logged,
not put in an error's message."""

from __future__ import annotations

import http.client
import json
import logging
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

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


class HttpGatewayBackend:
    """POSTs the message as JSON {"to", "from", "text"} to SMS_GATEWAY_URL with the key as a
    bearer token and the sender SMS_SENDER, the shape most Finnish gateways accept (or a small
    adapter in front of one). The standard library's urllib: one request, no session to keep,
    and no dependency beside it. A gateway that answers other than 2xx, or not within
    SMS_GATEWAY_TIMEOUT seconds, raises SmsError; neither the error nor the log names the number.
    """

    def send(self, message: SmsMessage) -> None:
        url = getattr(settings, "SMS_GATEWAY_URL", "")
        if not url.startswith(("https://", "http://")):
            raise SmsError("SMS_GATEWAY_URL is not set to an http(s) address")
        body = {"to": message.to, "from": settings.SMS_SENDER, "text": message.text}
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
            url,
            data=json.dumps(body).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Accept": "application/json",
                "Authorization": f"Bearer {settings.SMS_GATEWAY_KEY}",
            },
        )
        timeout = getattr(settings, "SMS_GATEWAY_TIMEOUT", 5)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                response.read(1024)
                status = response.status
        except urllib.error.HTTPError as error:
            logger.warning("The SMS gateway refused a message: HTTP %s", error.code)
            raise SmsError(f"the gateway answered HTTP {error.code}") from None
        except (OSError, http.client.HTTPException) as error:  # unreachable, timed out, garbled
            reason = getattr(error, "reason", error)
            logger.warning("The SMS gateway could not be reached: %s", type(reason).__name__)
            raise SmsError("the gateway did not answer") from None
        if not 200 <= status < 300:  # a redirect followed to something else than success
            logger.warning("The SMS gateway did not accept a message: HTTP %s", status)
            raise SmsError(f"the gateway answered HTTP {status}")


def send_sms(*, to: str, text: str) -> None:
    """Send one text message; SmsError when the backend fails."""
    backend = import_string(getattr(settings, "SMS_BACKEND", "toolkit.sms.ConsoleBackend"))()
    backend.send(SmsMessage(to=to, text=text))
