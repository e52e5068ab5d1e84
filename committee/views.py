"""Public pages. Drafts are 404 to visitors; staff who can view the record preview them.

Each view states its queries: related records come through ``select_related`` or a named
``Prefetch`` of published records only, so a page runs a fixed number of queries and never shows
a draft through a relation. A forward relation (a session's mandate, an item's basis document) is
checked with ``is_published`` in the template, through the ``document_link`` tag (templatetags/record.py).
"""

import datetime
import functools
from collections import defaultdict
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from portal.pagecache import VersionedPaginator

from .filters import DocumentFilter
from .models import (
    LANGUAGE_ORDER,
    BureauMembership,
    Chapter,
    Consultation,
    Document,
    DocumentKind,
    DocumentVersion,
    Facilitation,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    PublicationState,
    Reading,
    ReadingItem,
    RegionalGroup,
    Session,
    SessionDocument,
    Source,
    Stakeholder,
    in_un_order,
    record_url,
)
from .prepared import PreparedList, PreparedQuery, PreparedRows, fetch_together, run_together
from .search import MAX_QUERY_LENGTH, search_record
from .symbols import normalize_symbol
from .timeline import timeline_events, timeline_picture

PUBLISHED = PublicationState.PUBLISHED
# What a link to a document shows (symbol, title, certainty) and a row of the registry adds.
DOCUMENT_LINK_FIELDS = ("publication_state", "certainty", "slug", "symbol", "title")
DOCUMENT_ROW_FIELDS = (*DOCUMENT_LINK_FIELDS, "kind", "date")
# What a meeting shows where it is listed: its title, dates and city, linked.
MEETING_CARD_FIELDS = ("slug", "title", "start_date", "end_date", "city")
LINK_UNSHOWN = ("summary", "certainty_note", "created_at", "updated_at")


def unshown(relation: str) -> tuple[str, ...]:
    """For ``defer``: the columns of a document joined by ``select_related`` that its link leaves out."""
    return tuple(f"{relation}__{field}" for field in LINK_UNSHOWN)


def can_preview(request, model) -> bool:
    """Staff who may view the record in the admin may also see its drafts on the site."""
    user = request.user
    return user.is_active and user.is_staff and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def bad_request(request, problems: dict[str, list[str]]):
    """A 400 page that names each parameter that was wrong, and why."""
    return render(request, "400.html", {"problems": problems}, status=400)


def group_documents_by_kind(documents) -> list[tuple[str, list[Document]]]:
    groups = defaultdict(list)
    for document in documents:
        groups[document.kind].append(document)
    labels = dict(DocumentKind.choices)
    return [(labels[kind], groups[kind]) for kind in DocumentKind.values if kind in groups]


# --- Detail pages ----------------------------------------------------------------------


# A record's sources, as its page lists them (includes/provenance.html).
SOURCES = Prefetch("sources", to_attr="source_list")


class RecordDetailView(DetailView):
    """A published record by slug; a draft only for staff, who see it marked as a draft."""

    related = ()
    prefetch = ()

    def get_queryset(self):
        queryset = self.model.objects.select_related(*self.related).prefetch_related(SOURCES, *self.prefetch)
        if can_preview(self.request, self.model):
            return queryset
        return queryset.published()


def by_address(model, field: str, *related: str, defer=()) -> dict[bool, PreparedQuery]:
    """The record whose ``field`` has a value, prepared: published, or any (for staff who preview)."""

    def build(value, preview):
        queryset = model.objects.all() if preview else model.objects.published()
        return queryset.select_related(*related).defer(*defer).filter(**{field: value})[:1]

    return {preview: PreparedQuery(functools.partial(build, preview=preview), value=str) for preview in (False, True)}


