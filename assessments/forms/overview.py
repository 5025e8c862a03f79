"""The organisation overview's query string and its area and sort choices (views/overview.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..selectors.overview import DEFAULT_SORT


class OverviewQueryForm(forms.Form):
    """The overview's query string, ?area=ID&sort=KEY&order=asc|desc&page=N, read so that it never
    fails the page: it is always valid. An area that is not a number is no area, a sort may
    carry a leading "-" for descending, a bad page number is the first page. Whether the
    selector used the area and sort asked for is told by `ignored`."""

    area = forms.CharField(required=False)
    sort = forms.CharField(required=False)
    order = forms.CharField(required=False, strip=False)
    page = forms.CharField(required=False, strip=False)

    def clean(self):
        data = super().clean()
        raw_sort = data.get("sort", "")
        data["descending"] = data.get("order") == "desc" or raw_sort.startswith("-")
        data["sort"] = raw_sort.lstrip("-")
        area = data.get("area", "")
        data["area_id"] = int(area) if area.isdecimal() and len(area) < 10 else None
        data["page"] = self._page_number(data.get("page"))
        return data

    @staticmethod
    def _page_number(raw: str | None) -> int:
        try:
            return max(int(raw or 1), 1)
        except ValueError:
            return 1

    def selector_sort(self) -> str:
        """The sort as organisation_overview takes it: a key, "-" first for descending."""
        data = self.cleaned_data
        return ("-" if data["descending"] else "") + (data["sort"] or DEFAULT_SORT)

    def ignored(self, overview) -> bool:
        """Whether an area or sort was asked for that the overview did not use (the page says
        so, without echoing the value)."""
        data = self.cleaned_data
        return bool(
            (data["area"] and overview.area is None)
            or (data["sort"] and data["sort"] != overview.sort)
        )


class OverviewForm(forms.Form):
    """The area and sort choices, rendered with the values the selector actually used."""

    area = forms.ChoiceField(label=_("Area"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"))
    order = forms.ChoiceField(
        label=_("Sort direction"), choices=[("asc", _("ascending")), ("desc", _("descending"))]
    )

    def __init__(self, *args, overview, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("All units"))] + [
            (str(unit.pk), unit.name) for unit in overview.areas
        ]
        self.fields["sort"].choices = self.sort_choices(overview)

    @staticmethod
    def sort_choices(overview) -> list[tuple[str, str]]:
        """The columns the overview sorts by: unit, response rate and the five values."""
        return [("name", _("Unit")), ("response_rate", _("Response rate")), *overview.value_keys]
