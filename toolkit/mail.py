"""E-mail for the whole site: each mail is rendered in its recipient's language and all of a
run's mails go out over one connection.

Each app's notifications.py says what to send: a template, to whom and with what context. The
template is a pair, `<template>_subject.txt` and `<template>.txt`. The context is built inside
the recipient's language, so links carry that language's URL prefix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

# Mails per send_messages call; one connection serves every batch of a run.
BATCH = 200
# A subject is one line, and a notice's text in it cannot make it run on.
SUBJECT_LIMIT = 200

Context = Mapping | Callable[[], Mapping]


@dataclass(frozen=True)
class Mail:
    """One message: `template` rendered with `context` in `language`, to `to`."""

    template: str
    to: tuple[str, ...]
    language: str
    context: Context

    def build_context(self) -> Mapping:
        return self.context() if callable(self.context) else self.context


def to_person(user, template: str, context: Context) -> Mail:
    """A mail to one person in their own language (else the site's), with `user` in the
    context beside `context`."""

    def build() -> dict:
        extra = context() if callable(context) else context
        return {"user": user, **extra}

    language = user.preferred_language or settings.LANGUAGE_CODE
    return Mail(template=template, to=(user.email,), language=language, context=build)


def render(mail: Mail) -> EmailMessage:
    """The message with its subject and body rendered in the mail's language."""
    with translation.override(mail.language):
        context = mail.build_context()
        subject = render_to_string(f"{mail.template}_subject.txt", context)
        body = render_to_string(f"{mail.template}.txt", context)
    return EmailMessage(" ".join(subject.split())[:SUBJECT_LIMIT], body, None, list(mail.to))


def _batches(mails: Iterable[Mail]) -> Iterator[list[EmailMessage]]:
    batch: list[EmailMessage] = []
    for mail in mails:
        batch.append(render(mail))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def send(mails: Iterable[Mail]) -> int:
    """Render and send the mails, in batches over one connection. Returns how many were sent."""
    batches = _batches(mails)
    first = next(batches, None)
    if first is None:
        return 0
    sent = 0
    with get_connection() as connection:
        for batch in chain([first], batches):
            sent += connection.send_messages(batch) or 0
    return sent
