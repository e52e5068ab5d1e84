"""Filters of the public lists, shared by the pages and the feeds that follow them.

A value that does not fit (an unknown kind, a year that is not a number) is an error that names
the parameter; the views answer it with 400.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters.filters import QuerySetRequestMixin

from portal.pagecache import kept

from .html import escaped
from .models import Document, DocumentKind, Language, Session
from .remembered import Remembered

MAX_QUERY_LENGTH = 200


def words_query(value: str, fields: tuple[str, ...]) -> Q:
    """Every word must appear in one of the fields, in any order."""
    query = Q()
    for word in value.split():
        word_query = Q()
        for field in fields:
            word_query |= Q(**{f"{field}__icontains": word})
        query &= word_query
    return query


# --- Widgets rendered in Python ---------------------------------------------------------
# The registry shows its filter form on every page. Django renders a widget through templates,
# one per option, which cost more than the rest of the page and grew with the number of
# sessions; these widgets give the same HTML as Django's own templates, built in Python.


def attributes(attrs: dict) -> str:
    """As Django's ``attrs.html``: in order, ``True`` as a bare name, ``False`` left out."""
    return mark_safe(  # noqa: S308 - every part is escaped by format_html
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )


class PythonRendered:
    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        value = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
        return format_html(
            '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value, attributes(widget["attrs"])
        )


class NumberInput(PythonRendered, forms.NumberInput):
    pass


class TextInput(PythonRendered, forms.TextInput):
    pass


class Select(forms.Select):
    """A single-choice select without option groups, as Django's templates render one.

    With ``choices_key``, a function that names the choices offered (anything that changes them
    changes the name), its HTML is made once per process for each name, value, attributes and
    language: a page of the registry would otherwise walk and escape every option of its selects
    (sixty and more sessions on a long record) at each request. Without it, at each render.
    """

    # The HTML of the selects rendered lately (each is a few kilobytes), by what makes it.
    rendered = Remembered(512)

    def __init__(self, attrs=None, choices=(), choices_key=None):
        super().__init__(attrs, choices)
        self.choices_key = choices_key

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        chosen = chosen[0] if chosen else None
        attrs = self.build_attrs(self.attrs, attrs)
        if self.choices_key is None:
            return self.html(name, chosen, attrs)
        key = (name, chosen, tuple(attrs.items()), get_language(), self.choices_key())
        return self.rendered.get(key, lambda: self.html(name, chosen, attrs))

    def html(self, name: str, chosen: str | None, attrs: dict) -> str:
        options = []
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            selected = option_value == chosen
            if selected:
                chosen = None  # as Django: only the first option of the value is selected
            options.append(
                f'<option value="{escaped(option_value)}"{" selected" if selected else ""}>{escaped(label)}</option>'
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            attributes(attrs),
            mark_safe("".join(options)),  # noqa: S308 - every value and label is escaped above
        )


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


def published_sessions() -> list[tuple[str, str]]:
    """The published sessions as (slug, title), in the order they met: the registry's choices.

    Two columns of one query, kept until the record changes (portal.pagecache.VersionedValues): a
    model choice field would make a Session of each (sixty and more on a long record) for its title,
    at each request.
    """
    return kept.get(
        ("published_sessions",),
        lambda: tuple(Session.objects.published().order_by("start_date", "pk").values_list("slug", "title")),
    )


class FilterSet(django_filters.FilterSet):
    """A FilterSet whose form class is made once, not for each request.

    django-filter makes the form class at each use: a class through Django's form metaclass, and
    a field for each filter (the filters are the filterset's own copies). The fields follow from
    the filters' declarations alone, unless a filter reads the request (a ModelChoiceFilter's
    queryset may), so the class is made once per FilterSet class; each form still works on its own
    copy of the fields, as every Django form does. Choices given as a function are still read at
    each rendering.
    """

    def get_form_class(self):
        form_class = type(self).__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            if not any(isinstance(each, QuerySetRequestMixin) for each in self.filters.values()):
                type(self)._form_class = form_class
        return form_class


class DocumentFilter(FilterSet):
    # The kinds and languages are the same for every request (their labels follow the language,
    # which the select's key holds); the sessions are named by themselves, kept as a tuple.
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=DocumentKind.choices, widget=Select(choices_key=lambda: "kinds")
    )
    session = django_filters.ChoiceFilter(
        label=_("Session"),
        field_name="sessions__slug",
        choices=published_sessions,
        widget=Select(choices_key=published_sessions),
    )
    year = YearFilter(label=_("Year"), field_name="date__year", min_value=1945, max_value=2100, widget=NumberInput)
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        field_name="versions__language",
        choices=Language.choices,
        distinct=True,
        widget=Select(choices_key=lambda: "languages"),
    )
    q = django_filters.CharFilter(
        label=_("Words or symbol"), method="filter_words", max_length=MAX_QUERY_LENGTH, widget=TextInput
    )

    class Meta:
        model = Document
        fields = ["kind", "session", "year", "language", "q"]

    def filter_words(self, queryset, name, value):
        return queryset.filter(words_query(value, ("symbol", "title", "summary")))
