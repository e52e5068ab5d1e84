"""The API's resources: read-only viewsets over the published record.

Each viewset's ``get_queryset`` starts from ``.published()`` and states its ``select_related``
and its ``Prefetch`` of published related records, so a list or a detail runs a fixed number of
queries and never shows a draft through a relation. Responses carry an ``ETag`` (a hash of the
body) and a ``Last-Modified``, and a client that sends either back gets a 304 if nothing changed.
"""

import datetime
import re

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
from portal.pagecache import add_validators

from . import filters, serializers
from .filters import ordered_by

PUBLISHED = PublicationState.PUBLISHED
# A Bureau membership's key, as serializers.membership_key writes it: person-slug.role.YYYY-MM-DD.
MEMBERSHIP_KEY = re.compile(
    r"(?P<person>[-a-zA-Z0-9_]+)\.(?P<role>[-a-z]+)\.(?P<start_date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
)


# --- Related records, published only, in a stable order --------------------------------


def published(model, *order: str):
    return model.objects.published().order_by(*ordered_by(*(order or model._meta.ordering)))


def summary_columns(summary) -> list[str]:
    """The columns a summary serializer reads: the model fields it shows, and the publication state.

    A nested record is a summary, so its query loads only these, not its body or provenance. Its
    page's address (html_url) reads the slug, and a document's its symbol, both shown; a column read
    but not loaded would cost a query per record, which tests/test_api_queries.py would count.
    """
    model = summary.Meta.model
    names = {field.name for field in model._meta.concrete_fields}
    return ["publication_state", *(name for name in summary.Meta.fields if name in names)]


def summaries(summary, *order: str, via: str | None = None):
    """Published records of a summary serializer's model, for a nested list: its columns only.

    ``via``: the foreign key that leads back to the record they are nested in, for a reverse
    relation (prefetching reads it to put each one in its place).
    """
    return published(summary.Meta.model, *order).only(*summary_columns(summary), *([via] if via else []))


def unread(relation: str, summary) -> list[str]:
    """For ``defer``: the columns a summary does not read of a record joined by ``select_related``."""
    read = {"id", *summary_columns(summary)}
    return [f"{relation}__{field.name}" for field in summary.Meta.model._meta.concrete_fields if field.name not in read]


# Every prefetched list goes to an attribute (to_attr): otherwise Django builds a queryset per record
# to hold its list, which costs more than the query.
SOURCES = Prefetch("sources", queryset=Source.objects.order_by("title", "url"), to_attr="source_list")
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
        last_modified = add_validators(request, response)
        return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)


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
    prefetch = ()
    lookup_field = "slug"
    lookup_description = gettext_lazy("The record's slug, as in the address of its page.")
    # Any segment reaches the view, so an unknown slug gets the API's JSON 404.
    lookup_value_regex = "[^/]+"
    content_negotiation_class = JSONOnlyNegotiation

    def get_queryset(self):
        return (
            self.model.objects.published()
            .select_related(*self.related)
            .defer(*self.deferred)
            .prefetch_related(SOURCES, *self.prefetch)
            .order_by(*ordered_by(*self.model._meta.ordering))
        )

    def filter_queryset(self, queryset):
        # Filters choose among a list; on a detail they would only turn a typo into a 404.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)


class SessionViewSet(RecordViewSet):
    """Sessions of the Committee, in date order, with their documents, readings and groups."""

    lookup_example = "sixth-session"
    model = Session
    serializer_class = serializers.SessionSerializer
    filterset_class = filters.SessionFilter
    related = ("mandate",)
    deferred = unread("mandate", serializers.DocumentSummarySerializer)
    prefetch = (
        Prefetch(
            "documents",
            queryset=summaries(serializers.DocumentSummarySerializer, *DOCUMENT_ORDER),
            to_attr="public_documents",
        ),
        Prefetch("readings", queryset=summaries(serializers.ReadingSummarySerializer), to_attr="public_readings"),
        Prefetch(
            "negotiation_groups",
            queryset=summaries(serializers.NegotiationGroupSummarySerializer),
            to_attr="public_groups",
        ),
        Prefetch(
            "consultations_reported",
            queryset=summaries(serializers.ConsultationSummarySerializer, via="reported_to"),
            to_attr="public_consultations",
        ),
    )


class ReadingViewSet(RecordViewSet):
    """Readings of the draft convention, each with its chapter × session items."""

    lookup_example = "first-reading"
    model = Reading
    serializer_class = serializers.ReadingSerializer
    filterset_class = filters.ReadingFilter
    prefetch = (
        Prefetch("sessions", queryset=summaries(serializers.SessionSummarySerializer), to_attr="public_sessions"),
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
        Prefetch(
            "negotiation_groups",
            queryset=summaries(serializers.NegotiationGroupSummarySerializer),
            to_attr="public_groups",
        ),
        Prefetch(
            "documents",
            queryset=summaries(serializers.DocumentSummarySerializer, *DOCUMENT_ORDER),
            to_attr="public_documents",
        ),
    )


class NegotiationGroupViewSet(RecordViewSet):
    """Informal negotiation groups and other informal formats, with their facilitators."""

    lookup_example = "informal-negotiation-group-1"
    model = NegotiationGroup
    serializer_class = serializers.NegotiationGroupSerializer
    filterset_class = filters.NegotiationGroupFilter
    prefetch = (
        Prefetch("sessions", queryset=summaries(serializers.SessionSummarySerializer), to_attr="public_sessions"),
        Prefetch("chapters", queryset=summaries(serializers.ChapterSummarySerializer), to_attr="public_chapters"),
        Prefetch(
            "reports",
            queryset=summaries(serializers.DocumentSummarySerializer, *DOCUMENT_ORDER),
            to_attr="public_reports",
        ),
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
    prefetch = (
        Prefetch("stakeholders", queryset=summaries(serializers.StakeholderSerializer), to_attr="public_stakeholders"),
        Prefetch(
            "documents",
            queryset=summaries(serializers.DocumentSummarySerializer, *DOCUMENT_ORDER),
            to_attr="public_documents",
        ),
    )


class DocumentViewSet(RecordViewSet):
    """The document registry: by slug, or by UN symbol at `by-symbol/<symbol>/`."""

    lookup_example = "a-ac-291-22-rev-3"
    model = Document
    serializer_class = serializers.DocumentSerializer
    filterset_class = filters.DocumentFilter
    related = ("revises",)
    deferred = unread("revises", serializers.DocumentSummarySerializer)
    prefetch = (
        # In the model's order (its document's, then the language) without joining the documents
        # again: grouped by document, each one's versions come in language order either way.
        Prefetch(
            "versions", queryset=DocumentVersion.objects.order_by("document_id", "language"), to_attr="version_list"
        ),
        Prefetch(
            "revisions",
            queryset=summaries(serializers.DocumentSummarySerializer, *DOCUMENT_ORDER, via="revises"),
            to_attr="public_revisions",
        ),
        Prefetch("sessions", queryset=summaries(serializers.SessionSummarySerializer), to_attr="public_sessions"),
        Prefetch(
            "consultations",
            queryset=summaries(serializers.ConsultationSummarySerializer),
            to_attr="public_consultations",
        ),
        Prefetch("chapters", queryset=summaries(serializers.ChapterSummarySerializer), to_attr="public_chapters"),
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
        return Response(self.get_serializer(document).data)


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
        return membership


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
