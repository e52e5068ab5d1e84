"""What the API shows of each record: fields listed one by one, never ``__all__``, all read-only.

Each resource has a full serializer (its list and its detail show the same fields) and a summary
serializer used when another record nests it: enough to show it and a ``url`` to follow for the
rest. Nested lists are the viewsets' ``Prefetch(..., to_attr=...)`` of published records only; a
nested single record (a session's mandate, a document's earlier version) is ``null`` when it is a
draft.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from committee.html import sanitize_html
from committee.models import (
    Article,
    BureauMembership,
    Chapter,
    Consultation,
    ConventionChapter,
    Document,
    DocumentVersion,
    EventStatus,
    Facilitation,
    FAQEntry,
    Language,
    Milestone,
    NegotiationGroup,
    Participant,
    Person,
    Reading,
    ReadingItem,
    Session,
    Source,
    Stakeholder,
    TreatyAction,
)

# Serializer docstrings become descriptions in the OpenAPI schema (inherited down the classes), so
# notes for developers are comments and docstrings speak to the API's users.
#
# Every Meta lists its fields and makes them all read-only (``read_only_fields = fields``), which
# also drops the input limits (lengths, and an integer's maximum, which Django takes from the
# database backend and would make the schema differ between SQLite and PostgreSQL). Read-only also
# drops ``allow_blank``: ``may_be_blank`` gives it back to the links and choices that may be "", so
# the schema says so.


def may_be_blank(*names: str) -> dict:
    """``Meta.extra_kwargs`` for fields that may be "" (a link or a choice not given)."""
    return {name: {"allow_blank": True} for name in names}


# --- Fields ----------------------------------------------------------------------------


class DetailUrlField(serializers.HyperlinkedIdentityField):
    """The record's address in the API.

    DRF's field reverses the route for every record. Here the resource's list address is reversed
    once per response, kept in the context (``list_urls``, set by the viewsets), and the record's
    slug put after it, as the router's detail route has it: slugs hold only URL-safe characters.
    Any ``?format=`` that DRF carries over comes after the path, as DRF puts it.
    """

    def __init__(self, view_name: str, lookup_field: str = "slug", **kwargs):
        kwargs.setdefault("help_text", _("This record in the API."))
        super().__init__(view_name=f"api:{view_name}-detail", lookup_field=lookup_field, **kwargs)
        self.list_view_name = f"api:{view_name}-list"

    def get_url(self, obj, view_name, request, format):
        list_urls = self.context["list_urls"]
        if self.list_view_name not in list_urls:
            address = self.reverse(self.list_view_name, request=request, format=format)
            list_urls[self.list_view_name] = address.partition("?")
        path, question_mark, query = list_urls[self.list_view_name]
        return f"{path}{getattr(obj, self.lookup_field)}/{question_mark}{query}"


@extend_schema_field(OpenApiTypes.URI)
class HtmlUrlField(serializers.Field):
    """The absolute address of the record's public page."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("The record's page on the public site."))
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


@extend_schema_field({"type": "string", "format": "html"})
class RichTextField(serializers.CharField):
    """Staff HTML, sanitized again on output as the public pages do."""

    def to_representation(self, value):
        return sanitize_html(value)


