"""The list table every page draws the same way: a scrollable table with its caption, or a
short "nothing yet" paragraph when there are no rows. The page writes only its head and rows:

    {% load tables %}
    {% data_table actions caption=_("Actions, open ones first") caption_id="actions-caption"
                  empty=_("No improvement actions yet.") %}
      <thead>…</thead><tbody>…</tbody>
    {% enddata_table %}

Options: `caption_id` makes the wrapper a labelled, keyboard-scrollable region; `caption_hidden`
keeps the caption for screen readers only; `extra_class` is added to the wrapper and the empty
paragraph; without `empty` nothing is drawn when there are no rows. The markup is in
toolkit/partials/data_table.html."""

from django import template
from django.template.base import token_kwargs

register = template.Library()

OPTIONS = {"caption", "caption_id", "caption_hidden", "empty", "extra_class"}


class DataTableNode(template.Node):
    def __init__(self, rows, options, nodelist):
        self.rows = rows
        self.options = options
        self.nodelist = nodelist

    def render(self, context):
        # Every option is set (None when not given): the page's own variables never leak in.
        options = dict.fromkeys(OPTIONS) | {
            name: value.resolve(context) for name, value in self.options.items()
        }
        has_rows = bool(self.rows.resolve(context))
        body = self.nodelist.render(context) if has_rows else ""
        partial = context.template.engine.get_template("toolkit/partials/data_table.html")
        with context.push(has_rows=has_rows, body=body, **options):
            return partial.render(context)


@register.tag
def data_table(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("data_table needs the rows: {% data_table rows … %}")
    rows = parser.compile_filter(bits[1])
    options = token_kwargs(bits[2:], parser)
    if len(options) != len(bits) - 2 or not options.keys() <= OPTIONS:
        raise template.TemplateSyntaxError(f"data_table takes name=value options of {OPTIONS}")
    nodelist = parser.parse(("enddata_table",))
    parser.delete_first_token()
    return DataTableNode(rows, options, nodelist)
