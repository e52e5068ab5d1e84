"""The record of the Ad Hoc Committee: sessions, readings, groups, consultations, documents.

Every public model carries a publication state (drafts never reach visitors; public code asks
for ``.published()``), a certainty with sources (provenance), timestamps, a change history and a
natural key so that the fixtures in ``fixtures/`` load and reload without duplicates.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Case, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from .dates import format_date_range, format_partial_date, iso_partial_date
from .html import sanitize_html
from .symbols import normalize_symbol, parse_symbol, symbol_sort_key, validate_symbol

# --- Shared vocabularies ---------------------------------------------------------------


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Certainty(models.TextChoices):
    """From the surest to the least sure: the order a page's certainty is read in (page_certainty)."""

    CONFIRMED = "confirmed", _("Confirmed")
    SECONDARY = "secondary", _("Secondary sources")
    LIKELY = "likely", _("Likely")
    UNCERTAIN = "uncertain", _("Uncertain")


# The certainties a record is marked with where it is shown: not confirmed by an official source.
UNCONFIRMED = frozenset({Certainty.LIKELY, Certainty.UNCERTAIN})


class Language(models.TextChoices):
    """The six official languages of the United Nations."""

    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    HYBRID = "hybrid", _("Hybrid")
    ONLINE = "online", _("Online")


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Europe/Vienna or America/New_York."),
            code="invalid_time_zone",
            params={"value": value},
        )


class LinkField(models.URLField):
    """A web address; forms read one typed without a scheme as https (Django 6's default)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class RichTextField(models.TextField):
    """HTML written by staff; sanitized with nh3 whenever it is saved."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value


def related_key(record: models.Model, field: str) -> tuple:
    """The natural key of a related record, for the natural key of a record that belongs to it.

    When a fixture names a related record that does not exist, loaddata asks for the natural key
    of a record without it: say which reference to check, rather than "has no session".
    """
    try:
        return getattr(record, field).natural_key()
    except ObjectDoesNotExist:
        raise ObjectDoesNotExist(
            f"{record._meta.label}: the {field} it refers to does not exist; check the natural key given for "
            f"“{field}”, or load that record first."
        ) from None


# --- Versions: no lost update ------------------------------------------------------------


class Versioned(models.Model):
    """A record whose every save raises its version, so that an editor's form can tell it changed.

    The admin's forms carry the version the editor loaded and refuse the save when the row has
    moved on since (committee/admin.py): the second of two editors never overwrites the first.
    The change history keeps each version's number, so the entries an editor has not seen are
    those above the version the form was opened at.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # loaddata saves raw (save_base) and keeps the fixture's version; every other save is an edit.
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


# --- Provenance ------------------------------------------------------------------------


class SourceManager(models.Manager):
    def get_by_natural_key(self, url):
        return self.get(url=url)


class Source(Versioned):
    """A public source of facts in the record: a UN page, document or secondary report."""

    url = LinkField(_("URL"), max_length=500, unique=True)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(
        _("publisher"), max_length=200, blank=True, help_text=_("Who published it, e.g. UNODC or the General Assembly.")
    )
    note = models.TextField(_("note"), blank=True, help_text=_("What this source supports, or its limits."))

    objects = SourceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.url,)


class RecordCheckManager(models.Manager):
    def get_by_natural_key(self, checked_on):
        return self.get(checked_on=checked_on)


class RecordCheck(Versioned):
    """A day on which the record was checked against its sources; every page shows the latest."""

    checked_on = models.DateField(_("checked on"), unique=True)
    note = models.TextField(_("note"), blank=True, help_text=_("What was checked, and what was found."))
    sources = models.ManyToManyField(
        Source, blank=True, related_name="checks", verbose_name=_("sources"), help_text=_("The sources checked.")
    )

    objects = RecordCheckManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-checked_on"]
        get_latest_by = "checked_on"
        verbose_name = _("check against the sources")
        verbose_name_plural = _("checks against the sources")

    def __str__(self):
        return str(self.checked_on)

    def natural_key(self):
        return (self.checked_on.isoformat(),)


# --- Base of every public record -------------------------------------------------------


class PublicQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publication_state=PublicationState.PUBLISHED)

    def drafts(self):
        return self.filter(publication_state=PublicationState.DRAFT)


class SlugManager(models.Manager.from_queryset(PublicQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class PublicRecord(Versioned):
    """Fields every public record shares: publication state, provenance and timestamps."""

    publication_state = models.CharField(
        _("publication"),
        max_length=10,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
        db_index=True,
        help_text=_("Drafts are visible to staff only; visitors see published records."),
    )
    certainty = models.CharField(
        _("certainty"),
        max_length=10,
        choices=Certainty.choices,
        default=Certainty.CONFIRMED,
        help_text=_(
            "Confirmed: an official UN page or two independent sources. Secondary: non-UN sources "
            "quoting the UN. Likely: inferred. Uncertain: one weak source; shown to visitors as uncertain."
        ),
    )
    certainty_note = models.CharField(
        _("certainty note"),
        max_length=300,
        blank=True,
        help_text=_("Which facts are less certain than the rest, in words shown to visitors."),
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="%(class)s_records", verbose_name=_("sources"))
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False, db_index=True)

    objects = SlugManager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # loaddata saves raw and keeps the fixture's timestamps; every other save is an edit.
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.publication_state == PublicationState.PUBLISHED

    @property
    def is_uncertain(self) -> bool:
        return self.certainty in UNCONFIRMED

    def natural_key(self):
        return (self.slug,)


class DatedQuerySet(PublicQuerySet):
    """Status by date, for records with a start and an end date."""

    def upcoming(self, today: datetime.date | None = None):
        return self.filter(start_date__gt=today or timezone.localdate())

    def ongoing(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(start_date__lte=today, end_date__gte=today)

    def concluded(self, today: datetime.date | None = None):
        return self.filter(end_date__lt=today or timezone.localdate())


class DatedManager(models.Manager.from_queryset(DatedQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class EventStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    ONGOING = "ongoing", _("Ongoing")
    CONCLUDED = "concluded", _("Concluded")


class Meeting(PublicRecord):
    """Dates, place and time zone of a meeting: shared by sessions and consultations."""

    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(
        _("end date"), help_text=_("The last day; the same as the start for a one-day meeting.")
    )
    city = models.CharField(_("city"), max_length=100, db_index=True)
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("The building, e.g. Vienna International Centre.")
    )
    room = models.CharField(_("room"), max_length=200, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="America/New_York",
        validators=[validate_time_zone],
        help_text=_("The local time zone, e.g. America/New_York or Europe/Vienna."),
    )
    meeting_format = models.CharField(_("format"), max_length=10, choices=MeetingFormat.choices, blank=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two plain sentences."))
    body = RichTextField(_("body"), blank=True, help_text=_("HTML; unsafe markup is removed on save."))

    objects = DatedManager()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def status_on(self, today: datetime.date) -> EventStatus:
        if today < self.start_date:
            return EventStatus.UPCOMING
        if today > self.end_date:
            return EventStatus.CONCLUDED
        return EventStatus.ONGOING

    @property
    def status(self) -> EventStatus:
        """Derived from the dates and today's date where the meeting takes place; never stored."""
        return self.status_on(timezone.localdate(timezone=zoneinfo.ZoneInfo(self.time_zone)))


