"""The same round gives the same figures on the results page, in its chart, in the unit report
PDF and in the CSV exports: one rounding rule (half up to one decimal) and a change that is the
difference of the shown means.

The round is made so that every old disagreement shows: a value mean of 3.65 (73 answers over
20, which the chart used to cut to 3,6 while the table showed 3,7), a previous mean of 4.05 (4,1
in the table, 4,0 in the chart), a statement mean of 30/7 (4,28 in the CSV) and raw changes of
±0.0499… that used to read "no change" beside 3,7 vs 3,6.
"""

import datetime
import io
import re
import xml.etree.ElementTree as ET
from html import unescape

import pdfplumber
import pytest
from django.utils import translation

from assessments.models import Statement, ValueKey
from assessments.reports import csv as csv_reports
from assessments.reports.pdf import unit_report_pdf
from assessments.selectors.results import round_results, unit_trend
from tests.assessments.factories import add_responses, closed_round

SVG = "{http://www.w3.org/2000/svg}"
SAME = [[4] * 7] * 3

# Seven responses; per value, the scores of its three statements (one list per statement).
NOW = {
    "dignity": [[5, 5, 4, 4, 4, 4, 4], [3] * 7, [4, 4, 4, 4, 3, 3, None]],  # 73 / 20 = 3.65
    "client_centredness": SAME,
    "equality": [[3] * 7] * 3,
    "trust": SAME,
    "empathy": SAME,
}
BEFORE = {
    "dignity": [[4, 4, 4, 4, 3, 3, None], [4, 4, 4, 3, 3, 3, 3], [4, 4, 4, 4, 3, 3, 4]],  # 3.6
    "client_centredness": SAME,
    "equality": [[3] * 7] * 3,
    "trust": [[5, 5, 4, 4, 4, 4, None], [4] * 7, [4, 4, 4, 4, 4, 4, 3]],  # 81 / 20 = 4.05
    "empathy": SAME,
}
# (this round, previous round, change) as every medium must show them, in Finnish.
EXPECTED = {
    "dignity": ("3,7", "3,6", "nousua 0,1"),
    "client_centredness": ("4,0", "4,0", "ei muutosta"),
    "equality": ("3,0", "3,0", "ei muutosta"),
    "trust": ("4,0", "4,1", "laskua 0,1"),
    "empathy": ("4,0", "4,0", "ei muutosta"),
}
NAMES = {key.value: f"Arvo{i}" for i, key in enumerate(ValueKey, start=1)}


def _scores(plan):
    keys = {s.pk: (s.value.key, s.sort_order) for s in Statement.objects.select_related("value")}

    def score(i, statement):
        key, order = keys[statement.pk]
        return plan[key][order][i]

    return score


@pytest.fixture
def rounds(org, version):
    for value in version.values.all():
        value.name_fi = NAMES[value.key]
        value.save()
    before = closed_round(
        org.unit_a, version, closes_on=datetime.date(2025, 3, 21), title="Kevät 2025"
    )
    add_responses(before, 7, score=_scores(BEFORE))
    now = closed_round(
        org.unit_a, version, closes_on=datetime.date(2026, 3, 20), title="Kevät 2026"
    )
    add_responses(now, 7, score=_scores(NOW))
    return before, now


def _words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).replace("↑", "").split()).replace(
        "↓ ", ""
    )


def page_figures(html: str) -> dict[str, tuple[str, str, str]]:
    """The overview table of the results page: name -> (this, previous, change)."""
    table = html[html.index('id="overview-table-caption"') :]
    table = table[: table.index("</table>")]
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
        if len(cells) == 6 and 'scope="row"' in row:
            name, this, before, change = (_words(c) for c in cells[:4])
            found[name] = (this, before, change.replace("→ ", "").strip())
    return found


def chart_figures(html: str) -> dict[str, tuple[str, str]]:
    """The bar chart's labels: name -> (this, previous)."""
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", html, flags=re.S).group(0))  # noqa: S314
    found, name = {}, None
    for text in svg.iter(f"{SVG}text"):
        if text.get("font-weight") == "bold":
            name = text.text
            found[name] = []
        elif name and "(" in text.text:
            found[name].append(text.text.split(" (")[0])
    return {name: tuple(labels) for name, labels in found.items()}


