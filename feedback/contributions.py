"""What client feedback adds to the core app's pages (toolkit.contributions) and to the
self-assessment pages (assessments' result extensions)."""

from toolkit import contributions as slots
from toolkit.contributions import Part


def register() -> None:
    """The unit page's button to the feedback link page (the link, the poster, the text
    message); the slices that show client results and the inbox add theirs here."""
    slots.part_register(slots.UNIT_ACTIONS, Part("feedback/partials/unit_link_button.html", 300))
