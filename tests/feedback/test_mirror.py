"""The mirror (feedback.selectors.mirror): the unit's own view beside its clients' view, the gap,
the widest gap in words, each side hidden under its own k; the chart; the demo's client answers."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from assessments.demo import seed_demo_framework
from feedback.charts import mirror_chart
from feedback.demo import seed_demo_client_answers
from feedback.models import ClientAnswer, ClientMonth
from feedback.selectors.mirror import (
    last_months,
    round_mirror,
    round_period,
    unit_mirror,
    units_mirror,
)
from tests.feedback.client_rows import add_client_answers, staff_round
from toolkit.demo import DEMO_UNIT_CODE
from toolkit.models import Unit

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 10)
TRUST_42 = [4, 4, 4, 5, 4]  # five people: 4.2


@pytest.fixture
def spring(org, version):
    """Unit A's round closing 31.3.2026: trust 4.2, client-centredness 3.0, the rest 4.0."""
    return staff_round(
        org.unit_a,
        version,
        datetime.date(2026, 3, 31),
        5,
        {"trust": TRUST_42, "client_centredness": 3},
    )


def test_widest_gap_is_named_in_words_with_both_means(org, version, spring):
    add_client_answers(org.unit_a, version, MARCH, 9, scores={"trust": 3, "client_centredness": 3})
    add_client_answers(org.unit_a, version, MARCH, 1, scores={"trust": 4, "client_centredness": 3})
    mirror = round_mirror(round=spring)
    by_key = {v.key: v for v in mirror.values}
    assert by_key["trust"].staff_mean == pytest.approx(4.2)
    assert by_key["trust"].client_mean == pytest.approx(3.1)
    assert by_key["trust"].gap == Decimal("-1.1")
    assert by_key["client_centredness"].gap == Decimal("0.0")
    assert mirror.widest.key == "trust"
    with translation.override("en"):
        assert mirror.summary == (
            "Clients rate “Trust” lowest compared with your own view: 3.1 against 4.2."
        )
    with translation.override("fi"):
        assert "3,1" in mirror.summary and "4,2" in mirror.summary


def test_a_higher_client_view_is_named_highest(org, version, spring):
    add_client_answers(org.unit_a, version, MARCH, 6, scores={"client_centredness": 5})
    mirror = round_mirror(round=spring)
    assert mirror.widest.key == "client_centredness"
    assert mirror.widest.gap == Decimal("2.0")
    with translation.override("en"):
        assert "highest" in mirror.summary and "5.0 against 3.0" in mirror.summary


def test_on_a_tie_the_lower_client_view_is_the_widest(org, version):
    round = staff_round(org.unit_a, version, datetime.date(2026, 3, 31), 5, {})  # all 4.0
    add_client_answers(org.unit_a, version, MARCH, 5, scores={"dignity": 5, "empathy": 3})
    assert round_mirror(round=round).widest.key == "empathy"


def test_gap_is_the_difference_of_the_shown_means(org, version):
    # Staff 3.65 is shown as 3.7, clients 3.0: the gap reads -0.7, never -0.65 or -0.6.
    round = staff_round(
        org.unit_a, version, datetime.date(2026, 3, 31), 20, {"trust": [4] * 13 + [3] * 7}
    )
    add_client_answers(org.unit_a, version, MARCH, 5, scores={"trust": 3})
    trust = next(v for v in round_mirror(round=round).values if v.key == "trust")
    assert trust.gap == Decimal("-0.7")


def test_every_value_equal_says_so(org, version, spring):
    add_client_answers(org.unit_a, version, MARCH, 5, scores={"trust": 4, "client_centredness": 3})
    add_client_answers(
        org.unit_a, version, MARCH, 5, scores={"trust": 5, "client_centredness": 3}
    )  # trust 4.5 against 4.2 is the widest; equal everywhere else
    mirror = round_mirror(round=spring)
    assert mirror.widest.key == "trust"
    round = staff_round(org.unit_b, version, datetime.date(2026, 3, 31), 5, {})
    add_client_answers(org.unit_b, version, MARCH, 5)
    with translation.override("en"):
        assert round_mirror(round=round).summary == (
            "Clients and your own view give every value the same mean."
        )


def test_staff_side_below_k_is_hidden_and_said(org, version):
    round = staff_round(org.unit_a, version, datetime.date(2026, 3, 31), 4, {})
    add_client_answers(org.unit_a, version, MARCH, 6)
    mirror = round_mirror(round=round)
    assert not mirror.staff_shown and mirror.clients_shown
    assert all(v.staff_mean is None and v.gap is None for v in mirror.values)
    assert mirror.widest is None
    with translation.override("en"):
        assert mirror.summary.startswith("Fewer than 5 people scored the values in Kevät")


def test_client_side_below_k_is_hidden_and_said(org, version, spring):
    add_client_answers(org.unit_a, version, MARCH, 4)
    mirror = round_mirror(round=spring)
    assert mirror.staff_shown and not mirror.clients_shown
    assert mirror.widest is None
    assert all(v.client_mean is None and v.client.distribution is None for v in mirror.values)
    with translation.override("en"):
        assert mirror.summary.startswith(
            "Not enough client answers in this period yet (fewer than 5"
        )


def test_no_client_answers_at_all_is_said(org, spring):
    with translation.override("en"):
        assert round_mirror(round=spring).summary == "No client answers in this period yet."


def test_a_value_hidden_on_one_side_has_no_gap_but_the_others_compare(org, version, spring):
    add_client_answers(org.unit_a, version, MARCH, 5, scores={"trust": None})  # can't say
    mirror = round_mirror(round=spring)
    trust = next(v for v in mirror.values if v.key == "trust")
    assert trust.client_mean is None and trust.gap is None and trust.client.cant_say == 5
    assert mirror.widest.key == "client_centredness"  # 4.0 against 3.0