def pdf_lines(data: bytes, page: int) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return pdf.pages[page].extract_text().splitlines()


def pdf_figures(lines: list[str]) -> dict[str, tuple[str, str, str]]:
    """The first table row of each value: name -> (this, previous, change)."""
    found = {}
    for line in lines:
        match = re.match(
            r"^(Arvo\d) (\d,\d|–) (\d,\d|–) [↑↓→] (nousua \d,\d|laskua \d,\d|ei muutosta)", line
        )
        if match:
            found.setdefault(match.group(1), match.group(2, 3, 4))
    return found


def test_page_chart_pdf_and_csv_show_the_same_figures(client, org, rounds):
    before, now = rounds
    client.force_login(org.supervisor_a)
    html = client.get(f"/fi/assessments/rounds/{now.pk}/results/").content.decode()
    pdf = unit_report_pdf(round=now, language="fi")
    with translation.override("fi"):
        results = round_results(round=now, viewer=org.supervisor_a)
        round_csv = csv_reports.round_aggregates_csv(results).lstrip("\ufeff").splitlines()
        timeline = csv_reports.unit_timeline_csv(unit_trend(unit=org.unit_a, viewer=None))
    timeline = [line.split(";") for line in timeline.lstrip("\ufeff").splitlines()]
    csv_rows = {row[0]: row for row in (line.split(";") for line in round_csv) if row[1:2] == [""]}

    page, chart = page_figures(html), chart_figures(html)
    summary = pdf_figures(pdf_lines(pdf, 0))
    details = pdf_figures(pdf_lines(pdf, 1))
    for key, (this, previous, change) in EXPECTED.items():
        name = NAMES[key]
        assert page[name] == (this, previous, change), name
        assert chart[name] == (this, previous), name
        assert summary[name] == (this, previous, change), name
        assert details[name] == (this, previous, change), name
        # The round's CSV: the mean as shown, its full precision, the previous mean and change.
        row = csv_rows[name]
        assert (row[2], row[11], row[12]) == (this, previous, change), name
        # The timeline CSV names the values by their keys' names, as the trend does.
        column = [r[0] for r in timeline].index
        with translation.override("fi"):
            at = timeline[0].index(str(ValueKey(key).label))
        assert timeline[column("Kevät 2026")][at] == this
        assert timeline[column("Kevät 2025")][at] == previous
    assert csv_rows[NAMES["dignity"]][3] == "3,65"


def test_a_statement_mean_of_30_over_7_is_4_3_everywhere(client, org, rounds):
    _before, now = rounds
    client.force_login(org.supervisor_a)
    html = client.get(f"/fi/assessments/rounds/{now.pk}/results/").content.decode()
    with translation.override("fi"):
        body = csv_reports.round_aggregates_csv(round_results(round=now, viewer=org.supervisor_a))
    row = next(line for line in body.splitlines() if line.startswith("Arvo1;dignity 1;"))
    assert row.split(";")[2:4] == ["4,3", "4,285714285714286"]
    statement_row = html[html.index("dignity 1") :]
    assert '<td class="num">4,3</td>' in statement_row[: statement_row.index("</tr>")]


def test_english_uses_a_decimal_point_in_every_medium(client, org, rounds):
    _before, now = rounds
    client.force_login(org.supervisor_a)
    html = client.get(f"/en/assessments/rounds/{now.pk}/results/").content.decode()
    assert '<td class="num">3.7</td>' in html
    assert "3.7 (This round)" in html
    text = "\n".join(pdf_lines(unit_report_pdf(round=now, language="en"), 0))
    assert "3.7" in text and "up 0.1" in text and "down 0.1" in text
    with translation.override("en"):
        body = csv_reports.round_aggregates_csv(round_results(round=now, viewer=org.supervisor_a))
    assert ";3.7;3.65;" in body
