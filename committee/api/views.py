"""The API's resources: read-only viewsets over the published record.

Each viewset's ``get_queryset`` starts from ``.published()`` and states its ``select_related``;
its ``nested`` lists (``Nested``: published related records, in a stable order) are loaded for
the records of a page or a detail, one query each, so a list or a detail runs a fixed number of
queries and never shows a draft through a relation. Responses carry an ``ETag`` (a hash of the
body) and a ``Last-Modified``, and a client that sends either back gets a 304 if nothing changed.
"""

import datetime
import re

from django.db import connections, transaction
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import routers, viewsets
from rest_framework.decorators import action
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response

from committee.models import (
    BureauMembership,
    Chapter,
    Consultation,
    Document,
    DocumentVersion,
    Facilitation,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    PublicationState,
    Reading,
    ReadingItem,
    Session,
    Source,
)
from committee.prepared import (
    ROW,
    PreparedList,
    PreparedQuery,
    PreparedRows,
    fetch_together,
    record_maker,
    run_with_rows,
)
from portal.pagecache import add_validators

from . import filters, serializers
from .filters import names_a_filter, ordered_by
from .serializers import NESTED_ROWS

PUBLISHED = PublicationState.PUBLISHED
# A Bureau membership's key, as serializers.membership_key writes it: person-slug.role.YYYY-MM-DD.
MEMBERSHIP_KEY = re.compile(
    r"(?P<person>[-a-zA-Z0-9_]+)\.(?P<role>[-a-z]+)\.(?P<start_date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
)


# --- Related records, published only, in a stable order --------------------------------


def published(model, *order: str):
    return model.objects.published().order_by(*ordered_by(*(order or model._meta.ordering)))


def shown_columns(serializer) -> list[str]:
    """The columns a nested serializer reads: the model fields it shows, and the publication state.

    A nested record is a summary, so its query loads only these, not its body or provenance. Its
    page's address (html_url) reads the slug, and a document's its symbol, both shown; a column read
    but not loaded would cost a query per record, which tests/test_api_queries.py would count.
    """
    names = {field.name for field in serializer.Meta.model._meta.concrete_fields}
    return [name for name in ("publication_state", *serializer.Meta.fields) if name in names]


def unread(relation: str, summary) -> list[str]:
    """For ``defer``: the columns a summary does not read of a record joined by ``select_related``."""
    read = {"id", *shown_columns(summary)}
    return [f"{relation}__{field.name}" for field in summary.Meta.model._meta.concrete_fields if field.name not in read]