def test_unit_page_mirror_takes_the_latest_round_with_k_answers_and_its_months(org, version):
    older = staff_round(org.unit_a, version, datetime.date(2025, 9, 30), 5, {})
    staff_round(org.unit_a, version, datetime.date(2026, 3, 31), 3, {})  # under k
    mirror = unit_mirror(unit_id=org.unit_a.pk)
    assert mirror.staff_round.pk == older.pk
    assert (mirror.period.start, mirror.period.end) == (
        datetime.date(2025, 9, 1),
        datetime.date(2025, 9, 30),
    )
    assert mirror.period.choice == "round" and mirror.period.round.pk == older.pk


def test_without_a_round_the_unit_page_shows_the_last_three_months(org):
    mirror = unit_mirror(unit_id=org.unit_a.pk, today=datetime.date(2027, 1, 15))
    assert mirror.staff_round is None
    assert (mirror.period.start, mirror.period.end, mirror.period.choice) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 12, 31),
        "3",
    )
    with translation.override("en"):
        assert mirror.staff_notice.startswith("No closed self-assessment round with at least 5")


def test_last_months_are_whole_months_before_this_one():
    period = last_months(12, today=datetime.date(2026, 3, 1))
    assert (period.start, period.end) == (datetime.date(2025, 3, 1), datetime.date(2026, 2, 28))


def test_round_period_is_the_whole_months_the_round_touches(org, version):
    round = staff_round(org.unit_a, version, datetime.date(2026, 4, 3), 5, {})  # opens 20.3.
    period = round_period(round)
    assert (period.start, period.end) == (datetime.date(2026, 3, 1), datetime.date(2026, 4, 30))


def test_units_mirror_gives_each_unit_its_own_round_in_constant_queries(org, version):
    spring_a = staff_round(org.unit_a, version, datetime.date(2026, 3, 31), 5, {"trust": 2})
    staff_round(org.unit_b, version, datetime.date(2026, 9, 30), 5, {})  # after the period
    add_client_answers(org.unit_b, version, MARCH, 5, scores={"trust": 5})
    period = round_period(spring_a)
    found = units_mirror(unit_ids=[org.unit_a.pk, org.unit_b.pk], period=period)
    assert found[org.unit_a.pk].staff_round.pk == spring_a.pk
    assert found[org.unit_a.pk].clients.answers == 0
    assert found[org.unit_b.pk].staff_round is None
    assert found[org.unit_b.pk].values[3].client_mean == 5
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        units_mirror(unit_ids=[org.unit_a.pk, org.unit_b.pk], period=period)
    more = [Unit.objects.create(code=f"M{n}", name_fi=f"M{n}", parent=org.area) for n in range(6)]
    for unit in more:
        staff_round(unit, version, datetime.date(2026, 3, 31), 5, {})
        add_client_answers(unit, version, MARCH, 5)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        units_mirror(unit_ids=[org.unit_a.pk, org.unit_b.pk, *(u.pk for u in more)], period=period)
    assert len(many) == len(few)


def test_chart_is_an_image_with_title_desc_and_every_shown_mean(org, version, spring):
    add_client_answers(org.unit_a, version, MARCH, 10, scores={"trust": 3})
    with translation.override("en"):
        svg = str(mirror_chart(round_mirror(round=spring), id_prefix="m"))
    assert 'role="img"' in svg and 'aria-labelledby="m-title m-desc"' in svg
    assert '<title id="m-title">' in svg and '<desc id="m-desc">' in svg
    assert ">4.2<" in svg and ">3.0<" in svg and svg.count("<polygon") == 6  # legend + 5
    assert "Trust" in svg and "Your own view" in svg


def test_chart_says_in_words_which_side_is_missing(org, version):
    round = staff_round(org.unit_a, version, datetime.date(2026, 3, 31), 3, {})
    with translation.override("en"):
        svg = str(mirror_chart(round_mirror(round=round)))
    assert svg.count("Your own view: not shown") == 5 and svg.count("Clients: not shown") == 5


def test_demo_client_answers_are_made_once_over_the_months(db):
    seed_demo_framework()
    Unit.objects.create(code=DEMO_UNIT_CODE, name_fi="Demo")
    today = datetime.date(2026, 12, 3)
    made = seed_demo_client_answers(today=today)
    assert seed_demo_client_answers(today=today) == 0
    assert ClientAnswer.objects.count() == made
    months = ClientMonth.objects.filter(value_key=ClientMonth.RECOMMEND)
    assert months.order_by("month").first().month == datetime.date(2025, 3, 1)
    full = months.exclude(month=datetime.date(2026, 12, 1))
    assert full.count() == 21 and all(30 <= m.answers <= 60 for m in full)
    assert not ClientAnswer.objects.filter(day__gte=today).exists()


@pytest.mark.parametrize(
    ("amount", "places", "language", "written"),
    [
        (Decimal("0.6"), 1, "fi", "+0,6"),
        (Decimal("-0.7"), 1, "fi", "\u22120,7"),
        (Decimal("0.0"), 1, "fi", "0,0"),
        (-0.05, 1, "en", "\u22120.1"),  # half up, away from zero
        (100 * 3 / 9, 0, "fi", "+33"),  # a whole-number difference
        (None, 1, "fi", "–"),
    ],
)
def test_a_gap_and_an_nps_are_written_with_their_sign(amount, places, language, written):
    from toolkit.numbers import format_difference

    with translation.override(language):
        assert format_difference(amount, places) == written
