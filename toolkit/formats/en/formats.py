"""English formats, with Finnish dates: 3.12.2026, 3.12.2026 9:30, 20.5 (see toolkit.formats).
The Finnish ones, but for the colon in times and the decimal point that English readers expect."""

from toolkit.formats.fi.formats import *  # noqa: F403

TIME_FORMAT = "G:i"
DATETIME_FORMAT = "j.n.Y G:i"
SHORT_DATETIME_FORMAT = "j.n.Y G:i"
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H.%M.%S"]

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
