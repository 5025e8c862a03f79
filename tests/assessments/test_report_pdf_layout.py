"""The unit report PDF as a reader sees it (pdfplumber): nothing outside the page's margins, no
word broken across lines, the summary on page 1, and the web chart's colours and order."""

import datetime
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pdfplumber
import pytest
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from assessments import models
from assessments.models import ValueKey
from assessments.reports.pdf import MARGIN_TOP, MARGIN_X, unit_report_pdf
from tests.assessments.factories import add_responses, closed_round, invite
from tests.toolkit.factories import member

SVG = "{http://www.w3.org/2000/svg}"
MM = 72 / 25.4
EDGE = 8 * MM  # nothing, not even the footer, comes closer to the paper's edge than this
TOLERANCE = 0.6
LANGUAGES = ("fi", "sv", "en")


def _score(i, statement):
    """Varied scores so that every value has its own mean."""
    return (i + statement.sort_order + len(statement.value.key)) % 5 + 1


@pytest.fixture
def report_round(org, version):
    """Unit A with a long name, eight earlier rounds (one under the threshold), then a closed
    round with written answers, the team's conclusions and seven actions."""
    org.unit_a.name_fi = org.unit_a.name_sv = org.unit_a.name_en = (
        "Aikuissosiaalityön ja päihdepalvelujen avopalveluyksikkö"
    )
    org.unit_a.save()
    for month in range(8):
        earlier = closed_round(
            org.unit_a,
            version,
            closes_on=datetime.date(2022, 3, 21) + datetime.timedelta(days=120 * month),
            title=f"Kierros {month + 1}",
        )
        add_responses(earlier, 3 if month == 5 else 6, score=_score)
    round = closed_round(
        org.unit_a, version, closes_on=datetime.date(2025, 3, 21), title="Kevät 2025"
    )
    team = [member(org.unit_a) for _ in range(9)]
    invite(round, team)
    add_responses(
        round,
        7,
        score=_score,
        barrier=lambda i: f"Kiireessä unohtuu kysyä asiakkaan omaa näkemystä {i}",
        means="Varataan jokaiselle tapaamiselle riittävästi aikaa",
    )
    models.TeamConclusion.objects.create(
        round=round,
        value_key="trust",
        barriers="Tieto ei kulje vuorojen välillä\nVaihtuvuus",
        means="Viikkopalaveri",
    )
    models.TeamConclusion.objects.create(
        round=round, value_key="equality", barriers="Tulkkia on vaikea saada", means=""
    )
    for i, status in enumerate(["planned", "in_progress", "done", "dropped", "planned"] * 2):
        models.ImprovementAction.objects.create(
            unit=org.unit_a,
            source_round=round,
            value_key=list(ValueKey.values)[i % 5],
            title=f"Asiakasraati kokoontuu neljännesvuosittain arvioimaan palvelua {i + 1}",
            owner=org.employee_a,
            due_on=datetime.date(2025, 5, 1) + datetime.timedelta(days=30 * i),
            status=status,
        )
    return round


def _open(data: bytes):
    return pdfplumber.open(io.BytesIO(data))


