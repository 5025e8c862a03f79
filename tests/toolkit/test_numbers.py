"""The one rounding rule (toolkit.numbers): half up to one decimal, the change from the shown
figures, percents half up, and the active language's decimal separator."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import number_format

from toolkit import numbers


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (73 / 20, "3,7"),  # 3.65: Python's round() gives 3.6 (binary float, half to even)
        (3.64, "3,6"),
        (30 / 7, "4,3"),  # 4.2857…: number_format cuts it to 4,2 (or 4,28 with two decimals)
        (0.25, "0,3"),  # half to even would give 0,2
        (4.05, "4,1"),
        (5, "5,0"),
        (Decimal("2.45"), "2,5"),
        (None, "–"),
    ],
)
def test_means_round_half_up_to_one_decimal(value, shown):
    with translation.override("fi"):
        assert numbers.format_mean(value) == shown


@pytest.mark.parametrize(("language", "shown"), [("fi", "3,7"), ("sv", "3,7"), ("en", "3.7")])
def test_the_decimal_separator_follows_the_language(language, shown):
    with translation.override(language):
        assert numbers.format_mean(3.65) == shown
        assert numbers.format_full(30 / 7) == shown[1].join(["4", "285714285714286"])


def test_the_change_is_the_difference_of_the_shown_figures():
    # 3.65 and 3.6 show as 3,7 and 3,6: the change is 0,1 although the raw difference (0.0499…)
    # would round to nothing.
    assert numbers.change_between(73 / 20, 3.6) == Decimal("0.1")
    # 4.0 and 4.05 show as 4,0 and 4,1: down 0,1.
    assert numbers.change_between(4.0, 4.05) == Decimal("-0.1")
    # 3.64 and 3.56 both show as 3,6: no change, whatever the raw difference.
    assert numbers.change_between(3.64, 3.56) == Decimal("0.0")
    assert numbers.change_between(None, 3.6) is None
    with translation.override("en"):
        assert numbers.format_change(numbers.change_between(73 / 20, 3.6)) == "up 0.1"
        assert numbers.format_change(Decimal("-0.1")) == "down 0.1"
        assert numbers.format_change(Decimal("0.0")) == "no change"
    with translation.override("fi"):
        assert numbers.format_change(Decimal("-0.1")) == "laskua 0,1"


def test_percents_round_half_up_to_whole_numbers():
    assert numbers.percent_of(1, 8) == 13  # 12.5: round() would give 12
    assert numbers.percent_of(5, 8) == 63  # 62.5: round() would give 62
    assert numbers.percent_of(11, 14) == 79
    assert numbers.percent_of(3, 0) is None
    with translation.override("fi"):
        assert numbers.format_percent(numbers.percent_of(11, 14)) == "79 %"
        assert numbers.format_count(12) == "12"


def test_template_filters_use_the_same_rule():
    template = Template(
        "{% load figures %}{{ m|mean }} {{ n|mean }} {{ c|change_size }} {{ p|percent }}"
    )
    with translation.override("sv"):
        text = template.render(Context({"m": 73 / 20, "n": None, "c": Decimal("-0.1"), "p": 79}))
    assert text == "3,7 – 0,1 79 %"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_figures_are_written_as_number_format_writes_them(language, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    figures = [Decimal(n).scaleb(-1) for n in range(-10_050, 10_050, 7)]
    figures += [Decimal("-0.0"), Decimal("0.0"), Decimal("999.9"), Decimal("-999.9")]
    with translation.override(language):
        for figure in figures:
            assert numbers._written(figure, 1) == number_format(figure, 1), figure
            whole = numbers.rounded(figure, 0)
            assert numbers._written(whole, 0) == number_format(whole, 0), whole
