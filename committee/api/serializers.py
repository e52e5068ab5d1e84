"""What the API shows of each record: fields listed one by one, never ``__all__``.

Each resource has a full serializer (its list and its detail show the same fields) and a summary
serializer used when another record nests it: enough to show it and a ``url`` to follow for the
rest. Nested lists come from the viewsets' ``nested`` lists (or ``Prefetch``) of published records
only; a nested single record (a session's mandate, a document's earlier version) is shown as
``null`` when it is a draft.
"""

import datetime
import functools
import operator
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse as drf_reverse
from rest_framework.settings import ISO_8601, api_settings

from committee.html import sanitize_html
from committee.models import (
    BureauMembership,
    Chapter,
    Consultation,
    Document,
    DocumentVersion,
    EventStatus,
    Facilitation,
    FAQEntry,
    Language,
    Milestone,
    NegotiationGroup,
    Person,
    Reading,
    ReadingItem,
    Session,
    Source,
    Stakeholder,
)
from committee.prepared import ROW
from committee.remembered import Remembered

# --- Fields ----------------------------------------------------------------------------


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


# Serializer docstrings become descriptions in the OpenAPI schema (inherited down the classes), so
# notes for developers are comments and docstrings speak to the API's users.


# A nested single record that is a draft is shown as null, as if it were not set.
class PublishedOrNullMixin:
    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        return related if related is not None and related.is_published else None


# The API only reads: every field is read-only, which also drops the input limits (lengths, and an
# integer's maximum, which Django takes from the database backend and would make the schema
# differ between SQLite and PostgreSQL). A field that may be blank ("" for a link or a choice
# not given) stays documented so.
#
# Output goes through a plan made once per serializer class (``Plan``), not through DRF's fields: DRF
# builds every field of every nested serializer again for each response and walks them generically
# for each record, which cost far more than the queries. The fields are still declared, and still
# describe the output (drf-spectacular reads them for the schema); the plan reproduces what DRF's
# ``to_representation`` would return, value for value. The tests compare the two: with
# ``REFERENCE`` set in its context, a serializer (and every one nested in it) uses DRF's fields.
class ModelSerializer(serializers.ModelSerializer):
    def get_extra_kwargs(self):
        extra_kwargs = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra_kwargs[name] = {**extra_kwargs.get(name, {}), "read_only": True}
        return extra_kwargs

    def include_extra_kwargs(self, kwargs, extra_kwargs):
        allow_blank = kwargs.get("allow_blank")
        kwargs = super().include_extra_kwargs(kwargs, extra_kwargs)
        if allow_blank:
            kwargs["allow_blank"] = True
        return kwargs

    def to_representation(self, instance):
        rendering = Rendering.of(self)
        if rendering.reference:
            nested_lists_made(instance)
            return super().to_representation(instance)
        return Plan.of(type(self)).represent_kept(instance, rendering, RECORDS)


# --- Representation --------------------------------------------------------------------

# A lookup value that Django's reverse() would put in a path unchanged: unreserved characters only.
UNRESERVED = re.compile(r"[-A-Za-z0-9_.~]+")
# A path that HttpRequest.build_absolute_uri() would only append to the scheme and host: no dot
# segments to resolve, nothing that iri_to_uri() would encode.
PLAIN_PATH = re.compile(r"/(?!/)[-A-Za-z0-9_.~!$&'()*+,;=:@/%#]*")
LOOKUP_MARK = "lookupvalue"
# Context key: represent with DRF's fields rather than the plans (the reference the tests compare to).
REFERENCE = "drf_reference"


@functools.lru_cache(maxsize=256)
def _url_template(view_name: str, kwarg: str, prefix: str, urlconf, language) -> tuple[str, str] | None:
    """The path of ``view_name`` split around its lookup value, or None if it cannot be made so.

    Cached by everything reverse() reads besides the arguments: script prefix, URLconf, language.
    """
    try:
        path = reverse(view_name, kwargs={kwarg: LOOKUP_MARK}, urlconf=urlconf)
    except NoReverseMatch:
        return None
    head, mark, tail = path.partition(LOOKUP_MARK)
    return (head, tail) if mark and LOOKUP_MARK not in tail else None