class Nested:
    """A list of related records nested in each record of a page or a detail, in ``to_attr``.

    What ``Prefetch(relation, queryset, to_attr=...)`` gives, for far less. Django's prefetch cost
    several times its query: it built the query anew each time, then each related record field by
    field, and matched each to its record through the records' instances. Here the query reads,
    beside the columns the ``serializer`` shows, the id of the record each one belongs to (through
    the relation's own join); it is compiled once (on SQLite, once for each number of records) and
    run with their ids; each list is filled in the queryset's order. The rows are kept on their
    record (``fill``) and made into records only when it is represented and no representation is
    kept for them (committee.api.serializers.Plan.represent_kept).
    ``queryset`` chooses which related records, such as published ones only, and their order.
    """

    def __init__(self, relation: str, serializer, queryset, *, to_attr: str):
        self.relation, self.queryset, self.to_attr = relation, queryset, to_attr
        fields = queryset.model._meta.concrete_fields
        shown = {"id", *shown_columns(serializer)}
        # In the model's order, as Model.from_db takes them.
        self.columns = tuple(field.attname for field in fields if field.name in shown)
        self.pk_index = self.columns.index(queryset.model._meta.pk.attname)
        self._rows: dict[tuple, PreparedRows] = {}

    def path_back(self, model) -> str:
        """The lookup from a related record to the record it is nested in: ``documents``, ``revises``."""
        relation = model._meta.get_field(self.relation)
        # A reverse relation (revisions, versions) is followed back by its foreign key; a
        # many-to-many field (sessions) by the name the related model knows it by.
        return relation.field.name if relation.auto_created else relation.related_query_name()

    def rows_of(self, model, field: str | None = None) -> PreparedRows:
        """The query of the lists of records of ``model``, by their ids (compiled once per database).

        With a ``field`` (a unique one, such as the slug), the list of the one record whose field
        has a value: it needs no id, so it can be sent with the record's own query.
        """
        prepared = self._rows.get((model, field))
        if prepared is None:
            back = self.path_back(model)
            if field is None:
                prepared = PreparedRows(
                    lambda ids: self.queryset.filter(**{f"{back}__pk__any": ids}).values_list(back, *self.columns)
                )
            else:
                prepared = PreparedRows(
                    lambda value: self.queryset.filter(**{f"{back}__{field}": value}).values_list(back, *self.columns),
                    by=str,
                )
            self._rows[(model, field)] = prepared
        return prepared

    def fill(self, records: list, rows) -> None:
        """Gives each record the rows of ``rows`` (the owner's id, then the columns) that are its own.

        They are made into records, in ``to_attr``, when the record is represented and its
        representation is not already kept (serializers.nested_lists_made): a representation kept
        for the same rows needs none of them.
        """
        lists = {record.pk: [] for record in records}
        for row in rows:
            lists[row[0]].append(row)
        # A record in several lists (a session of many documents) is made once, and shared.
        make, made = record_maker(self.queryset.model, self.columns, self.queryset.db), {}
        for record in records:
            pending = record.__dict__.get(NESTED_ROWS)
            if pending is None:
                pending = record.__dict__[NESTED_ROWS] = {}
            pending[self.to_attr] = (self, tuple(lists[record.pk]), make, made)

    def records(self, rows: tuple, make, made: dict) -> list:
        """The records of ``rows`` (as ``fill`` gave them), made by ``make``, each once in ``made``.

        Each keeps its row (``ROW``), by which its representation is kept (serializers.Plan.represent_kept).
        """
        pk, related = self.pk_index + 1, []
        for row in rows:
            record = made.get(row[pk])
            if record is None:
                record = made[row[pk]] = make(row[1:])
                record.__dict__[ROW] = (self.columns, frozenset(), row[1:])  # nothing joined
            related.append(record)
        return related


def load_nested(records: list, relations) -> None:
    """Fills the nested lists of the records: one query for each relation, sent together."""
    if not records or not relations:
        return
    model, ids = type(records[0]), [record.pk for record in records]
    prepared = [relation.rows_of(model) for relation in relations]
    fetched = fetch_together(relations[0].queryset.db, [rows.bind(ids) for rows in prepared])
    fill_nested(records, relations, prepared, ids, fetched)


def fill_nested(records: list, relations, prepared: list[PreparedRows], key, fetched: list) -> None:
    """Puts the rows fetched by each relation's prepared query (``rows_of``, bound to ``key``) in place."""
    for relation, rows, found in zip(relations, prepared, fetched, strict=True):
        relation.fill(records, rows.rows(key, found))


def nested_list(relation: str, serializer, *order: str, to_attr: str, queryset=None) -> Nested:
    """The published records of a relation, as ``serializer`` shows them, in ``order`` or the model's."""
    if queryset is None:
        queryset = published(serializer.Meta.model, *order)
    return Nested(relation, serializer, queryset, to_attr=to_attr)


SOURCES = nested_list(
    "sources", serializers.SourceSerializer, to_attr="source_list", queryset=Source.objects.order_by("title", "url")
)
DOCUMENT_ORDER = ("date", "symbol", "title")


# --- Conditional requests --------------------------------------------------------------


class ConditionalGetMixin:
    """ETag (a hash of the body) and Last-Modified on every 200; 304 when the client has it.

    The validators are those of the page cache (portal/pagecache.py), which also answers
    revalidations of the responses it holds without reaching the view.
    """

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        self.let_go(response)
        last_modified = add_validators(request, response)
        return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)

    def let_go(self, response) -> None:
        """Once the body is written, lets go of the records it was made from.

        DRF's view, request and response refer to each other, and so do a serializer and its
        child: what they hold would wait for Python's garbage collector, which would go over it
        again and again (the API's list of documents: some 760 objects a request, 0.3 ms of
        collections), where it is freed with the response.
        """
        data = getattr(response, "data", None)
        for each in (data, data.get("results") if isinstance(data, dict) else None):
            serializer = getattr(each, "serializer", None)  # DRF's ReturnDict and ReturnList
            for part in (serializer, getattr(serializer, "child", None)):
                if part is not None:  # a list's serializer and its child each hold the records
                    part.instance, part._args = None, ()
                    part.__dict__.pop("_rendering", None)  # and the nested records represented
        paginator = self.__dict__.get("_paginator")
        if paginator is not None:
            paginator.page = None


