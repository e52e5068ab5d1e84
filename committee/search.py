"""One search over the record: sessions, documents, groups, consultations, chapters, people, FAQ.

On PostgreSQL it uses full-text search (stemmed words, ranked by weight: title above body); on
SQLite a fallback finds records containing every word, in any order, ranked by where they match.
A query that is a UN symbol is handled by the view, which goes straight to the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Prefetch, Q
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


# model, label, title fields (weight A), other fields (weight B), excerpt field
TARGETS = (
    (Document, _("Document"), ("symbol", "title"), ("summary",), "summary"),
    (Session, _("Session"), ("title",), ("summary", "city", "room", "venue"), "summary"),
    (Consultation, _("Consultation"), ("title",), ("summary", "panels", "city", "room"), "summary"),
    (NegotiationGroup, _("Negotiation group"), ("name",), ("topics", "body"), "topics"),
    (Chapter, _("Chapter"), ("title",), ("description",), "description"),
    (Person, _("Person"), ("name",), (), ""),
    (FAQEntry, _("Question"), ("question",), ("answer",), "answer"),
)


def _url(record) -> str:
    """A person has no page: the Bureau lists its officers, a group page its facilitators."""
    if isinstance(record, Person):
        if record.public_memberships or not record.public_facilitations:
            return record.get_absolute_url()
        return record.public_facilitations[0].group.get_absolute_url()
    return record.get_absolute_url()


def _records(model):
    records = model.objects.published()
    if model is Person:
        records = records.prefetch_related(
            Prefetch("bureau_memberships", queryset=BureauMembership.objects.published(), to_attr="public_memberships"),
            Prefetch(
                "facilitations",
                queryset=Facilitation.objects.published(),
                to_attr="public_facilitations",
            ),
        )
    return records


def _excerpt(record, field: str) -> str:
    if not field:
        return ""
    return Truncator(strip_tags(getattr(record, field) or "")).words(30)


def _postgres_results(model, label, title_fields, other_fields, excerpt_field, query: str):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*title_fields, weight="A", config="english")
    if other_fields:
        vector += SearchVector(*other_fields, weight="B", config="english")
    search_query = SearchQuery(query, search_type="websearch", config="english")
    # Symbols and names are not words: also match them as plain text.
    plain = words_query(query, title_fields)
    records = (
        _records(model)
        .annotate(rank=SearchRank(vector, search_query))
        .filter(Q(rank__gt=0) | plain)
        .order_by("-rank")[:PER_KIND_LIMIT]
    )
    return [
        SearchResult(str(label), str(r), _url(r), _excerpt(r, excerpt_field), float(r.rank) + 0.05) for r in records
    ]


def _fallback_results(model, label, title_fields, other_fields, excerpt_field, query: str):
    words = [word.lower() for word in query.split()]
    records = _records(model).filter(words_query(query, title_fields + other_fields))[:PER_KIND_LIMIT]
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
