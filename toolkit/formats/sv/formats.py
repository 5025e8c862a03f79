"""Swedish formats, as written in Finland: the Finnish ones (3.12.2026, 3.12.2026 9.30, 20,5)."""

from toolkit.formats.fi.formats import *  # noqa: F403
