"""The organisation overview: thin, it asks the permission, reads the query string through
OverviewQueryForm (assessments/forms.py), asks the selector (assessments/selectors/overview.py)
and pages the rows.

The query string (?area=ID&sort=KEY&order=asc|desc&page=N) never fails the page: an unknown area
or sort is ignored with a note that does not echo the value, and a bad page number shows the
first page (a page past the end shows the last)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import render

from toolkit import permissions as toolkit_permissions

from .. import permissions
from ..forms import OverviewForm, OverviewQueryForm
from ..selectors.overview import HEAT_STEPS, organisation_overview_page, overview_page_additions

PAGE_SIZE = 100


def _legend() -> list[tuple[int, float | None, float | None]]:
    """(step, lowest mean, highest mean) of each heatmap colour; None at the open ends."""
    bounds = [None, *HEAT_STEPS, None]
    return [
        (step, low, round(high - 0.1, 1) if high and low else high)
        for step, (low, high) in enumerate(zip(bounds, bounds[1:], strict=False))
    ]


def _query(**params) -> str:
    query = QueryDict(mutable=True)
    query.update({name: value for name, value in params.items() if value not in (None, "")})
    return f"?{query.urlencode()}" if query else "?"


def _columns(overview, area: str) -> list[dict]:
    """The sortable column headers: label, aria-sort and the link that sorts by the column."""
    columns = []
    for key, label in OverviewForm.sort_choices(overview):
        current = overview.sort == key
        order = "asc" if not current or overview.descending else "desc"
        columns.append(
            {
                "key": key,
                "label": label,
                "aria_sort": ("descending" if overview.descending else "ascending")
                if current
                else "",
                "url": _query(area=area, sort=key, order=order),
            }
        )
    return columns


@login_required
def organisation_overview(request):
    """Every unit the viewer oversees with its latest closed round: a heatmap of the five
    values and the same figures in a sortable table. 404 for anyone but administrators and
    supervisors."""
    if not permissions.can_view_organisation_overview(request.user):
        raise Http404
    query = OverviewQueryForm(request.GET)
    query.is_valid()  # always: a bad value is read as no value (see the form)
    overview, page = organisation_overview_page(
        viewer=request.user,
        area_id=query.cleaned_data["area_id"],
        sort=query.selector_sort(),
        number=query.cleaned_data["page"],
        per_page=PAGE_SIZE,
    )
    area = str(overview.area.pk) if overview.area else ""
    order = "desc" if overview.descending else "asc"
    form = OverviewForm(
        initial={"area": area, "sort": overview.sort, "order": order}, overview=overview
    )
    columns = _columns(overview, area)
    linked = {
        row.unit.pk for row in page if toolkit_permissions.can_view_unit(request.user, row.unit)
    }
    return render(
        request,
        "assessments/overview.html",
        {
            "overview": overview,
            "form": form,
            "page": page,
            "columns": columns,
            "value_columns": columns[2:],
            "linked_unit_ids": linked,
            "additions": overview_page_additions(overview.rows),
            "legend": _legend(),
            "ignored": query.ignored(overview),
            "page_query": _query(area=area, sort=overview.sort, order=order),
        },
    )