# --- Documents -------------------------------------------------------------------------


class DocumentKind(models.TextChoices):
    RESOLUTION = "resolution", _("Resolution")
    DECISION = "decision", _("Decision")
    AGENDA = "agenda", _("Agenda")
    REPORT = "report", _("Report")
    PARTICIPANTS_LIST = "participants-list", _("List of participants")
    COMPILATION = "compilation", _("Compilation of proposals")
    NEGOTIATING_DOCUMENT = "negotiating-document", _("Negotiating document")
    DRAFT_TEXT = "draft-text", _("Draft text")
    DRAFT_RESOLUTION = "draft-resolution", _("Draft resolution")
    INTERPRETATIVE_NOTES = "interpretative-notes", _("Interpretative notes")
    METHODOLOGY = "methodology", _("Methodology")
    ROAD_MAP = "road-map", _("Road map")
    CHAIR_REPORT = "chair-report", _("Chair’s report")
    SUBMISSION = "submission", _("Submission")
    STATEMENT = "statement", _("Statement")
    NOTE = "note", _("Note")
    CONVENTION = "convention", _("Convention")
    OTHER = "other", _("Other")


class DocumentQuerySet(PublicQuerySet):
    def by_symbol(self, raw: str):
        """Documents whose symbol is ``raw`` in any accepted spelling (none if it does not parse)."""
        try:
            return self.filter(symbol=normalize_symbol(raw))
        except ValidationError:
            return self.none()