class Rendering:
    """What the records of one response share: the request, its address, its serializers."""

    def __init__(self, root):
        self.context = root.context
        self.request = request = self.context.get("request")
        self.reference = bool(self.context.get(REFERENCE))
        self.serializers = {}
        self.base = None  # the scheme and host, when addresses can be made without reverse()
        self.url_key = None
        self.api_paths = {}  # per identity field: its address up to the lookup value, and after it
        self.represented = {}  # nested records already represented: (plan, id) -> (record, representation)
        self._time_zone = None
        if request is None:
            return
        override = api_settings.URL_FORMAT_OVERRIDE
        if (
            getattr(request, "versioning_scheme", None) is None
            and not self.context.get("format")
            and not (override and override in request.GET)
        ):
            self.base = request.build_absolute_uri("/")[:-1]
            self.url_key = (get_script_prefix(), get_urlconf(), get_language())

    @classmethod
    def of(cls, serializer) -> "Rendering":
        root = serializer.root
        rendering = root.__dict__.get("_rendering")
        if rendering is None:
            rendering = root._rendering = cls(root)
        rendering.serializers.setdefault(type(serializer), serializer)
        return rendering

    def serializer(self, serializer_class):
        """An instance of the class with this response's context, for its methods."""
        serializer = self.serializers.get(serializer_class)
        if serializer is None:
            serializer = self.serializers[serializer_class] = serializer_class(context=self.context)
        return serializer

    def absolute(self, location: str) -> str:
        if (
            self.base is not None
            and PLAIN_PATH.fullmatch(location)
            and "/./" not in location
            and "/../" not in location
        ):
            return self.base + location
        return self.request.build_absolute_uri(location)

    def time_zone(self):
        """The time zone DRF's DateTimeField shows times in, unless it has its own: the current one."""
        if self._time_zone is None:
            self._time_zone = (timezone.get_current_timezone() if settings.USE_TZ else None,)
        return self._time_zone[0]

    def api_url(self, field, instance) -> str | None:
        """What HyperlinkedIdentityField gives, with the path made from a template, not reverse()."""
        if instance.pk in (None, ""):
            return None
        value = getattr(instance, field.lookup_field)
        if self.base is not None and isinstance(value, str) and UNRESERVED.fullmatch(value):
            # The absolute address around the value, when absolute() would only put the scheme and
            # host before any such path: between two slashes, a value other than "." or ".." makes
            # no dot segment and nothing to encode.
            around = self.api_paths.get(field, False)
            if around is False:
                around = self.api_paths[field] = self._around(field)
            if around is not None and value != "." and value != "..":
                return around[0] + value + around[1]
            template = _url_template(field.view_name, field.lookup_url_kwarg, *self.url_key)
            if template is not None:
                return self.absolute(template[0] + value + template[1])
        return drf_reverse(
            field.view_name,
            kwargs={field.lookup_url_kwarg: value},
            request=self.request,
            format=field.format or self.context.get("format"),
        )

    def _around(self, field) -> tuple[str, str] | None:
        template = _url_template(field.view_name, field.lookup_url_kwarg, *self.url_key)
        if template is None:
            return None
        head, tail = template
        sample = head + "x" + tail
        plain = PLAIN_PATH.fullmatch(sample) and "/./" not in sample and "/../" not in sample
        return (self.base + head, tail) if plain and head.endswith("/") and tail.startswith("/") else None


# Fields whose to_representation reads only the value (not the context, request or parent), and the
# type of value each returns unchanged.
CONTEXT_FREE_FIELDS = (
    serializers.BooleanField,
    serializers.CharField,
    serializers.ChoiceField,
    serializers.DateField,
    serializers.DateTimeField,
    serializers.DecimalField,
    serializers.FloatField,
    serializers.IntegerField,
    serializers.ListField,
    serializers.TimeField,
)
UNCHANGED_TYPE = {
    serializers.CharField: str,
    serializers.SlugField: str,
    serializers.URLField: str,
    serializers.IntegerField: int,
}


def _unchanged_type(field) -> type | None:
    if type(field) is serializers.ChoiceField:
        # A choice is shown as its key: unchanged when every key is the string it is looked up by.
        keys = field.choice_strings_to_values
        return str if all(type(value) is str and value == key for key, value in keys.items()) else None
    return UNCHANGED_TYPE.get(type(field))


# The attribute that holds, by name (``to_attr``), the rows of a record's nested lists that are not
# made into records yet, and what makes them (committee.api.views.Nested.fill).
NESTED_ROWS = "_nested_rows"
# Representations kept by each process, by the rows they were made from (Plan.represent_kept):
# of nested records (summaries), and of the records of a list or a detail, larger, fewer kept.
SUMMARIES = Remembered(8192)
RECORDS = Remembered(1024)


def nested_lists_made(instance) -> None:
    """Makes the records of the instance's nested lists from their rows, if they are not made yet."""
    pending = instance.__dict__.pop(NESTED_ROWS, None)
    if pending:
        for to_attr, (nested, rows, make, made) in pending.items():
            setattr(instance, to_attr, nested.records(rows, make, made))