class Related:
    """The records a page lists beside its record: ``queryset()`` whose ``via`` is the record.

    ``via`` is the lookup from a listed record to the page's record (``sessions``, ``document``).
    The list is prepared once for each field the page's record is found by (its slug, a document's
    symbol): it is filtered on the record's address, not on its id, so that it can be sent with the
    record's own query, in the same round trip.
    """

    def __init__(self, via: str, queryset: Callable[[], QuerySet]):
        self.via, self.queryset = via, queryset
        self._prepared: dict[str, PreparedQuery] = {}

    def by(self, field: str) -> PreparedQuery:
        """The list for the record whose ``field`` is the ``value`` placeholder."""
        prepared = self._prepared.get(field)
        if prepared is None:
            lookup = f"{self.via}__{field}"
            prepared = self._prepared[field] = PreparedQuery(
                lambda value: self.queryset().filter(**{lookup: value}), value=str
            )
        return prepared


class PreparedDetailView(DetailView):
    """A record by its address, and the lists of related records its page shows, by prepared queries.

    For the most visited pages: each shows a record and several short lists of related records,
    small queries that Django would spend more time building than the database spends answering
    (committee/prepared.py). ``addresses`` maps each field the record is found by, which is also
    the URL's keyword (``slug``, a document's ``symbol``), to its queries (``by_address``);
    ``relations`` maps an attribute of the record to the list it holds (``Related``). The record
    and its lists are read together, in one round trip on PostgreSQL; the lists of a record that
    is not found (or not shown) are dropped.
    """

    addresses: dict[str, dict[bool, PreparedQuery]]
    relations: dict[str, Related] = {}

    def get_object(self, queryset=None):
        field = next(field for field in self.addresses if field in self.kwargs)
        return self.find(field, self.kwargs[field])

    def find(self, field: str, value):
        """The record whose ``field`` is ``value``, with its lists; a 404 if none is shown there."""
        queries = self.addresses[field]
        record = None
        if value is not None:
            found = run_together(
                [
                    (queries[can_preview(self.request, self.model)], {"value": value}),
                    *((related.by(field), {"value": value}) for related in self.relations.values()),
                ]
            )
            if found[0]:
                record = found[0][0]
                for attribute, records in zip(self.relations, found[1:], strict=True):
                    setattr(record, attribute, records)
        if record is None:
            raise self.not_found()
        return record

    def not_found(self) -> Http404:
        # DetailView's own message, translated by Django.
        return Http404(
            _("No %(verbose_name)s found matching the query") % {"verbose_name": self.model._meta.verbose_name}
        )


def published_related(model, via: str, *fields: str, order: tuple[str, ...] = ()) -> Related:
    """The published records of ``model`` whose ``via`` is the record, with the columns ``fields``.

    ``order`` replaces the model's own.
    """

    def queryset():
        queryset = model.objects.published().only(*fields)
        return queryset.order_by(*order) if order else queryset

    return Related(via, queryset)


# What a reading item's cell shows of each record it joins.
ITEM_CELL_FIELDS = {
    "chapter": ("slug", "title", "order"),
    "reading": ("slug", "title"),
    "session": ("title",),
    "basis": DOCUMENT_LINK_FIELDS,
}


def item_cells(*related: str):
    """Published reading items with just what a cell shows of the records ``related`` names."""
    return (
        ReadingItem.objects.published()
        .select_related(None)
        .select_related(*related)
        .only(
            "certainty",
            "basis_note",
            "session",
            "basis",
            *(f"{relation}__{field}" for relation in related for field in ITEM_CELL_FIELDS[relation]),
        )
    )


class SessionDetailView(PreparedDetailView):
    model = Session
    # The mandate is shown as a link: only the columns of one.
    addresses = {"slug": by_address(Session, "slug", "mandate", defer=unshown("mandate"))}
    relations = {
        "source_list": Related("session_records", Source.objects.all),
        "document_list": published_related(
            Document, "sessions", *DOCUMENT_LINK_FIELDS, "kind", order=("date", "symbol", "title")
        ),
        "public_items": Related(
            "session", lambda: item_cells("chapter", "reading", "basis").order_by("chapter__order")
        ),
        "public_groups": published_related(NegotiationGroup, "sessions", "slug", "name", "certainty"),
        "public_consultations": published_related(
            Consultation, "reported_to", "slug", "title", "start_date", "end_date", "reported_to"
        ),
    }

    def get_context_data(self, **kwargs):
        session = self.object
        return super().get_context_data(
            documents_by_kind=group_documents_by_kind(session.document_list),
            json_ld=event_json_ld(self.request, session),
            **kwargs,
        )