class JSONOnlyNegotiation(BaseContentNegotiation):
    """JSON whatever the client accepts: there is nothing else to offer, so never a 406."""

    def select_parser(self, request, parsers):
        return None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


# --- Viewsets --------------------------------------------------------------------------


class APIRootView(routers.APIRootView):
    """The resources of the API, each with the address of its list."""

    content_negotiation_class = JSONOnlyNegotiation


class RecordViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Published records of one model, by slug; the subclasses state their queries."""

    model = None
    related = ()
    deferred = ()
    prefetch = ()  # Prefetch of related records nested with theirs (select_related), such as reading items
    nested = ()  # Nested lists of related records, loaded for the records of a page or a detail
    lookup_field = "slug"
    lookup_description = gettext_lazy("The record's slug, as in the address of its page.")
    # Any segment reaches the view, so an unknown slug gets the API's JSON 404.
    lookup_value_regex = "[^/]+"
    content_negotiation_class = JSONOnlyNegotiation
    filter_backends = [filters.FilterBackend]

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        # The API only reads: no transaction around it (ATOMIC_REQUESTS), as around the pages
        # (committee.urls.page), which saves BEGIN and COMMIT, two round trips a request.
        return transaction.non_atomic_requests(super().as_view(actions, **initkwargs))

    def get_exception_handler(self):
        handler = super().get_exception_handler()

        def leaving_transactions_alone(exc, context):
            # DRF's handler marks the request's transaction to be rolled back after an error (a
            # 400, a 404). These views open none: a transaction open around them is another's
            # (a test's), which a refused parameter must not spoil.
            marked = {
                db.alias: db.get_rollback() for db in connections.all(initialized_only=True) if db.in_atomic_block
            }
            response = handler(exc, context)
            for alias, rollback in marked.items():
                connections[alias].set_rollback(rollback)
            return response

        return leaving_transactions_alone

    def get_queryset(self):
        return (
            self.model.objects.published()
            .select_related(*self.related)
            # No serializer shows when a record was created.
            .defer("created_at", *self.deferred)
            .prefetch_related(*self.prefetch)
            .order_by(*ordered_by(*self.model._meta.ordering))
        )

    def load_nested(self, records: list) -> list:
        """The records, with their sources and their other nested lists in place: a query for each."""
        load_nested(records, (SOURCES, *self.nested))
        return records

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return None if page is None else self.load_nested(page)

    def get_object(self):
        value = self.kwargs[self.lookup_field]
        # DRF's own answer (get_object_or_404) for a record that is not there.
        not_found = Http404(f"No {self.model._meta.object_name} matches the given query.")
        if "\x00" in value:
            raise not_found  # a NUL is in no slug, and PostgreSQL takes none in a text parameter
        if self.prefetch:
            return self.load_nested([super().get_object()])[0]
        # The record and its nested lists in one round trip: each list found by the record's slug.
        relations = (SOURCES, *self.nested)
        rows = [relation.rows_of(self.model, self.lookup_field) for relation in relations]
        records, fetched = run_with_rows(self.prepared_detail(), {"value": value}, [each.bind(value) for each in rows])
        if not records:
            raise not_found
        self.check_object_permissions(self.request, records[0])
        fill_nested(records, relations, rows, value, fetched)
        return records[0]

    @classmethod
    def prepared_detail(cls) -> PreparedQuery:
        """A record of the viewset by its lookup field, prepared (committee/prepared.py)."""
        return cls._prepared(
            "_prepared_detail", lambda value: cls().get_queryset().filter(**{cls.lookup_field: value})[:1], value=str
        )

    @classmethod
    def _prepared(cls, attribute: str, build, **placeholders) -> PreparedQuery:
        # One for each viewset class (not inherited), made at its first use.
        prepared = cls.__dict__.get(attribute)
        if prepared is None:
            prepared = PreparedQuery(build, keep_rows=True, **placeholders)
            setattr(cls, attribute, prepared)
        return prepared

    def filter_queryset(self, queryset):
        # Filters choose among a list; on a detail they would only turn a typo into a 404.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def list(self, request, *args, **kwargs):
        # Only FilterBackend's filters are known to leave a list unfiltered when not named.
        other_backends = any(backend is not filters.FilterBackend for backend in self.filter_backends)
        if self.prefetch or other_backends or names_a_filter(request, self.filterset_class):
            return super().list(request, *args, **kwargs)
        # Nothing to filter (most requests): each page by a prepared query (committee/prepared.py),
        # without building the queryset, which is only needed to count when the count is not kept.
        records = PreparedList(self.prepared_pages(), count=lambda: self.get_queryset().count())
        return self.get_paginated_response(self.get_serializer(self.paginate_queryset(records), many=True).data)

    @classmethod
    def prepared_pages(cls) -> PreparedQuery:
        """The viewset's list, prepared, to be read a page at a time."""
        return cls._prepared("_prepared_pages", lambda: cls().get_queryset())