def column_names(model) -> frozenset:
    """The names by which a model's record holds its own columns: fields' names and attnames."""
    fields = model._meta.concrete_fields
    return frozenset({field.name for field in fields} | {field.attname for field in fields})


class Plan:
    """How one serializer class represents a record: for each field, a function of the record."""

    _plans: dict = {}

    def __init__(self, serializer_class):
        fields = [field for field in serializer_class().fields.values() if not field.write_only]
        self.steps = tuple((field.field_name, self.step(serializer_class, field)) for field in fields)
        # What, beside a record's row, its representation is made of (None: anything else): the
        # names of its nested lists given as rows, and of the records joined into its row.
        self.kept_by = self.made_of(fields, column_names(serializer_class.Meta.model))
        # Whether it shows only what the record's own row holds (its links follow the address).
        self.row_only = self.kept_by == ((), ())

    @classmethod
    def of(cls, serializer_class) -> "Plan":
        plan = cls._plans.get(serializer_class)
        if plan is None:
            plan = cls._plans[serializer_class] = cls(serializer_class)
        return plan

    def represent(self, instance, rendering: Rendering) -> dict:
        if NESTED_ROWS in instance.__dict__:
            nested_lists_made(instance)
        return {name: step(instance, rendering) for name, step in self.steps}

    def represent_kept(self, instance, rendering: Rendering, kept: Remembered) -> dict:
        """The representation, kept per process in ``kept`` by the rows it is made from.

        A record keeps its row (``ROW``): one made by a prepared query, its columns and those of
        the records joined to it by ``select_related``; a nested record, its columns. A record's
        nested lists are given as rows (``NESTED_ROWS``). When the plan shows nothing else
        (``kept_by``), the representation is kept by those rows, the response's address and its
        time zone: a record shown again, in this page or in another, is neither made into records
        nor represented again. The rows are the record as read now, so an edit gives other rows
        and another representation. Kept representations are shared by responses: they must not
        be changed.
        """
        row = instance.__dict__.get(ROW)
        if self.kept_by is None or row is None or rendering.url_key is None:
            return self.represent(instance, rendering)
        lists, joined = self.kept_by
        pending = instance.__dict__.get(NESTED_ROWS, {})
        if any(name not in pending for name in lists) or any(name not in row[1] for name in joined):
            return self.represent(instance, rendering)  # a list not given as rows, a record not in the row
        key = (
            self,
            rendering.base,
            rendering.url_key,
            rendering.time_zone(),
            row,
            *(pending[name][1] for name in lists),
        )
        return kept.get(key, lambda: self.represent(instance, rendering))

    @staticmethod
    def made_of(fields, columns: frozenset) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        lists, joined = [], []
        for field in fields:
            source = field.source_attrs[0] if len(field.source_attrs) == 1 else None
            if isinstance(field, (HtmlUrlField, serializers.HyperlinkedIdentityField)):
                continue  # the record's address, from its own slug or symbol
            if isinstance(field, serializers.DateTimeField) and source in columns:
                continue  # shown in the response's time zone, which is part of the key
            if (
                isinstance(field, CONTEXT_FREE_FIELDS)
                and not isinstance(field, (serializers.Serializer, serializers.ListField))
                and source in columns  # a column, not a property computed from today's date
            ):
                continue
            if (
                isinstance(field, serializers.ListSerializer)
                and isinstance(field.child, ModelSerializer)
                and source is not None
                and Plan.of(type(field.child)).row_only
            ):
                lists.append(source)
                continue
            if (
                isinstance(field, ModelSerializer)
                and source in columns
                and field.parent.Meta.model._meta.get_field(source).many_to_one
                and Plan.of(type(field)).row_only
            ):
                joined.append(source)
                continue
            return None
        return tuple(lists), tuple(joined)

    def represent_once(self, instance, rendering: Rendering) -> dict:
        """The representation, made once per response for a record nested in several others, and
        kept per process by its row (``represent_kept``): the same sessions, versions and chapters
        are nested in page after page.
        """
        key = (self, id(instance))
        done = rendering.represented.get(key)
        if done is None or done[0] is not instance:
            done = rendering.represented[key] = (instance, self.represent_kept(instance, rendering, SUMMARIES))
        return done[1]

    @staticmethod
    def step(serializer_class, field):
        # DRF: read the source, None stays None, anything else goes through the field.
        get = operator.attrgetter(".".join(field.source_attrs)) if field.source_attrs else lambda instance: instance

        if isinstance(field, serializers.ListSerializer) and isinstance(field.child, ModelSerializer):
            child = type(field.child)

            plan = None

            def many(instance, rendering):
                nonlocal plan
                items = get(instance)
                if items is None:
                    return None
                if type(items) is not list and isinstance(items, models.Manager):
                    items = items.all()
                if plan is None:
                    plan = Plan.of(child)
                return [plan.represent_once(item, rendering) for item in items]

            return many

        if isinstance(field, ModelSerializer):
            nested, published_only = type(field), isinstance(field, PublishedOrNullMixin)

            def one(instance, rendering):
                related = get(instance)
                if related is None or (published_only and not related.is_published):
                    return None
                return Plan.of(nested).represent(related, rendering)

            return one

        if isinstance(field, HtmlUrlField):
            return lambda instance, rendering: rendering.absolute(instance.get_absolute_url())

        if isinstance(field, serializers.HyperlinkedIdentityField):
            return lambda instance, rendering: rendering.api_url(field, instance)

        if isinstance(field, serializers.SerializerMethodField):
            method_name = field.method_name
            return lambda instance, rendering: getattr(rendering.serializer(serializer_class), method_name)(instance)

        if type(field) is serializers.DateTimeField:
            convert, own_zone = field.to_representation, hasattr(field, "timezone")

            def moment(instance, rendering):
                # DRF's to_representation, with the current time zone read once per response: an
                # aware datetime shown in ISO 8601, UTC as "Z"; anything else goes through DRF.
                value = get(instance)
                if value is None:
                    return None
                zone = field.timezone if own_zone else rendering.time_zone()
                output_format = getattr(field, "format", api_settings.DATETIME_FORMAT)
                if (
                    type(value) is not datetime.datetime
                    or zone is None
                    or value.utcoffset() is None
                    or output_format is None
                    or output_format.lower() != ISO_8601
                ):
                    return convert(value)
                try:
                    text = value.astimezone(zone).isoformat()
                except OverflowError:
                    return convert(value)
                return text[:-6] + "Z" if text.endswith("+00:00") else text

            return moment

        if isinstance(field, CONTEXT_FREE_FIELDS) and not isinstance(field, serializers.Serializer):
            convert, unchanged = field.to_representation, _unchanged_type(field)

            def value(instance, rendering):
                value = get(instance)
                if value is None or type(value) is unchanged:
                    return value
                return convert(value)

            return value

        raise ImproperlyConfigured(
            f"{serializer_class.__name__}.{field.field_name}: no representation step for {type(field).__name__}; "
            "add one to committee.api.serializers.Plan.step."
        )