@extend_schema_field({"type": "string", "pattern": r"^[0-9]{2}:[0-9]{2}$", "nullable": True, "example": "10:00"})
class LocalTimeField(serializers.TimeField):
    """A local wall-clock time, HH:MM, in the meeting's time zone."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", read_only=True, **kwargs)


# A nested single record that is a draft is shown as null, as if it were not set.
class PublishedOrNullMixin:
    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        return related if related is not None and related.is_published else None


# --- Shared parts ----------------------------------------------------------------------


class SourceSerializer(serializers.ModelSerializer):
    """A public source of facts in the record: a UN page, document or secondary report."""

    class Meta:
        model = Source
        fields = ["url", "title", "publisher", "note"]
        read_only_fields = fields


# Every public record: its page, and its provenance (how certain it is, and its sources).
class RecordSerializer(serializers.ModelSerializer):
    html_url = HtmlUrlField()
    sources = SourceSerializer(source="source_list", many=True, read_only=True)

    provenance_fields = ["certainty", "certainty_note", "sources", "updated_at"]


# --- Summaries, for records nested in others -------------------------------------------


class SessionSummarySerializer(PublishedOrNullMixin, serializers.ModelSerializer):
    """A session, in short; its `url` gives the whole record."""

    url = DetailUrlField("session")
    html_url = HtmlUrlField()

    class Meta:
        model = Session
        fields = ["url", "html_url", "slug", "kind", "number", "title", "start_date", "end_date", "city"]
        read_only_fields = fields


class DocumentSummarySerializer(PublishedOrNullMixin, serializers.ModelSerializer):
    """A document, in short; its `url` gives the whole record."""

    url = DetailUrlField("document")
    html_url = HtmlUrlField()

    class Meta:
        model = Document
        fields = ["url", "html_url", "slug", "symbol", "kind", "title", "date"]
        read_only_fields = fields
        extra_kwargs = may_be_blank("slug")


class ChapterSummarySerializer(serializers.ModelSerializer):
    """A chapter, in short; its `url` gives the whole record."""

    url = DetailUrlField("chapter")
    html_url = HtmlUrlField()

    class Meta:
        model = Chapter
        fields = ["url", "html_url", "slug", "title", "order", "convention_chapter"]
        read_only_fields = fields


class ReadingSummarySerializer(serializers.ModelSerializer):
    """A reading, in short; its `url` gives the whole record."""

    url = DetailUrlField("reading")
    html_url = HtmlUrlField()

    class Meta:
        model = Reading
        fields = ["url", "html_url", "slug", "title", "order"]
        read_only_fields = fields


class NegotiationGroupSummarySerializer(serializers.ModelSerializer):
    """A negotiation group, in short; its `url` gives the whole record."""

    url = DetailUrlField("negotiation-group")
    html_url = HtmlUrlField()

    class Meta:
        model = NegotiationGroup
        fields = ["url", "html_url", "slug", "name", "kind", "number"]
        read_only_fields = fields


class ConsultationSummarySerializer(serializers.ModelSerializer):
    """A consultation, in short; its `url` gives the whole record."""

    url = DetailUrlField("consultation")
    html_url = HtmlUrlField()

    class Meta:
        model = Consultation
        fields = ["url", "html_url", "slug", "number", "title", "start_date", "end_date", "city"]
        read_only_fields = fields


class PersonSerializer(serializers.ModelSerializer):
    """A person: a member of the Bureau or a facilitator."""

    class Meta:
        model = Person
        fields = ["slug", "honorific", "name"]
        read_only_fields = fields


class StakeholderSerializer(serializers.ModelSerializer):
    """A stakeholder that took part in a consultation."""

    class Meta:
        model = Stakeholder
        fields = ["slug", "name", "basis", "website"]
        read_only_fields = fields
        extra_kwargs = may_be_blank("website")


# --- Resources -------------------------------------------------------------------------


class MeetingSerializer(RecordSerializer):
    status = serializers.ChoiceField(
        choices=EventStatus.choices,
        read_only=True,
        help_text=_("Upcoming, ongoing or concluded, by today's date where the meeting takes place."),
    )
    body = RichTextField(read_only=True)

    meeting_fields = [
        "status", "start_date", "end_date", "time_zone", "city", "venue", "room", "meeting_format", "summary", "body",
    ]  # fmt: skip


class SessionSerializer(MeetingSerializer):
    """A session of the Committee, with its documents, readings, groups and the consultations reported to it."""

    url = DetailUrlField("session")
    daily_start_time = LocalTimeField(allow_null=True)
    daily_end_time = LocalTimeField(allow_null=True)
    mandate = DocumentSummarySerializer(read_only=True, allow_null=True)
    documents = DocumentSummarySerializer(source="public_documents", many=True, read_only=True)
    readings = ReadingSummarySerializer(source="public_readings", many=True, read_only=True)
    negotiation_groups = NegotiationGroupSummarySerializer(source="public_groups", many=True, read_only=True)
    consultations_reported = ConsultationSummarySerializer(
        source="public_consultations",
        many=True,
        read_only=True,
        help_text=_("The intersessional consultations the Chair reported on to this session."),
    )

    class Meta:
        model = Session
        fields = [
            "url", "html_url", "slug", "kind", "number", "title", *MeetingSerializer.meeting_fields,
            "daily_start_time", "daily_end_time", "mandate", "registration_url", "webcast_url", "page_url",
            "documents", "readings", "negotiation_groups", "consultations_reported",
            *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = may_be_blank("meeting_format", "registration_url", "webcast_url", "page_url")


class ReadingItemInReadingSerializer(serializers.ModelSerializer):
    """One cell of the chapter × session matrix of a reading."""

    chapter = ChapterSummarySerializer(read_only=True)
    session = SessionSummarySerializer(read_only=True)
    basis = DocumentSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = ReadingItem
        fields = ["chapter", "session", "basis", "basis_note", "certainty", "certainty_note"]
        read_only_fields = fields


class ReadingItemInChapterSerializer(serializers.ModelSerializer):
    """One reading of a chapter: at which session, on the basis of which text."""

    reading = ReadingSummarySerializer(read_only=True)
    session = SessionSummarySerializer(read_only=True)
    basis = DocumentSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = ReadingItem
        fields = ["reading", "session", "basis", "basis_note", "certainty", "certainty_note"]
        read_only_fields = fields


class ReadingSerializer(RecordSerializer):
    """A reading of the draft convention, held over one or more sessions, with its chapter × session items."""

    url = DetailUrlField("reading")
    body = RichTextField(read_only=True)
    sessions = SessionSummarySerializer(source="public_sessions", many=True, read_only=True)
    items = ReadingItemInReadingSerializer(source="public_items", many=True, read_only=True)

    class Meta:
        model = Reading
        fields = [
            "url", "html_url", "slug", "title", "order", "summary", "body", "sessions", "items",
            *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields


class ChapterSerializer(RecordSerializer):
    """A chapter or part of the convention, with its readings, groups and documents."""

    url = DetailUrlField("chapter")
    description = RichTextField(read_only=True)
    readings = ReadingItemInChapterSerializer(source="public_items", many=True, read_only=True)
    negotiation_groups = NegotiationGroupSummarySerializer(source="public_groups", many=True, read_only=True)
    documents = DocumentSummarySerializer(source="public_documents", many=True, read_only=True)

    class Meta:
        model = Chapter
        fields = [
            "url", "html_url", "slug", "title", "order", "convention_chapter", "description", "readings",
            "negotiation_groups", "documents", *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields


class FacilitationSerializer(serializers.ModelSerializer):
    """A facilitator of a group, and their role."""

    person = PersonSerializer(read_only=True)

    class Meta:
        model = Facilitation
        fields = ["person", "role", "country", "certainty"]
        read_only_fields = fields


class NegotiationGroupSerializer(RecordSerializer):
    """An informal negotiation group or other informal format, with its facilitators."""

    url = DetailUrlField("negotiation-group")
    body = RichTextField(read_only=True)
    sessions = SessionSummarySerializer(source="public_sessions", many=True, read_only=True)
    chapters = ChapterSummarySerializer(source="public_chapters", many=True, read_only=True)
    reports = DocumentSummarySerializer(source="public_reports", many=True, read_only=True)
    facilitators = FacilitationSerializer(source="public_facilitations", many=True, read_only=True)

    class Meta:
        model = NegotiationGroup
        fields = [
            "url", "html_url", "slug", "name", "kind", "number", "topics", "body", "sessions", "chapters",
            "reports", "facilitators", *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields


class ConsultationSerializer(MeetingSerializer):
    """An intersessional consultation with multi-stakeholders."""

    url = DetailUrlField("consultation")
    languages = serializers.SerializerMethodField(help_text=_("The languages of the meeting."))
    panels = serializers.ListField(
        source="panel_list", child=serializers.CharField(), read_only=True, help_text=_("Its panels or topics.")
    )
    chair_report = DocumentSummarySerializer(read_only=True, allow_null=True)
    reported_to = SessionSummarySerializer(
        read_only=True, allow_null=True, help_text=_("The session to which the Chair reported on it.")
    )
    stakeholders = StakeholderSerializer(source="public_stakeholders", many=True, read_only=True)
    documents = DocumentSummarySerializer(source="public_documents", many=True, read_only=True)

    class Meta:
        model = Consultation
        fields = [
            "url", "html_url", "slug", "number", "title", *MeetingSerializer.meeting_fields, "languages", "panels",
            "chair_report", "reported_to", "stakeholders", "documents", *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = may_be_blank("meeting_format")

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Language.choices)))
    def get_languages(self, consultation) -> list[str]:
        return [code for code in consultation.languages.split(",") if code in Language.values]


class DocumentVersionSerializer(serializers.ModelSerializer):
    """The document in one UN language: where to read it."""

    class Meta:
        model = DocumentVersion
        fields = ["language", "url"]
        read_only_fields = fields


class DocumentSerializer(RecordSerializer):
    """A document: its UN symbol if it has one, where to read it in each language, what it belongs to."""

    url = DetailUrlField("document")
    versions = DocumentVersionSerializer(
        source="version_list", many=True, read_only=True, help_text=_("Where to read it, per UN language.")
    )
    revises = DocumentSummarySerializer(read_only=True, allow_null=True)
    revisions = DocumentSummarySerializer(
        source="public_revisions", many=True, read_only=True, help_text=_("Later documents that revise this one.")
    )
    sessions = SessionSummarySerializer(source="public_sessions", many=True, read_only=True)
    consultations = ConsultationSummarySerializer(source="public_consultations", many=True, read_only=True)
    chapters = ChapterSummarySerializer(source="public_chapters", many=True, read_only=True)

    class Meta:
        model = Document
        fields = [
            "url", "html_url", "slug", "symbol", "kind", "title", "date", "summary", "versions", "revises",
            "revisions", "sessions", "consultations", "chapters", *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = may_be_blank("slug")


def membership_key(membership: BureauMembership) -> str:
    """A membership's identifier in the API: its natural key, ``person-slug.role.YYYY-MM-DD``.

    Slugs hold no dots, so the three parts are read back unambiguously; the key stays the same
    when the record is reloaded from the fixture, unlike a database id.
    """
    return ".".join(membership.natural_key())


class BureauMembershipSerializer(RecordSerializer):
    """A term of office in the Bureau of the Committee."""

    url = serializers.SerializerMethodField(help_text=_("This record in the API."))
    key = serializers.SerializerMethodField(
        help_text=_("Its identifier: the person's slug, the role and the start of the term, joined by dots.")
    )
    person = PersonSerializer(read_only=True)

    class Meta:
        model = BureauMembership
        fields = [
            "url", "html_url", "key", "person", "role", "country", "regional_group", "start_date", "end_date",
            "order", *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, membership) -> str:
        path = reverse("api:bureau-membership-detail", kwargs={"key": membership_key(membership)})
        return self.context["request"].build_absolute_uri(path)

    def get_key(self, membership) -> str:
        return membership_key(membership)


class MilestoneSerializer(RecordSerializer):
    """A dated event that is not a session: a resolution, a postponement, the adoption, the signing."""

    url = DetailUrlField("milestone")
    document = DocumentSummarySerializer(read_only=True, allow_null=True)
    session = SessionSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Milestone
        fields = [
            "url", "html_url", "slug", "title", "kind", "date", "date_precision", "end_date", "city", "description",
            "document", "session", *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields


class FAQEntrySerializer(RecordSerializer):
    """A question about the Committee or the Convention, and its answer."""

    url = DetailUrlField("faq-entry")
    answer = RichTextField(read_only=True)

    class Meta:
        model = FAQEntry
        fields = ["url", "html_url", "slug", "question", "answer", "order", *RecordSerializer.provenance_fields]
        read_only_fields = fields


# --- The Convention after adoption -----------------------------------------------------


class ConventionChapterSummarySerializer(serializers.ModelSerializer):
    """A part of the adopted Convention: its preamble or a chapter (numeral I to IX)."""

    html_url = HtmlUrlField()

    class Meta:
        model = ConventionChapter
        fields = ["html_url", "slug", "numeral", "title", "order"]
        read_only_fields = fields
        extra_kwargs = may_be_blank("numeral")


class ArticleSerializer(RecordSerializer):
    """An article of the adopted Convention (General Assembly resolution 79/243, annex), with the
    chapters of the negotiation whose readings and groups dealt with it."""

    url = DetailUrlField("article", lookup_field="number")
    chapter = ConventionChapterSummarySerializer(read_only=True)
    negotiation_chapters = ChapterSummarySerializer(source="public_negotiation_chapters", many=True, read_only=True)

    class Meta:
        model = Article
        fields = [
            "url", "html_url", "number", "title", "chapter", "negotiation_chapters",
            *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields


class TreatyActionSerializer(serializers.ModelSerializer):
    """A signature, or an instrument of ratification, acceptance, approval or accession.

    `date` is the first day of the month or year when `date_precision` says only that is known.
    """

    sources = SourceSerializer(source="source_list", many=True, read_only=True)

    class Meta:
        model = TreatyAction
        fields = ["kind", "date", "date_precision", "notification", "certainty", "certainty_note", "sources"]
        read_only_fields = fields
        extra_kwargs = may_be_blank("notification")


class ParticipantSerializer(RecordSerializer):
    """A State or the European Union: its signature of the Convention and its instrument, if any."""

    url = DetailUrlField("participant", lookup_field="anchor")
    code = serializers.CharField(
        source="country.code", read_only=True, help_text=_("ISO 3166-1 alpha-2 code; EU for the European Union.")
    )
    name = serializers.CharField(source="country.name", read_only=True, help_text=_("Its name, in English."))
    signature = TreatyActionSerializer(read_only=True, allow_null=True)
    instrument = TreatyActionSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Participant
        fields = [
            "url", "html_url", "code", "name", "kind", "regional_group", "signature", "instrument",
            *RecordSerializer.provenance_fields,
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = may_be_blank("regional_group")
