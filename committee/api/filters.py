"""The API's filters: one ``FilterSet`` per resource, strict about what they accept.

Every value is either read exactly as the OpenAPI schema describes it or refused with a 400 that
names the parameter: no whitespace trimming, no other date spellings, no "5.0" for 5. A filter
left empty (``?kind=``) is no filter, as in an HTML form. A slug of an unknown or draft record
matches nothing (an empty list), so a filter never tells a draft from a record that does not exist.
Ordering is django-filter's ``OrderingFilter`` (an unknown field is a 400, unlike DRF's, which
ignores it); NULLs sort last on every database, and the primary key breaks ties so pages are stable.
"""

import datetime
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.fields import BaseCSVField
from drf_spectacular.utils import extend_schema_field

from committee.filters import MAX_QUERY_LENGTH, words_query
from committee.models import (
    INSTRUMENT_KINDS,
    Article,
    BureauMembership,
    BureauRole,
    Chapter,
    Consultation,
    ConventionChapter,
    Document,
    DocumentKind,
    EventStatus,
    FAQEntry,
    GroupKind,
    Language,
    Milestone,
    MilestoneKind,
    NegotiationGroup,
    Participant,
    ParticipantKind,
    PublicationState,
    Reading,
    RegionalGroup,
    Session,
    SessionKind,
)

MIN_YEAR, MAX_YEAR = 1945, 2100
# Text parameters may hold anything but NUL, which no database column can store.
TEXT_PATTERN = r"^[^\x00]*$"
SLUG_PATTERN = r"^[-a-zA-Z0-9_]*$"


def ordered_by(*fields) -> list:
    """Order by these fields with NULLs last (SQLite and PostgreSQL disagree otherwise), then by pk."""
    expressions = []
    for field in fields:
        if not isinstance(field, str):  # already an expression, such as a model's Meta.ordering may hold
            expressions.append(field)
        elif field.startswith("-"):
            expressions.append(F(field[1:]).desc(nulls_last=True))
        else:
            expressions.append(F(field).asc(nulls_last=True))
    return [*expressions, "pk"]


# --- Form fields that accept exactly what the schema says -----------------------------


class StrictIntegerField(forms.IntegerField):
    """An integer in ASCII digits; Django's own also takes " 5", "5.0" and "٥"."""

    INTEGER = re.compile(r"-?[0-9]+")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not self.INTEGER.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(value)


class ISODateField(forms.DateField):
    """A date written YYYY-MM-DD and nothing else."""

    default_error_messages = {"invalid": _("Enter a date as YYYY-MM-DD, such as 2023-08-21.")}
    ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        try:
            if not self.ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


# --- Filters ---------------------------------------------------------------------------


