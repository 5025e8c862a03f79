"""Forms of the organisation app."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


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
                    "size": f"{upload.size / 1_048_576:.1f}",
                    "max": f"{settings.PEOPLE_IMPORT_MAX_BYTES / 1_048_576:.0f}",
                },
            )
        return upload
