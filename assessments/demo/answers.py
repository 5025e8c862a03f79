"""Closed rounds and their anonymous answers, written in bulk: shared by the demo rounds
(demo/rounds.py) and the county-scale rounds (demo/scale.py). Respondent roles are stored as
round_close would store them."""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from toolkit.models import Membership

from ..anonymity import ROLE_NOT_KEPT, roles_kept
from ..models import (
    Answer,
    AssessmentRound,
    FrameworkVersion,
    Invitation,
    OpenAnswer,
    Participation,
    RespondentRole,
    Response,
    Statement,
    Value,
    ValueKey,
)
from .open_texts import BARRIERS, MEANS

CANT_SAY_SHARE = 0.06


@dataclass
class Batch:
    """Rows of many rounds, written with a few bulk inserts."""

    invitations: list[Invitation]
    participations: list[Participation]
    responses: list[Response]
    answers: list[Answer]
    open_answers: list[OpenAnswer]

    @classmethod
    def empty(cls) -> Batch:
        return cls([], [], [], [], [])

    def save(self, batch_size: int = 2000) -> None:
        for model, rows in (
            (Invitation, self.invitations),
            (Participation, self.participations),
            (Response, self.responses),
            (Answer, self.answers),
            (OpenAnswer, self.open_answers),
        ):
            model.objects.bulk_create(rows, batch_size=batch_size)


@dataclass(frozen=True)
class DemoFramework:
    """The demo version's statements and values, read once."""

    statements: list[tuple[int, str]]  # (statement id, value key)
    values: list[tuple[int, str]]  # (value id, value key)

    @classmethod
    def of(cls, version: FrameworkVersion) -> DemoFramework:
        return cls(
            statements=list(
                Statement.objects.filter(value__version=version)
                .order_by("value__sort_order", "sort_order")
                .values_list("pk", "value__key")
            ),
            values=list(Value.objects.filter(version=version).values_list("pk", "key")),
        )


def _score(rng: random.Random, mean: float) -> int | None:
    if rng.random() < CANT_SAY_SHARE:
        return None
    return min(5, max(1, round(rng.gauss(mean, 0.85))))


def _add_answers(
    batch: Batch,
    rng: random.Random,
    *,
    round: AssessmentRound,
    framework: DemoFramework,
    roles: list[str],
    means: dict[str, float],
    text_share: float,
) -> None:
    """One anonymous response per role in `roles`, scored around the value means. Each written
    text is used at most once a round, as real answers would differ."""
    unused = {
        (key, kind): rng.sample(pool[key], len(pool[key]))
        for _value_id, key in framework.values
        for kind, pool in ((OpenAnswer.Kind.BARRIER, BARRIERS), (OpenAnswer.Kind.MEANS, MEANS))
    }
    for role in roles:
        response = Response(round_id=round.pk, respondent_role=role)
        batch.responses.append(response)
        batch.answers.extend(
            Answer(
                response_id=response.pk, statement_id=statement_id, score=_score(rng, means[key])
            )
            for statement_id, key in framework.statements
        )
        for value_id, key in framework.values:
            for kind in (OpenAnswer.Kind.BARRIER, OpenAnswer.Kind.MEANS):
                texts = unused[key, kind]
                if texts and rng.random() < text_share:
                    batch.open_answers.append(
                        OpenAnswer(
                            response=response, value_id=value_id, kind=kind, text=texts.pop()
                        )
                    )


def closed_round(
    unit_id: int,
    version: FrameworkVersion,
    title: str,
    opens_on,
    closes_on,
    created_by_id,
    *,
    threshold: int,
) -> AssessmentRound:
    tz = timezone.get_current_timezone()
    return AssessmentRound(
        unit_id=unit_id,
        framework_version=version,
        title=title,
        opens_on=opens_on,
        closes_on=closes_on,
        status=AssessmentRound.Status.CLOSED,
        created_by_id=created_by_id,
        opened_at=datetime.datetime.combine(opens_on, datetime.time(8), tz),
        closed_at=datetime.datetime.combine(closes_on, datetime.time(23, 59), tz),
        reminder_before_sent=True,
        reminder_last_day_sent=True,
        closed_threshold=threshold,
    )


def members_by_unit(unit_ids: Iterable[int]) -> dict[int, list[tuple[int, str]]]:
    """unit id -> [(user id, role)], in a stable order."""
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = (
        Membership.objects.filter(unit_id__in=list(unit_ids), user__is_active=True)
        .order_by("unit_id", "user_id")
        .values_list("unit_id", "user_id", "role")
    )
    for unit_id, user_id, role in rows:
        members[unit_id].append((user_id, role))
    return members


def supervisor_of(members: list[tuple[int, str]]) -> int | None:
    """The user id of the unit's first supervisor (by user id), who created its rounds."""
    return next((u for u, role in members if role == Membership.Role.SUPERVISOR), None)


def fill_round(
    batch: Batch,
    rng: random.Random,
    *,
    round: AssessmentRound,
    framework: DemoFramework,
    members: list[tuple[int, str]],
    answered: int,
    means: dict[str, float],
    text_share: float,
) -> None:
    """Invite every member; `answered` of them took part, each leaving one anonymous response."""
    batch.invitations.extend(
        Invitation(round_id=round.pk, user_id=user_id) for user_id, _ in members
    )
    participants = rng.sample(members, min(answered, len(members)))
    batch.participations.extend(
        Participation(round_id=round.pk, user_id=user_id) for user_id, _ in participants
    )
    roles = [
        RespondentRole.SUPERVISOR if role == Membership.Role.SUPERVISOR else RespondentRole.STAFF
        for _, role in participants
    ]
    rng.shuffle(roles)
    if not roles_kept(
        staff=roles.count(RespondentRole.STAFF),
        supervisors=roles.count(RespondentRole.SUPERVISOR),
        threshold=round.closed_threshold,
    ):
        roles = [ROLE_NOT_KEPT] * len(roles)  # as round_close stores them
    _add_answers(
        batch,
        rng,
        round=round,
        framework=framework,
        roles=roles,
        means=means,
        text_share=text_share,
    )


def unit_profile(rng: random.Random) -> dict[str, float]:
    """Each unit's own strengths and weaknesses: a mean score per value."""
    return {key: rng.uniform(2.9, 4.3) for key in ValueKey.values}
