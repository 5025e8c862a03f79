"""A parent unit's combined result for one calendar year: thin, it asks permissions and the
selector (see assessments/selectors/combined.py for which rounds are pooled and why).

The year comes from the query string (?year=YYYY) and must be one the page offers: a year in
which a direct child unit has a closed round. Without ?year= the latest such year is shown. A bad
year (not a number, out of range, not offered, empty) never fails the page: the form says why,
without echoing the value, and the default year is shown."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.shortcuts import unit_or_404

from .. import permissions
from ..selectors.combined import combined_results as select_combined_results
from ..selectors.combined import combined_years
from ..services.combined import combined_pool_fix

_YEAR_ERROR = _("Choose one of the listed years: only years with closed rounds can be shown.")


class YearForm(forms.Form):
    """The calendar year whose rounds are pooled, by closing date; only the offered years."""

    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        choices=(),
        error_messages={"required": _YEAR_ERROR, "invalid_choice": _YEAR_ERROR},
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]


@login_required
def combined_results(request, code: str):
    """The pooled result of the small rounds of the units directly below this one, by year.
    404 for anyone who may not manage the unit."""
    unit = unit_or_404(request, code, may=permissions.can_view_combined_results)
    years = combined_years(parent=unit)
    year = years[0] if years else timezone.localdate().year - 1
    if "year" in request.GET:
        form = YearForm(request.GET, years=years)
        if form.is_valid():
            year = form.cleaned_data["year"]
    else:
        form = YearForm(initial={"year": year}, years=years)
    results = select_combined_results(parent=unit, year=year)
    if not results.suppressed and not results.fixed:
        combined_pool_fix(
            parent=unit, year=year, round_ids=results.pool_round_ids, threshold=results.threshold
        )
    openable_round_ids = {
        r.pk for r in results.own_page_rounds if permissions.can_view_results(request.user, r.round)
    }
    return render(
        request,
        "assessments/combined_results.html",
        {
            "unit": unit,
            "form": form,
            "years": years,
            "year_invalid": form.is_bound and not form.is_valid(),
            "results": results,
            "openable_round_ids": openable_round_ids,
        },
    )
