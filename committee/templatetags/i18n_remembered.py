"""Django's ``i18n`` tag library, with ``{% translate "a literal" %}`` remembered per language.

The site's templates ``{% load i18n_remembered %}`` where Django's would load ``i18n`` (giving
the ``i18n`` label to this module instead would make ``check --deploy`` warn, templates.W003).
Every tag and filter is Django's own. A ``translate`` of a literal string, without ``noop``,
``context``, ``as`` or filters, gives the same output for the same language whatever the context: a
literal is safe text, and so is its translation, which is never escaped. Django still makes a lazy
translation of it, looks it up in the catalog and checks it for escaping at every rendering, some
7 µs a tag, and a page's header, footer and labels have dozens. Here each such tag keeps its output
for each language it was rendered in (six at most) and gives it back.
"""

from django import template
from django.templatetags import i18n
from django.utils.translation import get_language

register = template.Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)


class RememberedTranslateNode(template.Node):
    child_nodelists = ()

    def __init__(self, node: i18n.TranslateNode):
        self.node = node
        self.outputs: dict[tuple, str] = {}

    def render(self, context):
        key = (get_language(), context.autoescape)
        output = self.outputs.get(key)
        if output is None:
            output = self.outputs[key] = self.node.render(context)
        return output


def is_literal(node) -> bool:
    expression = node.filter_expression
    return (
        not node.noop
        and node.asvar is None
        and node.message_context is None
        and not expression.filters
        and isinstance(expression.var, template.Variable)
        and isinstance(expression.var.literal, str)
    )


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token):
    node = i18n.do_translate(parser, token)
    return RememberedTranslateNode(node) if is_literal(node) else node