class SessionViewSet(RecordViewSet):
    """Sessions of the Committee, in date order, with their documents, readings and groups."""

    lookup_example = "sixth-session"
    model = Session
    serializer_class = serializers.SessionSerializer
    filterset_class = filters.SessionFilter
    related = ("mandate",)
    deferred = unread("mandate", serializers.DocumentSummarySerializer)
    nested = (
        nested_list("documents", serializers.DocumentSummarySerializer, *DOCUMENT_ORDER, to_attr="public_documents"),
        nested_list("readings", serializers.ReadingSummarySerializer, to_attr="public_readings"),
        nested_list("negotiation_groups", serializers.NegotiationGroupSummarySerializer, to_attr="public_groups"),
        nested_list(
            "consultations_reported", serializers.ConsultationSummarySerializer, to_attr="public_consultations"
        ),
    )


class ReadingViewSet(RecordViewSet):
    """Readings of the draft convention, each with its chapter × session items."""

    lookup_example = "first-reading"
    model = Reading
    serializer_class = serializers.ReadingSerializer
    filterset_class = filters.ReadingFilter
    nested = (nested_list("sessions", serializers.SessionSummarySerializer, to_attr="public_sessions"),)
    prefetch = (
        Prefetch(
            "items",
            queryset=ReadingItem.objects.published().order_by(*ordered_by("session__start_date", "chapter__order")),
            to_attr="public_items",
        ),
    )


class ChapterViewSet(RecordViewSet):
    """Chapters of the convention, each with its readings, groups and documents."""

    lookup_example = "criminalization"
    model = Chapter
    serializer_class = serializers.ChapterSerializer
    filterset_class = filters.ChapterFilter
    prefetch = (
        Prefetch(
            "reading_items",
            queryset=ReadingItem.objects.published().order_by(*ordered_by("session__start_date", "reading__order")),
            to_attr="public_items",
        ),
    )
    nested = (
        nested_list("negotiation_groups", serializers.NegotiationGroupSummarySerializer, to_attr="public_groups"),
        nested_list("documents", serializers.DocumentSummarySerializer, *DOCUMENT_ORDER, to_attr="public_documents"),
    )


class NegotiationGroupViewSet(RecordViewSet):
    """Informal negotiation groups and other informal formats, with their facilitators."""

    lookup_example = "informal-negotiation-group-1"
    model = NegotiationGroup
    serializer_class = serializers.NegotiationGroupSerializer
    filterset_class = filters.NegotiationGroupFilter
    nested = (
        nested_list("sessions", serializers.SessionSummarySerializer, to_attr="public_sessions"),
        nested_list("chapters", serializers.ChapterSummarySerializer, to_attr="public_chapters"),
        nested_list("reports", serializers.DocumentSummarySerializer, *DOCUMENT_ORDER, to_attr="public_reports"),
    )
    prefetch = (
        Prefetch(
            "facilitations",
            queryset=Facilitation.objects.published().order_by("role", "person__name", "pk"),
            to_attr="public_facilitations",
        ),
    )


class ConsultationViewSet(RecordViewSet):
    """Intersessional consultations with multi-stakeholders."""

    lookup_example = "first-intersessional-consultation"
    model = Consultation
    serializer_class = serializers.ConsultationSerializer
    filterset_class = filters.ConsultationFilter
    related = ("chair_report", "reported_to")
    deferred = (
        *unread("chair_report", serializers.DocumentSummarySerializer),
        *unread("reported_to", serializers.SessionSummarySerializer),
    )
    nested = (
        nested_list("stakeholders", serializers.StakeholderSerializer, to_attr="public_stakeholders"),
        nested_list("documents", serializers.DocumentSummarySerializer, *DOCUMENT_ORDER, to_attr="public_documents"),
    )


