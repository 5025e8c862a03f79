"""The results pages' pieces written in Python (assessments.templatetags.result_tags): escaped,
in the active language, and a kept badge never crosses languages."""

from decimal import Decimal

from django.utils import translation

from assessments.selectors.result_types import Change, StatementResult
from assessments.templatetags.result_tags import change_badge, distribution_row


def test_a_change_badge_is_written_in_the_language_active_when_it_is_asked_for():
    change = Change(Decimal("0.3"))
    with translation.override("fi"):
        finnish = change_badge(change)
    with translation.override("en"):
        english = change_badge(change)
    with translation.override("fi"):
        again = change_badge(change)
    assert "0,3" in finnish and "0.3" in english
    assert finnish != english and again == finnish
    assert "change--up" in english and "↑" in english


def test_a_distribution_row_escapes_its_text_and_writes_its_figures():
    row = StatementResult("<script>alert(1)</script>", 3.65, 8, 2, (1, 1, 2, 2, 2))
    with translation.override("fi"):
        html = distribution_row(row.text, row, 5)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<td class="num">3,7</td>' in html  # the mean, half up
    assert html.count('<td class="num">') == 8  # mean, five scores, can't say, answers
    assert 'style="width: 20.0%"' in html  # can't say: 2 of 10


def test_a_hidden_distribution_row_shows_no_figure_and_names_k():
    row = StatementResult.hidden_row("<b>Arvokkuus</b>")
    with translation.override("en"):
        html = distribution_row(row.text, row, 7)
    assert "&lt;b&gt;" in html and "7" in html and "stacked-bar" not in html
