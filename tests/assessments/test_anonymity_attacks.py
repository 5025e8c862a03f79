"""Attacks on the anonymity of results (issue 12, points 1 and 3), each as an attacker would try
it: can't-say padding, a value's written answers from too few people, the staff/supervisor split
of too few, moving a unit out of an area to read its answers off the pooled result, and the
same pool seen before and after a change of k or of its rounds (the differencing guard).
docs/anonymity.md gives the rules these tests hold the code to."""

import dataclasses
import datetime

import pytest

from assessments.models import AnonymitySettings, CombinedPool
from assessments.reports.csv import round_aggregates_csv, unit_timeline_csv
from assessments.reports.pdf import unit_report_pdf
from assessments.selectors.combined import combined_results
from assessments.selectors.overview import organisation_overview
from assessments.selectors.results import round_results, unit_trend
from assessments.services import rounds as round_services
from tests.assessments.factories import add_responses, closed_round
from tests.assessments.test_reports import pdf_text
from tests.toolkit.factories import UnitFactory, supervisor
from toolkit.models import AuditEvent

K = 5
CLOSE = datetime.date(2025, 3, 31)
SECRET = "Vain minä kirjoitin tämän"


def everything(value) -> str:
    return repr(dataclasses.asdict(value))


# Point 3: k counts people who scored, not responses


@pytest.fixture
def padded(org, version):
    """Five responses, four of them "can't say" to everything: only the fifth scored (all 5s)
    and wrote. Unit B has an ordinary round of five people scoring 2."""
    round = closed_round(org.unit_a, version, closes_on=CLOSE, title="Täytetty")
    add_responses(round, K - 1, None)
    add_responses(round, 1, 5, barrier=SECRET, means=SECRET)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE, title="Tavallinen"), K, 2)
    return round


def test_cant_say_padding_shows_nothing_of_the_one_who_scored(org, padded):
    results = round_results(round=padded, viewer=org.supervisor_a)
    assert results.response_count == K
    assert results.suppressed
    assert results.values == []
    assert SECRET not in everything(results)
    assert str(K) in str(results.suppressed_reason)


def test_cant_say_padding_shows_nothing_on_the_page_or_in_the_csv_and_pdf(client, org, padded):
    client.force_login(org.supervisor_a)
    page = client.get(f"/fi/assessments/rounds/{padded.pk}/results/").content.decode()
    assert 'id="suppressed-heading"' in page
    assert SECRET not in page
    assert "5,0" not in page
    csv = client.get(f"/fi/assessments/rounds/{padded.pk}/results.csv").content.decode()
    assert SECRET not in csv
    assert "5,0" not in csv
    assert "5,0" not in round_aggregates_csv(round_results(round=padded, viewer=org.supervisor_a))
    assert "5,0" not in unit_timeline_csv(unit_trend(unit=org.unit_a, viewer=org.supervisor_a))
    _reader, text = pdf_text(unit_report_pdf(round=padded, language="fi"))
    assert SECRET not in text
    assert "5,0" not in text


def test_cant_say_padding_does_not_enter_area_or_organisation_averages(org, version, padded):
    other = round_results(round=padded.unit.assessment_rounds.get(), viewer=org.supervisor_a)
    assert other.suppressed
    ordinary = org.unit_b.assessment_rounds.get()
    results = round_results(round=ordinary, viewer=org.supervisor_b)
    assert not results.suppressed
    for value in results.values:
        assert value.area_mean == pytest.approx(2.0)  # not (2 + 5) / 2
        assert value.organisation_mean == pytest.approx(2.0)
    assert results.area_unit_count == 1
    assert results.organisation_unit_count == 1
    # Nor in the trend or the overview.
    assert unit_trend(unit=org.unit_a, viewer=org.supervisor_a).points[0].suppressed
    rows = {row.unit.code: row for row in organisation_overview(viewer=org.administrator).rows}
    assert rows["A"].suppressed
    assert all(cell.mean is None for cell in rows["A"].cells)
    assert rows["B"].cells[0].mean == pytest.approx(2.0)


