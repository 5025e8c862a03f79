"""The mirror: a unit's own view of the five values (its staff self-assessment) beside its
clients' view of the same values, the gap between them, and the value where the gap is widest.

Each side keeps its own anonymity rule. The staff side is a closed round's value means under that
round's k (assessments' selectors: a value that no statement reached k with is missing); the
client side is `client_figures` under today's k, month by month. A side that is hidden stays
hidden here: a gap is given only where both means are shown.

The staff side of a unit is its latest closed round with at least its k responses (closing on or
before the period's end); the client side is the period: a round's months, or whole months
before today. Bounded queries whatever the number of answers or units: one for the rounds, the
round sums (cached, one grouped query for the misses), one for the client months."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import IntegerField, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.anonymity import current_threshold, round_threshold
from assessments.models import AssessmentRound
from assessments.selectors.aggregates import latest_per_unit, response_count_subquery
from assessments.selectors.result_types import RoundRef
from assessments.selectors.suppression import closed_round_means
from toolkit.numbers import change_between, format_mean
from toolkit.values import ValueKey, value_label

from .client_results import ClientFigures, ValueFigure, client_figures, period_months

# The periods a reader may choose on the unit page: the latest round's months, or the last
# 3, 6 or 12 whole months (the month under way is left out: its answers are still coming).
ROUND_PERIOD = "round"
MONTH_PERIODS = (3, 6, 12)
PERIOD_CHOICES = (ROUND_PERIOD, *(str(n) for n in MONTH_PERIODS))


@dataclass(frozen=True)
class MirrorPeriod:
    """The months the client side covers: from `start` (a first day) to `end` (a last day).
    `choice` is one of PERIOD_CHOICES; `round` is the round whose months these are, if any."""

    start: datetime.date
    end: datetime.date
    choice: str
    round: RoundRef | None = None


@dataclass(frozen=True)
class MirrorValue:
    """One value in the mirror: the staff mean (None when hidden or missing) and the clients'
    figures (their mean None when hidden)."""

    key: str
    staff_mean: float | None
    client: ValueFigure

    @property
    def name(self) -> str:
        """The value's name in the active language (the page's, the report's)."""
        return value_label(self.key)

    @property
    def client_mean(self) -> float | None:
        return self.client.mean

    @property
    def gap(self) -> Decimal | None:
        """Clients minus staff, as the reader sees it: the difference of the two shown (rounded)
        means, so it never contradicts them; None unless both are shown."""
        return change_between(self.client_mean, self.staff_mean)


@dataclass(frozen=True)
class Mirror:
    """A unit's two views of one period, under each side's anonymity rule."""

    unit_id: int
    period: MirrorPeriod
    staff_round: RoundRef | None  # the round of the staff side (None: no round with k answers)
    staff_threshold: int
    clients: ClientFigures
    values: list[MirrorValue]

    @property
    def client_threshold(self) -> int:
        return self.clients.threshold

    @property
    def staff_shown(self) -> bool:
        return any(v.staff_mean is not None for v in self.values)

    @property
    def clients_shown(self) -> bool:
        return any(v.client_mean is not None for v in self.values)

    @property
    def compared(self) -> list[MirrorValue]:
        """The values with both sides shown."""
        return [v for v in self.values if v.gap is not None]

    @property
    def widest(self) -> MirrorValue | None:
        """The value whose gap is widest (the lower client view first on a tie, then the
        framework's order); None when no value has both sides."""
        return widest_gap(self.compared)

    @property
    def staff_notice(self) -> str:
        """Why the staff side is missing, or "" when it is shown."""
        if self.staff_shown:
            return ""
        if self.staff_round is None:
            return _(
                "No closed self-assessment round with at least %(k)s answers yet, so your own "
                "view is missing."
            ) % {"k": self.staff_threshold}
        return _(
            "Fewer than %(k)s people scored the values in %(round)s, so your own view is not shown."
        ) % {"k": self.staff_threshold, "round": self.staff_round.title}

    @property
    def client_notice(self) -> str:
        """Why the client side is missing, or "" when it is shown."""
        if self.clients_shown:
            return ""
        if not self.clients.answers:
            return _("No client answers in this period yet.")
        return _(
            "Not enough client answers in this period yet (fewer than %(k)s, or fewer than "
            "%(k)s in one of its months), so they are not shown."
        ) % {"k": self.client_threshold}

    @property
    def summary(self) -> str:
        """The widest gap in words, or why there is no comparison."""
        widest = self.widest
        if widest is None:
            return self.staff_notice or self.client_notice or _("No value has both views yet.")
        figures = {
            "value": widest.name,
            "client": format_mean(widest.client_mean),
            "staff": format_mean(widest.staff_mean),
        }
        if widest.gap < 0:
            return (
                _("Clients rate “%(value)s” lowest compared with your own view: %(client)s against %(staff)s.")
                % figures
            )  # fmt: skip
        if widest.gap > 0:
            return (
                _("Clients rate “%(value)s” highest compared with your own view: %(client)s against %(staff)s.")
                % figures
            )  # fmt: skip
        return _("Clients and your own view give every value the same mean.")


