"""Forms of learning: the quiz (built from the lesson's questions), reflections and verification."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.progress import CODE_ALPHABET, CODE_LENGTH, REFLECTION_LIMIT


class QuizForm(forms.Form):
    """One field per question: radio buttons for single choice, checkboxes for multiple."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for question_id, question in questions:
            choices = [(str(i), option["text"]) for i, option in enumerate(question["options"])]
            field_class = (
                forms.TypedMultipleChoiceField if question["multiple"] else forms.TypedChoiceField
            )
            widget = forms.CheckboxSelectMultiple if question["multiple"] else forms.RadioSelect
            self.fields[f"q-{question_id}"] = field_class(
                label=question["question"],
                choices=choices,
                coerce=int,
                widget=widget,
                error_messages={
                    "required": _("Answer this question."),
                    "invalid_choice": _("Choose among the options shown."),
                },
            )

    def answers(self) -> dict[str, list[int]]:
        """Option indexes per question id."""
        return {
            name.removeprefix("q-"): value if isinstance(value, list) else [value]
            for name, value in self.cleaned_data.items()
        }


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
