"""One search over the record: documents, sessions, consultations, groups, chapters, people, FAQ,
milestones; and the Convention's articles and its signatories by name.

On PostgreSQL it uses full-text search (stemmed words, ranked by weight: title above body), on a
vector each row keeps in a column of its own, and matches symbols and names as plain text too;
both through indexes (migration 0002, kept without a pending list by 0004), so its cost follows
the matches, not the size of the record. On SQLite a fallback finds records containing every word,
in any order, ranked by where they match. A query that is a UN symbol is handled by the view, which
goes straight to the document.

Each kind lists its best ``PER_KIND_LIMIT`` matches: a word found in hundreds of documents builds
ten results, not hundreds. The query of a kind reads one row more than it lists, to tell whether
there are others; the page then says so, and links to a page with them all (for documents, the
registry filtered by the same words). It does not count them: a count of every match would read
every row found, where the limit lets PostgreSQL keep only the best as it sorts.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import connection
from django.db.models import Case, F, FloatField, Prefetch, Q, Value, When, prefetch_related_objects
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .convention import countries_named
from .filters import MAX_QUERY_LENGTH, words_query
from .models import (
    Article,
    BureauMembership,
    Chapter,
    Consultation,
    Document,
    Facilitation,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    Participant,
    Person,
    PublicationState,
    Session,
)
from .translation import TRANSLATED, active_language, fallback_language

# PostgreSQL's text search configuration for each language it stems. Chinese has none (its words
# are not separated by spaces): its texts are matched as plain text, a word anywhere in a field.
SEARCH_CONFIGS = {"ar": "arabic", "en": "english", "fr": "french", "ru": "russian", "es": "spanish"}

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
    # "en" where the title or the excerpt is the English text, for want of the page's language.
    title_lang: str = ""
    excerpt_lang: str = ""


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
    return f"{reverse('committee:document-list')}?{urlencode({'q': query})}"


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
    # Migration 0009: the resolutions, postponements, adoption and signing of the timeline.
    (Milestone, _("Milestone"), ("title",), ("description", "city"), "description", ("slug",)),
)

# For a kind with more matches than the search lists: its name, and the words and address (from the
# query) of a page that lists them all, if there is one.
MORE = {
    Document: (
        _("Documents"),
        _("All documents matching “%(query)s” in the document registry"),
        _registry_matching,
    ),
    Session: (_("Sessions"), _("All sessions"), lambda query: reverse("committee:session-list")),
    Consultation: (_("Consultations"), _("All consultations"), lambda query: reverse("committee:consultation-list")),
    NegotiationGroup: (
        _("Negotiation groups"),
        _("All negotiation groups"),
        lambda query: reverse("committee:group-list"),
    ),
    Chapter: (_("Chapters"), _("All chapters"), lambda query: reverse("committee:chapter-list")),
    # No page lists every person: the Bureau lists its officers, a group page its facilitators.
    Person: (_("People"), "", None),
    FAQEntry: (_("Questions"), _("All questions"), lambda query: reverse("committee:faq")),
    Milestone: (_("Milestones"), _("The whole timeline"), lambda query: reverse("committee:timeline")),
    Article: (_("Articles"), _("The whole Convention"), lambda query: reverse("committee:convention")),
    Participant: (
        _("Signatories and parties"),
        _("The status table"),
        lambda query: reverse("committee:convention-status"),
    ),
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


def _fallback(record, field: str) -> str:
    return fallback_language(record, field) if field in TRANSLATED.get(type(record), ()) else ""


def _listed(model, label, title_fields, excerpt_field, records, rank) -> tuple[list[SearchResult], bool]:
    """The results of the first ``PER_KIND_LIMIT`` records read, and whether more were read."""
    listed = records[:PER_KIND_LIMIT]
    prefetch_related_objects(listed, *_prefetches(model))
    label = str(label)
    results = [
        SearchResult(
            label,
            str(r),
            _url(r),
            _excerpt(r, excerpt_field),
            rank(r),
            title_lang=_fallback(r, title_fields[-1]),
            excerpt_lang=_fallback(r, excerpt_field),
        )
        for r in listed
    ]
    return results, len(records) > PER_KIND_LIMIT


def _columns(model, fields: tuple[str, ...], language: str) -> tuple[str, ...]:
    """The columns of ``fields`` in ``language``: a translated field's own (``title_fr``), any other
    field itself. Named explicitly: modeltranslation reads ``title`` as the active language's column."""
    translated = TRANSLATED.get(model, ())
    return tuple(build_localized_fieldname(field, language) if field in translated else field for field in fields)


def _own_columns(model, fields: tuple[str, ...], language: str) -> tuple[str, ...]:
    """The columns of the translated ``fields`` in ``language``, when it is not English."""
    if language == "en":
        return ()
    return tuple(
        column for column, field in zip(_columns(model, fields, language), fields, strict=True) if column != field
    )


def _read(model, fields: tuple[str, ...], language: str) -> tuple[str, ...]:
    """What a result reads of ``fields``: the language's columns and the English ones it falls back to."""
    return tuple(dict.fromkeys((*_columns(model, fields, "en"), *_columns(model, fields, language))))


