"""Filters of the public lists, shared by the pages and the feeds that follow them.

A value that does not fit (an unknown kind, a year that is not a number) is an error that names
the parameter; the views answer it with 400.
"""

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
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=DocumentKind.choices)
    session = django_filters.ModelChoiceFilter(
        label=_("Session"),
        field_name="sessions",
        to_field_name="slug",
        queryset=Session.objects.published(),
    )
    year = YearFilter(label=_("Year"), field_name="date__year", min_value=1945, max_value=2100)
    language = django_filters.ChoiceFilter(
        label=_("Language"), field_name="versions__language", choices=Language.choices, distinct=True
    )
    q = django_filters.CharFilter(label=_("Words or symbol"), method="filter_words", max_length=MAX_QUERY_LENGTH)

    class Meta:
        model = Document
        fields = ["kind", "session", "year", "language", "q"]

    def filter_words(self, queryset, name, value):
        return queryset.filter(words_query(value, ("symbol", "title", "summary")))