@extend_schema_field({"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR})
class YearFilter(django_filters.Filter):
    field_class = StrictIntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=MIN_YEAR, max_value=MAX_YEAR, **kwargs)


class OverlapYearFilter(YearFilter):
    """Meetings held, even in part, in the year."""

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(start_date__year__lte=value, end_date__year__gte=value)


@extend_schema_field({"type": "string", "format": "date"})
class DateFilter(django_filters.DateFilter):
    field_class = ISODateField


@extend_schema_field({"type": "string", "pattern": SLUG_PATTERN, "maxLength": 120})
class PublishedSlugFilter(django_filters.CharFilter):
    """Records related to the published record with this slug."""

    field_class = forms.SlugField

    def __init__(self, *, related_model, **kwargs):
        self.related_model = related_model
        super().__init__(max_length=120, strip=False, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        related = self.related_model.objects.published().filter(slug=value)
        return qs.filter(**{f"{self.field_name}__in": related})


def text_filter(max_length: int, **kwargs) -> django_filters.CharFilter:
    schema = {"type": "string", "pattern": TEXT_PATTERN, "maxLength": max_length}
    return extend_schema_field(schema)(django_filters.CharFilter(max_length=max_length, strip=False, **kwargs))


class OrderingCSVField(BaseCSVField):
    """Comma-separated values with none left empty: "date," names no field after the comma."""

    default_error_messages = {"empty": _("Name a field between each pair of commas.")}

    def clean(self, value):
        if value and "" in value:
            raise ValidationError(self.error_messages["empty"], code="empty")
        return super().clean(value)


class OrderingFilter(django_filters.OrderingFilter):
    """Comma-separated fields, ``-`` for descending; NULLs last, ties broken by the primary key."""

    base_field_class = OrderingCSVField

    def __init__(self, *, fields: tuple[str, ...], **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Sort by these fields, separated by commas; put - before a field for descending order."),
        )
        super().__init__(fields=fields, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.order_by(*ordered_by(*(self.get_ordering_value(param) for param in value)))


# --- FilterSets ------------------------------------------------------------------------


class SessionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=SessionKind.choices, help_text=_("The kind of session."))
    city = text_filter(100, lookup_expr="iexact", help_text=_("The city, in any case: New York, Vienna."))
    year = OverlapYearFilter(help_text=_("Sessions held, even in part, in this year."))
    status = django_filters.ChoiceFilter(
        choices=EventStatus.choices,
        method="filter_status",
        help_text=_("Upcoming, ongoing or concluded, by today's date (UTC)."),
    )
    start_after = DateFilter(field_name="start_date", lookup_expr="gte", help_text=_("Starting on or after."))
    start_before = DateFilter(field_name="start_date", lookup_expr="lte", help_text=_("Starting on or before."))
    end_after = DateFilter(field_name="end_date", lookup_expr="gte", help_text=_("Ending on or after."))
    end_before = DateFilter(field_name="end_date", lookup_expr="lte", help_text=_("Ending on or before."))
    ordering = OrderingFilter(fields=("start_date", "end_date", "number", "title"))

    class Meta:
        model = Session
        fields = []

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        return {
            EventStatus.UPCOMING: queryset.upcoming,
            EventStatus.ONGOING: queryset.ongoing,
            EventStatus.CONCLUDED: queryset.concluded,
        }[value](today)


class ReadingFilter(django_filters.FilterSet):
    session = PublishedSlugFilter(
        related_model=Session, field_name="sessions", help_text=_("Readings held at this session (its slug).")
    )
    ordering = OrderingFilter(fields=("order", "title"))

    class Meta:
        model = Reading
        fields = []


class ChapterFilter(django_filters.FilterSet):
    ordering = OrderingFilter(fields=("order", "title"))

    class Meta:
        model = Chapter
        fields = []


class NegotiationGroupFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=GroupKind.choices, help_text=_("The kind of group."))
    session = PublishedSlugFilter(
        related_model=Session, field_name="sessions", help_text=_("Groups that met at this session (its slug).")
    )
    chapter = PublishedSlugFilter(
        related_model=Chapter, field_name="chapters", help_text=_("Groups that worked on this chapter (its slug).")
    )
    ordering = OrderingFilter(fields=("kind", "number", "name"))

    class Meta:
        model = NegotiationGroup
        fields = []


class ConsultationFilter(django_filters.FilterSet):
    year = OverlapYearFilter(help_text=_("Consultations held, even in part, in this year."))
    ordering = OrderingFilter(fields=("start_date", "number"))

    class Meta:
        model = Consultation
        fields = []


class DocumentFilter(django_filters.FilterSet):
    """The registry page's filters (committee/filters.py), stricter, with consultation, chapter and symbol."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=DocumentKind.choices)
    session = PublishedSlugFilter(
        related_model=Session, field_name="sessions", help_text=_("Documents of this session (its slug).")
    )
    consultation = PublishedSlugFilter(
        related_model=Consultation,
        field_name="consultations",
        help_text=_("Documents of this consultation (its slug)."),
    )
    chapter = PublishedSlugFilter(
        related_model=Chapter, field_name="chapters", help_text=_("Documents about this chapter (its slug).")
    )
    year = YearFilter(field_name="date__year", help_text=_("Documents issued in this year."))
    language = django_filters.ChoiceFilter(
        label=_("Language"), field_name="versions__language", choices=Language.choices, distinct=True
    )
    symbol = text_filter(
        80,
        field_name="symbol",
        lookup_expr="istartswith",
        help_text=_("Documents whose UN symbol begins with this, in any case: A/AC.291/CRP."),
    )
    q = text_filter(
        MAX_QUERY_LENGTH,
        method="filter_words",
        help_text=_("Words that must all appear in the symbol, title or summary."),
    )
    ordering = OrderingFilter(fields=("date", "symbol", "title"))

    class Meta:
        model = Document
        fields = []

    def filter_words(self, queryset, name, value):
        return queryset.filter(words_query(value, ("symbol", "title", "summary")))


class BureauMembershipFilter(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(choices=BureauRole.choices, help_text=_("The role in the Bureau."))
    regional_group = django_filters.ChoiceFilter(choices=RegionalGroup.choices, help_text=_("The regional group."))
    ordering = OrderingFilter(fields=("order", "start_date"))

    class Meta:
        model = BureauMembership
        fields = []


class MilestoneFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=MilestoneKind.choices, help_text=_("The kind of event."))
    year = YearFilter(field_name="date__year", help_text=_("Milestones in this year."))
    ordering = OrderingFilter(fields=("date", "title"))

    class Meta:
        model = Milestone
        fields = []


class FAQEntryFilter(django_filters.FilterSet):
    ordering = OrderingFilter(fields=("order", "question"))

    class Meta:
        model = FAQEntry
        fields = []


class ArticleFilter(django_filters.FilterSet):
    chapter = PublishedSlugFilter(
        related_model=ConventionChapter,
        field_name="chapter",
        help_text=_("Articles of this part of the Convention (its slug, e.g. criminalization)."),
    )
    ordering = OrderingFilter(fields=("number",))

    class Meta:
        model = Article
        fields = []


class ParticipantFilter(django_filters.FilterSet):
    regional_group = django_filters.ChoiceFilter(
        choices=RegionalGroup.choices, help_text=_("The regional group of a State.")
    )
    kind = django_filters.ChoiceFilter(
        choices=ParticipantKind.choices, help_text=_("A State, or a regional economic integration organization.")
    )
    # A choice, not django-filter's BooleanFilter, whose form reads any unknown word as "no filter".
    ratified = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_ratified",
        help_text=_(
            "true: participants whose instrument of ratification, acceptance, approval or accession is "
            "recorded; false: the others."
        ),
    )
    ordering = OrderingFilter(fields=("country",))

    class Meta:
        model = Participant
        fields = []

    def filter_ratified(self, queryset, name, value):
        instruments = {
            "actions__kind__in": INSTRUMENT_KINDS,
            "actions__publication_state": PublicationState.PUBLISHED,
        }
        with_instrument = Participant.objects.filter(**instruments).values("pk")
        if value == "true":
            return queryset.filter(pk__in=with_instrument)
        return queryset.exclude(pk__in=with_instrument)
