"""A parent unit's combined result: only hidden rounds of direct child units, pooled by calendar
year, so that no two pools overlap and no pool holds visible results. Also the anonymity rule on
the pooled count, framework versions, who may see it, bad years and bounded queries."""

import dataclasses
import datetime
import re
from itertools import combinations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import AnonymitySettings, AssessmentRound, CombinedPool
from assessments.selectors.combined import PooledRound, combined_results, combined_years
from tests.assessments.factories import add_responses, closed_round, framework_version
from tests.toolkit.factories import UnitFactory, supervisor

K = 5  # the default anonymity threshold
CLOSE = datetime.date(2025, 3, 31)
LAST_YEAR = datetime.date(2024, 9, 30)


def combined(unit, year=CLOSE.year):
    return combined_results(parent=unit, year=year)


def url(unit, query=""):
    return f"/fi/assessments/units/{unit.code}/combined/{query}"


def pooled_titles(results):
    return sorted(r.title for r in results.rounds)


def own_page_pks(results):
    return sorted(r.pk for r in results.own_page_rounds)


# The selector: what is pooled


def test_pooled_means_weigh_every_answer(org, version):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 2, 1)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 3, 4)
    results = combined(org.area)
    assert not results.suppressed
    assert results.year == 2025
    assert results.response_count == 5
    assert results.unit_count == 2
    assert results.statements_shown
    assert [v.key for v in results.values] == [
        "dignity",
        "client_centredness",
        "equality",
        "trust",
        "empathy",
    ]
    value = results.values[0]
    assert value.mean == pytest.approx((2 * 1 + 3 * 4) / 5)  # not the mean of unit means
    assert value.scored == 15
    assert value.overall.distribution == (6, 0, 0, 9, 0)
    assert value.overall.cant_say == 0
    statement = value.statements[0]
    assert statement.text == "dignity 1"
    assert statement.distribution == (2, 0, 0, 3, 0)
    assert statement.answers == 5
    assert statement.mean == pytest.approx(14 / 5)


def test_cant_say_is_counted_but_left_out_of_means(org, version):
    unit_c = UnitFactory(code="C", name_fi="Yksikkö C", parent=org.area)
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 3, None)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 4, 2)
    add_responses(closed_round(unit_c, version, closes_on=CLOSE), 1, 2)
    value = combined(org.area).values[0]
    assert value.mean == pytest.approx(2.0)
    assert value.scored == 15
    assert value.overall.cant_say == 9
    assert value.statements[0].answers == 8


def test_two_units_under_k_combine_to_six_and_are_shown(org, version):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 3, 2, barrier="Kiire A")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 3, 4, means="Aikaa B")
    results = combined(org.area)
    assert not results.suppressed
    assert results.response_count == 6
    assert results.values[3].mean == pytest.approx(3.0)
    assert results.values[3].barriers == ["Kiire A"] * 3
    assert results.values[3].means == ["Aikaa B"] * 3
    assert [r.unit_name for r in results.rounds] == ["Yksikkö A", "Yksikkö B"]
    assert results.own_page_rounds == []


def test_a_pooled_round_never_carries_its_own_count(org, version):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 4, 2)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 2, 4)
    results = combined(org.area)
    assert results.response_count == 6
    fields = {f.name for f in dataclasses.fields(PooledRound)}
    assert fields == {"unit_name", "unit_code", "title", "closes_on"}
    assert all(isinstance(r, PooledRound) for r in results.rounds)


def test_a_round_at_k_is_not_pooled_and_gives_nothing_to_the_pool(org, version):
    """Leak (2): a pool holding a visible round minus that round's own page gave the rest."""
    big = closed_round(org.unit_a, version, closes_on=CLOSE, title="Iso")
    add_responses(big, K, 1, barrier="NÄKYVÄ")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE, title="Pieni"), 3, 4)
    results = combined(org.area)
    assert pooled_titles(results) == ["Pieni"]
    assert own_page_pks(results) == [big.pk]
    # The small round alone is under k: nothing is shown, and the big one does not lift it.
    assert results.suppressed
    assert results.response_count is None
    assert results.values == []
    assert "NÄKYVÄ" not in repr(dataclasses.asdict(results))