def _stored_vector(model) -> RawSQL:
    """The ``search_vector`` column migration 0002 adds to the model's table on PostgreSQL (the
    models leave it out: SQLite, the history tables, fixtures, admin and API must not see it)."""
    column = f'"{model._meta.db_table}"."search_vector"'  # quoted as PostgreSQL quotes names
    return RawSQL(column, [], output_field=SearchVectorField())  # noqa: S611 - names from the model, no value


def _postgres_results(model, label, title_fields, other_fields, excerpt_field, shown_fields, query: str):
    """The best matches of one kind on PostgreSQL: the words in its stored vector (the English
    text), or every word in one of its title fields as plain text (symbols and names are not
    words); on a page in another language, also the words in that language's text, stemmed in its
    own configuration (Chinese: as plain text).

    The English matches are served by indexes (migrations 0002, 0012): the GIN index of the
    ``search_vector`` column, and trigram indexes on ``UPPER(field::text)``, the expression
    Django's ``icontains`` compares. The other languages' texts are few and short (titles,
    summaries), and are read without an index. Only the rows found are ranked; equal ranks put
    the latest added first, so the same records make the limit every time. It reads the primary
    key, the title fields and what a result shows or links with, no more.
    """
    language = active_language()
    english = SearchQuery(query, search_type="websearch", config="english")
    shown = _read(model, (*title_fields, *shown_fields, *((excerpt_field,) if excerpt_field else ())), language)
    records = model.objects.published().alias(vector=_stored_vector(model))
    found = Q(vector=english) | words_query(query, _columns(model, title_fields, "en"))
    rank = SearchRank(F("vector"), english)
    own_titles, own_others = _own_columns(model, title_fields, language), _own_columns(model, other_fields, language)
    config = SEARCH_CONFIGS.get(language)
    if (own_titles or own_others) and config:
        own = SearchQuery(query, search_type="websearch", config=config)
        vectors = [
            SearchVector(*columns, weight=weight, config=config)
            for columns, weight in ((own_titles, "A"), (own_others, "B"))
            if columns
        ]
        records = records.alias(own_vector=functools.reduce(operator.add, vectors))
        found |= Q(own_vector=own)
        rank = Greatest(rank, SearchRank(F("own_vector"), own))
    elif own_titles or own_others:
        found |= words_query(query, own_titles + own_others)
    records = list(
        records.filter(found).annotate(rank=rank).only(*shown).order_by("-rank", "-pk")[: PER_KIND_LIMIT + 1]
    )
    return _listed(model, label, title_fields, excerpt_field, records, lambda record: float(record.rank) + 0.05)


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
    """As ``_postgres_results``, with every word as plain text in any field, in the page's language
    or in English: ranked in the database, so the best make the limit."""
    language = active_language()
    titles, others = _read(model, title_fields, language), _read(model, other_fields, language)
    records = list(
        model.objects.published()
        .filter(words_query(query, titles + others))
        .annotate(rank=_fallback_rank(query.split(), titles, others))
        .order_by("-rank", "-pk")[: PER_KIND_LIMIT + 1]
    )
    return _listed(model, label, title_fields, excerpt_field, records, lambda record: record.rank)


# "65", "article 65", "art. 65": the article of that number.
ARTICLE_NUMBER = re.compile(r"(?:art(?:icle|\.)?\s*)?(?P<number>\d{1,3})", re.IGNORECASE)


def _article_results(query: str):
    """The Convention's articles (68 short titles): every word in the title as plain text, on every
    database, or the article of the number asked for; in the order of the Convention."""
    number = ARTICLE_NUMBER.fullmatch(query)
    titles = _read(Article, ("title",), active_language())
    found = Q(number=int(number["number"])) if number else words_query(query, titles)
    records = list(
        Article.objects.published()
        .filter(found, chapter__publication_state=PublicationState.PUBLISHED)
        .order_by("number")[: PER_KIND_LIMIT + 1]
    )
    return _listed(Article, _("Article of the Convention"), ("title",), "", records, lambda record: 1.0)


def _participant_results(query: str):
    """The signatories and parties whose name (in English or the page's language) holds the query:
    the names are django-countries', not the database's, so it finds the codes first; no name
    matching, no query."""
    codes = countries_named(query) | countries_named(query, active_language())
    records = list(Participant.objects.published().filter(country__in=codes)[: PER_KIND_LIMIT + 1])
    return _listed(Participant, _("Status of the Convention"), ("country",), "", records, lambda record: 1.0)


def _with_title_bonus(result: SearchResult, words: set[str]) -> SearchResult:
    """A title made of exactly the words searched for comes first (“sixth session”)."""
    if set(result.title.lower().split()) == words:
        return dataclasses.replace(result, rank=result.rank + 1)
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
    results_of = _postgres_results if connection.vendor == "postgresql" else _fallback_results
    found = [(target[0], results_of(*target, query)) for target in TARGETS]
    found += [(Article, _article_results(query)), (Participant, _participant_results(query))]
    results, more = [], []
    for model, (listed, cut_short) in found:
        results.extend(listed)
        if cut_short:
            more.append(_more(model, query))
    words = set(query.lower().split())
    results = [_with_title_bonus(result, words) for result in results]
    return SearchResults(sorted(results, key=lambda result: (-result.rank, result.title)), tuple(more))
