"""Client feedback's rows of `make bench` (toolkit.bench)."""


def register() -> None:
    """Filled in with the unit page's mirror and the overview's client columns."""
