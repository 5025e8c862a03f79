"""Pieces of the results pages written in Python, not as included templates or inner loops:
the overview writes a hundred rows of a dozen cells a page (1,000 cells), where an include costs
~50 µs and a loop of template nodes ~30 µs a cell."""

from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from toolkit import numbers

register = template.Library()

ARROWS = {"up": "↑", "down": "↓", "same": "→"}


@register.simple_tag
def change_badge(change) -> str:
    """A value's change since the previous round: an arrow and "up 0,3", "down 0,3", "no change",
    or "no comparison" where there is no change to give."""
    if change is None:
        return format_html('<span class="muted">{}</span>', _("no comparison"))
    return _badge(get_language(), change.direction, change.amount)


@lru_cache(maxsize=1024)
def _badge(language: str, direction: str, amount) -> SafeString:
    """A change badge, kept per language: a page has a hundred changes of some twenty sizes."""
    if direction == "same":
        words = _("no change")
    else:
        size = numbers.format_change_size(amount)
        words = (_("up %(amount)s") if direction == "up" else _("down %(amount)s")) % {
            "amount": size
        }
    return format_html(
        '<span class="change change--{}"><span aria-hidden="true">{}</span> {}</span>',
        direction,
        ARROWS[direction],
        words,
    )


@register.simple_tag
def overview_figure(figure) -> str:
    """A figure another app adds to an overview cell (assessments.report_parts.OverviewFigure)."""
    html = format_html(
        '<span class="overview-figure{}">{} {}</span>',
        " muted" if figure.hidden else "",
        figure.label,
        figure.text,
    )
    if figure.detail:
        html += format_html('<br><span class="muted">{}</span>', figure.detail)
    return html


@register.simple_tag
def heat_cells(row) -> str:
    """A unit's value means in the heatmap, each coloured by its step (ValueCell.step)."""
    return format_html_join(
        "",
        '<span class="heat heat--{}">{}</span>',
        (
            ("none" if cell.step is None else cell.step, numbers.format_mean(cell.mean))
            for cell in row.cells
        ),
    )


@register.simple_tag
def value_cells(added) -> str:
    """A unit's value cells in the overview table (selectors.overview.AddedRow): the mean and
    its change (a dash where the round's means are hidden), then the figures other apps add."""
    suppressed = added.row.suppressed
    html = []
    for cell, figures in added.cells:
        if suppressed:
            parts = ['<span class="muted">–</span>']
        else:
            parts = [
                format_html("{}<br>", numbers.format_mean(cell.mean)),
                change_badge(cell.change),
            ]
        parts += ["<br>" + overview_figure(figure) for figure in figures]
        html.append('<td class="num">' + "".join(parts) + "</td>")
    return mark_safe("".join(html))  # noqa: S308 (every part is escaped above)


@register.simple_tag
def distribution_row(text: str, row, k: int) -> str:
    """A table row of a statement's (or value's) mean and how many chose each answer, with a
    stacked bar under its text; one wide cell saying why where the row is hidden (k)."""
    if not row or row.hidden:
        why = _("Hidden: fewer than %(k)s people gave a score, so no figure is shown.") % {"k": k}
        return format_html(
            '<tr class="results-hidden-row"><th scope="row">{}</th>'
            '<td colspan="8" class="muted">{}</td></tr>',
            text,
            why,
        )
    bar = format_html_join(
        "",
        '<span class="stacked-bar__part stacked-bar__part--{}" style="width: {}%"></span>',
        ((score, f"{percent:.1f}") for score, _count, percent in row.shares),
    )
    cant_say = f"{row.cant_say_percent:.1f}"
    counts = format_html_join(
        "", '<td class="num">{}</td>', ((numbers.format_count(n),) for _s, n, _p in row.shares)
    )
    return format_html(
        '<tr><th scope="row">{} <span class="stacked-bar" aria-hidden="true">{}<span'
        ' class="stacked-bar__part stacked-bar__part--cant" style="width: {}%"></span></span>'
        '</th><td class="num">{}</td>{}<td class="num">{}</td><td class="num">{}</td></tr>',
        text,
        bar,
        cant_say,
        numbers.format_mean(row.mean),
        counts,
        numbers.format_count(row.cant_say),
        numbers.format_count(row.answers),
    )


def _hidden(threshold: int) -> str:
    return _("hidden: fewer than %(k)s answered") % {"k": threshold}


@register.simple_tag
def heatmap_row(row, threshold: int) -> str:
    """A unit's name and its five coloured means in the heatmap, or one wide cell saying why
    there are none."""
    name = format_html('<span class="heatmap-grid__unit">{}</span>', row.unit.name)
    if row.round_pk is None:
        why = _("no closed round")
    elif row.suppressed:
        why = _hidden(threshold)
    else:
        return name + heat_cells(row)
    return name + format_html('<span class="heat heat--none heatmap-grid__wide">{}</span>', why)


@register.simple_tag
def overview_table_row(added, linked_unit_ids: set[int], threshold: int, value_count: int) -> str:
    """A unit's row in the overview table (selectors.overview.AddedRow): the unit, its latest
    round and response rate, the value cells, the added columns and the unit's actions. The
    unit and its round are links for a viewer who may open them (linked_unit_ids)."""
    row = added.row
    linked = row.unit.pk in linked_unit_ids
    if linked:
        unit = format_html(
            '<a href="{}">{}</a>',
            reverse("toolkit:unit_detail", args=[row.unit.code]),
            row.unit.name,
        )
    else:
        unit = row.unit.name
    html = [format_html('<th scope="row">{}</th>', unit)]
    if row.round_pk is None:
        html.append(
            format_html(
                '<td colspan="{}" class="muted">{}</td>', value_count + 2, _("no closed round")
            )
        )
    else:
        html += _round_cells(added, linked, threshold, value_count)
    html += [
        format_html('<td class="num">{}</td>', overview_figure(f) if f else numbers.MISSING)
        for f in added.column_figures
    ]
    html.append(
        format_html(
            '<td class="num">{}</td><td class="num">{}</td>',
            numbers.format_count(row.actions.open),
            numbers.format_count(row.actions.overdue),
        )
    )
    return format_html("<tr>{}</tr>", mark_safe("".join(html)))  # noqa: S308 (escaped above)


def _round_cells(added, linked: bool, threshold: int, value_count: int) -> list[str]:
    row = added.row
    if linked:
        title = format_html(
            '<a href="{}">{}</a>',
            reverse("assessments:results", args=[row.round_pk]),
            row.round_title,
        )
    else:
        title = row.round_title
    hidden = _hidden(threshold)
    shows_hidden = row.suppressed and added.has_value_figures
    cells = [
        format_html(
            '<td>{}<br><span class="muted">{}</span>{}</td>',
            title,
            date_format(row.closes_on, "SHORT_DATE_FORMAT"),
            format_html('<br><span class="muted">{}</span>', hidden) if shows_hidden else "",
        )
    ]
    if row.response_rate is None:
        cells.append(format_html('<td class="num">{}</td>', numbers.MISSING))
    else:
        answered = _("%(answered)s of %(invited)s") % {
            "answered": numbers.format_count(row.response_count),
            "invited": numbers.format_count(row.invited_count),
        }
        cells.append(
            format_html(
                '<td class="num">{}<br><span class="muted">{}</span></td>',
                numbers.format_percent(row.response_rate),
                answered,
            )
        )
    if row.suppressed and not added.has_value_figures:
        cells.append(format_html('<td colspan="{}" class="muted">{}</td>', value_count, hidden))
    else:
        cells.append(value_cells(added))
    return cells
