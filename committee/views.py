"""Public pages. Drafts are 404 to visitors; staff who can view the record preview them.

Each view states its queries in ``get_queryset``: related records come through ``select_related``
or a named ``Prefetch`` of published records only, so a page runs a fixed number of queries and
never shows a draft through a relation. A forward relation (a session's mandate, an item's basis
document) may point to a draft: the template checks ``is_published`` before linking it (the
``document_link`` tag, templatetags/record.py).
"""

import csv
from collections import defaultdict

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView, TemplateView

from .api.pagination import NOT_POSITIVE, positive_int
from .convention import deposited_instruments, entry_into_force, status_picture, status_summary
from .filters import DocumentFilter
from .models import (
    INSTRUMENT_KINDS,
    ActionKind,
    Article,
    BureauMembership,
    Certainty,
    Chapter,
    Consultation,
    ConventionChapter,
    Document,
    DocumentKind,
    DocumentVersion,
    Facilitation,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    Participant,
    ParticipantKind,
    PublicationState,
    Reading,
    ReadingItem,
    RegionalGroup,
    Session,
    SessionKind,
    Stakeholder,
)
from .search import MAX_QUERY_LENGTH, search_record
from .symbols import normalize_symbol
from .timeline import timeline_events, timeline_picture
from .worldmap import status_map

PUBLISHED = PublicationState.PUBLISHED
# What a link to a document shows (document_link: symbol, title, certainty; linked if published).
DOCUMENT_LINK_FIELDS = ("publication_state", "certainty", "slug", "symbol", "title")
# What a meeting shows where it is listed on the home page: its title, dates and city, linked.
MEETING_CARD_FIELDS = ("slug", "title", "start_date", "end_date", "city")


def can_preview(request, model) -> bool:
    """Staff who may view the record in the admin may also see its drafts on the site."""
    user = request.user
    return user.is_active and user.is_staff and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def bad_request(request, problems: dict[str, list[str]]):
    """A 400 page that names each parameter that was wrong, and why."""
    return render(request, "400.html", {"problems": problems}, status=400)


def group_reading_items(items) -> list[dict]:
    """Reading items that say the same but for their chapter, as one: a session that read all ten
    chapters on one document shows one row naming them, not ten identical rows."""
    groups: dict[tuple, dict] = {}
    for item in items:
        key = (item.reading_id, item.session_id, item.basis_id, item.basis_note, item.certainty)
        groups.setdefault(key, {"item": item, "chapters": []})["chapters"].append(item.chapter)
    return list(groups.values())


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

    def records(self):
        if can_preview(self.request, self.model):
            return self.model.objects.all()
        return self.model.objects.published()


class SessionDetailView(RecordDetailView):
    model = Session

    def get_queryset(self):
        return (
            self.records()
            .select_related("mandate")
            .prefetch_related(
                SOURCES,
                Prefetch(
                    "documents",
                    queryset=Document.objects.published()
                    .only(*DOCUMENT_LINK_FIELDS, "kind")
                    .order_by("date", "symbol", "title"),
                    to_attr="document_list",
                ),
                Prefetch(
                    "reading_items",
                    queryset=ReadingItem.objects.published().order_by("chapter__order"),
                    to_attr="public_items",
                ),
                Prefetch(
                    "negotiation_groups",
                    queryset=NegotiationGroup.objects.published().only("slug", "name", "certainty"),
                    to_attr="public_groups",
                ),
                # A reverse relation: the key it is found by (reported_to) is read too.
                Prefetch(
                    "consultations_reported",
                    queryset=Consultation.objects.published().only(
                        "slug", "title", "start_date", "end_date", "reported_to"
                    ),
                    to_attr="public_consultations",
                ),
            )
        )

    def get_context_data(self, **kwargs):
        session = self.object
        return super().get_context_data(
            documents_by_kind=group_documents_by_kind(session.document_list),
            readings=group_reading_items(session.public_items),
            json_ld=event_json_ld(self.request, session),
            **kwargs,
        )


