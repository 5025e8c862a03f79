"""Date, time and number formats of the site (settings.FORMAT_MODULE_PATH), one module per language.

Finnish usage in all three languages: dates as d.m.yyyy without leading zeros (3.12.2026), times
on the 24-hour clock in Helsinki time (settings.TIME_ZONE), weeks from Monday. Finnish and
Swedish write the decimal comma (20,5) and a period between hours and minutes (9.30), as the
Institute for the Languages of Finland recommends for both; English keeps its decimal point and
the colon (9:30) that English readers expect. Forms accept d.m.yyyy, d.m.yy and ISO dates.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext_noop

# Django's filesizeformat says "20,0 MB"; Finnish writes "20,0 Mt". The locale catalogues
# translate Django's own unit messages, and these marks keep them there for makemessages.
FILE_SIZE_UNITS = (gettext_noop("%s KB"), gettext_noop("%s MB"), gettext_noop("%s GB"))


def megabytes(size: int, decimals: int = 1) -> str:
    """A size in bytes as megabytes in the active language's numbers ("2,5" in fi and sv)."""
    return number_format(size / 1_048_576, decimals)