class DocumentManager(models.Manager.from_queryset(DocumentQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Document(PublicRecord):
    symbol = models.CharField(
        _("UN symbol"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_symbol],
        help_text=_("e.g. A/AC.291/22/Rev.3; leave empty for papers without a symbol, such as the Chair’s notes."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("The address of the document’s page; made from the symbol or title when left empty."),
    )
    # Derived from the symbol on save (symbols.symbol_sort_key), so the database can order by a
    # symbol's numbers: A/AC.291/6 before A/AC.291/10, and a page of the registry stays a page.
    # NULL without a symbol, as the symbol, so those papers come last (NULLS LAST).
    symbol_sort_key = models.CharField(  # noqa: DJ001 - NULL is "no symbol", not an empty text
        _("symbol's sort key"), max_length=160, null=True, blank=True, editable=False
    )
    kind = models.CharField(_("kind"), max_length=24, choices=DocumentKind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=400)
    date = models.DateField(_("date"), null=True, blank=True, db_index=True, help_text=_("Date of issue, if known."))
    summary = models.TextField(_("summary"), blank=True)
    revises = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("revises"),
        help_text=_("The earlier document this one revises, amends or corrects."),
    )
    sessions = models.ManyToManyField(
        "Session", through="SessionDocument", blank=True, related_name="documents", verbose_name=_("sessions")
    )
    consultations = models.ManyToManyField(
        "Consultation", blank=True, related_name="documents", verbose_name=_("consultations")
    )
    chapters = models.ManyToManyField(
        "Chapter",
        blank=True,
        related_name="documents",
        verbose_name=_("chapters"),
        help_text=_("The chapters of the convention this document concerns."),
    )

    objects = DocumentManager()
    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        # Undated papers last on every database (SQLite and PostgreSQL sort NULL differently);
        # then by the symbol's numbers, papers without a symbol last.
        ordering = [
            models.F("date").desc(nulls_last=True),
            models.F("symbol_sort_key").asc(nulls_last=True),
            # The English title, in every language: the order, and its index, are the same for all.
            "title_en",
        ]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [
            models.Index(fields=["kind", "date"]),
            # The registry and the API list published documents in this order, a page at a time:
            # read from the index, a page costs the same with 50 or 50,000 documents. Created on
            # PostgreSQL only (migration 0003): SQLite cannot index NULLS LAST.
            models.Index(
                "publication_state",
                models.F("date").desc(nulls_last=True),
                "symbol",
                "title_en",
                name="document_published_order",
            ),
            # The registry's order (Meta.ordering), read from an index as the API's is (migration
            # 0008, PostgreSQL only as 0003).
            models.Index(
                "publication_state",
                models.F("date").desc(nulls_last=True),
                models.F("symbol_sort_key").asc(nulls_last=True),
                "title_en",
                name="document_registry_order",
            ),
        ]

    def __str__(self):
        return f"{self.symbol} — {self.title}" if self.symbol else self.title

    def save(self, *args, **kwargs):
        if self.symbol:
            self.symbol = normalize_symbol(self.symbol)
        else:
            self.symbol = None
        self.symbol_sort_key = symbol_sort_key(self.symbol)
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # A document with a symbol lives at its symbol (/documents/A/AC.291/22/Rev.3/), which
        # people read and type; its slug address works too.
        if self.symbol:
            return reverse("committee:document-by-symbol", kwargs={"symbol": self.symbol})
        return reverse("committee:document-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.symbol:
            self.symbol = normalize_symbol(self.symbol)
        else:
            self.symbol = None
        if self.revises_id and self.revises_id == self.pk:
            raise ValidationError({"revises": _("A document cannot revise itself.")})

    def _free_slug(self) -> str:
        """A slug from the symbol (a-ac-291-22-rev-3) or the title, unique among documents."""
        base = slugify((self.symbol or self.title).replace("/", " ").replace(".", " "))[:110] or "document"
        slug, n = base, 1
        while Document.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    @property
    def parsed_symbol(self):
        return parse_symbol(self.symbol) if self.symbol else None


class DocumentVersionQuerySet(models.QuerySet):
    def in_un_order(self):
        """In the UN's order of its languages (Arabic, Chinese, English, French, Russian, Spanish),
        not the alphabetical order of their codes."""
        rank = Case(*(When(language=code, then=Value(index)) for index, code in enumerate(Language.values)))
        return self.order_by(rank)


class DocumentVersionManager(models.Manager.from_queryset(DocumentVersionQuerySet)):
    def get_by_natural_key(self, document_slug, language):
        return self.get(document__slug=document_slug, language=language)


class DocumentVersion(Versioned):
    """The document in one UN language: where to read it."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="versions", verbose_name=_("document")
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    url = LinkField(_("URL"), max_length=500)

    objects = DocumentVersionManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [models.UniqueConstraint(fields=["document", "language"], name="unique_document_language")]

    def __str__(self):
        return f"{self.document} ({self.get_language_display()})"

    def natural_key(self):
        return (*related_key(self, "document"), self.language)

    natural_key.dependencies = ["committee.document"]


# --- Sessions --------------------------------------------------------------------------


class SessionKind(models.TextChoices):
    ORGANIZATIONAL = "organizational", _("Organizational session")
    ORGANIZATIONAL_MATTERS = "organizational-matters", _("Session on organizational matters")
    NEGOTIATING = "negotiating", _("Negotiating session")
    CONCLUDING = "concluding", _("Concluding session")
    RECONVENED_CONCLUDING = "reconvened-concluding", _("Reconvened concluding session")
    POST_ADOPTION = "post-adoption", _("Post-adoption session")


class Session(Meeting):
    kind = models.CharField(_("kind"), max_length=24, choices=SessionKind.choices, db_index=True)
    number = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("The number of a negotiating session (1 to 6); empty for others."),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    daily_start_time = models.TimeField(
        _("daily start"), null=True, blank=True, help_text=_("Local time plenary meetings usually begin, e.g. 10:00.")
    )
    daily_end_time = models.TimeField(
        _("daily end"), null=True, blank=True, help_text=_("Local time plenary meetings usually end, e.g. 18:00.")
    )
    mandate = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mandated_sessions",
        verbose_name=_("mandate"),
        help_text=_("The resolution or decision that convened the session."),
    )
    registration_url = LinkField(_("registration link"), max_length=500, blank=True)
    webcast_url = LinkField(_("webcast link"), max_length=500, blank=True)
    page_url = LinkField(
        _("official page"), max_length=500, blank=True, help_text=_("The session’s page on the UNODC site.")
    )

    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="session_dates_in_order"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("committee:session-detail", kwargs={"slug": self.slug})


class SessionDocumentManager(models.Manager):
    def get_by_natural_key(self, session_slug, document_slug):
        return self.get(session__slug=session_slug, document__slug=document_slug)


class SessionDocument(Versioned):
    """A document of a session (its agenda, report, negotiating texts, ...)."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="session_documents", verbose_name=_("session")
    )
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="session_documents", verbose_name=_("document")
    )

    objects = SessionDocumentManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "document"]
        verbose_name = _("session document")
        verbose_name_plural = _("session documents")
        constraints = [models.UniqueConstraint(fields=["session", "document"], name="unique_session_document")]

    def __str__(self):
        return f"{self.session} · {self.document}"

    def natural_key(self):
        return (*related_key(self, "session"), *related_key(self, "document"))

    natural_key.dependencies = ["committee.session", "committee.document"]