class ReadingDetailView(RecordDetailView):
    model = Reading

    def get_queryset(self):
        return self.records().prefetch_related(
            SOURCES,
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

    def get_queryset(self):
        return self.records().prefetch_related(
            SOURCES,
            Prefetch(
                "reading_items",
                queryset=ReadingItem.objects.published().order_by("session__start_date", "reading__order"),
                to_attr="public_items",
            ),
            Prefetch(
                "negotiation_groups",
                queryset=NegotiationGroup.objects.published()
                .only("slug", "name")
                .prefetch_related(
                    Prefetch("sessions", queryset=Session.objects.published().only("title"), to_attr="public_sessions")
                ),
                to_attr="public_groups",
            ),
            Prefetch(
                "documents",
                queryset=Document.objects.published().only(*DOCUMENT_LINK_FIELDS).order_by("date", "symbol"),
                to_attr="public_documents",
            ),
        )


class GroupDetailView(RecordDetailView):
    model = NegotiationGroup

    def get_queryset(self):
        return self.records().prefetch_related(
            SOURCES,
            Prefetch("sessions", queryset=Session.objects.published().only("slug", "title"), to_attr="public_sessions"),
            Prefetch("facilitations", queryset=Facilitation.objects.published(), to_attr="public_facilitations"),
            Prefetch("chapters", queryset=Chapter.objects.published().only("slug", "title"), to_attr="public_chapters"),
            Prefetch(
                "reports", queryset=Document.objects.published().only(*DOCUMENT_LINK_FIELDS), to_attr="public_reports"
            ),
        )


class ConsultationDetailView(RecordDetailView):
    model = Consultation

    def get_queryset(self):
        return (
            self.records()
            .select_related("chair_report", "reported_to")
            .prefetch_related(
                SOURCES,
                Prefetch(
                    "documents",
                    queryset=Document.objects.published().only(*DOCUMENT_LINK_FIELDS),
                    to_attr="public_documents",
                ),
                Prefetch(
                    "stakeholders",
                    queryset=Stakeholder.objects.published().only("name", "basis"),
                    to_attr="public_stakeholders",
                ),
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(json_ld=event_json_ld(self.request, self.object), **kwargs)


class DocumentDetailView(RecordDetailView):
    """A document at its symbol (any accepted spelling redirects to the canonical one) or its slug."""

    model = Document

    def get_queryset(self):
        # Every related record is shown as a link. Through a reverse relation (revisions, mandated
        # sessions, reading items, milestones) the key it is found by is read too.
        return (
            self.records()
            .select_related("revises")
            .prefetch_related(
                SOURCES,
                Prefetch("versions", queryset=DocumentVersion.objects.in_un_order(), to_attr="version_list"),
                Prefetch(
                    "revisions",
                    queryset=Document.objects.published().only(*DOCUMENT_LINK_FIELDS, "revises"),
                    to_attr="public_revisions",
                ),
                Prefetch(
                    "sessions", queryset=Session.objects.published().only("slug", "title"), to_attr="public_sessions"
                ),
                Prefetch(
                    "consultations",
                    queryset=Consultation.objects.published().only("slug", "title"),
                    to_attr="public_consultations",
                ),
                Prefetch(
                    "chapters", queryset=Chapter.objects.published().only("slug", "title"), to_attr="public_chapters"
                ),
                Prefetch("reading_items", queryset=ReadingItem.objects.published(), to_attr="public_items"),
                Prefetch(
                    "mandated_sessions",
                    queryset=Session.objects.published().only("slug", "title", "mandate"),
                    to_attr="public_mandated",
                ),
                Prefetch(
                    "negotiation_groups",
                    queryset=NegotiationGroup.objects.published().only("slug", "name"),
                    to_attr="public_groups",
                ),
                # Whole rows: a milestone's date label reads its date, end date and precision.
                Prefetch("milestones", queryset=Milestone.objects.published(), to_attr="public_milestones"),
            )
        )

    def get_object(self, queryset=None):
        if "symbol" not in self.kwargs:
            return super().get_object(queryset)
        queryset = self.get_queryset() if queryset is None else queryset
        try:
            return queryset.by_symbol(self.kwargs["symbol"]).get()
        except Document.DoesNotExist:
            raise Http404(_("No document has the symbol “%(symbol)s”.") % {"symbol": self.kwargs["symbol"]}) from None

    def get_context_data(self, **kwargs):
        return super().get_context_data(readings=group_reading_items(self.object.public_items), **kwargs)

    def get(self, request, *args, **kwargs):
        typed = kwargs.get("symbol")
        if typed is not None and typed != canonical_symbol(typed):
            # A symbol typed in another spelling (a/ac.291/22/rev.3) goes to the canonical address,
            # if a document shown here has it: that takes its symbol only.
            document = self.get_object(self.records().only("symbol"))
            return redirect("committee:document-by-symbol", symbol=document.symbol, permanent=True)
        return super().get(request, *args, **kwargs)


def canonical_symbol(symbol: str) -> str:
    """The symbol as the record writes it, or "" if it is no UN symbol."""
    try:
        return normalize_symbol(symbol)
    except ValidationError:
        return ""


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


class SessionListView(ListView):
    template_name = "committee/session_list.html"

    def get_queryset(self):
        # The status is derived from the dates in the session's own time zone.
        return Session.objects.published().only(
            "slug", "title", "certainty", "start_date", "end_date", "city", "room", "time_zone"
        )


class ReadingListView(ListView):
    template_name = "committee/reading_list.html"

    def get_queryset(self):
        return (
            Reading.objects.published()
            .only("slug", "title", "summary")
            .prefetch_related(
                Prefetch(
                    "sessions", queryset=Session.objects.published().only("slug", "title"), to_attr="public_sessions"
                )
            )
        )


class ChapterListView(ListView):
    template_name = "committee/chapter_list.html"

    def get_queryset(self):
        return Chapter.objects.published().only("slug", "title", "convention_chapter")


class GroupListView(ListView):
    template_name = "committee/group_list.html"

    def get_queryset(self):
        return (
            NegotiationGroup.objects.published()
            .only("slug", "name", "certainty")
            .prefetch_related(
                Prefetch("sessions", queryset=Session.objects.published().only("title"), to_attr="public_sessions"),
                Prefetch("facilitations", queryset=Facilitation.objects.published(), to_attr="public_facilitations"),
            )
        )


class ConsultationListView(ListView):
    template_name = "committee/consultation_list.html"

    def get_queryset(self):
        # The session it was reported to is shown only if published (the template checks).
        return Consultation.objects.published().select_related("reported_to")


class DocumentListView(ListView):
    """The document registry: filtered by kind, session, year, language and words; paginated."""

    template_name = "committee/document_list.html"
    # 25 a page, as the API's lists: a screen or two of the table.
    paginate_by = 25

    def get(self, request, *args, **kwargs):
        # A page that is not a positive whole number is a 400 naming it, as in the API; a page
        # past the last stays a 404.
        if request.GET.get(self.page_kwarg) and positive_int(request.GET[self.page_kwarg]) is None:
            return bad_request(request, {self.page_kwarg: [NOT_POSITIVE]})
        self.filterset = DocumentFilter(request.GET or None, queryset=Document.objects.published(), request=request)
        if self.filterset.is_bound and not self.filterset.is_valid():
            return bad_request(request, {name: list(errors) for name, errors in self.filterset.errors.items()})
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # A row: the document's own columns, its languages and its published sessions.
        return self.filterset.qs.only(*DOCUMENT_LINK_FIELDS, "kind", "date").prefetch_related(
            Prefetch(
                "versions",
                queryset=DocumentVersion.objects.only("document", "language", "url").in_un_order(),
                to_attr="version_list",
            ),
            Prefetch(
                "sessions",
                queryset=Session.objects.published().only("slug", "title").order_by("start_date", "pk"),
                to_attr="public_sessions",
            ),
        )

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(filter=self.filterset, query_string=query.urlencode(), **kwargs)


# --- Single pages ----------------------------------------------------------------------


MEETINGS = (Session, Consultation)


def meeting_cards(model):
    return model.objects.published().only(*MEETING_CARD_FIELDS)


class HomeView(TemplateView):
    template_name = "committee/home.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        # A session first, then a consultation: the first of each kind under way, and to come.
        ongoing = [meeting_cards(model).ongoing(today).order_by("start_date", "pk").first() for model in MEETINGS]
        upcoming = [meeting_cards(model).upcoming(today).order_by("start_date", "pk").first() for model in MEETINGS]
        # The latest six, told apart: what is still to come (soonest first), then what is past.
        milestones = list(Milestone.objects.published().order_by("-date")[:6])
        return super().get_context_data(
            current_event=next((meeting for meeting in ongoing if meeting), None),
            next_event=min(filter(None, upcoming), key=lambda meeting: meeting.start_date, default=None),
            latest_session=meeting_cards(Session).concluded(today).order_by("-end_date").first(),
            coming_milestones=[m for m in reversed(milestones) if m.date > today],
            past_milestones=[m for m in milestones if m.date <= today],
            documents=Document.objects.published()
            .filter(date__isnull=False)
            .only(*DOCUMENT_LINK_FIELDS, "date")
            .order_by("-date", "symbol")[:6],
            faq_entries=FAQEntry.objects.published().only("slug", "question")[:4],
            convention_status=status_summary(),
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
        # Each note once: the membership that carries it, so the page shows it in its language.
        notes = list({m.certainty_note: m for m in memberships if m.certainty_note}.values())
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
        # Only a query that reads as a UN symbol is looked up as one.
        symbol = canonical_symbol(query)
        if symbol:
            symbol_document = Document.objects.published().by_symbol(symbol).only("symbol", "slug").first()
            if symbol_document is not None:
                return redirect(symbol_document.get_absolute_url())
        context = self.get_context_data(query=query, results=search_record(query) if query else [], **kwargs)
        context["symbol_not_found"] = bool(symbol)
        return self.render_to_response(context)


# --- The Convention after adoption -----------------------------------------------------


class ConventionView(TemplateView):
    """The adopted Convention part by part, each article at ``#article-N`` with the negotiation's
    chapters it came from."""

    template_name = "committee/convention.html"

    def get_context_data(self, **kwargs):
        negotiation_chapters = Chapter.objects.published().only("slug", "title").order_by("order", "title")
        parts = ConventionChapter.objects.published().prefetch_related(
            SOURCES,
            Prefetch("negotiation_chapters", queryset=negotiation_chapters, to_attr="public_negotiation_chapters"),
            Prefetch(
                "articles",
                queryset=Article.objects.published()
                .only("number", "title", "chapter", "certainty", "certainty_note")
                .prefetch_related(
                    Prefetch(
                        "negotiation_chapters", queryset=negotiation_chapters, to_attr="public_negotiation_chapters"
                    )
                ),
                to_attr="public_articles",
            ),
        )
        parts = list(parts)
        # One page for many records: their sources and notes, each once (as the Bureau page).
        sources = {source.url: source for part in parts for source in part.source_list}
        return super().get_context_data(parts=parts, sources=list(sources.values()), **kwargs)


# The status table's orders: a parameter value, its label, and the key a participant sorts by.
def _by_name(participant):
    return str(participant.country.name)


def _by_date(kind):
    def key(participant):
        action = participant.signature if kind == "signature" else participant.instrument
        # Participants without the date come last, by name.
        return (action is None, action.date if action else None, _by_name(participant))

    return key


STATUS_ORDERS = {
    "name": (gettext_lazy("Name"), _by_name),
    "signature": (gettext_lazy("Date of signature"), _by_date("signature")),
    "instrument": (gettext_lazy("Date of instrument"), _by_date("instrument")),
}


class StatusForm(forms.Form):
    """The status table's GET form: a regional group to show, and the order of the rows."""

    group = forms.ChoiceField(
        label=gettext_lazy("Regional group"),
        required=False,
        choices=[("", gettext_lazy("All")), *RegionalGroup.choices, ("organization", gettext_lazy("Organizations"))],
    )
    sort = forms.ChoiceField(
        label=gettext_lazy("Order"),
        required=False,
        choices=[(value, label) for value, (label, _key) in STATUS_ORDERS.items()],
    )


def participant_rows():
    """Published participants with their published signature and instrument (three queries)."""
    return list(Participant.objects.published().with_public_actions())


class ConventionStatusView(TemplateView):
    """Signatures and instruments State by State, the counts, and entry into force computed."""

    template_name = "committee/convention_status.html"

    def get(self, request, *args, **kwargs):
        self.form = StatusForm(request.GET)
        if not self.form.is_valid():
            return bad_request(request, {name: list(errors) for name, errors in self.form.errors.items()})
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        participants = participant_rows()
        # Each action knows its participant: the prefetch sets the relation on the way back.
        actions = [action for participant in participants for action in participant.public_actions]
        instruments = [action for action in actions if action.kind in INSTRUMENT_KINDS]
        force = entry_into_force(deposited_instruments(actions))

        group = self.form.cleaned_data["group"]
        sort = self.form.cleaned_data["sort"] or "name"
        rows = participants
        if group == "organization":
            rows = [p for p in rows if p.kind == ParticipantKind.ORGANIZATION]
        elif group:
            rows = [p for p in rows if p.regional_group == group]
        rows = sorted(rows, key=STATUS_ORDERS[sort][1])

        # The page's sources, each once, numbered; each fact refers to them by number.
        sources = {}
        for action in actions:
            for source in action.source_list:
                sources.setdefault(source.url, source)
        numbers = {url: index for index, url in enumerate(sources, start=1)}
        for action in actions:
            action.source_numbers = [(numbers[source.url], source) for source in action.source_list]

        post_adoption = (
            Session.objects.published()
            .filter(kind=SessionKind.POST_ADOPTION)
            .only("slug", "title", "start_date", "end_date", "city")
            .order_by("start_date")
        )
        return super().get_context_data(
            form=self.form,
            rows=rows,
            group=group,
            sort=sort,
            participant_count=len(participants),
            signatories=sum(1 for a in actions if a.kind == ActionKind.SIGNATURE),
            deposited=len(instruments),
            organization_instruments=sum(1 for a in instruments if a.participant.kind == ParticipantKind.ORGANIZATION),
            unconfirmed_instruments=sum(1 for a in instruments if a.certainty != Certainty.CONFIRMED),
            force=force,
            picture=status_picture(actions, today=timezone.localdate()),
            world=status_map(participants),
            sources=list(sources.values()),
            post_adoption_sessions=list(post_adoption),
            **kwargs,
        )


CSV_HEADER = [
    "code", "participant", "kind", "regional_group",
    "signature_date", "signature_certainty", "signature_sources",
    "instrument", "instrument_date", "instrument_certainty", "instrument_notification", "instrument_sources",
]  # fmt: skip


def status_csv(request):
    """One row a participant, dates in ISO 8601 (to the precision known), as Django's documentation
    writes CSV: the csv module into an HttpResponse."""
    if request.GET:
        # The file is the whole table: a parameter would be ignored, so it is refused instead.
        name = next(iter(request.GET))
        return HttpResponse(
            _("“%(parameter)s”: this file takes no parameters.") % {"parameter": name} + "\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="convention-status.csv"'},
    )
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for participant in sorted(participant_rows(), key=lambda p: p.code):
        signature, instrument = participant.signature, participant.instrument
        writer.writerow(
            [
                participant.code,
                participant.country.name,
                participant.kind,
                participant.regional_group,
                signature.iso_date if signature else "",
                signature.certainty if signature else "",
                " ".join(source.url for source in signature.source_list) if signature else "",
                instrument.kind if instrument else "",
                instrument.iso_date if instrument else "",
                instrument.certainty if instrument else "",
                instrument.notification if instrument else "",
                " ".join(source.url for source in instrument.source_list) if instrument else "",
            ]
        )
    return response
