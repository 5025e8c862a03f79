"""The clients in the unit report: the PDF's "What clients said" (per value staff, clients, gap
and answers; the recommendation figures; the widest gap in words) and the same figures in the
round's CSV; nothing below k; nothing for a unit no client answered; the same people as before."""

import datetime
import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from assessments.reports import csv as csv_reports
from assessments.reports.pdf import unit_report_pdf
from assessments.selectors.results import round_results
from tests.assessments.factories import add_responses, closed_round
from tests.feedback.factories import add_client_answers

DAY = datetime.timedelta(days=1)
DIGNITY = "Ihmisarvon kunnioittaminen v1"  # the factory's name (Finnish in every language)


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")


def csv_lines(client, round) -> list[str]:
    response = client.get(f"/en/assessments/rounds/{round.pk}/results.csv")
    assert response.status_code == 200
    return response.content.decode("utf-8").lstrip("\ufeff").splitlines()


@pytest.fixture
def mirrored(closed, version):
    """The report's round (staff 4,0 everywhere) with eight clients: dignity 2,5, the rest
    3,5, and a recommendation of 10, 10, 10, 9, 8, 7, 3, 2 (half would recommend, NPS 25)."""
    scores = [2, 3, 2, 3, 2, 3, 2, 3]
    add_client_answers(
        closed.unit, version, closed.closes_on, scores, keys=["dignity"],
        recommend=[10, 10, 10, 9, 8, 7, 3, 2],
    )  # fmt: skip
    others = ["client_centredness", "equality", "trust", "empathy"]
    answers = list(closed.unit.client_answers.all())
    from feedback.models import ClientScore
    from feedback.services.rollup import rollup_refresh

    ClientScore.objects.bulk_create(
        ClientScore(answer=a, value_key=key, score=3 + i % 2)
        for i, a in enumerate(answers)
        for key in others
    )
    rollup_refresh([(closed.unit_id, closed.closes_on)])
    return closed


def test_pdf_says_what_clients_said_beside_the_staff(mirrored):
    _reader, text = pdf_text(unit_report_pdf(round=mirrored, language="en"))
    assert "What clients said" in text
    assert "Client answers" in text and "Gap" in text
    assert "2.5" in text and "3.5" in text  # the clients' means
    assert "clients 1.5 lower" in text and "clients 0.5 lower" in text
    assert f"The gap is widest in {DIGNITY}: staff 4.0, clients 2.5 (clients 1.5 lower)." in text
    assert "% would recommend (9–10)" in text
    assert "50 %" in text  # 4 of 8 gave 9–10
    assert "NPS" in text and " 25 " in text  # 50 % promoters − 25 % detractors
    assert " 7.4 " in text  # the 0–10 mean: 59 / 8 = 7.375, half up


def test_pdf_in_finnish_has_the_section_and_embedded_fonts(mirrored):
    from tests.assessments.test_reports import embedded_fonts

    reader, text = pdf_text(unit_report_pdf(round=mirrored, language="fi"))
    assert "Mitä asiakkaat sanoivat" in text
    assert "2,5" in text
    assert any("DejaVuSans" in name for name in embedded_fonts(reader))


def test_csv_has_the_same_figures_in_rows(client, org, mirrored):
    client.force_login(org.supervisor_a)
    lines = csv_lines(client, mirrored)
    assert "What clients said" in lines
    dignity = next(line for line in lines if line.startswith(f"{DIGNITY};4.0;"))
    assert dignity.split(";")[:5] == [DIGNITY, "4.0", "2.5", "2.5", "clients 1.5 lower"]
    assert dignity.split(";")[5:] == ["8", "0"]
    assert "% would recommend (9–10);50 %" in lines
    assert "NPS;25" in lines
    assert (
        f"Widest gap;The gap is widest in {DIGNITY}: staff 4.0, clients 2.5 (clients 1.5 lower)."
        in lines
    )
    assert "Mean (0–10);7.4" in lines


def test_csv_rows_match_what_the_pdf_says(org, mirrored):
    with translation.override("en"):
        results = round_results(round=mirrored, viewer=org.supervisor_a)
        rows = csv_reports.round_aggregates_rows(results)
    widest = next(row[1] for row in rows if row and row[0] == "Widest gap")
    _reader, text = pdf_text(unit_report_pdf(round=mirrored, language="en"))
    assert widest in text


