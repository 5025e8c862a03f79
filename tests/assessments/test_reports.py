"""Unit report PDF, its background job and pages, the unit_report command, and the CSV exports."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from assessments.models import ValueKey
from assessments.reports import csv as csv_reports
from assessments.reports.pdf import unit_report_pdf
from assessments.selectors.results import round_results
from assessments.services import report_jobs as jobs
from tests.assessments.factories import add_responses, closed_round
from toolkit.csv_export import neutralise

DAY = datetime.timedelta(days=1)


@pytest.fixture
def small(org, version, today):
    earlier = closed_round(org.unit_a, version, closes_on=today - 200 * DAY, title="Talvi")
    add_responses(earlier, 5, score=3)
    round = closed_round(org.unit_a, version, closes_on=today - DAY, title="Pieni kierros")
    add_responses(round, 2, score=5, barrier="Salainen vastaus")
    return round


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def embedded_fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor and any(
                    k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    names.add(str(font["/BaseFont"]))
    return names


# --- The PDF ---------------------------------------------------------------------------------


def test_pdf_names_the_unit_round_values_and_written_answers(closed):
    reader, text = pdf_text(unit_report_pdf(round=closed, language="fi"))
    assert "Yksikkö A" in text  # ö rendered and extractable
    assert "Syksy" in text
    for value in closed.framework_version.values.all():
        assert value.name in text
    assert "Kiireessä unohtuu kysyä asiakkaalta" in text  # ä
    assert "Kevät" in text  # the trend names the earlier round
    assert "4,0" in text
    assert "100 %" in text  # response rate on the cover: 5 of the 5 invited
    with translation.override("fi"):
        assert gettext("No actions recorded.") in text


def test_pdf_renders_swedish_letters(org, closed):
    org.unit_a.name_sv = "Enhet Åbo"
    org.unit_a.save()
    _reader, text = pdf_text(unit_report_pdf(round=closed, language="sv"))
    assert "Enhet Åbo" in text


def test_pdf_has_title_author_language_and_embedded_fonts(closed):
    reader, _text = pdf_text(unit_report_pdf(round=closed, language="sv"))
    assert "Syksy" in reader.metadata.title
    assert reader.metadata.author == "Arvokas"
    assert reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    fonts = embedded_fonts(reader)
    assert any("DejaVuSans" in name for name in fonts)
    assert any("DejaVuSans-Bold" in name for name in fonts)


def test_pdf_under_threshold_has_no_figures_or_written_answers(org, small):
    _reader, text = pdf_text(unit_report_pdf(round=small, language="fi"))
    assert "Yksikkö A" in text
    assert "Salainen vastaus" not in text
    for value_key in ValueKey:
        assert f"{value_key.label} v1" not in text
    assert "5,0" not in text
    assert "Talvi" not in text and "3,0" not in text  # not even the trend of other rounds
    results = round_results(round=small, viewer=org.supervisor_a)
    assert results.suppressed_reason in text.replace("\n", " ")


def test_pdf_of_a_round_without_followup_says_none_is_recorded(closed):
    _reader, text = pdf_text(unit_report_pdf(round=closed, language="en"))
    assert "No actions recorded." in text
    assert "No team conclusions recorded." in text


def test_pdf_lists_the_recorded_conclusions_and_actions_with_status(org, closed, today):
    from assessments import models

    models.TeamConclusion.objects.create(
        round=closed, value_key="trust", barriers="Kiire\nVaihtuvuus", means="Viikkopalaveri"
    )
    models.ImprovementAction.objects.create(
        unit=org.unit_a,
        source_round=closed,
        value_key="trust",
        title="Asiakasraati kokoontuu",
        owner=org.employee_a,
        due_on=today + 30 * DAY,
        status="in_progress",
    )
    _reader, text = pdf_text(unit_report_pdf(round=closed, language="en"))
    for expected in ("Vaihtuvuus", "Viikkopalaveri", "Asiakasraati kokoontuu", "in progress"):
        assert expected in text
    assert "No actions recorded." not in text


# --- Preparing and downloading on the results page ---------------------------------------------


def prepare(client, round):
    return client.post(f"/fi/assessments/rounds/{round.pk}/report/")


def test_supervisor_prepares_and_downloads_the_report(client, org, closed):
    client.force_login(org.supervisor_a)
    assert "report/" in client.get(f"/fi/assessments/rounds/{closed.pk}/results/").content.decode()
    response = prepare(client, closed)
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.context["state"] == jobs.READY
    download = client.get(response.url + "download/")
    assert download["Content-Type"] == "application/pdf"
    data = b"".join(download.streaming_content)
    assert "Yksikkö A" in pdf_text(data)[1]
    assert client.get(response.url + "?format=json").json() == {"state": "ready"}


@pytest.mark.parametrize("who", ["supervisor_b", "employee_b", "trainer"])
def test_people_of_other_units_get_404_for_report_and_exports(client, org, closed, who):
    client.force_login(getattr(org, who))
    assert prepare(client, closed).status_code == 404
    assert client.get(f"/fi/assessments/rounds/{closed.pk}/results.csv").status_code == 404
    assert client.get("/fi/assessments/units/A/timeline.csv").status_code == 404


def test_someone_elses_report_job_is_not_found(client, org, closed):
    client.force_login(org.supervisor_a)
    status_url = prepare(client, closed).url
    client.force_login(org.employee_a)  # may see the results, but did not ask for this report
    assert client.get(status_url).status_code == 404
    assert client.get(status_url + "download/").status_code == 404


def test_open_round_report_is_not_found(client, org, version, today):
    round = closed_round(org.unit_a, version, closes_on=today + DAY, status="open")
    client.force_login(org.supervisor_a)
    assert prepare(client, round).status_code == 404


def test_failed_report_says_so_and_offers_to_try_again(client, org, closed, monkeypatch):
    def broken(**kwargs):
        raise ValueError("font missing")

    monkeypatch.setattr(jobs, "unit_report_pdf", broken)
    client.force_login(org.supervisor_a)
    page = client.get(prepare(client, closed).url)
    assert page.context["state"] == jobs.FAILED
    html = page.content.decode()
    assert f'action="/fi/assessments/rounds/{closed.pk}/report/"' in html
    assert "<button" in html


def test_pending_report_page_polls_and_has_a_link_without_script(client, org, closed):
    from django.core.cache import cache

    client.force_login(org.supervisor_a)
    url = prepare(client, closed).url
    job_id = url.rstrip("/").rsplit("/", 1)[-1]
    key = f"assessments:unit-report:{job_id}"
    cache.set(key, {**cache.get(key), "state": jobs.PENDING})
    html = client.get(url).content.decode()
    assert "data-poll-url" in html
    assert f'href="{url}"' in html
    assert client.get(url + "download/").status_code == 404


def test_task_retries_on_storage_errors(closed, monkeypatch):
    from assessments import tasks

    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) < 2:
            raise OSError("disk busy")
        return "reports/x.pdf"

    monkeypatch.setattr(jobs, "report_store", flaky)
    result = tasks.build_unit_report.apply(args=(closed.pk, "fi"), throw=False)
    assert result.get() == "reports/x.pdf"
    assert len(calls) == 2


# --- The command -------------------------------------------------------------------------------


def test_command_writes_the_latest_closed_round(closed, tmp_path):
    out = tmp_path / "report.pdf"
    call_command("unit_report", unit="A", lang="fi", out=str(out))
    reader, text = pdf_text(out.read_bytes())
    assert "Syksy" in text
    assert reader.trailer["/Root"]["/Lang"] == "fi"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"unit": "NOPE"}, "No unit"),
        ({"unit": "A", "round": 999999}, "no round"),
        ({"unit": "A", "lang": "de"}, "Unknown language"),
        ({"unit": "B"}, "no closed round"),
    ],
)
def test_command_fails_clearly_on_bad_input(closed, tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("unit_report", out=str(tmp_path / "x.pdf"), **options)
    assert not (tmp_path / "x.pdf").exists()


def test_command_refuses_a_round_of_another_unit(org, closed, version, today, tmp_path):
    other = closed_round(org.unit_b, version, closes_on=today - DAY)
    with pytest.raises(CommandError, match="no round"):
        call_command("unit_report", unit="A", round=other.pk, out=str(tmp_path / "x.pdf"))


# --- CSV ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell


def test_round_csv_has_aggregates_only_and_neutralises_hostile_text(client, org, closed):
    statement = closed.framework_version.values.first().statements.first()
    statement.text_fi = '=HYPERLINK("http://evil","x")'
    statement.save()
    client.force_login(org.employee_a)
    response = client.get(f"/fi/assessments/rounds/{closed.pk}/results.csv")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    assert "'=HYPERLINK" in body
    assert "\n=" not in body and ";=" not in body
    lines = body.splitlines()
    # 4 header facts, a blank line, the column header, 5 values × (1 + 3 statements)
    assert len(lines) == 4 + 1 + 1 + 5 * 4
    assert "Kiireessä" not in body  # written answers are not exported at all
    assert ";4,0;4,0;" in body  # the mean as shown, then with full precision


def test_round_csv_under_threshold_has_no_figures(client, org, small):
    client.force_login(org.supervisor_a)
    body = client.get(f"/fi/assessments/rounds/{small.pk}/results.csv").content.decode()
    assert "5,0" not in body
    assert "Salainen" not in body
    assert len(body.splitlines()) == 5


def test_timeline_csv_lists_rounds_with_value_means(client, org, closed, small):
    client.force_login(org.supervisor_a)
    body = client.get("/fi/assessments/units/A/timeline.csv").content.decode()
    lines = body.lstrip("\ufeff").splitlines()
    assert len(lines) == 1 + 4
    assert any(line.startswith("Kevät;") and line.count(";3,0") == 10 for line in lines)
    assert any(line.startswith("Syksy;") and line.count(";4,0") == 10 for line in lines)
    small_line = next(line for line in lines if line.startswith("Pieni kierros;"))
    assert "5,0" not in small_line


def test_round_csv_matches_the_selector(org, closed):
    results = round_results(round=closed, viewer=org.supervisor_a)
    body = csv_reports.round_aggregates_csv(results)
    assert body.count(";5;0;") >= 15 or ";0;0;0;5;0;" in body
