"""What client feedback adds to the core app's pages (toolkit.contributions) and to the
self-assessment pages (assessments' result extensions)."""


def register() -> None:
    """Filled in by the slices that show client results (the mirror) and the inbox."""
