"""What the results selectors return: frozen figures that carry nothing the anonymity rule hides
(selectors/suppression.py decides what that is; selectors/results.py gives the definitions)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from toolkit.models import Unit
from toolkit.numbers import change_between, percent_of

from ..models import AssessmentRound

SCORES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class StatementResult:
    """One statement: mean of the scored answers, the 1–5 distribution and "can't say"."""

    text: str
    mean: float | None
    scored: int
    cant_say: int
    distribution: tuple[int, int, int, int, int]
    hidden: bool = False  # fewer than k people scored it: no figure at all

    @classmethod
    def hidden_row(cls, text: str) -> StatementResult:
        """A statement (or value) listed without any figure."""
        return cls(text, None, 0, 0, (0, 0, 0, 0, 0), hidden=True)

    @property
    def answers(self) -> int:
        """Everyone who answered the statement, "can't say" included."""
        return self.scored + self.cant_say

    @property
    def shares(self) -> list[tuple[int, int, float]]:
        """(score, count, percent of all answers) for the five scores, for stacked bars."""
        total = self.answers or 1
        return [
            (s, c, round(100 * c / total, 1))
            for s, c in zip(SCORES, self.distribution, strict=True)
        ]

    @property
    def cant_say_percent(self) -> float:
        return round(100 * self.cant_say / (self.answers or 1), 1)


@dataclass(frozen=True)
class Change:
    """The change of a value's mean since the previous round, as the reader sees it: the
    difference of the two rounded means (toolkit.numbers), so it never contradicts them."""

    amount: Decimal

    @classmethod
    def between(cls, now: float | None, before: float | None) -> Change | None:
        """The change from `before` to `now`, or None when either mean is missing."""
        amount = change_between(now, before)
        return None if amount is None else cls(amount)

    @property
    def direction(self) -> str:
        """ "up", "down" or "same" (equal shown means are no change)."""
        if self.amount > 0:
            return "up"
        if self.amount < 0:
            return "down"
        return "same"

    @property
    def size(self) -> Decimal:
        """The amount without its sign, for "up 0.3" / "down 0.3"."""
        return abs(self.amount)


@dataclass(frozen=True)
class ValueResult:
    """One value of the round with its statements, comparisons and the written answers."""

    key: str
    name: str
    mean: float | None
    scored: int
    statements: list[StatementResult]
    previous_mean: float | None = None
    change: Change | None = None
    area_mean: float | None = None
    organisation_mean: float | None = None
    staff_mean: float | None = None
    supervisor_mean: float | None = None
    barriers: list[str] = field(default_factory=list)
    means: list[str] = field(default_factory=list)
    texts_hidden: bool = False  # fewer than k people wrote for this value: no text shown

    @property
    def hidden_statements(self) -> int:
        """How many of the value's statements fewer than k people scored."""
        return sum(1 for s in self.statements if s.hidden)


@dataclass(frozen=True)
class RoundRef:
    """A round named in a comparison: enough to label it, nothing about its answers."""

    pk: int
    title: str
    opens_on: datetime.date
    closes_on: datetime.date

    @classmethod
    def of(cls, r: AssessmentRound) -> RoundRef:
        return cls(pk=r.pk, title=r.title, opens_on=r.opens_on, closes_on=r.closes_on)


@dataclass
class RoundResults:
    """Everything the results page may show of one round. Empty where the rule forbids."""

    round: AssessmentRound
    unit: Unit
    threshold: int
    response_count: int
    invited_count: int
    suppressed: bool
    suppressed_reason: str = ""
    values: list[ValueResult] = field(default_factory=list)
    previous_round: RoundRef | None = None
    previous_suppressed: bool = False
    split_shown: bool = False
    area_unit_count: int = 0
    organisation_unit_count: int = 0
    viewer_manages_unit: bool = False

    @property
    def response_rate(self) -> int | None:
        """Answered / invited, as a whole percent (None when nobody was invited)."""
        return percent_of(self.response_count, self.invited_count)

    @property
    def has_previous(self) -> bool:
        return any(v.change is not None for v in self.values)


@dataclass(frozen=True)
class TrendPoint:
    """One closed round of a unit in the trend; `means` is empty when the round was suppressed."""

    round: RoundRef
    response_count: int
    suppressed: bool
    means: dict[str, float | None]


@dataclass
class UnitTrend:
    """A unit's closed rounds in time order with their five value means."""

    unit: Unit
    threshold: int
    value_keys: list[tuple[str, str]]
    points: list[TrendPoint]

    @property
    def shown_points(self) -> list[TrendPoint]:
        return [p for p in self.points if not p.suppressed]


@dataclass(frozen=True)
class WeakestValues:
    """The lowest-scoring values of a unit's latest closed round that met the threshold."""

    round: AssessmentRound
    keys: list[str]
    means: dict[str, float]
