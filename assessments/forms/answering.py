"""The answer form, built from the round's own framework version (so a statement of another
framework cannot even be posted)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models.framework import Value
from ..models.responses import OpenAnswer, RespondentRole
from ..services.answering import TEXT_LIMIT, Submission

CANT_SAY = "cant"
SCALE = [
    ("1", _("1 – fully disagree")),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", _("5 – fully agree")),
    (CANT_SAY, _("Can't say")),
]


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
