"""The unit page's choice of the period of client answers shown in the mirror."""

from __future__ import annotations

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..selectors.mirror import MONTH_PERIODS, ROUND_PERIOD

PERIOD_FIELD = "client_period"


def _last_months(n: int) -> str:
    return gettext("The last %(n)s months") % {"n": n}


# Translated when the form is shown, in the reader's language, not once at import.
_last_months_lazy = lazy(_last_months, str)


class MirrorPeriodForm(forms.Form):
    """The unit page's choice of the clients' period (?client_period=round|3|6|12). A value
    that is not one of the choices falls back to the default; `refused` says so, and the page
    tells the reader without echoing what was sent."""

    client_period = forms.ChoiceField(
        label=_("Period of the client answers"),
        required=False,
        choices=[
            (ROUND_PERIOD, _("The months of the latest round")),
            *((str(n), _last_months_lazy(n)) for n in MONTH_PERIODS),
        ],
    )

    @classmethod
    def of(cls, query) -> MirrorPeriodForm:
        """The form of a query string: always valid, with `choice` the period to show."""
        form = cls(query if PERIOD_FIELD in query else None)
        form.refused = form.is_bound and not form.is_valid()
        form.choice = ROUND_PERIOD
        if form.is_bound and not form.refused:
            form.choice = form.cleaned_data[PERIOD_FIELD] or ROUND_PERIOD
        return form

    def shown(self, choice: str) -> MirrorPeriodForm:
        """An unbound copy that shows the period the selector actually used."""
        shown = MirrorPeriodForm(initial={PERIOD_FIELD: choice})
        shown.refused, shown.choice = self.refused, choice
        return shown