class ReadingDetailView(RecordDetailView):
    model = Reading
    prefetch = (
        Prefetch("sessions", queryset=Session.objects.published(), to_attr="public_sessions"),
        Prefetch("items", queryset=ReadingItem.objects.published(), to_attr="public_items"),
    )

    def get_context_data(self, **kwargs):
        return super().get_context_data(matrix=reading_matrix(self.object), **kwargs)


def reading_matrix(reading: Reading) -> dict:
    """The chapter × session table of a reading: one row per chapter, one cell per session."""
    sessions = reading.public_sessions
    cells = {(item.chapter_id, item.session_id): item for item in reading.public_items}
    chapters = sorted(
        {item.chapter for item in reading.public_items}, key=lambda chapter: (chapter.order, chapter.title)
    )
    rows = [(chapter, [cells.get((chapter.pk, session.pk)) for session in sessions]) for chapter in chapters]
    return {"sessions": sessions, "rows": rows}


class ChapterDetailView(RecordDetailView):
    model = Chapter
    prefetch = (
        Prefetch(
            "reading_items",
            queryset=ReadingItem.objects.published().order_by("session__start_date", "reading__order"),
            to_attr="public_items",
        ),
        Prefetch(
            "negotiation_groups",
            queryset=NegotiationGroup.objects.published().prefetch_related(
                Prefetch("sessions", queryset=Session.objects.published(), to_attr="public_sessions")
            ),
            to_attr="public_groups",
        ),
        Prefetch(
            "documents", queryset=Document.objects.published().order_by("date", "symbol"), to_attr="public_documents"
        ),
    )


# What a group's page and the list of groups both show: its sessions and facilitators, published.
GROUP_PREFETCH = (
    Prefetch("sessions", queryset=Session.objects.published(), to_attr="public_sessions"),
    Prefetch("facilitations", queryset=Facilitation.objects.published(), to_attr="public_facilitations"),
)


class GroupDetailView(RecordDetailView):
    model = NegotiationGroup
    prefetch = (
        *GROUP_PREFETCH,
        Prefetch("chapters", queryset=Chapter.objects.published(), to_attr="public_chapters"),
        Prefetch("reports", queryset=Document.objects.published(), to_attr="public_reports"),
    )


class ConsultationDetailView(RecordDetailView):
    model = Consultation
    related = ("chair_report", "reported_to")
    prefetch = (
        Prefetch("documents", queryset=Document.objects.published(), to_attr="public_documents"),
        Prefetch("stakeholders", queryset=Stakeholder.objects.published(), to_attr="public_stakeholders"),
    )

    def get_context_data(self, **kwargs):
        return super().get_context_data(json_ld=event_json_ld(self.request, self.object), **kwargs)


