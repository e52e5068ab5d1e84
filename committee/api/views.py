"""The API's resources: read-only viewsets over the published record.

Each viewset's ``get_queryset`` starts from ``.published()`` and states what its serializer reads:
``select_related`` for a single related record, a ``Prefetch`` of published records only (each
loading only the columns its summary shows) for each nested list. So a list or a detail runs a
fixed number of queries, and never shows a draft through a relation.
"""

import datetime
import re

from django.conf import settings
from django.db import connections, transaction
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import routers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response

from committee.models import (
    Article,
    BureauMembership,
    Chapter,
    Consultation,
    Document,
    DocumentVersion,
    Facilitation,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    Participant,
    PublicationState,
    Reading,
    ReadingItem,
    Session,
    Source,
)

from . import filters, serializers
from .filters import ordered_by

# A Bureau membership's key, as serializers.membership_key writes it: person-slug.role.YYYY-MM-DD.
MEMBERSHIP_KEY = re.compile(
    r"(?P<person>[-a-zA-Z0-9_]+)\.(?P<role>[-a-z]+)\.(?P<start_date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
)


# --- Nested lists: published records only, in a stable order ----------------------------


def summaries(serializer, *order: str, also: tuple[str, ...] = ()):
    """The published records a summary ``serializer`` shows, in ``order`` (NULLs last, then by id).

    Only the columns it shows are loaded (its ``url`` and ``html_url`` are made from the slug, and a
    document's symbol, which it shows too), and ``also``: the foreign key by which a reverse
    relation's records are matched to theirs, which would otherwise cost a query per record.
    """
    columns = [name for name in serializer.Meta.fields if name not in ("url", "html_url")]
    return serializer.Meta.model.objects.published().only(*columns, *also).order_by(*ordered_by(*order))


def published_documents(also=()):
    # Nested in another record, documents are listed oldest first.
    return summaries(serializers.DocumentSummarySerializer, "date", "symbol", "title", also=also)


def published_sessions():
    return summaries(serializers.SessionSummarySerializer, "start_date")


def published_consultations(also=()):
    return summaries(serializers.ConsultationSummarySerializer, "start_date", also=also)


def published_readings():
    return summaries(serializers.ReadingSummarySerializer, "order", "title")


def published_chapters():
    return summaries(serializers.ChapterSummarySerializer, "order", "title")


def published_groups():
    return summaries(serializers.NegotiationGroupSummarySerializer, "kind", "number", "name")


def published_items(*order: str):
    """Reading items whose reading, chapter and session are published, with the records they show."""
    return ReadingItem.objects.published().order_by(*ordered_by(*order))


def sources() -> Prefetch:
    """Every public record's sources (they have no publication state of their own)."""
    return Prefetch("sources", queryset=Source.objects.order_by("title", "url"), to_attr="source_list")


# --- Content negotiation and the root ---------------------------------------------------


class JSONOnlyNegotiation(BaseContentNegotiation):
    """JSON whatever the client accepts: there is nothing else to offer, so never a 406."""

    def select_parser(self, request, parsers):
        return None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class LanguageMixin:
    """The answer's language: ``?lang=`` if given, else the client's ``Accept-Language``, else English.

    The API's addresses carry no language prefix, so Django's LocaleMiddleware answers them in
    English; the language chosen here is activated for the view, and the middleware then names it
    in ``Content-Language``. The page cache keys API answers by ``Accept-Language`` too.
    """

    def initial(self, request, *args, **kwargs):
        code = request.query_params.get("lang", "").strip()
        if code:
            try:
                language = translation.get_supported_language_variant(code)
            except LookupError:
                languages = ", ".join(known for known, _name in settings.LANGUAGES)
                raise ValidationError(
                    {
                        "lang": [
                            _("“%(code)s” is not one of the languages: %(languages)s.")
                            % {"code": code, "languages": languages}
                        ]
                    }
                ) from None
        else:
            language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)


class APIRootView(LanguageMixin, routers.APIRootView):
    """The resources of the API, each with the address of its list."""

    content_negotiation_class = JSONOnlyNegotiation


# --- Viewsets --------------------------------------------------------------------------