# --- Chapters and readings -------------------------------------------------------------


class Chapter(PublicRecord):
    """A chapter or part of the convention; the set differs between texts, so it is data."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Position in lists; lower first."))
    convention_chapter = models.CharField(
        _("chapter of the Convention"),
        max_length=10,
        blank=True,
        help_text=_("Its numeral in the adopted Convention (I to IX); empty for the preamble or parts not kept."),
    )
    description = RichTextField(_("description"), blank=True)

    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("committee:chapter-detail", kwargs={"slug": self.slug})


class Reading(PublicRecord):
    """A reading of the draft convention, held over one or more sessions."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    sessions = models.ManyToManyField(
        Session,
        related_name="readings",
        verbose_name=_("sessions"),
        help_text=_("The sessions at which this reading took place; each item must be at one of them."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)

    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("reading")
        verbose_name_plural = _("readings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("committee:reading-detail", kwargs={"slug": self.slug})


class ReadingItemQuerySet(models.QuerySet):
    def published(self):
        """Items whose reading, chapter and session are all published, with what a cell shows.

        The basis document comes along as it is: templates and serializers show it only if it
        is published (it may be a draft while the item is public).
        """
        return self.filter(
            reading__publication_state=PublicationState.PUBLISHED,
            chapter__publication_state=PublicationState.PUBLISHED,
            session__publication_state=PublicationState.PUBLISHED,
        ).select_related("reading", "chapter", "session", "basis")


class ReadingItemManager(models.Manager.from_queryset(ReadingItemQuerySet)):
    def get_by_natural_key(self, reading_slug, chapter_slug, session_slug):
        return self.get(reading__slug=reading_slug, chapter__slug=chapter_slug, session__slug=session_slug)


class ReadingItem(Versioned):
    """Chapter C was read at session S on the basis of document D: one cell of the matrix."""

    reading = models.ForeignKey(Reading, on_delete=models.CASCADE, related_name="items", verbose_name=_("reading"))
    chapter = models.ForeignKey(
        Chapter, on_delete=models.PROTECT, related_name="reading_items", verbose_name=_("chapter")
    )
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="reading_items", verbose_name=_("session")
    )
    basis = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reading_items",
        verbose_name=_("basis document"),
        help_text=_("The text the chapter was read on."),
    )
    basis_note = models.CharField(
        _("basis note"), max_length=300, blank=True, help_text=_("The basis in words when there is no single document.")
    )
    certainty = models.CharField(_("certainty"), max_length=10, choices=Certainty.choices, default=Certainty.CONFIRMED)
    certainty_note = models.CharField(
        _("certainty note"), max_length=300, blank=True, help_text=_("Which part is less certain, for visitors.")
    )

    objects = ReadingItemManager()
    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["reading", "session__start_date", "chapter__order"]
        verbose_name = _("reading item")
        verbose_name_plural = _("reading items")
        constraints = [
            models.UniqueConstraint(fields=["reading", "chapter", "session"], name="unique_reading_chapter_session")
        ]

    def __str__(self):
        return f"{self.chapter} · {self.session}"

    def natural_key(self):
        return (*related_key(self, "reading"), *related_key(self, "chapter"), *related_key(self, "session"))

    natural_key.dependencies = ["committee.reading", "committee.chapter", "committee.session"]

    @property
    def is_uncertain(self) -> bool:
        return self.certainty in UNCONFIRMED

    def check_session_in(self, sessions) -> None:
        """Raise a form-ready error unless the item's session is one of the reading's sessions."""
        if self.session_id and self.session_id not in {s.pk for s in sessions}:
            raise ValidationError(
                {"session": _("This session is not one of the reading’s sessions; add it to the reading first.")}
            )

    def clean(self):
        super().clean()
        if self.reading_id and self.reading.pk:
            self.check_session_in(self.reading.sessions.all())


