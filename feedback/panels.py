"""What the mirror's panels put in a page's context: on the unit page (with its period choice)
and on a round's results page. Each asks the permission first and gives None (no panel) when
the reader may not see the unit's client results."""

from __future__ import annotations

from assessments.permissions import can_view_results
from assessments.selectors.result_types import StatementResult

from .charts import mirror_chart
from .forms import MirrorPeriodForm
from .permissions import can_view_client_results
from .selectors.client_results import SCORES
from .selectors.mirror import Mirror, round_mirror, unit_mirror


def _distribution_rows(mirror: Mirror) -> list[tuple[str, StatementResult]]:
    """(value name, row) for the shared distribution table rows of assessments' results: a
    hidden value is a hidden row, without any figure."""
    rows = []
    for value in mirror.values:
        figure = value.client
        if not figure.shown:
            rows.append((value.name, StatementResult.hidden_row(value.name)))
            continue
        distribution = tuple(figure.distribution[s] for s in SCORES)
        row = StatementResult(value.name, figure.mean, figure.scored, figure.cant_say, distribution)
        rows.append((value.name, row))
    return rows


def _context(mirror: Mirror, id_prefix: str) -> dict:
    return {
        "mirror": mirror,
        # Nothing to draw without the clients' side: the page says why in words, and the
        # unit's own view is drawn on its results.
        "mirror_chart": (
            mirror_chart(mirror, id_prefix=f"{id_prefix}-chart") if mirror.clients_shown else None
        ),
        "mirror_rows": _distribution_rows(mirror),
        "mirror_id": id_prefix,
    }


def unit_mirror_panel(context, unit, can_manage: bool = False, **_kwargs) -> dict | None:
    """The unit page's mirror, for the period asked in the query string (a bad value: the
    default, and the panel says so)."""
    request = context["request"]
    if not can_view_client_results(request.user, unit):
        return None
    form = MirrorPeriodForm.of(request.GET)
    mirror = unit_mirror(unit_id=unit.pk, choice=form.choice)
    return _context(mirror, "mirror") | {"period_form": form.shown(mirror.period.choice)}


def round_mirror_panel(context, round, **_kwargs) -> dict | None:
    """The clients of the round's months beside the round's own results."""
    user = context["request"].user
    if not (can_view_results(user, round) and can_view_client_results(user, round.unit)):
        return None
    return _context(round_mirror(round=round), "round-mirror")