def test_a_statement_that_few_scored_is_hidden_and_left_out_of_its_value(org, version):
    """Five scored the value's other statements with 3; only one scored its first (with 1), the
    others said "can't say" there. The value mean over all answers would give that one score
    by difference from the shown statements."""
    round = closed_round(org.unit_a, version, closes_on=CLOSE)

    def score(i, statement):
        if statement.text_fi == "dignity 1":
            return 1 if i == 0 else None
        return 3

    add_responses(round, K, score)
    results = round_results(round=round, viewer=org.supervisor_a)
    assert not results.suppressed
    dignity = results.values[0]
    first = dignity.statements[0]
    assert first.hidden
    assert first.mean is None
    assert first.distribution == (0, 0, 0, 0, 0)
    assert first.scored == 0
    assert [s.hidden for s in dignity.statements[1:]] == [False, False]
    assert dignity.mean == pytest.approx(3.0)
    assert dignity.scored == 2 * K
    # The same value mean everywhere else: the trend and the overview.
    trend = unit_trend(unit=org.unit_a, viewer=org.supervisor_a)
    assert trend.points[0].means["dignity"] == pytest.approx(3.0)


def test_the_page_says_why_a_statement_is_hidden(client, org, version):
    round = closed_round(org.unit_a, version, closes_on=CLOSE)
    add_responses(round, K, lambda i, s: (1 if i == 0 else None) if s.text_fi == "trust 2" else 4)
    client.force_login(org.supervisor_a)
    page = client.get(f"/fi/assessments/rounds/{round.pk}/results/").content.decode()
    assert "Piilotettu: alle 5 henkilöä antoi arvion" in page
    row = page[page.index("trust 2") : page.index("trust 3")]
    assert "1,0" not in row
    csv = client.get(f"/fi/assessments/rounds/{round.pk}/results.csv").content.decode()
    line = next(line for line in csv.splitlines() if "trust 2" in line)
    assert "Piilotettu" in line
    assert "1,0" not in line


def test_written_answers_need_k_people_who_wrote_for_the_value(client, org, version):
    round = closed_round(org.unit_a, version, closes_on=CLOSE)
    add_responses(round, 2, 4, barrier="KAKSI KIRJOITTI")
    add_responses(round, K - 1, 4)
    results = round_results(round=round, viewer=org.supervisor_a)
    assert not results.suppressed
    assert results.values[0].mean == pytest.approx(4.0)
    assert all(v.barriers == [] and v.means == [] for v in results.values)
    assert all(v.texts_hidden for v in results.values)
    assert "KAKSI KIRJOITTI" not in everything(results)
    client.force_login(org.supervisor_a)
    page = client.get(f"/fi/assessments/rounds/{round.pk}/results/").content.decode()
    assert "KAKSI KIRJOITTI" not in page
    assert "Tästä arvosta kirjoitti alle 5 henkilöä" in page
    _reader, report = pdf_text(unit_report_pdf(round=round, language="fi"))
    flat = " ".join(report.split())
    assert "KAKSI KIRJOITTI" not in flat and "Tästä ei kirjoitettu mitään" not in flat
    assert "Tästä arvosta kirjoitti alle 5 henkilöä" in flat
    # Five people who wrote (of either kind) are enough.
    enough = closed_round(org.unit_b, version, closes_on=CLOSE)
    add_responses(enough, 3, 4, barrier="ESTE")
    add_responses(enough, 2, 4, means="KEINO")
    shown = round_results(round=enough, viewer=org.supervisor_b)
    assert shown.values[0].barriers == ["ESTE"] * 3
    assert shown.values[0].means == ["KEINO"] * 2
    assert not shown.values[0].texts_hidden