# --- People and the Bureau -------------------------------------------------------------


class Person(PublicRecord):
    name = models.CharField(_("name"), max_length=200, help_text=_("Full name without titles."))
    honorific = models.CharField(_("honorific"), max_length=40, blank=True, help_text=_("e.g. H.E. Ms. or Mr."))
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return f"{self.honorific} {self.name}".strip()

    def get_absolute_url(self):
        return reverse("committee:bureau") + f"#{self.slug}"


class RegionalGroup(models.TextChoices):
    AFRICAN = "african", _("African States")
    ASIA_PACIFIC = "asia-pacific", _("Asia-Pacific States")
    EASTERN_EUROPEAN = "eastern-european", _("Eastern European States")
    GRULAC = "grulac", _("Latin American and Caribbean States")
    WEOG = "weog", _("Western European and other States")


class BureauRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice-chair", _("Vice-Chair")
    RAPPORTEUR = "rapporteur", _("Rapporteur")


class BureauMembershipManager(models.Manager.from_queryset(PublicQuerySet)):
    def get_by_natural_key(self, person_slug, role, start_date):
        return self.get(person__slug=person_slug, role=role, start_date=start_date)


class BureauMembership(PublicRecord):
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="bureau_memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=12, choices=BureauRole.choices)
    country = models.CharField(_("country"), max_length=100)
    regional_group = models.CharField(_("regional group"), max_length=20, choices=RegionalGroup.choices)
    start_date = models.DateField(_("start of term"), help_text=_("The date of election."))
    end_date = models.DateField(
        _("end of term"), null=True, blank=True, help_text=_("Empty while serving or if not known.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = BureauMembershipManager()
    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["order", "start_date"]
        verbose_name = _("Bureau membership")
        verbose_name_plural = _("Bureau memberships")
        constraints = [
            models.UniqueConstraint(fields=["person", "role", "start_date"], name="unique_bureau_term"),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.person} ({self.country})"

    def get_absolute_url(self):
        return reverse("committee:bureau") + f"#{self.person.slug}"

    # --- Negotiation groups ----------------------------------------------------------------

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end of the term cannot be before its start.")})

    def natural_key(self):
        return (*related_key(self, "person"), self.role, self.start_date.isoformat())

    natural_key.dependencies = ["committee.person"]


class GroupKind(models.TextChoices):
    NEGOTIATION_GROUP = "negotiation-group", _("Co-facilitated informal negotiation group")
    INFORMAL_MEETING = "informal-meeting", _("Informal meeting led by co-facilitators or coordinators")
    CONSISTENCY_GROUP = "consistency-group", _("Consistency group")


class NegotiationGroup(PublicRecord):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=GroupKind.choices, default=GroupKind.NEGOTIATION_GROUP)
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True, help_text=_("e.g. 2 for Group 2."))
    topics = models.TextField(_("topics"), blank=True, help_text=_("The issues the group discussed, in plain words."))
    sessions = models.ManyToManyField(
        Session, blank=True, related_name="negotiation_groups", verbose_name=_("sessions")
    )
    chapters = models.ManyToManyField(
        Chapter, blank=True, related_name="negotiation_groups", verbose_name=_("chapters")
    )
    reports = models.ManyToManyField(Document, blank=True, related_name="negotiation_groups", verbose_name=_("reports"))
    body = RichTextField(_("body"), blank=True)

    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["kind", "number", "name"]
        verbose_name = _("negotiation group")
        verbose_name_plural = _("negotiation groups")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("committee:group-detail", kwargs={"slug": self.slug})


class FacilitatorRole(models.TextChoices):
    CO_FACILITATOR = "co-facilitator", _("Co-facilitator")
    COORDINATOR = "coordinator", _("Coordinator")


class FacilitationQuerySet(models.QuerySet):
    def published(self):
        """Facilitations of a published person in a published group."""
        return self.filter(
            person__publication_state=PublicationState.PUBLISHED,
            group__publication_state=PublicationState.PUBLISHED,
        ).select_related("person", "group")


class FacilitationManager(models.Manager.from_queryset(FacilitationQuerySet)):
    def get_by_natural_key(self, group_slug, person_slug, role):
        return self.get(group__slug=group_slug, person__slug=person_slug, role=role)


