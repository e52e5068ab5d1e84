"""The admin staff edit the record in: inlines for a record's parts, history for every change."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    INSTRUMENT_KINDS,
    Article,
    BureauMembership,
    Chapter,
    Consultation,
    ConventionChapter,
    Document,
    DocumentVersion,
    Facilitation,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    Participant,
    Person,
    PublicationState,
    Reading,
    ReadingItem,
    Session,
    SessionDocument,
    Source,
    Stakeholder,
    TreatyAction,
)

admin.site.site_header = _("AHC Portal administration")
admin.site.site_title = _("AHC Portal")
admin.site.index_title = _("The record of the Ad Hoc Committee")

PROVENANCE_FIELDSET = (
    _("Publication and provenance"),
    {"fields": ("publication_state", "certainty", "certainty_note")},
)


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete box that shows its selected record without a query when it is preloaded.

    Django's widget runs one query per box to label the selected option; in an inline with many
    rows that is one query per row and field. The inline below hands each row's related record,
    fetched with the rows, to its box.
    """

    preloaded = ()

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        loaded = {str(obj.pk): obj for obj in self.preloaded}
        if not selected or not selected <= loaded.keys():
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for key in sorted(selected):
            label = self.choices.field.label_from_instance(loaded[key])
            options.append(self.create_option(name, loaded[key].pk, label, selected, len(options)))
        return [(None, options, 0)]


class PreloadingInlineForm(forms.ModelForm):
    """A row of an inline that hands its related records, fetched with the rows, to their boxes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the admin's wrapper
            if isinstance(widget, PreloadedAutocompleteSelect) and getattr(self.instance, f"{name}_id", None):
                widget.preloaded = (getattr(self.instance, name),)  # select_related: no query


class PartInline(admin.TabularInline):
    """An inline whose rows fetch their related records at once: a fixed number of queries."""

    form = PreloadingInlineForm

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.autocomplete_fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:
            kwargs["widget"] = PreloadedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def sources_inline(model):
    """An inline of the record's sources, chosen with autocomplete (add new ones with +)."""
    return type(
        f"{model.__name__}SourceInline",
        (PartInline,),
        {
            "model": model.sources.through,
            "autocomplete_fields": ["source"],
            "verbose_name": _("source"),
            "verbose_name_plural": _("sources"),
        },
    )