def detail_url(view_name: str, lookup_field: str = "slug"):
    return serializers.HyperlinkedIdentityField(
        view_name=f"api:{view_name}-detail", lookup_field=lookup_field, help_text=_("This record in the API.")
    )


# --- Shared parts ----------------------------------------------------------------------


class SourceSerializer(ModelSerializer):
    """A public source of facts in the record: a UN page, document or secondary report."""

    class Meta:
        model = Source
        fields = ["url", "title", "publisher", "note"]


# Every public record: its page, and its provenance (how certain it is, and its sources).
class RecordSerializer(ModelSerializer):
    html_url = HtmlUrlField()
    sources = SourceSerializer(source="source_list", many=True, read_only=True)

    provenance_fields = ["certainty", "certainty_note", "sources", "updated_at"]


# --- Summaries, for records nested in others -------------------------------------------


class SessionSummarySerializer(PublishedOrNullMixin, ModelSerializer):
    """A session, in short; its `url` gives the whole record."""

    url = detail_url("session")
    html_url = HtmlUrlField()

    class Meta:
        model = Session
        fields = ["url", "html_url", "slug", "kind", "number", "title", "start_date", "end_date", "city"]


class DocumentSummarySerializer(PublishedOrNullMixin, ModelSerializer):
    """A document, in short; its `url` gives the whole record."""

    url = detail_url("document")
    html_url = HtmlUrlField()

    class Meta:
        model = Document
        fields = ["url", "html_url", "slug", "symbol", "kind", "title", "date"]


class ChapterSummarySerializer(ModelSerializer):
    """A chapter, in short; its `url` gives the whole record."""

    url = detail_url("chapter")
    html_url = HtmlUrlField()

    class Meta:
        model = Chapter
        fields = ["url", "html_url", "slug", "title", "order", "convention_chapter"]


class ReadingSummarySerializer(ModelSerializer):
    """A reading, in short; its `url` gives the whole record."""

    url = detail_url("reading")
    html_url = HtmlUrlField()

    class Meta:
        model = Reading
        fields = ["url", "html_url", "slug", "title", "order"]


