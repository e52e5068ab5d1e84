"""``{% load i18n_remembered %}`` gives Django's i18n tags, with a translated literal remembered per language."""

import re

import pytest
from django.conf import settings
from django.template import Context, Engine
from django.templatetags.i18n import TranslateNode
from django.utils import translation

from committee.templatetags.i18n_remembered import RememberedTranslateNode

TEMPLATES = [
    '{% translate "Search" %}',
    "{% translate 'Documents' %} · {% trans \"Sessions\" %}",
    '{% translate "Search" as word %}[{{ word }}]',
    '{% translate "May" context "month name" %}',
    '{% translate "Search" noop %}',
    '{% translate "Search"|upper %}',
    '{% translate "<b>Bold</b> & 100%% sure" %}',
    "{% translate title %}",
    '{% autoescape off %}{% translate "Search" %}{% endautoescape %}',
    "{% blocktranslate %}Search{% endblocktranslate %}",
]


def engines():
    ours = Engine(libraries={"i18n": "committee.templatetags.i18n_remembered"})  # the same sources
    django = Engine(libraries={"i18n": "django.templatetags.i18n"})  # Django's own
    return ours, django


@pytest.mark.parametrize("source", TEMPLATES)
@pytest.mark.parametrize("language", ["en", "fr", "ar", "zh-hans"])
def test_the_same_output_as_django_s_tags(source, language):
    ours, django = engines()
    template = ours.from_string("{% load i18n %}" + source)
    context = {"title": "Search <now>"}

    with translation.override(language):
        expected = django.from_string("{% load i18n %}" + source).render(Context(context))
        first, again = template.render(Context(context)), template.render(Context(context))

    assert first == again == expected


def test_each_language_gets_its_own_translation():
    template = engines()[0].from_string('{% load i18n %}{% translate "Search" %}')

    outputs = []
    for language in ("en", "fr", "en", "es"):
        with translation.override(language):
            outputs.append(template.render(Context()))

    assert outputs == ["Search", "Rechercher", "Search", "Buscar"]


def test_only_a_plain_literal_is_remembered():
    template = engines()[0].from_string(
        '{% load i18n %}{% translate "Search" %}{% translate "Search" as word %}{% translate title %}'
        '{% translate "Search"|upper %}{% translate "Search" noop %}{% translate "May" context "month name" %}'
    )

    kinds = [type(node) for node in template.nodelist if not isinstance(node, type(template.nodelist[0]))]

    assert kinds == [RememberedTranslateNode] + [TranslateNode] * 5


def test_the_site_s_templates_load_it_and_not_django_s():
    from django.template import engines as configured

    template = configured["django"].from_string('{% load i18n_remembered %}{% translate "Search" %}')
    sources = "".join(path.read_text() for path in (settings.BASE_DIR / "templates").rglob("*.*"))

    assert isinstance(template.template.nodelist[-1], RememberedTranslateNode)
    assert "i18n_remembered" in sources
    assert not re.search(r"{% load [^%]*\bi18n\b", sources)
