"""The data_table tag: one markup for list tables, or the page's "nothing yet" paragraph."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

TABLE = (
    "{% load tables %}{% data_table rows caption=_('Test rounds, a caption') caption_id='c' empty=_('No test rounds.')"
    " extra_class='after-grid' %}<tbody>{% for r in rows %}<tr><td>{{ r }}</td></tr>{% endfor %}"
    "</tbody>{% enddata_table %}"
)


def test_rows_are_drawn_in_a_labelled_scrollable_region():
    html = Template(TABLE).render(Context({"rows": ["<b>"]}))
    assert 'class="table-wrap after-grid" role="region" aria-labelledby="c" tabindex="0"' in html
    assert '<caption id="c">Test rounds, a caption</caption>' in html
    assert "<td>&lt;b&gt;</td>" in html
    assert "No test rounds." not in html


def test_without_rows_only_the_empty_paragraph_is_drawn():
    html = Template(TABLE).render(Context({"rows": []}))
    assert html.strip() == '<p class="empty after-grid">No test rounds.</p>'


def test_the_pages_own_variables_do_not_leak_into_the_table():
    template = Template(
        "{% load tables %}{% data_table rows caption_hidden=True %}{% enddata_table %}"
    )
    html = template.render(Context({"rows": [1], "caption": "LEAK", "caption_id": "leak"}))
    assert "LEAK" not in html and "leak" not in html
    assert '<caption class="visually-hidden">' in html


def test_an_unknown_option_is_a_template_error():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load tables %}{% data_table rows colour='red' %}{% enddata_table %}")