class NegotiationGroupSummarySerializer(ModelSerializer):
    """A negotiation group, in short; its `url` gives the whole record."""

    url = detail_url("negotiation-group")
    html_url = HtmlUrlField()

    class Meta:
        model = NegotiationGroup
        fields = ["url", "html_url", "slug", "name", "kind", "number"]


class ConsultationSummarySerializer(ModelSerializer):
    """A consultation, in short; its `url` gives the whole record."""

    url = detail_url("consultation")
    html_url = HtmlUrlField()

    class Meta:
        model = Consultation
        fields = ["url", "html_url", "slug", "number", "title", "start_date", "end_date", "city"]


class PersonSerializer(ModelSerializer):
    """A person: a member of the Bureau or a facilitator."""

    class Meta:
        model = Person
        fields = ["slug", "honorific", "name"]


class StakeholderSerializer(ModelSerializer):
    """A stakeholder that took part in a consultation."""

    class Meta:
        model = Stakeholder
        fields = ["slug", "name", "basis", "website"]


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

    url = detail_url("session")
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


class ReadingItemInReadingSerializer(ModelSerializer):
    """One cell of the chapter × session matrix of a reading."""

    chapter = ChapterSummarySerializer(read_only=True)
    session = SessionSummarySerializer(read_only=True)
    basis = DocumentSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = ReadingItem
        fields = ["chapter", "session", "basis", "basis_note", "certainty", "certainty_note"]


class ReadingItemInChapterSerializer(ModelSerializer):
    """One reading of a chapter: at which session, on the basis of which text."""

    reading = ReadingSummarySerializer(read_only=True)
    session = SessionSummarySerializer(read_only=True)
    basis = DocumentSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = ReadingItem
        fields = ["reading", "session", "basis", "basis_note", "certainty", "certainty_note"]


class ReadingSerializer(RecordSerializer):
    """A reading of the draft convention, held over one or more sessions, with its chapter × session items."""

    url = detail_url("reading")
    body = RichTextField(read_only=True)
    sessions = SessionSummarySerializer(source="public_sessions", many=True, read_only=True)
    items = ReadingItemInReadingSerializer(source="public_items", many=True, read_only=True)

    class Meta:
        model = Reading
        fields = [
            "url", "html_url", "slug", "title", "order", "summary", "body", "sessions", "items",
            *RecordSerializer.provenance_fields,
        ]  # fmt: skip


class ChapterSerializer(RecordSerializer):
    """A chapter or part of the convention, with its readings, groups and documents."""

    url = detail_url("chapter")
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


class FacilitationSerializer(ModelSerializer):
    """A facilitator of a group, and their role."""

    person = PersonSerializer(read_only=True)

    class Meta:
        model = Facilitation
        fields = ["person", "role", "country", "certainty"]


class NegotiationGroupSerializer(RecordSerializer):
    """An informal negotiation group or other informal format, with its facilitators."""

    url = detail_url("negotiation-group")
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


class ConsultationSerializer(MeetingSerializer):
    """An intersessional consultation with multi-stakeholders."""

    url = detail_url("consultation")
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

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Language.choices)))
    def get_languages(self, consultation) -> list[str]:
        return [code for code in consultation.languages.split(",") if code in Language.values]


class DocumentVersionSerializer(ModelSerializer):
    """The document in one UN language: where to read it."""

    class Meta:
        model = DocumentVersion
        fields = ["language", "url"]


class DocumentSerializer(RecordSerializer):
    """A document: its UN symbol if it has one, where to read it in each language, what it belongs to."""

    url = detail_url("document")
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

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, membership) -> str:
        path = reverse("api:bureau-membership-detail", kwargs={"key": membership_key(membership)})
        return self.context["request"].build_absolute_uri(path)

    def get_key(self, membership) -> str:
        return membership_key(membership)


class MilestoneSerializer(RecordSerializer):
    """A dated event that is not a session: a resolution, a postponement, the adoption, the signing."""

    url = detail_url("milestone")
    document = DocumentSummarySerializer(read_only=True, allow_null=True)
    session = SessionSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Milestone
        fields = [
            "url", "html_url", "slug", "title", "kind", "date", "date_precision", "end_date", "city", "description",
            "document", "session", *RecordSerializer.provenance_fields,
        ]  # fmt: skip


class FAQEntrySerializer(RecordSerializer):
    """A question about the Committee or the Convention, and its answer."""

    url = detail_url("faq-entry")
    answer = RichTextField(read_only=True)

    class Meta:
        model = FAQEntry
        fields = ["url", "html_url", "slug", "question", "answer", "order", *RecordSerializer.provenance_fields]