class RecordViewSet(LanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Published records of one model, by slug; the subclasses state their queries."""

    lookup_field = "slug"
    lookup_description = gettext_lazy("The record's slug, as in the address of its page.")
    # Any segment reaches the view, so an unknown slug gets the API's JSON 404.
    lookup_value_regex = "[^/]+"
    content_negotiation_class = JSONOnlyNegotiation

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

    def get_serializer_context(self):
        # Each resource's list address, reversed once per response (serializers.DetailUrlField).
        return {**super().get_serializer_context(), "list_urls": {}}

    def filter_queryset(self, queryset):
        if self.action == "list":
            return super().filter_queryset(queryset)
        # Filters choose among a list; on a detail they would only turn a typo into a 404. A NUL is
        # in no slug, and PostgreSQL takes none in a text parameter: no record, DRF's own 404.
        if "\x00" in self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""):
            return queryset.none()
        return queryset

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            # The record changes without notice: a client revalidates (If-None-Match) before reuse.
            patch_cache_control(response, no_cache=True)
        return response


class SessionViewSet(RecordViewSet):
    """Sessions of the Committee, in date order, with their documents, readings and groups."""

    lookup_example = "sixth-session"
    serializer_class = serializers.SessionSerializer
    filterset_class = filters.SessionFilter

    def get_queryset(self):
        return (
            Session.objects.published()
            .select_related("mandate")
            .prefetch_related(
                sources(),
                Prefetch("documents", queryset=published_documents(), to_attr="public_documents"),
                Prefetch("readings", queryset=published_readings(), to_attr="public_readings"),
                Prefetch("negotiation_groups", queryset=published_groups(), to_attr="public_groups"),
                Prefetch(
                    "consultations_reported",
                    queryset=published_consultations(also=("reported_to",)),
                    to_attr="public_consultations",
                ),
            )
            .order_by(*ordered_by("start_date"))
        )


class ReadingViewSet(RecordViewSet):
    """Readings of the draft convention, each with its chapter × session items."""

    lookup_example = "first-reading"
    serializer_class = serializers.ReadingSerializer
    filterset_class = filters.ReadingFilter

    def get_queryset(self):
        return (
            Reading.objects.published()
            .prefetch_related(
                sources(),
                Prefetch("sessions", queryset=published_sessions(), to_attr="public_sessions"),
                Prefetch(
                    "items", queryset=published_items("session__start_date", "chapter__order"), to_attr="public_items"
                ),
            )
            .order_by(*ordered_by("order", "title"))
        )


class ChapterViewSet(RecordViewSet):
    """Chapters of the convention, each with its readings, groups and documents."""

    lookup_example = "criminalization"
    serializer_class = serializers.ChapterSerializer
    filterset_class = filters.ChapterFilter

    def get_queryset(self):
        return (
            Chapter.objects.published()
            .prefetch_related(
                sources(),
                Prefetch(
                    "reading_items",
                    queryset=published_items("session__start_date", "reading__order"),
                    to_attr="public_items",
                ),
                Prefetch("negotiation_groups", queryset=published_groups(), to_attr="public_groups"),
                Prefetch("documents", queryset=published_documents(), to_attr="public_documents"),
            )
            .order_by(*ordered_by("order", "title"))
        )


class NegotiationGroupViewSet(RecordViewSet):
    """Informal negotiation groups and other informal formats, with their facilitators."""

    lookup_example = "informal-negotiation-group-1"
    serializer_class = serializers.NegotiationGroupSerializer
    filterset_class = filters.NegotiationGroupFilter

    def get_queryset(self):
        return (
            NegotiationGroup.objects.published()
            .prefetch_related(
                sources(),
                Prefetch("sessions", queryset=published_sessions(), to_attr="public_sessions"),
                Prefetch("chapters", queryset=published_chapters(), to_attr="public_chapters"),
                Prefetch("reports", queryset=published_documents(), to_attr="public_reports"),
                Prefetch(
                    "facilitations",
                    queryset=Facilitation.objects.published().order_by("role", "person__name", "pk"),
                    to_attr="public_facilitations",
                ),
            )
            .order_by(*ordered_by("kind", "number", "name"))
        )


class ConsultationViewSet(RecordViewSet):
    """Intersessional consultations with multi-stakeholders."""

    lookup_example = "first-intersessional-consultation"
    serializer_class = serializers.ConsultationSerializer
    filterset_class = filters.ConsultationFilter

    def get_queryset(self):
        return (
            Consultation.objects.published()
            .select_related("chair_report", "reported_to")
            .prefetch_related(
                sources(),
                Prefetch(
                    "stakeholders",
                    queryset=summaries(serializers.StakeholderSerializer, "name"),
                    to_attr="public_stakeholders",
                ),
                Prefetch("documents", queryset=published_documents(), to_attr="public_documents"),
            )
            .order_by(*ordered_by("start_date"))
        )


class DocumentViewSet(RecordViewSet):
    """The document registry: by slug, or by UN symbol at `by-symbol/<symbol>/`."""

    lookup_example = "a-ac-291-22-rev-3"
    serializer_class = serializers.DocumentSerializer
    filterset_class = filters.DocumentFilter

    def get_queryset(self):
        return (
            Document.objects.published()
            .select_related("revises")
            .prefetch_related(
                sources(),
                Prefetch(
                    "versions",
                    queryset=DocumentVersion.objects.only("document", "language", "url").order_by("language"),
                    to_attr="version_list",
                ),
                Prefetch("revisions", queryset=published_documents(also=("revises",)), to_attr="public_revisions"),
                Prefetch("sessions", queryset=published_sessions(), to_attr="public_sessions"),
                Prefetch("consultations", queryset=published_consultations(), to_attr="public_consultations"),
                Prefetch("chapters", queryset=published_chapters(), to_attr="public_chapters"),
            )
            .order_by(*ordered_by("-date", "symbol", "title"))
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

    serializer_class = serializers.BureauMembershipSerializer
    filterset_class = filters.BureauMembershipFilter
    lookup_field = "key"
    lookup_description = gettext_lazy("The person's slug, the role and the start of the term, joined by dots.")
    lookup_example = "faouzia-boumaiza-mebarki.chair.2021-05-10"

    def get_queryset(self):
        return (
            BureauMembership.objects.published()
            .filter(person__publication_state=PublicationState.PUBLISHED)
            .select_related("person")
            .prefetch_related(sources())
            .order_by(*ordered_by("order", "start_date"))
        )

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
    serializer_class = serializers.MilestoneSerializer
    filterset_class = filters.MilestoneFilter

    def get_queryset(self):
        return (
            Milestone.objects.published()
            .select_related("document", "session")
            .prefetch_related(sources())
            .order_by(*ordered_by("date", "title"))
        )


class FAQEntryViewSet(RecordViewSet):
    """Questions and answers about the Committee and the Convention."""

    lookup_example = "is-there-a-united-nations-convention-on-cybercrime"
    serializer_class = serializers.FAQEntrySerializer
    filterset_class = filters.FAQEntryFilter

    def get_queryset(self):
        return FAQEntry.objects.published().prefetch_related(sources()).order_by(*ordered_by("order", "question"))


class ArticleViewSet(RecordViewSet):
    """The articles of the adopted Convention, by number, with the negotiation's chapters they came from."""

    serializer_class = serializers.ArticleSerializer
    filterset_class = filters.ArticleFilter
    lookup_field = "number"
    lookup_value_regex = "[^/]+"
    lookup_description = gettext_lazy("The article's number, as in /convention/#article-7.")
    lookup_example = "65"

    def get_queryset(self):
        # An article of a draft part of the Convention is not public either.
        return (
            Article.objects.published()
            .filter(chapter__publication_state=PublicationState.PUBLISHED)
            .select_related("chapter")
            .prefetch_related(
                sources(),
                Prefetch("negotiation_chapters", queryset=published_chapters(), to_attr="public_negotiation_chapters"),
            )
            .order_by(*ordered_by("number"))
        )

    def get_object(self):
        number = self.kwargs["number"]
        # Digits only: "07" or "7.0" would name article 7 at a second address.
        article = None
        if number.isascii() and number.isdigit() and not number.startswith("0"):
            article = self.get_queryset().filter(number=int(number)).first()
        if article is None:
            raise Http404(_("No published article has this number."))
        return article


class ParticipantViewSet(RecordViewSet):
    """States and the European Union: signature of the Convention and instrument, each with its sources."""

    serializer_class = serializers.ParticipantSerializer
    filterset_class = filters.ParticipantFilter
    lookup_field = "code"
    lookup_description = gettext_lazy("The ISO 3166-1 alpha-2 code in lower case; eu for the European Union.")
    lookup_example = "vn"

    def get_queryset(self):
        return (
            Participant.objects.published()
            .with_public_actions()
            .prefetch_related(sources())
            .order_by(*ordered_by("country"))
        )

    def get_object(self):
        code = self.kwargs["code"]
        participant = None
        # Lower case only, as the URLs give it: one address per participant.
        if re.fullmatch("[a-z]{2}", code):
            participant = self.get_queryset().filter(country=code.upper()).first()
        if participant is None:
            raise Http404(_("No published participant has this code."))
        return participant


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI, its script served from its own URL (no inline script for a CSP to refuse)."""

    # An HTML page and its script: OPTIONS would ask the HTML renderer for a description it has
    # no template for (a 500); it is refused like any other method (405, with Allow).
    http_method_names = ["get", "head"]

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
