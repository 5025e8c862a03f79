"""What the assessment views share: the round a person may see, or a 404."""

from django.http import Http404

from .. import permissions
from ..models import AssessmentRound
from ..selectors import rounds as round_selectors


def round_or_404(request, pk: int) -> AssessmentRound:
    """The round if the person may see its unit; otherwise a 404, as for a round that does not
    exist."""
    try:
        round = round_selectors.round_for_page(pk=pk)
    except AssessmentRound.DoesNotExist:
        raise Http404 from None
    if not permissions.can_see_round_unit(request.user, round):
        raise Http404
    return round
