"""Client results on the unit page and a round's results page: the month-by-month k rule as an
attack, the recommendation figures, who may see them, the period choice with hostile input, and
the same number of queries whatever the number of answers."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback.forms import MirrorPeriodForm
from feedback.selectors.client_results import client_figures
from feedback.selectors.mirror import PERIOD_CHOICES, unit_mirror
from tests.assessments.factories import add_responses
from tests.feedback.client_rows import add_client_answers, staff_round
from toolkit.values import ValueKey

pytestmark = pytest.mark.django_db

K = 5
TODAY = datetime.date(2026, 12, 15)


def day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, 10)


def unit_page(unit) -> str:
    return reverse("toolkit:unit_detail", args=[unit.code])


def results_page(round) -> str:
    return reverse("assessments:results", args=[round.pk])


# --- The k rule, month by month ---------------------------------------------------------------


def test_a_month_with_fewer_than_k_hides_the_figure(org, version):
    add_client_answers(
        org.unit_a,
        version,
        day(
            2026,
            9,
        ),
        K - 1,
    )
    figures = client_figures([org.unit_a.pk], day(2026, 9), day(2026, 9), threshold=K)
    assert not figures[org.unit_a.pk].any_shown
    add_client_answers(org.unit_a, version, day(2026, 9), 1)
    figures = client_figures([org.unit_a.pk], day(2026, 9), day(2026, 9), threshold=K)
    assert figures[org.unit_a.pk].values["trust"].mean == 4


def test_a_small_month_hides_every_period_it_is_in_even_with_many_answers_around(org, version):
    add_client_answers(org.unit_a, version, day(2026, 8), 40)
    add_client_answers(org.unit_a, version, day(2026, 9), 2)
    add_client_answers(org.unit_a, version, day(2026, 10), 40)
    figures = client_figures([org.unit_a.pk], day(2026, 8), day(2026, 10), threshold=K)
    assert figures[org.unit_a.pk].answers == 82 and not figures[org.unit_a.pk].any_shown


def test_two_overlapping_periods_differing_by_fewer_than_k_are_never_both_shown(org, version):
    """The attack: the last 3 months shown beside the last 6 would give, by difference, the
    two people who answered in June. The 6 months are hidden; and for every pair of periods a
    reader can choose, two shown figures differ by none or at least k people."""
    add_client_answers(org.unit_a, version, day(2026, 6), 2, scores={"trust": 1})
    add_client_answers(org.unit_a, version, day(2026, 9), K, scores={"trust": 4})
    add_client_answers(org.unit_a, version, day(2026, 11), K, scores={"trust": 5})
    staff_round(org.unit_a, version, datetime.date(2026, 9, 30), 5, {})
    mirrors = {
        choice: unit_mirror(unit_id=org.unit_a.pk, choice=choice, today=TODAY)
        for choice in PERIOD_CHOICES
    }
    assert mirrors["3"].values[3].client_mean == 4.5
    assert mirrors["6"].values[3].client_mean is None
    assert mirrors["12"].values[3].client_mean is None
    assert mirrors["round"].values[3].client_mean == 4  # September
    shown = [m.values[3].client for m in mirrors.values() if m.values[3].client.shown]
    for a in shown:
        for b in shown:
            assert a.scored == b.scored or abs(a.scored - b.scored) >= K


def test_the_page_never_shows_the_hidden_period_figure(client, org, version):
    today = datetime.date.today()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    five_months_ago = (last_month.replace(day=1) - datetime.timedelta(days=100)).replace(day=10)
    add_client_answers(org.unit_a, version, last_month, K, scores={"trust": 4})
    add_client_answers(org.unit_a, version, five_months_ago, 2, scores={"trust": 1})
    client.force_login(org.employee_a)
    three = client.get(unit_page(org.unit_a), {"client_period": "3"}).context["mirror"]
    six = client.get(unit_page(org.unit_a), {"client_period": "6"}).context["mirror"]
    assert three.values[3].client_mean == 4 and three.clients_shown
    assert not six.clients_shown and six.clients.recommend.mean is None


# --- The recommendation question --------------------------------------------------------------

RECOMMENDS = [10, 10, 9, 9, 8, 7, 6, 3, None, 10]  # 9 given: 5 promoters, 2 detractors


def test_recommend_share_mean_and_nps(org, version):
    add_client_answers(org.unit_a, version, day(2026, 9), 10, recommend=RECOMMENDS)
    recommend = client_figures([org.unit_a.pk], day(2026, 9), day(2026, 9), threshold=K)[
        org.unit_a.pk
    ].recommend
    assert recommend.given == 9
    assert recommend.share_recommend == pytest.approx(100 * 5 / 9)
    assert recommend.mean == pytest.approx(72 / 9)
    assert recommend.nps == pytest.approx(100 * 3 / 9)


def test_recommend_figures_are_written_on_the_results_page(client, org, version):
    round = staff_round(org.unit_a, version, datetime.date(2026, 3, 31), 5, {})
    add_client_answers(org.unit_a, version, day(2026, 3), 10, recommend=RECOMMENDS)
    client.force_login(org.employee_a)
    html = client.get(results_page(round)).content.decode()
    assert "56 %" in html and "8,0" in html and ">33<" in html
    assert "Net Promoter Score" in html


def test_recommend_hidden_below_k(org, version):
    add_client_answers(org.unit_a, version, day(2026, 9), 10, recommend=[9, 9, 9, 9] + [None] * 6)
    figures = client_figures([org.unit_a.pk], day(2026, 9), day(2026, 9), threshold=K)
    recommend = figures[org.unit_a.pk].recommend
    assert recommend.given == 4 and recommend.share_recommend is None and recommend.nps is None


# --- Who sees them ----------------------------------------------------------------------------


@pytest.fixture
def spring(org, version):
    round = staff_round(org.unit_a, version, datetime.date(2026, 3, 31), 5, {"trust": 3})
    add_client_answers(org.unit_a, version, day(2026, 3), 6, scores={"trust": 2})
    return round


def test_member_of_another_unit_sees_no_client_results_of_the_unit(client, org, spring):
    client.force_login(org.employee_b)
    assert client.get(unit_page(org.unit_a)).status_code == 404
    assert client.get(results_page(spring)).status_code == 404
    own = client.get(unit_page(org.unit_b))
    assert own.status_code == 200 and own.context["mirror"].unit_id == org.unit_b.pk


@pytest.mark.parametrize("page", [unit_page, results_page])
def test_anonymous_visitor_is_sent_to_sign_in(client, org, spring, page):
    target = page(org.unit_a if page is unit_page else spring)
    response = client.get(target)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_panels_render_on_the_unit_page_and_the_round_results_page(client, org, spring):
    client.force_login(org.employee_a)
    html = client.get(unit_page(org.unit_a)).content.decode()
    assert 'id="mirror-heading"' in html and 'class="chart mirror-chart"' in html
    assert "feedback/mirror.css" in html and "assessments/results.css" in html
    assert "1.3.2026 – 31.3.2026" in html
    assert "heikommaksi, 2,0, kun oma arvionne on 3,0" in html
    results = client.get(results_page(spring)).content.decode()
    assert 'id="round-mirror-heading"' in results and 'id="round-mirror-chart-title"' in results
    assert "feedback/mirror.css" in results
    assert results.count('id="mirror-heading"') == 0


def test_the_round_results_page_shows_the_clients_even_when_staff_results_are_hidden(
    client, org, version
):
    round = staff_round(org.unit_a, version, datetime.date(2026, 3, 31), 3, {})
    add_client_answers(org.unit_a, version, day(2026, 3), 6, scores={"trust": 2})
    client.force_login(org.supervisor_a)
    response = client.get(results_page(round))
    mirror = response.context["mirror"]
    assert mirror.values[3].client_mean == 2 and not mirror.staff_shown
    assert "Kierroksella Kevät alle 5 henkilöä arvioi arvot" in response.content.decode()


# --- The period form ---------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "7",
    "-3",
    "round'; DROP TABLE feedback_clientanswer;--",
    "6" * 5000,
    "\x00",
    "３",  # a full-width digit
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_bad_period_shows_the_default_with_a_message(client, org, spring, value):
    client.force_login(org.employee_a)
    response = client.get(unit_page(org.unit_a), {"client_period": value})
    page = response.content.decode()
    html = page[page.index('id="client-view"') :]  # the header's language links keep the URL
    html = html[: html.index("</section>")]
    assert response.status_code == 200 and "<script>alert" not in page
    assert response.context["mirror"].period.choice == "round"
    assert "Valittua jaksoa ei ole vaihtoehdoissa" in html
    assert "<script>alert" not in html and "DROP TABLE" not in html and "6" * 50 not in html
    assert '<option value="round" selected>' in html


def test_a_repeated_period_takes_the_last_and_empty_is_the_default(client, org, spring):
    client.force_login(org.employee_a)
    repeated = client.get(unit_page(org.unit_a) + "?client_period=3&client_period=12")
    assert repeated.context["mirror"].period.choice == "12"
    empty = client.get(unit_page(org.unit_a), {"client_period": ""})
    assert empty.context["mirror"].period.choice == "round"
    assert "Valittua jaksoa" not in empty.content.decode()


@pytest.mark.parametrize("choice", ["3", "6", "12"])
def test_a_chosen_period_is_shown_and_selected(client, org, spring, choice):
    client.force_login(org.employee_a)
    response = client.get(unit_page(org.unit_a), {"client_period": choice})
    assert response.context["mirror"].period.choice == choice
    assert f'<option value="{choice}" selected>' in response.content.decode()


# --- Queries --------------------------------------------------------------------------------


def _queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_same_queries_at_one_and_ten_times_the_answers(client, org, version):
    round = staff_round(org.unit_a, version, datetime.date(2026, 3, 31), 5, {})
    months = [day(2026, m) for m in range(1, 12)]
    for month in months:
        add_client_answers(org.unit_a, version, month, 6, recommend=8)
    client.force_login(org.supervisor_a)
    client.get(unit_page(org.unit_a))  # the session's first page also records its language
    small = [_queries(client, unit_page(org.unit_a) + "?client_period=12")]
    small.append(_queries(client, results_page(round)))
    add_responses(round, 45, 4)
    for month in months:
        add_client_answers(
            org.unit_a, version, month, 54, scores=dict.fromkeys(ValueKey.values, 3), recommend=10
        )
    large = [_queries(client, unit_page(org.unit_a) + "?client_period=12")]
    large.append(_queries(client, results_page(round)))
    assert large == small


def test_an_administrator_sees_the_mirror_and_swedish_names_the_values(client, org, spring):
    client.force_login(org.administrator)
    html = client.get(unit_page(org.unit_a).replace("/fi/", "/sv/")).content.decode()
    assert "Era klienters syn bredvid er egen" in html
    assert "Störst skillnad gäller ”Förtroende”: klienterna bedömer det lägre än ni själva" in html


@given(st.lists(st.text(max_size=300), max_size=3))
@settings(max_examples=200, deadline=None)
def test_the_period_form_takes_any_text_without_failing(values):
    query = QueryDict(mutable=True)
    query.setlist("client_period", values)
    form = MirrorPeriodForm.of(query)
    assert form.choice in PERIOD_CHOICES
    assert form.refused == (bool(values) and values[-1] not in ("", *PERIOD_CHOICES))