class PublicRecordAdmin(SimpleHistoryAdmin):
    """Publication actions, provenance filters and the change history for every public record."""

    actions = ["publish", "unpublish"]
    list_filter = ("publication_state", "certainty")
    part_inlines = ()

    def get_inlines(self, request, obj):
        return [*self.part_inlines, sources_inline(self.model)]

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._describe_latest_version(obj, entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._describe_latest_version(obj, entry)
        return entry

    def _describe_latest_version(self, obj, entry):
        """Keep what the editor changed, inlines included, as the reason of the version just saved.

        The admin saves the record on every submission, so its change history gets a version even
        when only a part (a document, an item, a source) changed; this says which.
        """
        latest = obj.history.order_by("-history_date", "-history_id").first()
        if latest is not None and not latest.history_change_reason:
            latest.history_change_reason = entry.get_change_message()
            latest.save(update_fields=["history_change_reason"])

    def _set_state(self, request, queryset, state, reason):
        changed = 0
        for record in queryset.exclude(publication_state=state):
            record.publication_state = state
            record._change_reason = reason
            record.save()
            changed += 1
        return changed

    @admin.action(description=_("Publish the selected records"), permissions=["change"])
    def publish(self, request, queryset):
        changed = self._set_state(request, queryset, PublicationState.PUBLISHED, "Published")
        self.message_user(
            request,
            ngettext("%(count)d record published.", "%(count)d records published.", changed) % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected records (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        changed = self._set_state(request, queryset, PublicationState.DRAFT, "Unpublished")
        self.message_user(
            request,
            ngettext("%(count)d record unpublished.", "%(count)d records unpublished.", changed) % {"count": changed},
            messages.SUCCESS,
        )


# --- Sources ---------------------------------------------------------------------------


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ("title", "publisher", "url")
    search_fields = ("title", "url", "publisher")
    list_filter = ("publisher",)


# --- Sessions and documents ------------------------------------------------------------


class SessionDocumentInline(PartInline):
    model = SessionDocument
    autocomplete_fields = ["document"]
    verbose_name = _("document of the session")
    verbose_name_plural = _("documents of the session")


class DocumentSessionInline(PartInline):
    model = SessionDocument
    autocomplete_fields = ["session"]
    verbose_name = _("session")
    verbose_name_plural = _("sessions")


@admin.register(Session)
class SessionAdmin(PublicRecordAdmin):
    list_display = ("title", "kind", "start_date", "end_date", "city", "status_display", "publication_state")
    list_filter = ("kind", "city", *PublicRecordAdmin.list_filter)
    search_fields = ("title", "city", "venue", "room", "summary")
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("mandate",)
    list_select_related = ()
    part_inlines = (SessionDocumentInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "number", "mandate")}),
        (
            _("Dates and place"),
            {
                "fields": (
                    ("start_date", "end_date"),
                    ("daily_start_time", "daily_end_time"),
                    "time_zone",
                    "city",
                    "venue",
                    "room",
                    "meeting_format",
                )
            },
        ),
        (_("Links"), {"fields": ("page_url", "registration_url", "webcast_url")}),
        (_("Text"), {"fields": ("summary", "body")}),
        PROVENANCE_FIELDSET,
    )

    @admin.display(description=_("status"))
    def status_display(self, obj):
        return obj.status.label


class DocumentVersionInline(PartInline):
    model = DocumentVersion
    verbose_name_plural = _("language versions")


class RevisionInline(PartInline):
    """Documents that revise, amend or correct this one."""

    model = Document
    fk_name = "revises"
    fields = ("symbol", "kind", "title", "date", "publication_state")
    show_change_link = True
    verbose_name = _("revision, addendum or corrigendum")
    verbose_name_plural = _("revised by")


@admin.register(Document)
class DocumentAdmin(PublicRecordAdmin):
    list_display = ("symbol", "title", "kind", "date", "publication_state", "certainty")
    list_filter = ("kind", *PublicRecordAdmin.list_filter)
    search_fields = ("symbol", "title", "summary")
    date_hierarchy = "date"
    autocomplete_fields = ("revises", "consultations", "chapters")
    list_select_related = ()
    part_inlines = (DocumentVersionInline, DocumentSessionInline, RevisionInline)
    fieldsets = (
        (None, {"fields": ("symbol", "title", "slug", "kind", "date", "revises")}),
        (_("Context"), {"fields": ("summary", "consultations", "chapters")}),
        PROVENANCE_FIELDSET,
    )


# --- Chapters and readings -------------------------------------------------------------


@admin.register(Chapter)
class ChapterAdmin(PublicRecordAdmin):
    list_display = ("title", "order", "convention_chapter", "publication_state")
    list_editable = ("order",)
    search_fields = ("title",)
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "order", "convention_chapter", "description")}),
        PROVENANCE_FIELDSET,
    )


class ReadingItemFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        # The reading's sessions as submitted in the same form (see ReadingAdmin.save_form),
        # else as saved.
        sessions = getattr(self.instance, "_submitted_sessions", None)
        if sessions is None:
            sessions = self.instance.sessions.all() if self.instance.pk else []
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            item = form.instance
            try:
                item.check_session_in(sessions)
            except ValidationError as error:
                form.add_error(None, error)


class ReadingItemInline(PartInline):
    model = ReadingItem
    formset = ReadingItemFormSet
    autocomplete_fields = ("chapter", "session", "basis")
    verbose_name = _("item: chapter read at a session")
    verbose_name_plural = _("items (chapter × session × basis document)")


