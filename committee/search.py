"""One search over the record: sessions, documents, groups, consultations, chapters, people, FAQ.

On PostgreSQL it uses full-text search (stemmed words, ranked by weight: title above body), on a
vector each row keeps in a column of its own, and matches symbols and names as plain text too;
both through indexes (migration 0002), so its cost follows the matches, not the size of the
record. On SQLite a fallback finds records containing every word, in any order, ranked by where
they match. A query that is a UN symbol is handled by the view, which goes straight to the document.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db import connection
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .filters import MAX_QUERY_LENGTH, words_query
from .models import (
    BureauMembership,
    Chapter,
    Consultation,
    Document,
    Facilitation,
    FAQEntry,
    NegotiationGroup,
    Person,
    Session,
)

__all__ = ["MAX_QUERY_LENGTH", "SearchResult", "search_record"]

PER_KIND_LIMIT = 50


@dataclass(frozen=True)
class SearchResult:
    kind: str
    title: str
    url: str
    excerpt: str
    rank: float


# model, label, title fields (weight A), other fields (weight B), excerpt field, the other fields a
# result shows or links with (its __str__ and get_absolute_url)
TARGETS = (
    (Document, _("Document"), ("symbol", "title"), ("summary",), "summary", ("slug",)),
    (Session, _("Session"), ("title",), ("summary", "city", "room", "venue"), "summary", ("slug",)),
    (Consultation, _("Consultation"), ("title",), ("summary", "panels", "city", "room"), "summary", ("slug",)),
    (NegotiationGroup, _("Negotiation group"), ("name",), ("topics", "body"), "topics", ("slug",)),
    (Chapter, _("Chapter"), ("title",), ("description",), "description", ("slug",)),
    (Person, _("Person"), ("name",), (), "", ("slug", "honorific")),
    (FAQEntry, _("Question"), ("question",), ("answer",), "answer", ("slug",)),
)


def _url(record) -> str:
    """A person has no page: the Bureau lists its officers, a group page its facilitators."""
    if isinstance(record, Person):
        if record.public_memberships or not record.public_facilitations:
            return record.get_absolute_url()
        return record.public_facilitations[0].group.get_absolute_url()
    return record.get_absolute_url()


def _prefetches(model) -> list[Prefetch]:
    """What a result needs besides its own row: a person's public roles, for its link."""
    if model is not Person:
        return []
    return [
        Prefetch("bureau_memberships", queryset=BureauMembership.objects.published(), to_attr="public_memberships"),
        Prefetch("facilitations", queryset=Facilitation.objects.published(), to_attr="public_facilitations"),
    ]


def _excerpt(record, field: str) -> str:
    if not field:
        return ""
    return Truncator(strip_tags(getattr(record, field) or "")).words(30)


@functools.cache
def _search_sql(model, title_fields: tuple[str, ...], shown: tuple[str, ...], words: int) -> tuple[str, tuple]:
    """One kind's search on PostgreSQL as SQL, and the values of ``published()`` it takes.

    Made once per kind and number of words: composing the statement with the ORM took about 2 ms a
    kind on every request, several times what PostgreSQL takes to run it. It reads the primary
    key, the title fields and ``shown`` (what the result shows or links with), no more. Its
    parameters: the query, the values of ``published()``, the query again, a LIKE pattern per word
    and title field (every word in one of the title fields, as ``filters.words_query`` asks with
    ``icontains``), the limit.

    Both matches are served by indexes (migration 0002): the GIN index of the ``search_vector``
    column, and trigram indexes on ``UPPER(field::text)``, the expression Django's ``icontains``
    compares. Only the rows found are ranked; equal ranks put the latest added first, so the same
    records make the limit every time.
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    published = model.objects.published().query
    published_sql, published_params = published.get_compiler(connection=connection).compile(published.where)
    fields = [model._meta.pk, *(model._meta.get_field(name) for name in dict.fromkeys((*title_fields, *shown)))]
    columns = ", ".join(f"{table}.{quote(field.column)}" for field in fields)
    vector = f"{table}.{quote('search_vector')}"
    search_query = "websearch_to_tsquery('english'::regconfig, %s)"
    one_word = " OR ".join(
        f"UPPER({table}.{quote(model._meta.get_field(field).column)}::text) LIKE UPPER(%s)" for field in title_fields
    )
    every_word = " AND ".join([f"({one_word})"] * words)
    # Identifiers come from the models and values go as parameters: nothing from the visitor is in the text.
    sql = (
        f"SELECT {columns}, ts_rank({vector}, {search_query}) AS rank FROM {table} "  # noqa: S608
        f"WHERE {published_sql} AND ({vector} @@ {search_query} OR ({every_word})) "
        f"ORDER BY rank DESC, {table}.{quote(model._meta.pk.column)} DESC LIMIT %s"
    )
    return sql, tuple(published_params)


def _postgres_results(model, label, title_fields, other_fields, excerpt_field, shown_fields, query: str):
    words = query.split()
    shown = (*shown_fields, excerpt_field) if excerpt_field else shown_fields
    sql, published_params = _search_sql(model, title_fields, shown, len(words))
    # Symbols and names are not words: also match them as plain text.
    patterns = [f"%{connection.ops.prep_for_like_query(word)}%" for word in words for _field in title_fields]
    records = list(model.objects.raw(sql, [query, *published_params, query, *patterns, PER_KIND_LIMIT]))
    prefetch_related_objects(records, *_prefetches(model))
    label = str(label)
    return [SearchResult(label, str(r), _url(r), _excerpt(r, excerpt_field), float(r.rank) + 0.05) for r in records]


def _fallback_results(model, label, title_fields, other_fields, excerpt_field, shown_fields, query: str):
    words = [word.lower() for word in query.split()]
    records = (
        model.objects.published()
        .filter(words_query(query, title_fields + other_fields))
        .prefetch_related(*_prefetches(model))[:PER_KIND_LIMIT]
    )
    results = []
    for record in records:
        title_text = " ".join(str(getattr(record, f) or "") for f in title_fields).lower()
        other_text = " ".join(str(getattr(record, f) or "") for f in other_fields).lower()
        rank = sum(1.0 if word in title_text else 0.4 if word in other_text else 0 for word in words) / len(words)
        results.append(SearchResult(str(label), str(record), _url(record), _excerpt(record, excerpt_field), rank))
    return results


def _with_title_bonus(result: SearchResult, words: set[str]) -> SearchResult:
    """A title made of exactly the words searched for comes first (“sixth session”)."""
    if set(result.title.lower().split()) == words:
        return SearchResult(result.kind, result.title, result.url, result.excerpt, result.rank + 1)
    return result


def search_record(query: str) -> list[SearchResult]:
    """Published records matching the query, best first; one query per kind of record."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    if not query:
        return []
    find = _postgres_results if connection.vendor == "postgresql" else _fallback_results
    results = []
    for target in TARGETS:
        results.extend(find(*target, query))
    words = set(query.lower().split())
    results = [_with_title_bonus(result, words) for result in results]
    return sorted(results, key=lambda result: (-result.rank, result.title))