class DocumentDetailView(PreparedDetailView):
    """A document at its symbol (any accepted spelling redirects to the canonical one) or its slug."""

    model = Document
    addresses = {
        "slug": by_address(Document, "slug", "revises", defer=unshown("revises")),
        "symbol": by_address(Document, "symbol", "revises", defer=unshown("revises")),
    }
    # Every related record is shown as a link: only the columns of one.
    relations = {
        "source_list": Related("document_records", Source.objects.all),
        "version_list": Related("document", DocumentVersion.objects.all),
        "public_revisions": published_related(Document, "revises", *DOCUMENT_LINK_FIELDS, "revises"),
        "public_sessions": published_related(Session, "documents", "slug", "title"),
        "public_consultations": published_related(Consultation, "documents", "slug", "title"),
        "public_chapters": published_related(Chapter, "documents", "slug", "title"),
        "public_items": Related("basis", lambda: item_cells("chapter", "reading", "session")),
        "public_mandated": published_related(Session, "mandate", "slug", "title", "mandate"),
        "public_groups": published_related(NegotiationGroup, "reports", "slug", "name"),
        "public_milestones": published_related(
            Milestone, "document", "slug", "title", "date", "date_precision", "document"
        ),
    }

    def get_object(self, queryset=None):
        if "symbol" not in self.kwargs:
            document = super().get_object(queryset)
        else:
            try:
                symbol = normalize_symbol(self.kwargs["symbol"])
            except ValidationError:
                symbol = None
            document = self.find("symbol", symbol)
        document.version_list = in_un_order(document.version_list)
        return document

    def not_found(self) -> Http404:
        if "symbol" in self.kwargs:
            return Http404(_("No document has the symbol “%(symbol)s”.") % {"symbol": self.kwargs["symbol"]})
        return super().not_found()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # A symbol typed in another spelling (a/ac.291/22/rev.3) goes to the canonical address.
        if "symbol" in self.kwargs and self.kwargs["symbol"] != self.object.symbol:
            return redirect("committee:document-by-symbol", symbol=self.object.symbol, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))


def event_json_ld(request, meeting) -> dict:
    """schema.org Event data for a session or consultation page."""
    location = {
        "@type": "Place",
        "name": ", ".join(part for part in (meeting.room, meeting.venue) if part) or meeting.city,
        "address": {"@type": "PostalAddress", "addressLocality": meeting.city},
    }
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "startDate": meeting.start_date.isoformat(),
        "endDate": meeting.end_date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": {
            "hybrid": "https://schema.org/MixedEventAttendanceMode",
            "online": "https://schema.org/OnlineEventAttendanceMode",
        }.get(meeting.meeting_format, "https://schema.org/OfflineEventAttendanceMode"),
        "location": location,
        "organizer": {
            "@type": "Organization",
            "name": "United Nations Office on Drugs and Crime",
            "url": "https://www.unodc.org/",
        },
        "url": request.build_absolute_uri(meeting.get_absolute_url()),
        **({"description": meeting.summary} if meeting.summary else {}),
    }


# --- Lists -----------------------------------------------------------------------------


class PublishedListView(ListView):
    """A list of published records; the subclasses state their prefetching."""

    def get_queryset(self):
        return self.model.objects.published()


class SessionListView(PublishedListView):
    model = Session
    template_name = "committee/session_list.html"


class ReadingListView(PublishedListView):
    model = Reading
    template_name = "committee/reading_list.html"

    def get_queryset(self):
        return Reading.objects.published().prefetch_related(
            Prefetch("sessions", queryset=Session.objects.published(), to_attr="public_sessions")
        )


class ChapterListView(PublishedListView):
    model = Chapter
    template_name = "committee/chapter_list.html"


class GroupListView(PublishedListView):
    model = NegotiationGroup
    template_name = "committee/group_list.html"

    def get_queryset(self):
        return NegotiationGroup.objects.published().prefetch_related(*GROUP_PREFETCH)


class ConsultationListView(PublishedListView):
    model = Consultation
    template_name = "committee/consultation_list.html"

    def get_queryset(self):
        return Consultation.objects.published().select_related("reported_to")