def test_rounds_at_or_above_k_stay_out_of_a_shown_pool(org, version):
    unit_c = UnitFactory(code="C", name_fi="Yksikkö C", parent=org.area)
    big = closed_round(org.unit_a, version, closes_on=CLOSE, title="Iso")
    add_responses(big, K + 3, 1, barrier="NÄKYVÄ")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE, title="B"), K - 1, 4)
    add_responses(closed_round(unit_c, version, closes_on=CLOSE, title="C"), 2, 2)
    results = combined(org.area)
    assert pooled_titles(results) == ["B", "C"]
    assert own_page_pks(results) == [big.pk]
    assert results.response_count == K + 1
    assert results.unit_count == 2
    # Only the pooled answers: 4 × 4 and 2 × 2, none of the big round's 1s.
    assert results.values[0].overall.distribution == (0, 6, 0, 12, 0)
    assert results.values[0].mean == pytest.approx((12 * 4 + 6 * 2) / 18)
    assert all(v.barriers == [] for v in results.values)


def test_the_threshold_in_force_decides_what_is_pooled(org, version):
    AnonymitySettings.objects.create(threshold=3)
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE, title="Kolme"), 3, 1)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE, title="Kaksi"), 2, 4)
    add_responses(closed_round(org.unit_b, version, closes_on=LAST_YEAR, title="Yksi"), 1, 4)
    results = combined(org.area)
    assert results.threshold == 3
    assert pooled_titles(results) == ["Kaksi"]
    assert [r.title for r in results.own_page_rounds] == ["Kolme"]
    assert results.suppressed


def test_the_parents_own_round_is_not_pooled(org, version):
    add_responses(closed_round(org.area, version, closes_on=CLOSE, title="Alue"), 3, 5)
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE, title="A"), 3, 1)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE, title="B"), 3, 1)
    results = combined(org.area)
    assert pooled_titles(results) == ["A", "B"]
    assert results.own_page_rounds == []
    assert results.values[0].overall.distribution == (18, 0, 0, 0, 0)


def test_a_grandchilds_round_is_not_in_the_grandparents_pool(org, version):
    """Leak (3): a grandparent's pool minus a parent's pool gave the parent's own rounds."""
    grandchild = UnitFactory(code="A1", name_fi="Alayksikkö", parent=org.unit_a)
    second = UnitFactory(code="A2", name_fi="Alayksikkö 2", parent=org.unit_a)
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE, title="A"), 3, 1)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE, title="B"), 3, 1)
    add_responses(closed_round(grandchild, version, closes_on=CLOSE, title="A1"), 3, 5, means="X")
    add_responses(closed_round(second, version, closes_on=CLOSE, title="A2"), 3, 5, means="X")
    area = combined(org.area)
    assert pooled_titles(area) == ["A", "B"]
    assert area.values[0].overall.distribution == (18, 0, 0, 0, 0)
    assert all(v.means == [] for v in area.values)
    # The grandchildren are pooled on their own parent's page, and only there.
    unit_a = combined(org.unit_a)
    assert pooled_titles(unit_a) == ["A1", "A2"]
    assert unit_a.values[0].overall.distribution == (0, 0, 0, 0, 18)
    assert not set(pooled_titles(area)) & set(pooled_titles(unit_a))