def test_the_split_needs_k_people_in_each_group_who_scored_the_value(org, version):
    round = closed_round(org.unit_a, version, closes_on=CLOSE)
    add_responses(round, K, 4, role="staff")
    # Among the supervisors only one scored dignity; all five scored the rest.
    add_responses(
        round,
        K,
        lambda i, s: 2 if i == 0 or not s.text_fi.startswith("dignity") else None,
        role="supervisor",
    )
    results = round_results(round=round, viewer=org.supervisor_a)
    assert results.split_shown
    by_key = {v.key: v for v in results.values}
    assert by_key["dignity"].staff_mean is None
    assert by_key["dignity"].supervisor_mean is None
    assert by_key["trust"].staff_mean == pytest.approx(4.0)
    assert by_key["trust"].supervisor_mean == pytest.approx(2.0)


# Point 1: pools keep the tree as it stood when each round closed


@pytest.fixture
def area_year(org, version):
    """Unit A's only answer and two small units B and C, all in the area, closed in 2025."""
    unit_c = UnitFactory(code="C", name_fi="Yksikkö C", parent=org.area)
    moved = closed_round(org.unit_a, version, closes_on=CLOSE, title="Yksi vastaus")
    add_responses(moved, 1, 1, barrier="SIIRRETTY")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE, title="B"), 3, 4, barrier="B")
    add_responses(closed_round(unit_c, version, closes_on=CLOSE, title="C"), 3, 4, barrier="C")
    return moved


def _figures(results) -> tuple:
    return (
        results.response_count,
        [(v.key, v.mean, v.overall.distribution if v.overall else None) for v in results.values],
        sorted(text for v in results.values for text in v.barriers),
    )


def test_moving_a_unit_out_of_the_area_does_not_change_the_pooled_year(
    org, area_year, django_capture_on_commit_callbacks
):
    before = combined_results(parent=org.area, year=2025)
    assert not before.suppressed
    assert before.response_count == 7
    with django_capture_on_commit_callbacks(execute=True):
        org.unit_a.parent = UnitFactory(code="MUU", name_fi="Muu alue")
        org.unit_a.save()
    after = combined_results(parent=org.area, year=2025)
    assert _figures(after) == _figures(before)
    # The moved unit's round stays in its old pool only: the new area does not get it.
    assert combined_results(parent=org.unit_a.parent, year=2025).rounds == []


def test_moving_a_unit_through_the_admin_keeps_the_page_and_is_in_the_audit_log(
    client, org, area_year, django_capture_on_commit_callbacks
):
    area_supervisor = supervisor(org.area, email="supervisor.area@example.org")
    client.force_login(area_supervisor)
    url = f"/fi/assessments/units/{org.area.code}/combined/?year=2025"
    first = client.get(url)
    assert "SIIRRETTY" in first.content.decode()
    elsewhere = UnitFactory(code="MUU", name_fi="Muu alue")
    client.force_login(org.administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/cms/unit/edit/{org.unit_a.pk}/",
            {
                "code": "A",
                "name_fi": "Yksikkö A",
                "name_sv": "Enhet A",
                "name_en": "Unit A",
                "parent": elsewhere.pk,
            },
        )
    assert response.status_code == 302
    org.unit_a.refresh_from_db()
    assert org.unit_a.parent == elsewhere
    event = AuditEvent.objects.get(action=AuditEvent.Action.UNIT_MOVE)
    assert event.actor == org.administrator
    assert event.subject == "unit A: from AREA to MUU"
    client.force_login(area_supervisor)
    second = client.get(url)
    assert _figures(second.context["results"]) == _figures(first.context["results"])


def test_editing_a_unit_without_moving_it_logs_no_move(client, org):
    client.force_login(org.administrator)
    response = client.post(
        f"/cms/unit/edit/{org.unit_a.pk}/",
        {"code": "A", "name_fi": "Uusi nimi", "name_sv": "", "name_en": "", "parent": org.area.pk},
    )
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.UNIT_MOVE).exists()


def test_closing_a_round_records_the_units_parent(org, open_round):
    round_services.round_close(round=open_round)
    open_round.refresh_from_db()
    assert open_round.parent_at_close == org.area