@admin.register(Reading)
class ReadingAdmin(PublicRecordAdmin):
    list_display = ("title", "order", "publication_state")
    search_fields = ("title",)
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("sessions",)
    part_inlines = (ReadingItemInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "order", "sessions", "summary", "body")}),
        PROVENANCE_FIELDSET,
    )

    def save_form(self, request, form, change):
        record = super().save_form(request, form, change)
        # The items' formset is validated after this form and before its many-to-many data is
        # saved: hand it the sessions the editor just chose.
        record._submitted_sessions = list(form.cleaned_data["sessions"])
        return record


# --- People, Bureau, groups ------------------------------------------------------------


@admin.register(Person)
class PersonAdmin(PublicRecordAdmin):
    list_display = ("name", "honorific", "publication_state")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = ((None, {"fields": ("name", "honorific", "slug")}), PROVENANCE_FIELDSET)


@admin.register(BureauMembership)
class BureauMembershipAdmin(PublicRecordAdmin):
    list_display = ("person", "role", "country", "regional_group", "start_date", "end_date", "publication_state")
    list_filter = ("role", "regional_group", *PublicRecordAdmin.list_filter)
    list_select_related = ("person",)
    search_fields = ("person__name", "country")
    autocomplete_fields = ("person",)
    date_hierarchy = "start_date"
    fieldsets = (
        (None, {"fields": ("person", "role", "country", "regional_group", ("start_date", "end_date"), "order")}),
        PROVENANCE_FIELDSET,
    )


class FacilitationInline(PartInline):
    model = Facilitation
    autocomplete_fields = ("person",)


@admin.register(NegotiationGroup)
class NegotiationGroupAdmin(PublicRecordAdmin):
    list_display = ("name", "kind", "number", "publication_state", "certainty")
    list_filter = ("kind", *PublicRecordAdmin.list_filter)
    search_fields = ("name", "topics")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("sessions", "chapters", "reports")
    part_inlines = (FacilitationInline,)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "number", "topics", "sessions", "chapters", "reports", "body")}),
        PROVENANCE_FIELDSET,
    )


# --- Consultations and stakeholders ----------------------------------------------------


@admin.register(Stakeholder)
class StakeholderAdmin(PublicRecordAdmin):
    list_display = ("name", "basis", "publication_state")
    list_filter = ("basis", *PublicRecordAdmin.list_filter)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = ((None, {"fields": ("name", "slug", "basis", "website")}), PROVENANCE_FIELDSET)


class ConsultationDocumentInline(PartInline):
    model = Document.consultations.through
    autocomplete_fields = ("document",)
    verbose_name = _("document")
    verbose_name_plural = _("documents")


@admin.register(Consultation)
class ConsultationAdmin(PublicRecordAdmin):
    list_display = ("title", "number", "start_date", "end_date", "city", "status_display", "publication_state")
    list_filter = ("city", *PublicRecordAdmin.list_filter)
    search_fields = ("title", "panels", "summary")
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("chair_report", "reported_to", "stakeholders")
    part_inlines = (ConsultationDocumentInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "number", "chair_report", "reported_to")}),
        (
            _("Dates and place"),
            {
                "fields": (
                    ("start_date", "end_date"),
                    "time_zone",
                    "city",
                    "venue",
                    "room",
                    "meeting_format",
                    "languages",
                )
            },
        ),
        (_("Content"), {"fields": ("panels", "stakeholders", "summary", "body")}),
        PROVENANCE_FIELDSET,
    )

    @admin.display(description=_("status"))
    def status_display(self, obj):
        return obj.status.label


# --- Milestones and FAQ ----------------------------------------------------------------


@admin.register(Milestone)
class MilestoneAdmin(PublicRecordAdmin):
    list_display = ("title", "kind", "date", "publication_state", "certainty")
    list_filter = ("kind", *PublicRecordAdmin.list_filter)
    search_fields = ("title", "description")
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("document", "session")
    fieldsets = (
        (
            None,
            {"fields": ("title", "slug", "kind", ("date", "end_date"), "city", "description", "document", "session")},
        ),
        PROVENANCE_FIELDSET,
    )