def test_years_split_rounds_by_closing_date_and_only_closed_rounds(org, version):
    first = datetime.date(2025, 1, 1)
    last = datetime.date(2024, 12, 31)
    add_responses(closed_round(org.unit_a, version, closes_on=first, title="Tammikuu"), 3, 1)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE, title="Maaliskuu"), 3, 3)
    add_responses(closed_round(org.unit_a, version, closes_on=last, title="Joulukuu"), 4, 5)
    add_responses(closed_round(org.unit_b, version, closes_on=LAST_YEAR, title="Syyskuu"), 4, 5)
    add_responses(
        closed_round(org.unit_a, version, closes_on=CLOSE, title="Auki", status="open"), 4, 5
    )
    this_year = combined(org.area, 2025)
    assert pooled_titles(this_year) == ["Maaliskuu", "Tammikuu"]
    assert this_year.response_count == 6
    assert this_year.values[0].mean == pytest.approx(2.0)
    last_year = combined(org.area, 2024)
    assert pooled_titles(last_year) == ["Joulukuu", "Syyskuu"]
    assert last_year.values[0].mean == pytest.approx(5.0)
    assert combined(org.area, 2023).rounds == []
    assert combined(org.area, 2023).suppressed


def test_two_years_never_share_a_round(org, version):
    """Leak (1): two periods differing by one small round gave that round by difference.
    Every closed round of a child belongs to exactly one year's result."""
    unit_c = UnitFactory(code="C", name_fi="Yksikkö C", parent=org.area)
    made = []
    for i, day in enumerate(
        [
            datetime.date(2023, 12, 31),
            datetime.date(2024, 1, 1),
            datetime.date(2024, 6, 30),
            datetime.date(2024, 12, 31),
            datetime.date(2025, 1, 1),
            CLOSE,
        ]
    ):
        for unit in (org.unit_a, org.unit_b, unit_c):
            r = closed_round(unit, version, closes_on=day, title=f"{unit.code}{i}")
            add_responses(r, 1 + (i + len(made)) % (K + 2), 3)
            made.append(r.title)
    years = combined_years(parent=org.area)
    assert years == [2025, 2024, 2023]
    seen = {year: combined(org.area, year) for year in years}
    listed = {
        year: {r.title for r in res.rounds} | {r.title for r in res.own_page_rounds}
        for year, res in seen.items()
    }
    for one, other in combinations(years, 2):
        assert not listed[one] & listed[other]
    assert sorted(set().union(*listed.values())) == sorted(made)
    # And within a year, a round is either pooled or on its own page, never both.
    for res in seen.values():
        assert not {r.title for r in res.rounds} & {r.title for r in res.own_page_rounds}


def test_years_offered_are_those_with_closed_rounds_of_direct_children(org, version):
    grandchild = UnitFactory(code="A1", name_fi="Alayksikkö", parent=org.unit_a)
    closed_round(org.unit_a, version, closes_on=datetime.date(2023, 5, 1))
    closed_round(org.unit_b, version, closes_on=datetime.date(2024, 5, 1))
    closed_round(org.unit_b, version, closes_on=datetime.date(2024, 6, 1))
    closed_round(grandchild, version, closes_on=datetime.date(2023, 5, 1))
    closed_round(org.area, version, closes_on=datetime.date(2022, 5, 1))
    closed_round(org.unit_a, version, closes_on=CLOSE, status="open")
    assert combined_years(parent=org.area) == [2024, 2023]
    assert combined_years(parent=org.unit_a) == [2023]
    assert combined_years(parent=org.unit_b) == []


def test_pooled_count_under_k_is_suppressed_and_holds_nothing(org, version):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 2, 1, barrier="SALAINEN")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 2, 1, means="SALAINEN")
    results = combined(org.area)
    assert results.suppressed
    assert results.values == []
    assert results.response_count is None
    assert str(K) in str(results.suppressed_reason)
    assert len(results.rounds) == 2
    assert "SALAINEN" not in repr(dataclasses.asdict(results))


def test_different_framework_versions_give_value_level_figures_only(org, version):
    newer = framework_version(number=2, framework=version.framework, statements=4)
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 3, 2, barrier="Vanha")
    add_responses(closed_round(org.unit_b, newer, closes_on=CLOSE), 4, 4, barrier="Uusi")
    results = combined(org.area)
    assert not results.suppressed
    assert results.version_count == 2
    assert not results.statements_shown
    by_key = {v.key: v for v in results.values}
    assert len(by_key) == 5
    assert all(v.statements == [] for v in results.values)
    # 3 × 3 answers of 2 and 4 × 4 answers of 4, matched by key.
    assert by_key["trust"].mean == pytest.approx((9 * 2 + 16 * 4) / 25)
    assert by_key["trust"].overall.distribution == (0, 9, 0, 16, 0)
    assert by_key["trust"].name.endswith("v2")
    assert sorted(by_key["trust"].barriers) == ["Uusi"] * 4 + ["Vanha"] * 3


