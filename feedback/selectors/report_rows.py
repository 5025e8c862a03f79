"""The staff's and the clients' figures of one round side by side, value by value, for the unit
report: the staff mean of the round (assessments' results, under the round's k), the clients'
mean and answers of the round's months (client_results, under the same k), the gap between
them and the value where it is widest.

`mirror_rows` is pure (figures in, rows out); `round_report_rows` reads what it needs. The gap
is the clients' mean minus the staff's, as shown (toolkit.numbers.gap_between), so it never
contradicts the two figures printed beside it. The widest gap is the mirror page's
(mirror.widest_gap); none where no value has both figures.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from assessments.anonymity import round_threshold
from assessments.models import AssessmentRound
from assessments.models import Value as FrameworkValue
from assessments.selectors import aggregates, suppression
from assessments.selectors.result_types import RoundResults
from toolkit.numbers import gap_between

from .client_results import ClientFigures, ValueFigure, client_figures
from .mirror import widest_gap


@dataclass(frozen=True)
class MirrorRow:
    """One value: the staff mean, the clients' figure (mean None when hidden) and the gap."""

    key: str
    name: str
    staff_mean: float | None
    clients: ValueFigure
    gap: Decimal | None

    @property
    def client_mean(self) -> float | None:
        return self.clients.mean


@dataclass(frozen=True)
class MirrorRows:
    """The round's values side by side, the widest gap, and the clients' whole figures."""

    threshold: int
    clients: ClientFigures
    rows: list[MirrorRow]
    widest: MirrorRow | None

    @property
    def start(self) -> datetime.date:
        return self.clients.start

    @property
    def end(self) -> datetime.date:
        return self.clients.end


def mirror_rows(
    *, names: list[tuple[str, str]], staff_means: dict[str, float], clients: ClientFigures
) -> MirrorRows:
    """Rows for the values `names` ((key, name) in order) from the staff means (only those
    shown) and the clients' figures; pure."""
    rows = []
    for key, name in names:
        figure = clients.values.get(key) or ValueFigure(key, 0, 0, None, None)
        staff = staff_means.get(key)
        rows.append(MirrorRow(key, name, staff, figure, gap_between(figure.mean, staff)))
    compared = [row for row in rows if row.gap is not None]
    widest = widest_gap(compared)
    return MirrorRows(clients.threshold, clients, rows, widest)


def round_staff_means(round: AssessmentRound, threshold: int) -> dict[str, float]:
    """The round's value means as its results page shows them (empty under k responses)."""
    if aggregates.response_counts(round)["total"] < threshold:
        return {}
    closed = round.status == AssessmentRound.Status.CLOSED
    means_of = suppression.closed_round_means if closed else suppression.value_means_by_round
    return means_of({round.pk: threshold}).get(round.pk, {})


def round_report_rows(*, round: AssessmentRound, results: RoundResults | None = None) -> MirrorRows:
    """The round's mirror for its report: staff means from `results` when given (the report
    has them already), else read; the clients' figures of the round's months; both under the
    round's k."""
    threshold = results.threshold if results is not None else round_threshold(round)
    if results is not None:
        staff = {v.key: v.mean for v in results.values if v.mean is not None}
    else:
        staff = round_staff_means(round, threshold)
    clients = client_figures([round.unit_id], round.opens_on, round.closes_on, threshold=threshold)
    values = FrameworkValue.objects.filter(version_id=round.framework_version_id)
    names = [(v.key, v.name) for v in values.order_by("sort_order")]
    return mirror_rows(names=names, staff_means=staff, clients=clients[round.unit_id])
