"""Forms of the self-assessment: a round's dates, and the answer form built from the round's
own framework version (so a statement of another framework cannot even be posted)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AssessmentRound, FrameworkVersion, OpenAnswer, RespondentRole, Value
from .selectors.overview import DEFAULT_SORT
from .services.answering import TEXT_LIMIT, Submission

CANT_SAY = "cant"
SCALE = [
    ("1", _("1 – fully disagree")),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", _("5 – fully agree")),
    (CANT_SAY, _("Can't say")),
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RoundForm(forms.ModelForm):
    """A new round: title, dates and a published framework version."""

    class Meta:
        model = AssessmentRound
        fields = ["title", "opens_on", "closes_on", "framework_version"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput()}
        help_texts = {
            "opens_on": _("If this is today, the round opens and invitations go out at once."),
            "closes_on": _("The round closes at the end of this day."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        versions = FrameworkVersion.objects.filter(is_published=True).select_related("framework")
        self.fields["framework_version"].queryset = versions
        self.fields["framework_version"].empty_label = None
        self.fields["framework_version"].label = _("Framework version")
        self.fields["title"].widget.attrs["maxlength"] = 200

    def clean(self):
        """The date order in words, before the database constraint would say it in code."""
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The closing date must be on or after the opening date."))
        return cleaned


class ExtendForm(forms.Form):
    closes_on = forms.DateField(label=_("New closing date"), widget=DateInput())


def _statement_field(name: str) -> str:
    return f"s{name}"


# The names the answer form gives its questions: a post naming one the round does not have was
# tampered with or made for another round's form.
QUESTION_NAME = re.compile(r"^(s|barrier_|means_)\d+$")


@dataclass
class ValueSection:
    """One value of the form with its bound fields, for the template."""

    value: Value
    statements: list
    barrier: forms.BoundField
    means: forms.BoundField


class AnswerForm(forms.Form):
    """Every statement of the round as 1–5 / can't say, two open questions per value, and the
    role the person answers in. Fields may be left empty in a draft; `submission()` demands all."""

    def __init__(self, *args, values: list[Value], may_answer_as_supervisor: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.values = values
        for value in values:
            for statement in value.statements.all():
                self.fields[_statement_field(statement.pk)] = forms.ChoiceField(
                    label=statement.text,
                    choices=SCALE,
                    widget=forms.RadioSelect,
                    required=False,
                )
            for kind, label in OpenAnswer.Kind.choices:
                self.fields[f"{kind}_{value.pk}"] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=TEXT_LIMIT,
                    strip=True,
                    widget=forms.Textarea(attrs={"rows": 3, "maxlength": TEXT_LIMIT}),
                )
        roles = RespondentRole.choices if may_answer_as_supervisor else RespondentRole.choices[:1]
        self.fields["role"] = forms.ChoiceField(
            label=_("I answer"),
            choices=roles,
            widget=forms.RadioSelect,
            required=False,
            initial=RespondentRole.STAFF if not may_answer_as_supervisor else None,
        )

    def clean(self):
        foreign = [
            name for name in self.data if QUESTION_NAME.match(name) and name not in self.fields
        ]
        if foreign:
            raise forms.ValidationError(
                _(
                    "The form held questions that are not in this round, so nothing was saved. "
                    "Reload the page and answer again."
                ),
                code="foreign_question",
            )
        return super().clean()

    def sections(self) -> list[ValueSection]:
        return [
            ValueSection(
                value=value,
                statements=[self[_statement_field(s.pk)] for s in value.statements.all()],
                barrier=self[f"barrier_{value.pk}"],
                means=self[f"means_{value.pk}"],
            )
            for value in self.values
        ]

    def statement_fields(self) -> list[forms.BoundField]:
        """The scored questions in the order of the page."""
        return [
            self[_statement_field(s.pk)] for value in self.values for s in value.statements.all()
        ]

    def answered_count(self) -> int:
        """How many statements have a score or "can't say", as the page shows them: from the
        post, or from the draft the page resumes."""
        return sum(1 for field in self.statement_fields() if field.value())

    def missing(self) -> list[forms.BoundField]:
        """The questions an incomplete submit left open, in the order of the page, for the
        summary that links each of them."""
        fields = [self["role"], *self.statement_fields()]
        return [field for field in fields if field.errors]

    def draft_data(self) -> dict[str, str]:
        """The filled-in fields, as stored in the person's draft."""
        return {name: value for name, value in self.cleaned_data.items() if value}

    def submission(self) -> Submission | None:
        """The complete answer, or None with an error on each field still missing."""
        scores: dict[int, int | None] = {}
        for value in self.values:
            for statement in value.statements.all():
                name = _statement_field(statement.pk)
                choice = self.cleaned_data.get(name)
                if not choice:
                    self.add_error(name, _("Choose a score or “can't say”."))
                    continue
                scores[statement.pk] = None if choice == CANT_SAY else int(choice)
        role = self.cleaned_data.get("role") or (
            RespondentRole.STAFF if len(self.fields["role"].choices) == 1 else ""
        )
        if not role:
            self.add_error("role", _("Choose whether you answer as staff or as a supervisor."))
        if self.errors:
            return None
        texts = {
            (value.pk, kind): self.cleaned_data[f"{kind}_{value.pk}"]
            for value in self.values
            for kind in OpenAnswer.Kind.values
            if self.cleaned_data.get(f"{kind}_{value.pk}")
        }
        return Submission(role=role, scores=scores, texts=texts)


# --- The organisation overview (views/overview.py) ---------------------------------------------


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
