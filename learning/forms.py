"""Forms of learning: the quiz (built from the lesson's questions), reflections and verification."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.progress import CODE_ALPHABET, CODE_LENGTH, REFLECTION_LIMIT


class QuizForm(forms.Form):
    """One field per question: radio buttons for single choice, checkboxes for multiple. The
    options come in the learner's order for this attempt (selectors.quiz) and are posted by
    their identity; `answers()` gives their places in the lesson's own list, for grading."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self._index = {}
        for question in questions:
            self._index[question.field_name] = {o.value: o.index for o in question.options}
            field_class = forms.MultipleChoiceField if question.multiple else forms.ChoiceField
            widget = forms.CheckboxSelectMultiple if question.multiple else forms.RadioSelect
            self.fields[question.field_name] = field_class(
                label=question.question,
                choices=[(option.value, option.text) for option in question.options],
                widget=widget,
                error_messages={
                    "required": _("Answer this question."),
                    "invalid_choice": _("Choose among the options shown."),
                },
            )

    def answers(self) -> dict[str, list[int]]:
        """Option indexes (in the lesson's own list) per question id."""
        answers = {}
        for name, value in self.cleaned_data.items():
            values = value if isinstance(value, list) else [value]
            answers[name.removeprefix("q-")] = [self._index[name][v] for v in values]
        return answers

    def chosen(self) -> set[str]:
        """The options the learner ticked ("field=value", as QuizOption.key), to tick them again
        when the form is shown with errors."""
        if not self.is_bound or not hasattr(self.data, "getlist"):
            return set()
        return {f"{name}={value}" for name in self.fields for value in self.data.getlist(name)}


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your reflection"),
        max_length=REFLECTION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only you see what you write here."),
    )


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("The code printed on the certificate, for example K7M2Q9XRT4."),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).replace("-", "").upper()
        if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
            raise forms.ValidationError(
                _("A verification code has %(n)s letters and digits."), params={"n": CODE_LENGTH}
            )
        return code


class AssignmentForm(forms.Form):
    """A supervisor assigns a course to the whole unit or to chosen members, with a deadline,
    and may record it as an improvement action when the course is recommended to the unit."""

    WHOLE, CHOSEN = "unit", "chosen"

    course = forms.TypedChoiceField(label=_("Course"), coerce=int)
    due_on = forms.DateField(
        label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    scope = forms.ChoiceField(
        label=_("Who"),
        choices=[
            (WHOLE, _("The whole unit, also people who join later")),
            (CHOSEN, _("Chosen members")),
        ],
        initial=WHOLE,
        widget=forms.RadioSelect,
    )
    members = forms.TypedMultipleChoiceField(
        label=_("Members"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Used when “Chosen members” is selected above."),
    )
    record_action = forms.BooleanField(
        label=_("Also record this as an improvement action of the value the course builds"),
        required=False,
    )

    def __init__(self, *args, courses, members, can_record_action: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [("", "–"), *[(c.pk, c.title) for c in courses]]
        self.fields["members"].choices = [(m.pk, m.get_full_name() or m.email) for m in members]
        if not can_record_action:
            del self.fields["record_action"]

    def clean(self):
        data = super().clean()
        if data.get("scope") == self.CHOSEN and not data.get("members"):
            self.add_error("members", _("Choose at least one member, or the whole unit."))
        if data.get("scope") == self.WHOLE:
            data["members"] = []
        return data


class AttendanceForm(forms.Form):
    """The trainer ticks who attended, among those registered."""

    attended = forms.TypedMultipleChoiceField(
        label=_("Attended"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, registered, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(u.pk, u.get_full_name() or u.email) for u in registered]
