"""Forms of the organisation app."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .formats import megabytes


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: email, first_name, last_name, unit_code, role (employee or supervisor), "
            "language (fi, sv or en). UTF-8, comma or semicolon separated, one row per unit "
            "membership."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.PEOPLE_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s MB). The largest file accepted is %(max)s MB."),
                params={
                    "size": megabytes(upload.size),
                    "max": megabytes(settings.PEOPLE_IMPORT_MAX_BYTES, 0),
                },
            )
        return upload


class AccountLanguageForm(forms.Form):
    """The person's language: of the site, and of the e-mails sent to them."""

    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a language."),
            "invalid_choice": _("Choose Finnish, Swedish or English."),
        },
    )


class PeopleImportConfirmForm(forms.Form):
    """The plan the administrator saw (its digest) and their confirmation of its changes to
    people who already have an account (required by people_import_start when there are any)."""

    plan = forms.RegexField(regex=r"^[0-9a-f]{64}$", widget=forms.HiddenInput)
    confirm_changes = forms.BooleanField(
        required=False, label=_("I have checked the changes to existing people above.")
    )


class ErasePersonForm(forms.Form):
    """Which person to erase, typed twice: erasure cannot be undone."""

    email = forms.EmailField(label=_("E-mail address of the person"), max_length=254)
    confirm = forms.EmailField(label=_("The same address again, to confirm"), max_length=254)

    def __init__(self, *args, erased_by=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.erased_by = erased_by

    def clean(self):
        from .models import User

        cleaned = super().clean()
        email, confirm = cleaned.get("email", ""), cleaned.get("confirm", "")
        if not email or not confirm:
            return cleaned
        if email.lower() != confirm.lower():
            raise forms.ValidationError(_("The two addresses differ. Nothing was erased."))
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError(_("Nobody has this e-mail address. Nothing was erased."))
        if self.erased_by is not None and person.pk == self.erased_by.pk:
            raise forms.ValidationError(
                _("You cannot erase yourself here: ask another administrator.")
            )
        cleaned["person"] = person
        return cleaned