def widest_gap(compared: list):
    """Of items with a `gap` (clients minus staff, none None, in the framework's order), the one
    whose gap is widest: the largest in size; on a tie, the one clients rate lower (what needs
    the unit's attention), then the first. None for no items. The page and the report share it."""
    return max(compared, key=lambda item: (abs(item.gap), -item.gap), default=None)


def round_period(round: AssessmentRound | RoundRef) -> MirrorPeriod:
    """The whole months of the round: a round from 10.3. to 24.3. covers March."""
    start, end = period_months(round.opens_on, round.closes_on)
    ref = round if isinstance(round, RoundRef) else RoundRef.of(round)
    return MirrorPeriod(start, end, ROUND_PERIOD, ref)


def last_months(count: int, *, today: datetime.date | None = None) -> MirrorPeriod:
    """The `count` whole months before today's month."""
    today = today or timezone.localdate()
    end = today.replace(day=1) - datetime.timedelta(days=1)
    start = end.replace(day=1)
    for _n in range(count - 1):
        start = (start - datetime.timedelta(days=1)).replace(day=1)
    return MirrorPeriod(start, end, str(count))


def latest_staff_rounds(
    unit_ids: list[int], *, current: int, until: datetime.date | None = None
) -> dict[int, AssessmentRound]:
    """unit id -> its latest closed round (closing on or before `until`) with at least its own
    k responses (round_threshold: today's k, never below the k when it closed). One query."""
    rounds = (
        AssessmentRound.objects.filter(unit_id__in=unit_ids, status=AssessmentRound.Status.CLOSED)
        .annotate(answered=response_count_subquery())
        .filter(
            answered__gte=Greatest(
                Value(current), Coalesce("closed_threshold", Value(0)), output_field=IntegerField()
            )
        )
    )
    if until is not None:
        rounds = rounds.filter(closes_on__lte=until)
    return {r.unit_id: r for r in latest_per_unit(rounds)}


def _mirror(
    unit_id: int,
    period: MirrorPeriod,
    round: AssessmentRound | None,
    staff: dict[str, float],
    clients: ClientFigures,
    staff_threshold: int,
) -> Mirror:
    values = [MirrorValue(key, staff.get(key), clients.values[key]) for key in ValueKey.values]
    ref = RoundRef.of(round) if round is not None else None
    return Mirror(unit_id, period, ref, staff_threshold, clients, values)


def units_mirror(*, unit_ids: list[int], period: MirrorPeriod) -> dict[int, Mirror]:
    """unit id -> the mirror of the period for each unit: the staff side from the unit's latest
    closed round with k answers closing by the period's end. For many units at once (the
    organisation overview, the reports); the same number of queries for any number."""
    current = current_threshold()
    rounds = latest_staff_rounds(unit_ids, current=current, until=period.end)
    own_k = {r.pk: round_threshold(r, current=current) for r in rounds.values()}
    means = closed_round_means(own_k)
    clients = client_figures(unit_ids, period.start, period.end, threshold=current)
    result = {}
    for unit_id in unit_ids:
        round = rounds.get(unit_id)
        staff = means.get(round.pk, {}) if round else {}
        k = own_k[round.pk] if round else current
        result[unit_id] = _mirror(unit_id, period, round, staff, clients[unit_id], k)
    return result


def unit_mirror(
    *, unit_id: int, choice: str = ROUND_PERIOD, today: datetime.date | None = None
) -> Mirror:
    """The unit page's mirror: the staff side from the unit's latest closed round with k answers,
    the client side for `choice` (PERIOD_CHOICES; the round's months by default, the last three
    months when there is no such round). Check can_view_client_results first."""
    current = current_threshold()
    round = latest_staff_rounds([unit_id], current=current).get(unit_id)
    if choice in PERIOD_CHOICES and choice != ROUND_PERIOD:
        period = last_months(int(choice), today=today)
    elif round is not None:
        period = round_period(round)
    else:
        period = last_months(MONTH_PERIODS[0], today=today)
    return _side_by_side(unit_id, period, round, current)


def round_mirror(*, round: AssessmentRound) -> Mirror:
    """The mirror of a closed round's results page: the round's value means under its k beside
    the clients of its months. Check can_view_results and can_view_client_results first."""
    current = current_threshold()
    shown = round if round.status == AssessmentRound.Status.CLOSED else None
    return _side_by_side(round.unit_id, round_period(round), shown, current)


def _side_by_side(
    unit_id: int, period: MirrorPeriod, round: AssessmentRound | None, current: int
) -> Mirror:
    k = round_threshold(round, current=current) if round is not None else current
    staff = closed_round_means({round.pk: k}).get(round.pk, {}) if round is not None else {}
    clients = client_figures([unit_id], period.start, period.end, threshold=current)[unit_id]
    return _mirror(unit_id, period, round, staff, clients, k)
