"""The core app's own cards of the home page, registered in its slot like the apps' cards
(toolkit.contributions), so that all of them take their place by order."""

from . import contributions as slots
from .contributions import Part


def register() -> None:
    for order, card in (
        (400, "units"),
        (500, "supervisor"),
        (600, "trainer"),
        (700, "administrator"),
    ):
        slots.part_register(slots.DASHBOARD, Part(f"toolkit/dashboard/{card}.html", order))