def test_k_minus_one_clients_show_no_client_figure_in_pdf_or_csv(client, org, closed, version):
    add_client_answers(
        closed.unit, version, closed.closes_on, [2, 2, 3, 3], recommend=[0, 1, 9, 3]
    )  # k − 1 = 4 clients: a mean of 2,5 and a recommendation mean of 3,3
    _reader, text = pdf_text(unit_report_pdf(round=closed, language="en"))
    assert "What clients said" in text
    assert "Fewer than 5 clients gave a score" in text
    assert "Fewer than 5 clients answered the recommendation question" in text
    assert "2.5" not in text and "3.3" not in text and "25 %" not in text
    assert "The gap is widest" not in text
    client.force_login(org.supervisor_a)
    body = "\n".join(csv_lines(client, closed))
    assert "2.5" not in body and "3.3" not in body
    assert "Fewer than 5 clients gave a score" in body


def test_a_month_under_k_hides_the_whole_period(org, version, today):
    round = closed_round(org.unit_a, version, closes_on=today.replace(day=1) - DAY)
    round.opens_on = round.closes_on.replace(day=1) - 20 * DAY  # two months
    round.save()
    add_responses(round, 5, score=4)
    add_client_answers(org.unit_a, version, round.opens_on, [2] * 6)
    add_client_answers(org.unit_a, version, round.closes_on, [5])  # one client alone
    _reader, text = pdf_text(unit_report_pdf(round=round, language="en"))
    assert "7 answers" in text
    assert "Fewer than 5 clients gave a score" in text
    assert "2.4" not in text  # (6 × 2 + 5) / 7


def test_unit_without_client_answers_has_no_client_section(client, org, closed):
    _reader, text = pdf_text(unit_report_pdf(round=closed, language="en"))
    assert "What clients said" not in text
    client.force_login(org.supervisor_a)
    assert "What clients said" not in csv_lines(client, closed)


def test_clients_of_other_months_or_units_do_not_count(org, closed, version):
    add_client_answers(org.unit_b, version, closed.closes_on, [1] * 6)
    add_client_answers(org.unit_a, version, closed.opens_on.replace(day=1) - DAY, [1] * 6)
    _reader, text = pdf_text(unit_report_pdf(round=closed, language="en"))
    assert "What clients said" not in text


def test_staff_under_k_shows_the_clients_alone(org, version, today):
    round = closed_round(org.unit_a, version, closes_on=today - DAY, title="Pieni")
    add_responses(round, 2, score=5)
    add_client_answers(org.unit_a, version, round.closes_on, [3] * 6)
    _reader, text = pdf_text(unit_report_pdf(round=round, language="en"))
    assert "Results are not shown" in text
    assert "What clients said" in text and "3.0" in text
    assert "5.0" not in text
    assert "No value has both a staff and a client figure to compare." in text


@pytest.mark.parametrize("who", ["supervisor_b", "employee_b", "trainer"])
def test_people_of_other_units_still_get_404_for_report_and_csv(client, org, mirrored, who):
    client.force_login(getattr(org, who))
    assert client.post(f"/fi/assessments/rounds/{mirrored.pk}/report/").status_code == 404
    assert client.get(f"/fi/assessments/rounds/{mirrored.pk}/results.csv").status_code == 404


def test_employee_of_the_unit_gets_the_client_rows_as_before_the_staff_ones(client, org, mirrored):
    client.force_login(org.employee_a)
    assert "What clients said" in csv_lines(client, mirrored)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_client_section_stays_inside_the_margins_with_whole_words(mirrored, language):
    from tests.assessments.test_report_pdf_layout import MARGIN_X, _inside, _open

    with _open(unit_report_pdf(round=mirrored, language=language)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            outside = [c["text"] for c in page.chars if not _inside(c, page, margin_x=MARGIN_X)]
            assert not outside, f"page {number}: {''.join(outside)!r}"
        words = {w["text"] for page in pdf.pages for w in page.extract_words()}
    with translation.override(language):
        from django.utils.translation import gettext

        for heading in ("Clients", "Gap", "Client answers"):
            for word in gettext(heading).split():
                assert word in words  # a table heading is never broken inside a word
