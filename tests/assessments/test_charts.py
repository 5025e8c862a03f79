"""The results charts as a reader gets them: valid SVG named for screen readers, bars and lines
that follow the figures, a gap where a round had too few answers, and the same figures in tables."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from tests.assessments.factories import add_responses, closed_round

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def history(org, version):
    """Four closed rounds of unit A: means 3, 4, a round under the threshold, then 5."""
    rounds = []
    for month, (count, score) in enumerate([(5, 3), (5, 4), (3, 1), (6, 5)], start=3):
        round = closed_round(
            org.unit_a, version, closes_on=datetime.date(2025, month, 28), title=f"Kierros {month}"
        )
        add_responses(round, count, score=score)
        rounds.append(round)
    return rounds


def charts_of(page: str) -> list[ET.Element]:
    found = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    return [ET.fromstring(svg) for svg in found]  # noqa: S314 - our own page, not untrusted


def texts(svg: ET.Element) -> list[str]:
    return [t.text for t in svg.iter(f"{SVG}text")]


def test_charts_are_named_images_whose_marks_follow_the_figures(client, org, history):
    client.force_login(org.supervisor_a)
    page = client.get(f"/fi/assessments/rounds/{history[-1].pk}/results/").content.decode()
    bars, trend = charts_of(page)

    for chart in (bars, trend):
        assert chart.get("role") == "img"
        title_id, desc_id = chart.get("aria-labelledby").split()
        assert chart.find(f"{SVG}title").get("id") == title_id
        assert chart.find(f"{SVG}desc").get("id") == desc_id
        assert chart.find(f"{SVG}desc").text

    # Bars: every value this round at 5,0. The previous round had too few answers, so there is
    # nothing to compare against and no hatched bar.
    labels = texts(bars)
    assert labels.count("5,0 (Tämä kierros)") == 5
    assert not [label for label in labels if "Edellinen kierros)" in label]
    widths = {float(r.get("width")) for r in bars.iter(f"{SVG}rect") if r.get("height") == "16"}
    assert widths == {514.0}  # a mean of 5 spans the whole scale

    # Lines: rounds 1 and 2 joined, the suppressed third leaves a gap before the fourth.
    lines = list(trend.iter(f"{SVG}polyline"))
    assert len(lines) == 5
    for line in lines:
        (_, y_first), (_, y_second) = (map(float, p.split(",")) for p in line.get("points").split())
        assert y_second < y_first  # the mean rose from 3 to 4, and up is higher
    assert texts(trend).count("3/2025") == 1 and "6/2025" in texts(trend)
    assert "03/2025" not in texts(trend)  # Finnish usage: no leading zero

    # The tables say the same in numbers, and the small round in words.
    trend_table = page[page.index('id="trend-caption"') :]
    for mean in ("3,0", "4,0", "5,0"):
        assert f'<td class="num">{mean}</td>' in trend_table
    assert "Liian vähän vastauksia näytettäväksi" in trend_table


def test_chart_texts_are_escaped(client, org, version):
    round = closed_round(org.unit_a, version, title="<script>x</script>")
    add_responses(round, 5)
    version.values.update(name_fi="Arvo & <b>lihava</b>")
    client.force_login(org.supervisor_a)
    page = client.get(f"/fi/assessments/rounds/{round.pk}/results/").content.decode()
    charts = charts_of(page)  # parsing proves nothing slipped through unescaped
    assert [texts(chart).count("Arvo & <b>lihava</b>") for chart in charts] == [
        5
    ]  # bars only: one round has no trend
    assert "<b>lihava</b>" not in page