class Facilitation(Versioned):
    group = models.ForeignKey(
        NegotiationGroup, on_delete=models.CASCADE, related_name="facilitations", verbose_name=_("group")
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="facilitations", verbose_name=_("person"))
    role = models.CharField(
        _("role"), max_length=16, choices=FacilitatorRole.choices, default=FacilitatorRole.CO_FACILITATOR
    )
    country = models.CharField(_("country"), max_length=100, blank=True, help_text=_("Empty if not confirmed."))
    certainty = models.CharField(_("certainty"), max_length=10, choices=Certainty.choices, default=Certainty.CONFIRMED)

    objects = FacilitationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "role", "person__name"]
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")
        constraints = [models.UniqueConstraint(fields=["group", "person", "role"], name="unique_facilitation")]

    def __str__(self):
        return f"{self.person} · {self.get_role_display()}"

    def natural_key(self):
        return (*related_key(self, "group"), *related_key(self, "person"), self.role)

    @property
    def is_uncertain(self) -> bool:
        return self.certainty in UNCONFIRMED

    natural_key.dependencies = ["committee.negotiationgroup", "committee.person"]


# --- Stakeholders and consultations ----------------------------------------------------


class StakeholderBasis(models.TextChoices):
    PARA_7 = "para-7", _("Intergovernmental organization (resolution 75/282, para. 7)")
    PARA_8 = "para-8", _("NGO in consultative status with ECOSOC (para. 8)")
    PARA_9 = "para-9", _("Other organization approved by the Committee (para. 9)")


class Stakeholder(PublicRecord):
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    basis = models.CharField(_("basis of participation"), max_length=8, choices=StakeholderBasis.choices)
    website = LinkField(_("website"), max_length=500, blank=True)

    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["name"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self):
        return self.name


