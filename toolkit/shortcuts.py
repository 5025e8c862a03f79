"""What views of every app share: the unit a person may see (or act on), or a 404; a service's
refusal shown on the form that was sent."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.http import Http404

from . import selectors
from .models import Unit


def unit_or_404(request, code: str, *, may: Callable | None = None) -> Unit:
    """The unit with this code if `may(user, unit)` allows it (by default: the person may see the
    unit); otherwise a 404, the same as for a code that does not exist, so names do not leak."""
    try:
        return selectors.unit_for_viewer(code=code, user=request.user, may=may)
    except Unit.DoesNotExist:
        raise Http404 from None


def add_form_errors(form, error: ValidationError) -> None:
    """A service's errors onto the form's fields where it has them, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
