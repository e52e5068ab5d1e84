"""Filters of the public lists, shared by the pages and the feeds that follow them.

A value that does not fit (an unknown kind, a year that is not a number) is an error that names
the parameter; the views answer it with 400.
"""

from functools import cached_property

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Document, DocumentKind, Language, Session

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


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class DocumentFilter(django_filters.FilterSet):
    # An empty choice is no filter: it reads "All" (django-filter's empty_label), not "---------".
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=DocumentKind.choices, empty_label=_("All"))
    # Its choices, the published sessions, are read for each filterset (see __init__).
    session = django_filters.ChoiceFilter(label=_("Session"), field_name="sessions__slug", empty_label=_("All"))
    year = YearFilter(label=_("Year"), field_name="date__year", min_value=1945, max_value=2100)
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        field_name="versions__language",
        choices=Language.choices,
        distinct=True,
        empty_label=_("All"),
    )
    q = django_filters.CharFilter(label=_("Words or symbol"), method="filter_words", max_length=MAX_QUERY_LENGTH)

    class Meta:
        model = Document
        fields = ["kind", "session", "year", "language", "q"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A callable, so the sessions are read only when the form checks or shows them; through
        # published_sessions, once for both.
        self.filters["session"].extra["choices"] = lambda: self.published_sessions

    @cached_property
    def published_sessions(self) -> list[tuple[str, str]]:
        """The published sessions as (slug, title), in the order they met."""
        return list(Session.objects.published().order_by("start_date", "pk").values_list("slug", "title"))

    def filter_words(self, queryset, name, value):
        return queryset.filter(words_query(value, ("symbol", "title", "summary")))
