"""Demo and scale data of every app, for `seed_demo` and `seed_scale`.

The core app seeds the organisation (toolkit.demo); each app registers its own seeding in its
AppConfig.ready(), with an order that puts it after what it builds on (the site's pages before
the courses under them, the values before the rounds that measure them). The commands call
them lowest order first and print what each says it made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ScaleSeeding:
    """`add_arguments(parser)` adds the app's own options to `seed_scale`; `seed(units, options)`
    makes the app's data for these units (a QuerySet) and gives the line to print, or None when
    its options asked for nothing."""

    order: int
    add_arguments: Callable[[object], None]
    seed: Callable[..., str | None]


_demo: dict[str, tuple[int, Callable[[], None]]] = {}
_scale: dict[str, ScaleSeeding] = {}


def demo_register(app_label: str, *, order: int, seed: Callable[[], None]) -> None:
    """`seed()` loads the app's demo data; it is idempotent, as the command is."""
    _demo[app_label] = (order, seed)


def demo_seeds() -> list[Callable[[], None]]:
    return [seed for _order, seed in sorted(_demo.values(), key=lambda item: item[0])]


def scale_register(app_label: str, seeding: ScaleSeeding) -> None:
    _scale[app_label] = seeding


def scale_seeds() -> list[ScaleSeeding]:
    return sorted(_scale.values(), key=lambda seeding: seeding.order)