class Consultation(Meeting):
    """An intersessional consultation with multi-stakeholders (resolution 75/282, para. 10)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    languages = models.CharField(
        _("languages"),
        max_length=20,
        default="en",
        help_text=_("Codes of the languages of the meeting, separated by commas: ar, zh, en, fr, ru, es."),
    )
    panels = models.TextField(_("panels"), blank=True, help_text=_("One panel or topic per line."))
    chair_report = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reported_consultations",
        verbose_name=_("Chair’s report"),
    )
    reported_to = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations_reported",
        verbose_name=_("reported to"),
        help_text=_("The session to which the Chair reported on this consultation."),
    )
    stakeholders = models.ManyToManyField(
        Stakeholder, blank=True, related_name="consultations", verbose_name=_("participating stakeholders")
    )

    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="consultation_dates_in_order"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("committee:consultation-detail", kwargs={"slug": self.slug})

    # --- Milestones and FAQ ----------------------------------------------------------------

    def clean(self):
        super().clean()
        codes = [code.strip() for code in self.languages.split(",") if code.strip()]
        unknown = [code for code in codes if code not in Language.values]
        if unknown or not codes:
            raise ValidationError({"languages": _("Use the codes ar, zh, en, fr, ru, es, separated by commas.")})
        self.languages = ",".join(codes)

    @property
    def language_list(self) -> list[str]:
        labels = dict(Language.choices)
        return [labels[code] for code in self.languages.split(",") if code in labels]

    @property
    def panel_list(self) -> list[str]:
        return [line.strip() for line in self.panels.splitlines() if line.strip()]


class MilestoneKind(models.TextChoices):
    RESOLUTION = "resolution", _("Resolution")
    DECISION = "decision", _("Decision")
    POSTPONEMENT = "postponement", _("Postponement")
    APPROVAL = "approval", _("Approval of the draft")
    ADOPTION = "adoption", _("Adoption")
    SIGNING = "signing", _("Signing")
    ENTRY_INTO_FORCE = "entry-into-force", _("Entry into force")
    OTHER = "other", _("Other")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class Milestone(PublicRecord):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MilestoneKind.choices, db_index=True)
    date = models.DateField(_("date"), db_index=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How much of the date is known: for “August 2024”, enter 1 August 2024 and choose Month."),
    )
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("For events over several days."))
    city = models.CharField(_("city"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="milestones", verbose_name=_("document")
    )
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, null=True, blank=True, related_name="milestones", verbose_name=_("session")
    )

    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["date", "title"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("committee:timeline") + f"#{self.slug}"

    @property
    def date_label(self) -> str:
        """The date as far as it is known: “24 December 2024”, “August 2024” or “2024”."""
        if self.date_precision == DatePrecision.DAY:
            return format_date_range(self.date, self.end_date)
        return format_partial_date(self.date, self.date_precision)

    def clean(self):
        super().clean()
        if self.date_precision != DatePrecision.DAY and self.end_date:
            raise ValidationError({"end_date": _("A date known only to the month or year cannot have an end date.")})
        if self.date and self.end_date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The end date cannot be before the date.")})


class FAQEntry(PublicRecord):
    question = models.CharField(_("question"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    answer = RichTextField(_("answer"), help_text=_("HTML; unsafe markup is removed on save."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["order", "question"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("committee:faq") + f"#{self.slug}"


# --- The Convention after adoption -----------------------------------------------------


class ConventionChapter(PublicRecord):
    """A part of the adopted Convention: its preamble or one of its chapters (I to IX).

    Not the negotiation's ``Chapter``: the negotiation's parts changed from text to text, while
    these are the parts of the text the General Assembly adopted (resolution 79/243, annex).
    """

    numeral = models.CharField(
        _("numeral"), max_length=5, blank=True, help_text=_("I to IX as in the Convention; empty for the preamble.")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Position in the text; lower first."))
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What this part says, in a few plain sentences of our own.")
    )
    negotiation_chapters = models.ManyToManyField(
        Chapter,
        blank=True,
        related_name="convention_chapters",
        verbose_name=_("negotiation chapters"),
        help_text=_("The chapters of the negotiation this part of the Convention came from."),
    )

    objects = SlugManager()
    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("chapter of the Convention")
        verbose_name_plural = _("chapters of the Convention")
        constraints = [
            models.UniqueConstraint(
                fields=["numeral"], condition=~models.Q(numeral=""), name="unique_convention_chapter_numeral"
            ),
        ]

    def __str__(self):
        return f"{_('Chapter')} {self.numeral}. {self.title}" if self.numeral else self.title

    def get_absolute_url(self):
        return reverse("committee:convention") + f"#{self.slug}"


class ArticleManager(models.Manager.from_queryset(PublicQuerySet)):
    def get_by_natural_key(self, number):
        return self.get(number=number)


class Article(PublicRecord):
    """An article of the adopted Convention, at its stable address ``/convention/#article-N``."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300, help_text=_("The article’s title as adopted."))
    chapter = models.ForeignKey(
        ConventionChapter, on_delete=models.PROTECT, related_name="articles", verbose_name=_("chapter")
    )
    negotiation_chapters = models.ManyToManyField(
        Chapter,
        blank=True,
        related_name="articles",
        verbose_name=_("negotiation chapters"),
        help_text=_("The chapters of the negotiation whose readings and groups dealt with this article."),
    )

    objects = ArticleManager()
    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["number"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return f"{_('Article')} {self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("committee:convention") + f"#{self.anchor}"

    def natural_key(self):
        return (self.number,)

    @property
    def anchor(self) -> str:
        return f"article-{self.number}"


class ParticipantKind(models.TextChoices):
    STATE = "state", _("State")
    ORGANIZATION = "organization", _("Regional economic integration organization")


class ActionKind(models.TextChoices):
    """A signature, or one of the four instruments by which a participant consents to be bound (art. 64)."""

    SIGNATURE = "signature", _("Signature")
    RATIFICATION = "ratification", _("Ratification")
    ACCEPTANCE = "acceptance", _("Acceptance")
    APPROVAL = "approval", _("Approval")
    ACCESSION = "accession", _("Accession")


INSTRUMENT_KINDS = (ActionKind.RATIFICATION, ActionKind.ACCEPTANCE, ActionKind.APPROVAL, ActionKind.ACCESSION)


class ParticipantQuerySet(PublicQuerySet):
    def with_public_actions(self):
        """Each participant's published signature and instrument as ``public_actions``, with their sources."""
        return self.prefetch_related(
            models.Prefetch(
                "actions",
                queryset=TreatyAction.objects.filter(publication_state=PublicationState.PUBLISHED)
                .order_by("date", "pk")
                .prefetch_related(
                    models.Prefetch("sources", queryset=Source.objects.order_by("title", "url"), to_attr="source_list")
                ),
                to_attr="public_actions",
            )
        )


class ParticipantManager(models.Manager.from_queryset(ParticipantQuerySet)):
    def get_by_natural_key(self, country):
        return self.get(country=country)


class Participant(PublicRecord):
    """A State or a regional economic integration organization (the European Union) that has signed
    the Convention or deposited an instrument: one row of the depositary's status table."""

    country = CountryField(
        _("State or organization"),
        unique=True,
        help_text=_("Its ISO 3166 code; the European Union is EU. Names follow the visitor’s language."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=ParticipantKind.choices,
        default=ParticipantKind.STATE,
        help_text=_(
            "An organization’s instrument is not counted toward entry into force in addition to its "
            "member States’ (article 65(1))."
        ),
    )
    regional_group = models.CharField(
        _("regional group"),
        max_length=20,
        choices=RegionalGroup.choices,
        blank=True,
        help_text=_("The United Nations regional group of a State; empty for an organization."),
    )

    objects = ParticipantManager()
    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["country"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return str(self.country.name)

    def get_absolute_url(self):
        return reverse("committee:convention-status") + f"#{self.anchor}"

    def clean(self):
        super().clean()
        if self.kind == ParticipantKind.ORGANIZATION and self.regional_group:
            raise ValidationError({"regional_group": _("An organization belongs to no regional group.")})
        if self.kind == ParticipantKind.STATE and not self.regional_group:
            raise ValidationError({"regional_group": _("Choose the State’s regional group.")})

    def natural_key(self):
        return (self.country.code,)

    @property
    def code(self) -> str:
        return self.country.code

    @property
    def anchor(self) -> str:
        return self.country.code.lower()

    # Set by ParticipantQuerySet.with_public_actions(): the published signature and instrument.
    @property
    def signature(self) -> TreatyAction | None:
        return next((a for a in self.public_actions if a.kind == ActionKind.SIGNATURE), None)

    @property
    def instrument(self) -> TreatyAction | None:
        return next((a for a in self.public_actions if a.kind in INSTRUMENT_KINDS), None)


class TreatyActionQuerySet(models.QuerySet):
    def published(self):
        """Published signatures and instruments of published participants, with the participant."""
        return self.filter(
            publication_state=PublicationState.PUBLISHED,
            participant__publication_state=PublicationState.PUBLISHED,
        ).select_related("participant")

    def signatures(self):
        return self.filter(kind=ActionKind.SIGNATURE)

    def instruments(self):
        return self.filter(kind__in=INSTRUMENT_KINDS)


class TreatyActionManager(models.Manager.from_queryset(TreatyActionQuerySet)):
    def get_by_natural_key(self, country, kind):
        return self.get(participant__country=country, kind=kind)


class TreatyAction(PublicRecord):
    """A participant’s signature, or its instrument of ratification, acceptance, approval or
    accession, with the depositary notification or other source that records it."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="actions", verbose_name=_("participant")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ActionKind.choices)
    date = models.DateField(
        _("date"),
        help_text=_("The date of signature, or of deposit of the instrument with the Secretary-General."),
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "How much of the date the sources give: for a signature known only as “October 2025”, enter "
            "1 October 2025 and choose Month. An instrument needs its day."
        ),
    )
    notification = models.CharField(
        _("depositary notification"),
        max_length=60,
        blank=True,
        help_text=_("The Secretary-General’s notification, e.g. C.N.196.2025.TREATIES-XVIII.16."),
    )

    objects = TreatyActionManager()
    # Its history is registered in committee/translation.py, after its fields in each language.

    class Meta:
        ordering = ["date", "participant"]
        verbose_name = _("signature or instrument")
        verbose_name_plural = _("signatures and instruments")
        constraints = [
            models.UniqueConstraint(
                fields=["participant"], condition=models.Q(kind="signature"), name="one_signature_per_participant"
            ),
            models.UniqueConstraint(
                fields=["participant"],
                condition=models.Q(kind__in=["ratification", "acceptance", "approval", "accession"]),
                name="one_instrument_per_participant",
            ),
        ]

    def __str__(self):
        return f"{self.participant}: {self.get_kind_display().lower()}, {self.date_label}"

    def get_absolute_url(self):
        return self.participant.get_absolute_url()

    def natural_key(self):
        return (*related_key(self, "participant"), self.kind)

    natural_key.dependencies = ["committee.participant"]

    @property
    def slug(self) -> str:
        """Its key in addresses and feed ids: the participant’s code and the kind, e.g. vn-signature."""
        return f"{self.participant.anchor}-{self.kind}"

    @property
    def is_instrument(self) -> bool:
        return self.kind in INSTRUMENT_KINDS

    @property
    def date_label(self) -> str:
        """The date as far as it is known: “25 October 2025” or “October 2025”."""
        return format_partial_date(self.date, self.date_precision)

    @property
    def iso_date(self) -> str:
        """ISO 8601 to the precision known: 2025-10-25, 2025-10 or 2025."""
        return iso_partial_date(self.date, self.date_precision)

    def clean(self):
        super().clean()
        if self.kind in INSTRUMENT_KINDS and self.date_precision != DatePrecision.DAY:
            raise ValidationError(
                {"date_precision": _("An instrument counts toward entry into force from its day of deposit.")}
            )
        if self.participant_id is None:
            return
        others = TreatyAction.objects.filter(participant_id=self.participant_id).exclude(pk=self.pk)
        if self.kind == ActionKind.SIGNATURE and others.filter(kind=ActionKind.SIGNATURE).exists():
            raise ValidationError({"kind": _("This participant’s signature is already recorded.")})
        if self.kind in INSTRUMENT_KINDS and others.filter(kind__in=INSTRUMENT_KINDS).exists():
            raise ValidationError({"kind": _("This participant’s instrument is already recorded.")})


# Every public record, in the order a visitor meets them.
PUBLIC_MODELS = (
    Session, Consultation, Reading, Chapter, NegotiationGroup, Document, Person, BureauMembership,
    Stakeholder, Milestone, FAQEntry, ConventionChapter, Article, Participant, TreatyAction,
)  # fmt: skip


def _source_link_str(link) -> str:
    return str(link.source)


# The links from a record to its sources are created by Django; name them for the change history
# ("Added source “Report on the first session”") rather than as "Session_sources object (1)".
for _model in PUBLIC_MODELS:
    _model.sources.through.__str__ = _source_link_str
    _model.sources.through._meta.verbose_name = _("source")
    _model.sources.through._meta.verbose_name_plural = _("sources")
