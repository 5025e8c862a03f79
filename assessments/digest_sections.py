"""More for the supervisors' weekly digest than the overdue improvement actions: other apps
register sections here (client feedback: its overdue messages), so self-assessment names no
app that builds on it. A supervisor with a section but no overdue action gets the digest too.

A provider says who has something this week (`recipients(today) -> user ids`) and what it is
for one of them (`section(user, today) -> DigestSection | None`). A section is a text template
rendered inside the digest in the recipient's language, with `section` and `site_url` in its
context."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DigestSection:
    template: str  # a .txt template path, without the extension
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DigestSectionProvider:
    order: int
    recipients: Callable[[datetime.date], set[int]]
    section: Callable[..., DigestSection | None]


_providers: list[DigestSectionProvider] = []


def provider_register(provider: DigestSectionProvider) -> None:
    """Add a provider (again on a second ready(), as in tests, changes nothing)."""
    if provider not in _providers:
        _providers.append(provider)


def providers() -> list[DigestSectionProvider]:
    return sorted(_providers, key=lambda provider: provider.order)


def section_recipients(*, today: datetime.date) -> set[int]:
    """Everyone some provider has a section for this week."""
    found: set[int] = set()
    for provider in providers():
        found |= set(provider.recipients(today))
    return found


def sections_for(*, user, today: datetime.date) -> list[DigestSection]:
    """The person's sections, in the providers' order (those with nothing left out)."""
    sections = (provider.section(user, today) for provider in providers())
    return [section for section in sections if section is not None]