class DocumentViewSet(RecordViewSet):
    """The document registry: by slug, or by UN symbol at `by-symbol/<symbol>/`."""

    lookup_example = "a-ac-291-22-rev-3"
    model = Document
    serializer_class = serializers.DocumentSerializer
    filterset_class = filters.DocumentFilter
    related = ("revises",)
    deferred = unread("revises", serializers.DocumentSummarySerializer)
    nested = (
        # In the model's order (its document's, then the language) without joining the documents
        # again: grouped by document, each one's versions come in language order either way.
        nested_list(
            "versions",
            serializers.DocumentVersionSerializer,
            to_attr="version_list",
            queryset=DocumentVersion.objects.order_by("document_id", "language"),
        ),
        nested_list("revisions", serializers.DocumentSummarySerializer, *DOCUMENT_ORDER, to_attr="public_revisions"),
        nested_list("sessions", serializers.SessionSummarySerializer, to_attr="public_sessions"),
        nested_list("consultations", serializers.ConsultationSummarySerializer, to_attr="public_consultations"),
        nested_list("chapters", serializers.ChapterSummarySerializer, to_attr="public_chapters"),
    )

    @extend_schema(
        summary="A document by its UN symbol",
        description=(
            "The symbol in any accepted spelling, such as A/AC.291/22/Rev.3 or a/ac.291/22/rev.3; "
            "its slashes are part of the path."
        ),
        parameters=[
            OpenApiParameter(
                "symbol",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description=gettext_lazy("A UN document symbol."),
                examples=[OpenApiExample("A/AC.291/22/Rev.3", value="A/AC.291/22/Rev.3")],
            )
        ],
    )
    # [\s\S], not ".": a symbol spelled with a line break is still this route's 404, not the site's.
    @action(detail=False, url_path=r"by-symbol/(?P<symbol>[\s\S]+)", url_name="by-symbol")
    def by_symbol(self, request, symbol):
        document = self.get_queryset().by_symbol(symbol).first()
        if document is None:
            raise Http404(_("No published document has this symbol."))
        return Response(self.get_serializer(self.load_nested([document])[0]).data)


class BureauMembershipViewSet(RecordViewSet):
    """The Bureau: Chair, Vice-Chairs and Rapporteur, by their `person.role.start-date` key."""

    model = BureauMembership
    serializer_class = serializers.BureauMembershipSerializer
    filterset_class = filters.BureauMembershipFilter
    lookup_field = "key"
    lookup_description = gettext_lazy("The person's slug, the role and the start of the term, joined by dots.")
    lookup_example = "faouzia-boumaiza-mebarki.chair.2021-05-10"
    related = ("person",)

    def get_queryset(self):
        return super().get_queryset().filter(person__publication_state=PUBLISHED)

    def get_object(self):
        match = MEMBERSHIP_KEY.fullmatch(self.kwargs["key"])
        try:
            start_date = datetime.date.fromisoformat(match["start_date"]) if match else None
        except ValueError:
            start_date = None
        membership = None
        if start_date is not None:
            membership = (
                self.get_queryset()
                .filter(person__slug=match["person"], role=match["role"], start_date=start_date)
                .first()
            )
        if membership is None:
            raise Http404(_("No published Bureau membership has this key."))
        return self.load_nested([membership])[0]


class MilestoneViewSet(RecordViewSet):
    """Dated events that are not sessions: resolutions, postponements, adoption, signing."""

    lookup_example = "resolution-74-247"
    model = Milestone
    serializer_class = serializers.MilestoneSerializer
    filterset_class = filters.MilestoneFilter
    related = ("document", "session")
    deferred = (
        *unread("document", serializers.DocumentSummarySerializer),
        *unread("session", serializers.SessionSummarySerializer),
    )


class FAQEntryViewSet(RecordViewSet):
    """Questions and answers about the Committee and the Convention."""

    lookup_example = "is-there-a-united-nations-convention-on-cybercrime"
    model = FAQEntry
    serializer_class = serializers.FAQEntrySerializer
    filterset_class = filters.FAQEntryFilter


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI, its script served from its own URL (no inline script for a CSP to refuse)."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The script would put a CSRF token in the requests it makes, for writing methods this API
        # does not have; asking for one would set the csrftoken cookie.
        response.data["csrf_token"] = ""
        return response


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Any other address under /api/: a JSON 404, like the API's own."""
    return JsonResponse({"detail": _("Not found.")}, status=404)
