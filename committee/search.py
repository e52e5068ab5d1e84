"""One search over the record: sessions, documents, groups, consultations, chapters, people, FAQ.

On PostgreSQL it uses full-text search (stemmed words, ranked by weight: title above body), on a
vector each row keeps in a column of its own, and matches symbols and names as plain text too;
both through indexes (migration 0002, kept without a pending list by 0004), so its cost follows
the matches, not the size of the record. On SQLite a fallback finds records containing every word,
in any order, ranked by where they match. A query that is a UN symbol is handled by the view, which
goes straight to the document.

Each kind lists its best ``PER_KIND_LIMIT`` matches: a word found in hundreds of documents builds
ten results, not hundreds. The query of a kind reads one row more than it lists, to tell whether
there are others; the page then says so, and links to a page with them all (for documents, the
registry filtered by the same words). It does not count them: a count of every match (a window
over all the rows found, wide as they are) made the page a tenth slower for a common word in the
benchmark's large record, and every search a little slower.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Case, FloatField, Prefetch, Q, Value, When, prefetch_related_objects
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
    record_url,
)
from .prepared import fetch_together, record_maker

__all__ = ["MAX_QUERY_LENGTH", "MoreResults", "SearchResult", "SearchResults", "search_record"]

# The most results of one kind that a search lists, its best.
PER_KIND_LIMIT = 10


@dataclass(frozen=True)
class SearchResult:
    kind: str
    title: str
    url: str
    excerpt: str
    rank: float


@dataclass(frozen=True)
class MoreResults:
    """A kind with more matches than the search lists, and where to see them all."""

    text: str  # "Documents: more than 10 match; the best 10 are listed."
    link: str  # the words of a link to a page with them all, or "" when there is none
    url: str


class SearchResults(list):
    """The results listed, best first; ``more``, the kinds with more matches than they list."""

    limit = PER_KIND_LIMIT

    def __init__(self, results=(), more: tuple[MoreResults, ...] = ()):
        super().__init__(results)
        self.more = more


def _registry_matching(query: str) -> str:
    """The document registry filtered by the same words (its ``q``: every word, in any field)."""
    return f"{record_url('committee:document-list')}?{urlencode({'q': query})}"


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

# For a kind with more matches than the search lists: its name, and the words and address (from the
# query) of a page that lists them all, if there is one.
MORE = {
    Document: (
        _("Documents"),
        _("All documents matching “%(query)s” in the document registry"),
        _registry_matching,
    ),
    Session: (_("Sessions"), _("All sessions"), lambda query: record_url("committee:session-list")),
    Consultation: (_("Consultations"), _("All consultations"), lambda query: record_url("committee:consultation-list")),
    NegotiationGroup: (
        _("Negotiation groups"),
        _("All negotiation groups"),
        lambda query: record_url("committee:group-list"),
    ),
    Chapter: (_("Chapters"), _("All chapters"), lambda query: record_url("committee:chapter-list")),
    # No page lists every person: the Bureau lists its officers, a group page its facilitators.
    Person: (_("People"), "", None),
    FAQEntry: (_("Questions"), _("All questions"), lambda query: record_url("committee:faq")),
}


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


def _listed(model, label, excerpt_field, records, rank) -> tuple[list[SearchResult], bool]:
    """The results of the first ``PER_KIND_LIMIT`` records read, and whether more were read."""
    listed = records[:PER_KIND_LIMIT]
    prefetch_related_objects(listed, *_prefetches(model))
    label = str(label)
    results = [SearchResult(label, str(r), _url(r), _excerpt(r, excerpt_field), rank(r)) for r in listed]
    return results, len(records) > PER_KIND_LIMIT


@functools.cache
def _search_sql(
    model, title_fields: tuple[str, ...], shown: tuple[str, ...], words: int
) -> tuple[str, tuple, list[str]]:
    """One kind's search on PostgreSQL as SQL, the values of ``published()`` it takes, the columns' attributes.

    Made once per kind and number of words: composing the statement with the ORM took about 2 ms a
    kind on every request, several times what PostgreSQL takes to run it. It reads the primary
    key, the title fields and ``shown`` (what the result shows or links with), no more. Its
    parameters: the query, the values of ``published()``, the query again, a LIKE pattern per word
    and title field (every word in one of the title fields, as ``filters.words_query`` asks with
    ``icontains``), the limit.

    Both matches are served by indexes (migration 0002, kept without a pending list by 0004): the
    GIN index of the ``search_vector`` column, and trigram indexes on ``UPPER(field::text)``, the
    expression Django's ``icontains`` compares. Only the rows found are ranked, and only the best
    are kept as they are sorted (a top-N sort); equal ranks put the latest added first, so the same
    records make the limit every time. The statement's text is the same at every request, so with
    prepared statements (``DATABASE_PREPARED_STATEMENTS``) PostgreSQL soon runs it by a generic
    plan, made without the values: one that still uses the indexes, and parses the words once.
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    published = model.objects.published().query
    published_sql, published_params = published.get_compiler(connection=connection).compile(published.where)
    # In the model's order, as the records are made (committee.prepared.record_maker).
    read = {model._meta.pk.name, *title_fields, *shown}
    fields = [field for field in model._meta.concrete_fields if field.name in read]
    columns = ", ".join(f"{table}.{quote(field.column)}" for field in fields)
    vector = f"{table}.{quote('search_vector')}"
    # A subquery (an InitPlan): the words become a tsquery once per run, also in the generic plan
    # of a prepared statement, which would otherwise parse them again for every row it ranks.
    search_query = "(SELECT websearch_to_tsquery('english'::regconfig, %s))"
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
    return sql, tuple(published_params), [field.attname for field in fields]