def test_free_texts_come_in_random_order(org, version):
    written = []
    for n in range(8):
        unit = org.unit_a if n % 2 else org.unit_b  # pools need two units
        r = closed_round(unit, version, closes_on=CLOSE, title=f"Kierros {n}")
        add_responses(r, K - 1, 3, barrier=lambda i, n=n: f"t{n}{i}")
        written += [f"t{n}{i}" for i in range(K - 1)]
    orders = [tuple(combined(org.area).values[0].barriers) for _ in range(3)]
    assert all(sorted(order) == sorted(written) for order in orders)
    assert all(sorted(order) != list(order) for order in orders)


def test_a_year_is_shown_only_after_it_has_ended(org, version, today):
    this_year = datetime.date(today.year, 1, 15)
    add_responses(closed_round(org.unit_a, version, closes_on=this_year), 3, 2)
    add_responses(closed_round(org.unit_b, version, closes_on=this_year), 3, 4)
    assert today.year not in combined_years(parent=org.area)
    results = combined(org.area, year=today.year)
    assert results.suppressed
    assert results.values == []
    assert today.year in combined_years(parent=org.area, today=datetime.date(today.year + 1, 1, 8))


def test_one_units_rounds_alone_are_never_shown_pooled(org, version):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE, title="K1"), 3, 2)
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE, title="K2"), 3, 4)
    results = combined(org.area)
    assert results.suppressed
    assert results.values == []
    assert results.response_count is None


# The page


@pytest.fixture
def supervisor_area(org):
    org.supervisor_area = supervisor(org.area, email="supervisor.area@example.org")
    return org.supervisor_area


@pytest.fixture(autouse=True)
def _area_supervisor(supervisor_area):
    """Every test here has a supervisor of the area as org.supervisor_area."""


def test_page_shows_two_small_units_combined_for_the_latest_year(client, org, version):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 3, 2, barrier="Kiire")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 3, 4, means="Aikaa")
    add_responses(closed_round(org.unit_b, version, closes_on=LAST_YEAR, title="Vanha"), 3, 1)
    client.force_login(org.supervisor_area)
    response = client.get(url(org.area))
    assert response.status_code == 200
    assert not response.context["year_invalid"]
    assert response.context["years"] == [2025, 2024]
    results = response.context["results"]
    assert results.year == 2025
    assert results.response_count == 6
    assert "Vanha" not in pooled_titles(results)
    page = response.content.decode()
    assert "Kiire" in page
    assert "Aikaa" in page
    assert "<dd>6</dd>" in page
    assert "3,0" in page
    assert "Yksikkö A" in page
    assert "Yksikkö B" in page
    assert "dignity 1" in page
    assert '<option value="2024">' in page
    assert '<option value="2025" selected>' in page


def test_page_lists_pooled_rounds_without_their_own_counts(client, org, version):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 4, 2)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 3, 4)
    client.force_login(org.supervisor_area)
    page = client.get(url(org.area)).content.decode()
    table = page[page.index('id="included-heading"') : page.index('id="overview-heading"')]
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", table, flags=re.S)
    assert len(cells) == 3 + 2 * 3  # head plus two rows of unit, round and date: no counts
    assert not [c for c in cells if c.strip().isdigit()]
    assert "<dd>7</dd>" in page


def test_page_under_k_shows_no_figures_or_texts(client, org, version):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 2, 1, barrier="SALAINEN")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 2, 1, means="SALAINEN")
    client.force_login(org.supervisor_area)
    response = client.get(url(org.area))
    assert response.status_code == 200
    page = response.content.decode()
    assert "SALAINEN" not in page
    assert "1,0" not in page
    assert "<dd>4</dd>" not in page
    assert "dignity 1" not in page
    assert 'id="suppressed-heading"' in page
    assert response.context["results"].suppressed
    # The rounds are still named, without counts.
    assert "Yksikkö A" in page