@admin.register(FAQEntry)
class FAQEntryAdmin(PublicRecordAdmin):
    list_display = ("question", "order", "publication_state")
    list_editable = ("order",)
    search_fields = ("question", "answer")
    prepopulated_fields = {"slug": ("question",)}
    fieldsets = ((None, {"fields": ("question", "slug", "answer", "order")}), PROVENANCE_FIELDSET)


# --- The Convention after adoption -----------------------------------------------------


class ArticleInline(admin.TabularInline):
    model = Article
    fields = ("number", "title", "negotiation_chapters", "publication_state", "certainty")
    autocomplete_fields = ("negotiation_chapters",)
    extra = 0


@admin.register(ConventionChapter)
class ConventionChapterAdmin(PublicRecordAdmin):
    list_display = ("__str__", "order", "publication_state", "certainty")
    list_editable = ("order",)
    search_fields = ("title", "numeral")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("negotiation_chapters",)
    part_inlines = (ArticleInline,)
    fieldsets = (
        (None, {"fields": ("numeral", "title", "slug", "order", "summary", "negotiation_chapters")}),
        PROVENANCE_FIELDSET,
    )


@admin.register(Article)
class ArticleAdmin(PublicRecordAdmin):
    list_display = ("number", "title", "chapter", "publication_state", "certainty")
    list_display_links = ("number", "title")
    list_filter = ("chapter", *PublicRecordAdmin.list_filter)
    list_select_related = ("chapter",)
    search_fields = ("=number", "title")
    autocomplete_fields = ("chapter", "negotiation_chapters")
    fieldsets = ((None, {"fields": ("number", "title", "chapter", "negotiation_chapters")}), PROVENANCE_FIELDSET)


class TreatyActionFormSet(BaseInlineFormSet):
    """One signature and one instrument a participant, among the rows submitted together too."""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            kind = form.cleaned_data.get("kind")
            group = "instrument" if kind in INSTRUMENT_KINDS else kind
            if group in seen:
                form.add_error(
                    "kind",
                    _("Only one signature and one instrument a participant: this one is already in another row."),
                )
            seen.add(group)


class TreatyActionInline(admin.StackedInline):
    """A signature or an instrument, with its own sources and certainty: one row each."""

    model = TreatyAction
    formset = TreatyActionFormSet
    fields = (
        ("kind", "date", "date_precision"),
        "notification",
        "sources",
        ("publication_state", "certainty"),
        "certainty_note",
    )
    autocomplete_fields = ("sources",)
    extra = 0


@admin.register(Participant)
class ParticipantAdmin(PublicRecordAdmin):
    list_display = ("__str__", "country", "kind", "regional_group", "publication_state", "certainty")
    list_filter = ("kind", "regional_group", *PublicRecordAdmin.list_filter)
    search_fields = ("country",)
    part_inlines = (TreatyActionInline,)
    fieldsets = ((None, {"fields": ("country", "kind", "regional_group")}), PROVENANCE_FIELDSET)


@admin.register(TreatyAction)
class TreatyActionAdmin(PublicRecordAdmin):
    list_display = ("participant", "kind", "date", "notification", "publication_state", "certainty")
    list_filter = ("kind", *PublicRecordAdmin.list_filter)
    list_select_related = ("participant",)
    search_fields = ("participant__country", "notification")
    date_hierarchy = "date"
    autocomplete_fields = ("participant", "sources")
    fieldsets = (
        (None, {"fields": ("participant", "kind", ("date", "date_precision"), "notification", "sources")}),
        PROVENANCE_FIELDSET,
    )

    def get_inlines(self, request, obj):
        # Its sources are a field of the form, as in the participant's inline, not an inline.
        return []