def _postgres_search(query: str) -> list[tuple[list[SearchResult], bool]]:
    """The best ``PER_KIND_LIMIT`` matches of each kind, best first, and whether there are more.

    The queries of all kinds are sent together, in one round trip (``fetch_together``).
    """
    words = query.split()
    statements, columns = [], []
    for model, _label, title_fields, _other_fields, excerpt_field, shown_fields in TARGETS:
        shown = (*shown_fields, excerpt_field) if excerpt_field else shown_fields
        sql, published_params, attnames = _search_sql(model, title_fields, shown, len(words))
        # Symbols and names are not words: also match them as plain text.
        patterns = [f"%{connection.ops.prep_for_like_query(word)}%" for word in words for _field in title_fields]
        statements.append((sql, [query, *published_params, query, *patterns, PER_KIND_LIMIT + 1]))
        columns.append(attnames)
    found = []
    for (model, label, _title, _other, excerpt_field, _shown), attnames, rows in zip(
        TARGETS, columns, fetch_together(connection.alias, statements), strict=True
    ):
        records, make = [], record_maker(model, attnames, connection.alias)
        for *values, rank in rows:
            record = make(values)
            record.rank = rank
            records.append(record)
        found.append(_listed(model, label, excerpt_field, records, lambda record: float(record.rank) + 0.05))
    return found


def _any_contains(word: str, fields: tuple[str, ...]) -> Q:
    return functools.reduce(operator.or_, (Q(**{f"{field}__icontains": word}) for field in fields))


def _fallback_rank(words: list[str], title_fields: tuple[str, ...], other_fields: tuple[str, ...]):
    """Per word, 1 if it is in a title field, 0.4 if only in another field; their mean."""
    ranks = []
    for word in words:
        where = [When(_any_contains(word, title_fields), then=Value(1.0))]
        if other_fields:
            where.append(When(_any_contains(word, other_fields), then=Value(0.4)))
        ranks.append(Case(*where, default=Value(0.0), output_field=FloatField()))
    return functools.reduce(operator.add, ranks) / Value(float(len(words)))


def _fallback_results(model, label, title_fields, other_fields, excerpt_field, shown_fields, query: str):
    """As ``_postgres_results``, with every word as plain text: ranked in the database, so the best
    make the limit."""
    records = list(
        model.objects.published()
        .filter(words_query(query, title_fields + other_fields))
        .annotate(rank=_fallback_rank(query.split(), title_fields, other_fields))
        .order_by("-rank", "-pk")[: PER_KIND_LIMIT + 1]
    )
    return _listed(model, label, excerpt_field, records, lambda record: record.rank)


def _with_title_bonus(result: SearchResult, words: set[str]) -> SearchResult:
    """A title made of exactly the words searched for comes first (“sixth session”)."""
    if set(result.title.lower().split()) == words:
        return SearchResult(result.kind, result.title, result.url, result.excerpt, result.rank + 1)
    return result


def _more(model, query: str) -> MoreResults:
    kind, link, url = MORE[model]
    text = _("%(kind)s: more than %(limit)d match; the best %(limit)d are listed.") % {
        "kind": kind,
        "limit": PER_KIND_LIMIT,
    }
    return MoreResults(text, str(link) % {"query": query} if url else "", url(query) if url else "")


def search_record(query: str) -> SearchResults:
    """Published records matching the query, best first; one query per kind of record.

    At most ``PER_KIND_LIMIT`` of each kind, the best of their kind; ``more`` says which kinds have
    more matches, and where to see them.
    """
    query = query.strip()[:MAX_QUERY_LENGTH]
    if not query:
        return SearchResults()
    if connection.vendor == "postgresql":
        found = _postgres_search(query)
    else:
        found = [_fallback_results(*target, query) for target in TARGETS]
    results, more = [], []
    for target, (listed, cut_short) in zip(TARGETS, found, strict=True):
        results.extend(listed)
        if cut_short:
            more.append(_more(target[0], query))
    words = set(query.lower().split())
    results = [_with_title_bonus(result, words) for result in results]
    return SearchResults(sorted(results, key=lambda result: (-result.rank, result.title)), tuple(more))