def test_page_shows_a_round_at_k_only_as_a_link_to_its_own_page(client, org, version):
    big = closed_round(org.unit_a, version, closes_on=CLOSE, title="Iso kierros")
    add_responses(big, K + 1, 1, barrier="NÄKYVÄ")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 4, 4)
    unit_c = UnitFactory(code="C", name_fi="Yksikkö C", parent=org.area)
    add_responses(closed_round(unit_c, version, closes_on=CLOSE), 2, 4)
    link = f'href="/fi/assessments/rounds/{big.pk}/results/"'
    for who, linked in (("administrator", True), ("supervisor_area", False)):
        client.force_login(getattr(org, who))
        response = client.get(url(org.area))
        assert response.status_code == 200
        results = response.context["results"]
        assert own_page_pks(results) == [big.pk]
        assert results.response_count == 6
        assert results.values[0].overall.distribution == (0, 0, 0, 18, 0)
        page = response.content.decode()
        assert 'id="own-page-heading"' in page
        assert "Iso kierros" in page
        assert "NÄKYVÄ" not in page
        assert (link in page) is linked
    # The link works for those who get it.
    client.force_login(org.administrator)
    assert client.get(f"/fi/assessments/rounds/{big.pk}/results/").status_code == 200


def test_page_with_different_versions_lists_no_statements(client, org, version):
    newer = framework_version(number=2, framework=version.framework)
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 3, 2)
    add_responses(closed_round(org.unit_b, newer, closes_on=CLOSE), 3, 4)
    client.force_login(org.supervisor_area)
    page = client.get(url(org.area)).content.decode()
    assert "3,0" in page
    assert "dignity 1" not in page
    assert "<dd>6</dd>" in page


def test_page_uses_the_chosen_year(client, org, version):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE, title="Kevät"), 3, 2)
    add_responses(closed_round(org.unit_b, version, closes_on=LAST_YEAR, title="Syksy"), 3, 4)
    add_responses(closed_round(org.unit_a, version, closes_on=LAST_YEAR, title="Syksy A"), 3, 4)
    client.force_login(org.supervisor_area)
    response = client.get(url(org.area, "?year=2024"))
    assert response.status_code == 200
    assert not response.context["year_invalid"]
    results = response.context["results"]
    assert results.year == 2024
    assert pooled_titles(results) == ["Syksy", "Syksy A"]
    assert results.response_count == 6
    page = response.content.decode()
    assert "Kevät" not in page
    assert '<option value="2024" selected>' in page


def test_pages_of_different_years_never_share_a_round(client, org, version):
    for year in (2023, 2024, 2025):
        for unit in (org.unit_a, org.unit_b):
            day = datetime.date(year, 12, 31) if unit == org.unit_a else datetime.date(year, 1, 1)
            add_responses(
                closed_round(unit, version, closes_on=day, title=f"{unit.code} {year}"), 3, 3
            )
    client.force_login(org.supervisor_area)
    seen = {}
    for year in (2023, 2024, 2025):
        response = client.get(url(org.area, f"?year={year}"))
        assert response.status_code == 200
        results = response.context["results"]
        assert not results.suppressed
        seen[year] = set(pooled_titles(results))
        assert seen[year] == {f"A {year}", f"B {year}"}
    for one, other in combinations(seen, 2):
        assert not seen[one] & seen[other]