class DocumentListView(ListView):
    """The document registry: filtered by kind, session, year, language and words; paginated."""

    template_name = "committee/document_list.html"
    # 25 a page, as the API's lists: a screen or two of the table, and a page whose cost is the
    # same on a record of 26 documents as on one of 5,000 (bench/run.py compares the two).
    paginate_by = 25
    paginator_class = VersionedPaginator

    def get(self, request, *args, **kwargs):
        self.filterset = DocumentFilter(request.GET or None, queryset=self.base_queryset(), request=request)
        if self.filterset.is_bound and not self.filterset.is_valid():
            return bad_request(request, {name: list(errors) for name, errors in self.filterset.errors.items()})
        return super().get(request, *args, **kwargs)

    @staticmethod
    def base_queryset():
        # Only the columns a row shows: the registry's cost is in building its rows.
        return Document.objects.published().only(*DOCUMENT_ROW_FIELDS)

    @functools.cached_property
    def filters(self) -> tuple:
        """The filters given a value, as sorted (name, value) pairs; none for the whole registry."""
        if not self.filterset.is_bound:
            return ()
        return tuple(
            sorted((name, value) for name, value in self.filterset.form.cleaned_data.items() if value not in (None, ""))
        )

    def get_queryset(self):
        if self.filters:
            return self.filterset.qs
        # Without filters (the registry's most visited pages), each page by a prepared query.
        return PreparedList(REGISTRY_PAGES, count=lambda: self.base_queryset().count())

    def get_paginator(self, queryset, per_page, **kwargs):
        # The count is kept until the record changes, for this address and these filters.
        return super().get_paginator(queryset, per_page, count_key=(self.request.path, *self.filters), **kwargs)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        context = super().get_context_data(filter=self.filterset, query_string=query.urlencode(), **kwargs)
        context["object_list"] = context["page_obj"].object_list = with_row_cells(context["object_list"])
        return context


REGISTRY_PAGES = PreparedQuery(DocumentListView.base_queryset)


# The cells of a registry row besides the document's own: its languages, and its published sessions.
ROW_LANGUAGES = PreparedRows(
    lambda ids: DocumentVersion.objects.filter(document__pk__any=ids).order_by().values_list("document_id", "language")
)
ROW_SESSIONS = PreparedRows(
    lambda ids: (
        SessionDocument.objects.filter(document__pk__any=ids, session__publication_state=PUBLISHED)
        .order_by("session__start_date", "session__pk")
        .values_list("document_id", "session__slug", "session__title")
    )
)


def with_row_cells(documents) -> list[Document]:
    """The documents of a page, each with the languages and the published sessions its row shows.

    Two queries for the page, as prefetching would make, but of plain values: a page of 50 documents
    would otherwise build some 300 model instances (its language versions and sessions) for two
    words and a link each. They are compiled once (``PreparedRows``) and sent together.
    """
    documents = list(documents)
    if not documents:
        return documents
    ids = [document.pk for document in documents]
    languages, sessions, links = defaultdict(list), defaultdict(list), {}
    versions, in_sessions = fetch_together(documents[0]._state.db, [ROW_LANGUAGES.bind(ids), ROW_SESSIONS.bind(ids)])
    for document_id, language in ROW_LANGUAGES.rows(ids, versions):
        languages[document_id].append(language)
    for document_id, slug, title in ROW_SESSIONS.rows(ids, in_sessions):
        link = links.get(slug)  # a session's link, made once for the page
        if link is None:
            link = links[slug] = (record_url("committee:session-detail", slug=slug), title)
        sessions[document_id].append(link)
    for document in documents:
        document.languages = in_un_language_order(tuple(languages[document.pk]))
        document.session_links = sessions[document.pk]
    return documents


@functools.lru_cache(maxsize=1024)
def in_un_language_order(languages: tuple[str, ...]) -> tuple[str, ...]:
    """Language codes in the UN's order (Arabic, Chinese, English, ...), sorted once per set seen."""
    return tuple(sorted(languages, key=LANGUAGE_ORDER.__getitem__))


# --- Single pages ----------------------------------------------------------------------


def _meeting_cards(model):
    return model.objects.published().only(*MEETING_CARD_FIELDS)


# The home page's queries, prepared (committee/prepared.py): the meetings around today, and the
# latest of the record.
HOME_QUERIES = {
    "ongoing_session": PreparedQuery(lambda today: _meeting_cards(Session).ongoing(today)[:1], today=datetime.date),
    "ongoing_consultation": PreparedQuery(
        lambda today: _meeting_cards(Consultation).ongoing(today)[:1], today=datetime.date
    ),
    "upcoming_session": PreparedQuery(lambda today: _meeting_cards(Session).upcoming(today)[:1], today=datetime.date),
    "upcoming_consultation": PreparedQuery(
        lambda today: _meeting_cards(Consultation).upcoming(today)[:1], today=datetime.date
    ),
    "latest_session": PreparedQuery(
        lambda today: _meeting_cards(Session).filter(end_date__lt=today).order_by("-end_date")[:1], today=datetime.date
    ),
    "milestones": PreparedQuery(lambda: Milestone.objects.published().order_by("-date")[:6]),
    "documents": PreparedQuery(
        lambda: (
            Document.objects.published()
            .filter(date__isnull=False)
            .only(*DOCUMENT_LINK_FIELDS, "date")
            .order_by("-date", "symbol")[:6]
        )
    ),
    "faq_entries": PreparedQuery(lambda: FAQEntry.objects.published()[:4]),
}