def _inside(obj, page, *, margin_x: float) -> bool:
    return (
        obj["x0"] >= margin_x - TOLERANCE
        and obj["x1"] <= page.width - margin_x + TOLERANCE
        and obj["top"] >= EDGE
        and obj["bottom"] <= page.height - EDGE
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_character_word_or_mark_lies_outside_the_margins(report_round, language):
    with _open(unit_report_pdf(round=report_round, language=language)) as pdf:
        assert len(pdf.pages) >= 3
        for number, page in enumerate(pdf.pages, start=1):
            outside = [c["text"] for c in page.chars if not _inside(c, page, margin_x=MARGIN_X)]
            assert not outside, f"page {number}: {''.join(outside)!r}"
            words = [
                w["text"] for w in page.extract_words() if not _inside(w, page, margin_x=MARGIN_X)
            ]
            assert not words, f"page {number}: {words}"
            marks = [
                (kind, round(o["x0"]), round(o["x1"]))
                for kind in ("rects", "lines", "curves")
                for o in getattr(page, kind)
                if not _inside(o, page, margin_x=MARGIN_X - 1)
            ]
            assert not marks, f"page {number}: {marks}"
            body = [c for c in page.chars if c["bottom"] < page.height - 18 * MM]
            assert min(c["top"] for c in body) >= MARGIN_TOP - TOLERANCE


def _words(data: bytes) -> set[str]:
    with _open(data) as pdf:
        return {w["text"] for page in pdf.pages for w in page.extract_words()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_heading_value_name_date_or_legend_word_is_broken(report_round, language):
    words = _words(unit_report_pdf(round=report_round, language=language))
    with translation.override(language):
        labels = [
            gettext(text)
            for text in (
                "Responses",
                "Invited",
                "Response rate",
                "Previous round",
                "This round",
                "Value",
                "Change",
                "Area average",
                "Organisation average",
                "Round",
                "Closed",
                "Action",
                "Owner",
                "Due date",
                "Status",
            )
        ]
        names = [v.name for v in report_round.framework_version.values.all()]
        names += [str(key.label) for key in ValueKey]  # the trend's legend and table
        rounds = models.AssessmentRound.objects.filter(unit=report_round.unit)
        dates = [date_format(r.closes_on, "SHORT_DATE_FORMAT") for r in rounds]
        dates += [
            date_format(a.due_on, "SHORT_DATE_FORMAT")
            for a in models.ImprovementAction.objects.all()
        ]
    expected = {word for text in labels + names + dates for word in text.split()}
    missing = sorted(expected - words)
    assert not missing, f"broken or missing: {missing}"
    if language == "fi":
        assert {"Vastauksia", "21.3.2025", "Tämä", "kierros", "Edellinen"} <= words
        assert not {"Vastauksi", "Tämä ki", "Edelline", "21.3.202"} & words


def _page_texts(data: bytes) -> list[str]:
    with _open(data) as pdf:
        return [page.extract_text() for page in pdf.pages]


def test_the_summary_is_page_one_and_the_details_follow(report_round):
    pages = _page_texts(unit_report_pdf(round=report_round, language="fi"))
    first = pages[0]
    with translation.override("fi"):
        for heading in (
            "Summary",
            "Top barriers",
            "Means the team will use",
            "Improvement actions",
        ):
            assert gettext(heading) in first
        assert gettext("Values at a glance") not in first
        assert pages[1].startswith(gettext("Values at a glance"))
    for value in report_round.framework_version.values.all():
        assert value.name in first
    assert "Vastausprosentti" in first and "78 %" in first  # 7 of the 9 invited
    assert "Kierros 8 (" in first  # the round it is compared with
    assert "Tieto ei kulje vuorojen välillä" in first and "Viikkopalaveri" in first
    # The team's barriers come first for the weakest value; open actions first, with status.
    assert "käynnissä" in first and "suunniteltu" in first
    assert "4 muuta toimenpidettä on lueteltu raportin myöhemmillä sivuilla." in first
    assert "Kiireessä unohtuu" not in first  # staff's written answers are in the details
    assert any("Kiireessä unohtuu" in page for page in pages[1:])


def test_a_team_that_wrote_a_great_deal_still_gets_a_one_page_summary(report_round):
    models.TeamConclusion.objects.filter(round=report_round).update(
        barriers="\n".join(
            f"Pitkä kuvaus esteestä, joka toistuu arjessa usein {i} " * 3 for i in range(9)
        ),
        means="\n".join(f"Pitkä kuvaus keinosta {i} " * 6 for i in range(9)),
    )
    pages = _page_texts(unit_report_pdf(round=report_round, language="fi"))
    assert "Kehittämistoimenpiteet" in pages[0]
    assert pages[1].startswith("Arvot yhdellä silmäyksellä")


def _hex(colour) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in colour)


def _web_bars(client, round) -> tuple[list[str], list[tuple[str, str]]]:
    """The web bar chart's value names (top first) and its bars: ("solid", fill) or
    ("hatched", stroke) in drawing order."""
    html = client.get(f"/fi/assessments/rounds/{round.pk}/results/").content.decode()
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", html, flags=re.S).group(0))  # noqa: S314
    names = [t.text for t in svg.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    bars = [
        ("hatched", r.get("stroke"))
        if r.get("fill").startswith("url(")
        else ("solid", r.get("fill"))
        for r in svg.iter(f"{SVG}rect")
        if r.get("height") == "16"
    ]
    return names, bars


def test_bars_have_the_web_charts_colours_and_order(client, org, report_round):
    client.force_login(org.supervisor_a)
    web_names, web_bars = _web_bars(client, report_round)
    with _open(unit_report_pdf(round=report_round, language="fi")) as pdf:
        page = pdf.pages[0]
        # Every bar starts at the scale's 1, right of the value names; the legend's don't.
        starts = Counter(round(r["x0"], 1) for r in page.rects)
        left = max((x for x in starts if x > MARGIN_X + 20), key=starts.__getitem__)
        bars = sorted((r for r in page.rects if round(r["x0"], 1) == left), key=lambda r: r["top"])
        pdf_bars = [
            ("hatched", _hex(r["stroking_color"]))
            if _hex(r["non_stroking_color"]) == "#ffffff"
            else ("solid", _hex(r["non_stroking_color"]))
            for r in bars
        ]
        top, bottom = bars[0]["top"] - 12, bars[-1]["bottom"] + 4
        rows: dict[int, list] = {}
        for c in page.chars:
            if "Bold" in c["fontname"] and top <= c["top"] <= bottom and c["x1"] < bars[0]["x0"]:
                rows.setdefault(round(c["top"]), []).append(c)
        pdf_names = [
            "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))
            for _top, chars in sorted(rows.items())
        ]
    assert pdf_bars == web_bars
    assert [n.replace(" ", "") for n in pdf_names] == [n.replace(" ", "") for n in web_names]
    assert web_bars[:2] == [("solid", "#0f5c5a"), ("hatched", "#a3461b")]  # this round first


def test_trend_legend_has_the_web_charts_colours_in_its_order(client, org, report_round):
    client.force_login(org.supervisor_a)
    html = client.get(f"/fi/assessments/rounds/{report_round.pk}/results/").content.decode()
    trend = ET.fromstring(re.findall(r"<svg.*?</svg>", html, flags=re.S)[1])  # noqa: S314
    web = [
        line.get("stroke")
        for line in trend.iter(f"{SVG}line")
        if line.get("x2") and float(line.get("x2")) - float(line.get("x1")) == 30
    ]
    with _open(unit_report_pdf(round=report_round, language="fi")) as pdf:
        page = next(p for p in pdf.pages if "Kierrosten mittaan" in p.extract_text())
        swatches = [
            line
            for line in page.lines
            if abs(line["x1"] - line["x0"] - 18) < 0.1 and abs(line["top"] - line["bottom"]) < 0.1
        ]
        ordered = sorted(swatches, key=lambda line: (round(line["top"]), line["x0"]))
        pdf_colours = [_hex(line["stroking_color"]) for line in ordered]
    assert pdf_colours == web
    assert len(web) == 5