@pytest.mark.parametrize(
    "query",
    [
        "?year=abc",
        "?year=1800",
        "?year=%3Cscript%3Ealert(1)%3C/script%3E",
        "?year=",
        "?year=2023",
        "?year=99999999999999999999",
        "?year=-2025",
        "?year=2025.0",
        "?year=%202025",
        "?year=0",
    ],
)
def test_bad_year_shows_an_error_and_the_default_year(client, org, version, query):
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 3, 2, barrier="Näkyy")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 3, 2, barrier="Näkyy")
    add_responses(closed_round(org.unit_b, version, closes_on=LAST_YEAR), 3, 2)
    client.force_login(org.supervisor_area)
    response = client.get(url(org.area, query))
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["year_invalid"]
    assert response.context["form"].errors
    assert 'class="field__error"' in page
    assert 'class="form-errors"' in page
    assert "<script>" not in page
    results = response.context["results"]
    assert results.year == 2025
    assert results.response_count == 6
    assert "Näkyy" in page


def test_without_closed_rounds_the_page_is_empty_and_any_year_is_refused(client, org, today):
    client.force_login(org.supervisor_area)
    response = client.get(url(org.area))
    assert response.status_code == 200
    assert response.context["years"] == []
    assert not response.context["year_invalid"]
    results = response.context["results"]
    assert results.year == today.year - 1  # the latest year that has ended
    assert results.rounds == []
    assert results.suppressed
    assert 'id="suppressed-heading"' not in response.content.decode()
    response = client.get(url(org.area, f"?year={today.year}"))
    assert response.status_code == 200
    assert response.context["year_invalid"]


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("supervisor_area", 200),
        ("administrator", 200),
        ("supervisor_a", 404),
        ("employee_a", 404),
        ("supervisor_b", 404),
        ("trainer", 404),
    ],
)
def test_combined_results_are_for_the_parents_supervisors_and_administrators(
    client, org, who, status
):
    client.force_login(getattr(org, who))
    assert client.get(url(org.area)).status_code == status
    assert client.get(url(org.area, "?year=abc")).status_code == status


def test_unit_supervisor_sees_own_units_page_but_not_a_siblings(client, org):
    # A supervisor of unit A manages A, so A's own combined page exists (with nothing below).
    client.force_login(org.supervisor_a)
    assert client.get(url(org.unit_a)).status_code == 200
    assert client.get(url(org.unit_b)).status_code == 404


def test_unknown_unit_is_404(client, org):
    client.force_login(org.administrator)
    assert client.get("/fi/assessments/units/NOPE/combined/").status_code == 404


def test_anonymous_is_sent_to_log_in(client, org):
    response = client.get(url(org.area))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_rounds_page_links_to_combined_results_only_for_managers_of_a_parent(client, org):
    link = url(org.area)
    client.force_login(org.supervisor_area)
    assert link in client.get(f"/fi/assessments/units/{org.area.code}/rounds/").content.decode()
    client.force_login(org.administrator)
    assert link in client.get(f"/fi/assessments/units/{org.area.code}/rounds/").content.decode()
    # Unit A has no units below it.
    client.force_login(org.supervisor_a)
    page = client.get(f"/fi/assessments/units/{org.unit_a.code}/rounds/").content.decode()
    assert "/combined/" not in page


@pytest.mark.parametrize("who", ["supervisor_area", "administrator"])
def test_page_queries_do_not_grow_with_units_or_answers(client, org, version, who):
    client.force_login(getattr(org, who))
    counts = []
    for units in (2, 20):
        AssessmentRound.objects.all().delete()
        CombinedPool.objects.all().delete()  # the pools fixed at the first size
        for _ in range(units):
            unit = UnitFactory(parent=org.area)
            add_responses(
                closed_round(unit, version, closes_on=CLOSE),
                K - 1,
                score=lambda i, s: 1 + i % 5,
                barrier=lambda i: f"t{i}",
            )
            add_responses(closed_round(unit, version, closes_on=CLOSE, title="Iso"), K)
            add_responses(closed_round(unit, version, closes_on=LAST_YEAR), 2)
        client.get(url(org.area))
        with CaptureQueriesContext(connection) as context:
            response = client.get(url(org.area, "?year=2025"))
        assert response.status_code == 200
        results = response.context["results"]
        assert not results.suppressed
        assert results.response_count == units * (K - 1)
        assert len(results.own_page_rounds) == units
        counts.append(len(context))
    assert counts[0] == counts[1], counts