class HomeView(TemplateView):
    template_name = "committee/home.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        # All in one round trip (on PostgreSQL); today is the only value any of them takes.
        calls = [(query, {"today": today} if query.placeholders else {}) for query in HOME_QUERIES.values()]
        found = dict(zip(HOME_QUERIES, run_together(calls), strict=True))
        current = found["ongoing_session"] or found["ongoing_consultation"]
        upcoming = found["upcoming_session"] + found["upcoming_consultation"]
        next_event = min(upcoming, key=lambda meeting: meeting.start_date) if upcoming else None
        return super().get_context_data(
            current_event=current[0] if current else None,
            next_event=next_event,
            latest_session=found["latest_session"][0] if found["latest_session"] else None,
            milestones=found["milestones"],
            documents=found["documents"],
            faq_entries=found["faq_entries"],
            **kwargs,
        )


class BureauView(TemplateView):
    template_name = "committee/bureau.html"

    def get_context_data(self, **kwargs):
        memberships = (
            BureauMembership.objects.published()
            .filter(person__publication_state=PUBLISHED)
            .select_related("person")
            .prefetch_related("sources")
        )
        officers = [m for m in memberships if m.role != "vice-chair"]
        by_group = defaultdict(list)
        for membership in memberships:
            if membership.role == "vice-chair":
                by_group[membership.regional_group].append(membership)
        regions = [(label, by_group[value]) for value, label in RegionalGroup.choices if by_group[value]]
        # One page for many records: their sources and notes, each once.
        sources = {source.url: source for m in memberships for source in m.sources.all()}
        notes = list(dict.fromkeys(m.certainty_note for m in memberships if m.certainty_note))
        return super().get_context_data(
            officers=officers, regions=regions, sources=list(sources.values()), notes=notes, **kwargs
        )


class TimelineView(TemplateView):
    template_name = "committee/timeline.html"

    def get_context_data(self, **kwargs):
        events = timeline_events()
        return super().get_context_data(
            events=events, picture=timeline_picture(events, today=timezone.localdate()), **kwargs
        )


class FAQView(ListView):
    template_name = "committee/faq.html"
    context_object_name = "entries"

    def get_queryset(self):
        return FAQEntry.objects.published().prefetch_related("sources")


class SearchView(TemplateView):
    template_name = "committee/search.html"

    def get(self, request, *args, **kwargs):
        query = request.GET.get("q", "").strip()
        if len(query) > MAX_QUERY_LENGTH:
            return bad_request(request, {"q": [_("Use at most %(max)d characters.") % {"max": MAX_QUERY_LENGTH}]})
        if "\x00" in query:
            # As the registry's filter says it (Django's message); PostgreSQL text cannot hold one.
            return bad_request(request, {"q": [_("Null characters are not allowed.")]})
        # Only a query that reads as a UN symbol is looked up as one: any other would still build
        # and compile a queryset, for no document (by_symbol gives none), at every search.
        symbol = looks_like_symbol(query)
        if symbol:
            symbol_document = Document.objects.published().by_symbol(symbol).first()
            if symbol_document is not None:
                return redirect(symbol_document.get_absolute_url())
        context = self.get_context_data(query=query, results=search_record(query) if query else [], **kwargs)
        context["symbol_not_found"] = bool(symbol)
        return self.render_to_response(context)


def looks_like_symbol(query: str) -> str:
    try:
        return normalize_symbol(query)
    except ValidationError:
        return ""
