"""Template filters that write figures by the one rule of toolkit.numbers (half up, the active
language's decimal separator): ``{% load figures %}{{ value.mean|mean }}``."""

from django import template

from toolkit import numbers

register = template.Library()


@register.filter
def mean(value):
    """A mean with one decimal ("3,7"), or "–" when there is none."""
    return numbers.format_mean(value)


@register.filter
def change_size(change):
    """The size of a Change (or an amount) without its sign, one decimal: "0,1"."""
    return numbers.format_change_size(getattr(change, "amount", change))


@register.filter
def percent(value):
    """A whole percent with its sign: "79 %", or "–"."""
    return numbers.format_percent(value)


@register.filter
def count(value):
    """A count of people or answers in the active language."""
    return numbers.format_count(value)


@register.filter
def points(value):
    """A whole-point score that may be negative (NPS): "33", "−12", as in the PDF and CSV."""
    return numbers.format_points(value)


@register.filter
def difference(value, places: int = 1):
    """A signed difference: "+0,6", "−0,7", "0,0" (`|difference:0` for a whole number)."""
    return numbers.format_difference(value, int(places))
