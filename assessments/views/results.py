"""The results page of an assessment round: thin, it asks permissions and selectors."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .. import charts, permissions
from ..models import AssessmentRound
from ..selectors.actions import round_follow_up
from ..selectors.results import round_results as select_round_results
from ..selectors.results import unit_trend


@login_required
def round_results(request, pk: int):
    """A closed round's results. Another unit's round or a draft is a 404; an open round shows
    a "not yet" page to the unit's members, with no figures."""
    round = get_object_or_404(
        AssessmentRound.objects.select_related("unit__parent", "framework_version__framework"),
        pk=pk,
    )
    if not permissions.can_see_round_unit(request.user, round):
        raise Http404
    if not permissions.can_view_results(request.user, round):
        if round.status != AssessmentRound.Status.OPEN:
            raise Http404
        return render(request, "assessments/results_pending.html", {"round": round})
    results = select_round_results(round=round, viewer=request.user)
    trend = unit_trend(unit=round.unit, viewer=request.user, until=round)
    context = {"round": round, "results": results, "trend": trend}
    context["follow_up"] = round_follow_up(
        round=round, results=results, can_manage=results.viewer_manages_unit
    )
    if not results.suppressed:
        context["bar_chart"] = charts.values_bar_chart(results)
    if len(trend.shown_points) > 1:
        context["trend_chart"] = charts.trend_line_chart(trend)
    return render(request, "assessments/results.html", context)