# The differencing guard: the same pool seen twice never differs


def test_a_pool_is_fixed_when_first_shown_and_later_rounds_do_not_join_it(
    client, org, version, area_year
):
    area_supervisor = supervisor(org.area, email="supervisor.area@example.org")
    client.force_login(area_supervisor)
    url = f"/fi/assessments/units/{org.area.code}/combined/?year=2025"
    first = client.get(url).context["results"]
    pool = CombinedPool.objects.get(parent=org.area, year=2025)
    assert pool.round_ids == first.pool_round_ids
    assert pool.threshold == K
    # A round of the year that closes late (after the pool was shown) would add its answers.
    unit_d = UnitFactory(code="D", name_fi="Yksikkö D", parent=org.area)
    add_responses(closed_round(unit_d, version, closes_on=CLOSE, title="Myöhässä"), 2, 5)
    again = client.get(url).context["results"]
    assert again.fixed
    assert _figures(again) == _figures(first)
    assert "Myöhässä" not in [r.title for r in again.rounds]


def test_a_lower_k_never_shows_a_shown_pool_minus_a_round(org, version):
    """The pool was shown at k=5 with a round of three; at k=3 that round has its own page.
    Showing the pool without it, or with it beside its own page, gives the rest by difference."""
    unit_c = UnitFactory(code="C", name_fi="Yksikkö C", parent=org.area)
    three = closed_round(org.unit_a, version, closes_on=CLOSE, title="Kolme")
    add_responses(three, 3, 1)
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 2, 4)
    add_responses(closed_round(unit_c, version, closes_on=CLOSE), 2, 4)
    before = combined_results(parent=org.area, year=2025)
    assert not before.suppressed
    CombinedPool.objects.create(
        parent=org.area, year=2025, round_ids=before.pool_round_ids, threshold=K
    )
    AnonymitySettings.objects.create(threshold=3)
    after = combined_results(parent=org.area, year=2025)
    own_page = round_results(round=three, viewer=org.administrator)
    if after.suppressed:
        assert after.values == []
    else:
        assert _figures(after) == _figures(before)
        assert own_page.suppressed  # the round is not also shown on its own
    assert after.suppressed or after.threshold == K


def test_a_pool_whose_round_is_gone_is_no_longer_shown(org, version, area_year):
    before = combined_results(parent=org.area, year=2025)
    CombinedPool.objects.create(
        parent=org.area, year=2025, round_ids=before.pool_round_ids, threshold=K
    )
    area_year.delete()
    after = combined_results(parent=org.area, year=2025)
    assert after.suppressed
    assert after.values == []
    assert after.response_count is None
    assert "SIIRRETTY" not in everything(after)


def test_pooled_statements_and_texts_need_k_people_too(org, version):
    """Pooled: every unit said "can't say" to trust 1 except one person; only two wrote."""
    unit_c = UnitFactory(code="C", name_fi="Yksikkö C", parent=org.area)
    odd = lambda i, s: (5 if i == 0 else None) if s.text_fi == "trust 1" else 3  # noqa: E731
    add_responses(closed_round(org.unit_a, version, closes_on=CLOSE), 3, odd, barrier="HARVA")
    add_responses(closed_round(org.unit_b, version, closes_on=CLOSE), 3, odd)
    add_responses(closed_round(unit_c, version, closes_on=CLOSE), 1, odd)
    results = combined_results(parent=org.area, year=2025)
    assert not results.suppressed
    trust = next(v for v in results.values if v.key == "trust")
    assert trust.statements[0].hidden
    assert trust.mean == pytest.approx(3.0)  # trust 2 and 3 only
    assert trust.overall.distribution == (0, 0, 14, 0, 0)
    assert all(v.barriers == [] for v in results.values)  # three wrote, k is five
    assert all(v.texts_hidden for v in results.values)
    assert "HARVA" not in everything(results)
