import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import Sum

from feedback.models import ClientAnswer, ClientMonth, ClientScore, FeedbackLink
from feedback.scale import seed_scale_client_answers
from toolkit.models import Unit
from toolkit.values import ValueKey

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


def test_seed_scale_spreads_client_answers_over_units_and_days_and_sums_the_months():
    out = io.StringIO()
    call_command(
        "seed_scale",
        units=3,
        staff=6,
        client_answers_per_year=300,
        client_years=2,
        stdout=out,
    )
    assert "Client answers: " in out.getvalue()
    units = list(Unit.objects.filter(code__startswith="SCALE-U"))
    per_unit = dict(ClientAnswer.objects.values_list("unit_id").annotate(n=Sum(1)))
    assert set(per_unit) == {unit.pk for unit in units}
    assert abs(ClientAnswer.objects.count() - 600) <= 3  # rounding per unit
    assert all(FeedbackLink.objects.filter(unit=unit, is_active=True).exists() for unit in units)
    # The monthly sums hold every answer: each answer once in its month's recommend row.
    recommend = ClientMonth.objects.filter(value_key=ClientMonth.RECOMMEND)
    assert recommend.aggregate(n=Sum("answers"))["n"] == ClientAnswer.objects.count()
    dignity = ClientMonth.objects.filter(value_key=ValueKey.DIGNITY)
    assert (
        dignity.aggregate(n=Sum("answers"))["n"]
        == ClientScore.objects.filter(value_key=ValueKey.DIGNITY).count()
    )


def test_client_answers_lie_on_past_days_with_valid_scores_and_a_second_run_adds_none():
    units = [Unit.objects.create(code=f"u{n}", name_fi=f"Yksikkö {n}") for n in range(2)]
    made = seed_scale_client_answers(units, per_year=500, years=3, today=TODAY, chunk=300)
    assert made == ClientAnswer.objects.count() and abs(made - 1500) <= 2
    days = ClientAnswer.objects.values_list("day", flat=True)
    assert min(days) >= TODAY - datetime.timedelta(days=3 * 365)
    assert max(days) < TODAY
    # Over all the years, not bunched: every year has a good share.
    years = {day.year for day in days}
    assert years == {2023, 2024, 2025, 2026}
    scores = set(ClientScore.objects.values_list("score", flat=True))
    assert scores <= {None, 1, 2, 3, 4, 5} and None in scores and {1, 5} <= scores
    recommends = set(ClientAnswer.objects.values_list("recommend", flat=True))
    assert recommends <= {None, *range(11)} and None in recommends
    # Mostly five scores an answer, sometimes a question left out.
    assert 4.7 * made < ClientScore.objects.count() < 5 * made
    assert seed_scale_client_answers(units, per_year=500, years=3, today=TODAY) == 0
    assert ClientAnswer.objects.count() == made


def test_no_client_answers_asked_for_makes_none():
    unit = Unit.objects.create(code="u", name_fi="Yksikkö")
    assert seed_scale_client_answers([unit], per_year=0) == 0
    assert not ClientAnswer.objects.exists() and not ClientMonth.objects.exists()
