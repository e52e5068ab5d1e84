"""The admin staff edit the record in: inlines for a record's parts, history for every change."""

import dataclasses
from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .convention import countries_named
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
    RecordCheck,
    Session,
    SessionDocument,
    Source,
    Stakeholder,
    TreatyAction,
    Versioned,
)

admin.site.site_header = _("AHC Portal administration")
admin.site.site_title = _("AHC Portal")
admin.site.index_title = _("The record of the Ad Hoc Committee")

PROVENANCE_FIELDSET = (
    _("Publication and provenance"),
    {"fields": ("publication_state", "certainty", "certainty_note")},
)


# --- No lost update ---------------------------------------------------------------------
#
# Every record and every row of an inline carries a version that each save raises
# (committee.models.Versioned). The admin's forms carry, in a hidden field, the version the
# editor loaded; a save is refused when the row has moved on since, with who changed what,
# and the editor's input stays in the form. A version field of our own rather than
# django-concurrency (2.8.1 supports Django 5.2): its admin replaces the action checkbox, the
# management form, message_user and log_change (where our history reasons are written), and its
# refusal only says the record was modified; here it is one hidden field and a clean().

LOADED_VERSION = "loaded_version"


def _who(entry) -> str:
    return entry.history_user.get_username() if entry.history_user else str(_("someone outside the admin"))


def _when(entry) -> str:
    return formats.date_format(timezone.localtime(entry.history_date), "DATETIME_FORMAT")


def describe_changes_since(record, loaded: int) -> str:
    """Who changed what in ``record`` after version ``loaded``, from its change history."""
    entries = list(
        record.history.filter(version__gte=loaded).select_related("history_user").order_by("version", "history_id")
    )
    changes, previous = [], None
    for entry in entries:
        if entry.version > loaded:
            what = (entry.history_change_reason or "").rstrip(".")
            if not what and previous is not None:
                delta = entry.diff_against(previous, excluded_fields=["version"])
                what = ", ".join(str(record._meta.get_field(change.field).verbose_name) for change in delta.changes)
            changes.append(
                _("%(who)s on %(when)s: %(what)s")
                % {"who": _who(entry), "when": _when(entry), "what": what or _("saved without a change")}
            )
        previous = entry
    return "; ".join(changes) or str(_("a change made outside the admin"))


class VersionCheckedForm(forms.ModelForm):
    """A record's form that refuses to save over a change made since the editor opened it."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The record's own row is locked until the save commits (ATOMIC_REQUESTS), so two saves of
    # the same record cannot both pass the check; inline rows are compared as fetched.
    lock_row = True
    refused_message = _(
        "This %(name)s was changed since you opened it: %(changes)s. Nothing was saved; your input is "
        "still in the form. Check it against those changes (open the record in a new tab), then save "
        "again to keep yours."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.instance._state.adding:
            self.initial[LOADED_VERSION] = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        record = self.instance
        if record.pk is None or record._state.adding:
            return cleaned_data
        current = record.version
        if self.lock_row:
            rows = type(record)._base_manager.select_for_update().filter(pk=record.pk)
            current = rows.values_list("version", flat=True).first() or current
        loaded = cleaned_data.get(LOADED_VERSION)
        if loaded is None:
            raise ValidationError(_("This form came without the version it was opened at; open it again."))
        if loaded != current:
            # The next save, after the editor has seen what changed, replaces it knowingly.
            self.data = self.data.copy()
            self.data[self.add_prefix(LOADED_VERSION)] = str(current)
            raise ValidationError(
                self.refused_message,
                code="changed_since",
                params={"name": record._meta.verbose_name, "changes": describe_changes_since(record, loaded)},
            )
        return cleaned_data


def with_loaded_version(fieldsets):
    """The fieldsets with the hidden version field in the first, unless it is there already."""
    fieldsets = list(fieldsets)
    if not fieldsets or any(LOADED_VERSION in opts.get("fields", ()) for _name, opts in fieldsets):
        return fieldsets
    name, opts = fieldsets[0]
    return [(name, {**opts, "fields": (*opts["fields"], LOADED_VERSION)}), *fieldsets[1:]]


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


class RowForm(PreloadingInlineForm):
    """A row of an inline that says so when another editor deleted it, or moved it to another
    record, since the page was opened.

    Django's formset would mark the row's hidden id as an unknown choice, out of sight, or save
    the row as if it were still this record's.
    """

    gone_message = _(
        "This row was deleted or moved to another record since you opened the page. Nothing was saved; "
        "remove the row or add it again."
    )

    def clean(self):
        cleaned_data = super().clean()
        pk_name = self._meta.model._meta.pk.name
        if not self.data.get(self.add_prefix(pk_name)):
            return cleaned_data
        if pk_name in self._errors:
            del self._errors[pk_name]
            raise ValidationError(self.gone_message, code="gone")
        if self.instance.pk is None and cleaned_data.get(pk_name) is not None:
            raise ValidationError(self.gone_message, code="gone")
        return cleaned_data


class VersionCheckedRowForm(VersionCheckedForm, RowForm):
    """A row of an inline that carries its own version: a row changed since is refused on its own."""

    lock_row = False
    refused_message = _(
        "This row (%(name)s) was changed since you opened the page: %(changes)s. Nothing was saved; "
        "check the row, then save again to keep yours."
    )


class VersionCheckedFormSet(BaseInlineFormSet):
    """Rows marked for deletion are not validated by Django; one changed since still refuses the save."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.has_error(NON_FIELD_ERRORS, "changed_since"):
                raise ValidationError(form.non_field_errors())


class VersionCheckedInline:
    """Every inline of the admin: rows of a versioned model carry their own version
    (VersionCheckedRowForm), so one row changed by another editor since the page was opened
    refuses the whole save, with the row marked.
    """

    form = VersionCheckedRowForm
    formset = VersionCheckedFormSet

    def get_formset(self, request, obj=None, **kwargs):
        if not issubclass(self.model, Versioned):  # the links Django creates for many-to-many fields
            kwargs.setdefault("form", RowForm)
        return super().get_formset(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return with_loaded_version(fieldsets) if issubclass(self.model, Versioned) else fieldsets


class PartInline(VersionCheckedInline, admin.TabularInline):
    """An inline whose rows fetch their related records at once: a fixed number of queries."""

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
            "form": RowForm,
            "verbose_name": _("source"),
            "verbose_name_plural": _("sources"),
        },
    )


class ChangesWithoutVersion(HistoricalRecordContextHelper):
    """The history page's list of what changed, without the version every save raises."""

    def context_for_delta_changes(self, delta):
        # A language's text left empty is stored as NULL until a form first saves it as "": not a change.
        changes = [change for change in delta.changes if change.field != "version" and (change.old or change.new)]
        fields = [change.field for change in changes]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=changes, changed_fields=fields))


class RecordAdmin(SimpleHistoryAdmin):
    """Every record's admin: the version check, the change history with its reasons, revert and
    restore.

    simple-history's history page reverts a record to an earlier version (the record's own fields;
    its inline parts and many-to-many choices stay as they are now). Records deleted by mistake are
    listed under "Deleted records" and brought back from their last version.
    """

    form = VersionCheckedForm
    part_inlines = ()
    change_list_template = "admin/committee/record_change_list.html"

    def get_fieldsets(self, request, obj=None):
        return with_loaded_version(super().get_fieldsets(request, obj))

    def get_historical_record_context_helper(self, request, historical_record):
        return ChangesWithoutVersion(self.model, historical_record)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and self._reverting(request):
            # An earlier version brought back is saved over the row as it is now, whose version
            # the form carries (the earlier version's number is history).
            obj.version = type(obj)._base_manager.filter(pk=obj.pk).values_list("version", flat=True).first() or 0
        return super().get_form(request, obj, change=change, **kwargs)

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("deleted/", self.admin_site.admin_view(self.deleted_view), name=f"{info}_deleted"),
            path(
                "deleted/<int:history_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name=f"{info}_restore",
            ),
            *super().get_urls(),
        ]

    # --- The change history: every version says what changed ---------------------------

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._describe_latest_version(obj, entry)
        return entry

    def log_change(self, request, obj, message):
        reverted_from = self._reverted_from(request, obj)
        if reverted_from is not None:
            message = _("Reverted to the version of %(when)s by %(who)s.") % {
                "when": _when(reverted_from),
                "who": _who(reverted_from),
            }
        entry = super().log_change(request, obj, message)
        self._describe_latest_version(obj, entry)
        return entry

    def _reverting(self, request) -> bool:
        """Whether this is simple-history's page that reverts the record to an earlier version."""
        match = request.resolver_match
        return match is not None and match.url_name == f"{self.opts.app_label}_{self.opts.model_name}_simple_history"

    def _reverted_from(self, request, obj):
        """The version being brought back when this is the revert page, else None."""
        if not self._reverting(request):
            return None
        return obj.history.filter(history_id=request.resolver_match.args[1]).select_related("history_user").first()

    def _describe_latest_version(self, obj, entry):
        """Keep what the editor changed, inlines included, as the reason of the version just saved.

        The admin saves the record on every submission, so its change history gets a version even
        when only a part (a document, an item, a source) changed; this says which.
        """
        latest = obj.history.order_by("-history_id").first()
        if latest is not None and not latest.history_change_reason:
            latest.history_change_reason = entry.get_change_message()
            latest.save(update_fields=["history_change_reason"])

    # --- Deleted records, brought back ---------------------------------------------------

    def has_restore_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def deleted_records(self):
        """The last version of every record of this model that is deleted and not restored since."""
        history = self.model.history
        last = history.values("id").annotate(last=Max("history_id")).values("last")
        return (
            history.filter(history_id__in=last, history_type="-")
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )

    def deleted_view(self, request):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Deleted %(name)s") % {"name": self.opts.verbose_name_plural},
            "opts": self.opts,
            "deleted": self.deleted_records(),
        }
        return TemplateResponse(request, "admin/committee/deleted_records.html", context)

    @staticmethod
    def _restore_row(record, request, reason):
        record.full_clean(validate_unique=True)
        record._history_user = request.user
        record._change_reason = reason
        record.save()
        return record

    def parts_deleted_with(self, historical, record):
        """The inline rows deleted together with the record (Django deleted them in cascade), as
        rows of ``record`` again."""
        parts = []
        for inline in self.part_inlines:
            model = inline.model
            if not issubclass(model, Versioned):
                continue
            link = next(
                f
                for f in model._meta.get_fields()
                if f.many_to_one and f.related_model is self.model and (inline.fk_name in (None, f.name))
            )
            last = model.history.values("id").annotate(last=Max("history_id")).values("last")
            for part in model.history.filter(
                history_id__in=last,
                history_type="-",
                history_date__lte=historical.history_date,
                history_date__gte=historical.history_date - timedelta(seconds=5),
                **{link.attname: historical.id},
            ):
                row = part.instance
                setattr(row, link.name, record)
                parts.append(row)
        return parts

    def restore_view(self, request, history_id):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        historical = get_object_or_404(self.deleted_records(), history_id=history_id)
        record = historical.instance
        parts = self.parts_deleted_with(historical, record)
        deleted_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_deleted")
        if request.method == "POST":
            reason = _("Restored after its deletion on %(when)s by %(who)s.") % {
                "when": _when(historical),
                "who": _who(historical),
            }
            try:
                with transaction.atomic():  # all of it or nothing
                    self._restore_row(record, request, reason)
                    for part in parts:
                        self._restore_row(part, request, reason)
            except ValidationError as error:
                self.message_user(
                    request,
                    _("“%(record)s” cannot be restored: %(errors)s")
                    % {"record": record, "errors": " ".join(error.messages)},
                    messages.ERROR,
                )
                return HttpResponseRedirect(deleted_url)
            super().log_addition(request, record, reason)
            self.message_user(request, _("“%(record)s” was restored.") % {"record": record}, messages.SUCCESS)
            return HttpResponseRedirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[record.pk])
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Restore %(name)s") % {"name": self.opts.verbose_name},
            "opts": self.opts,
            "historical": historical,
            "record": record,
            "parts": parts,
            "deleted_url": deleted_url,
        }
        return TemplateResponse(request, "admin/committee/restore_record.html", context)


class PublicRecordAdmin(RecordAdmin, TranslationAdmin):
    """Publication actions, provenance filters and the change history for every public record.

    Every public record has text in the six UN languages (committee/translation.py): each
    translated field's form shows its languages together, one field under the other (title [en],
    title [ar], ...), English required where the field is required. modeltranslation's plain
    TranslationAdmin: its tabbed variant loads jQuery UI from a CDN, which the CSP forbids.
    """

    actions = ["publish", "unpublish"]
    list_filter = ("publication_state", "certainty")

    def get_inlines(self, request, obj):
        return [*self.part_inlines, sources_inline(self.model)]

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
class SourceAdmin(RecordAdmin):
    list_display = ("title", "publisher", "url")
    search_fields = ("title", "url", "publisher")
    list_filter = ("publisher",)


@admin.register(RecordCheck)
class RecordCheckAdmin(RecordAdmin):
    list_display = ("checked_on", "note")
    search_fields = ("note",)
    date_hierarchy = "checked_on"
    autocomplete_fields = ("sources",)


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


class RevisionInline(PartInline, TranslationTabularInline):
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


class ReadingItemFormSet(VersionCheckedFormSet):
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


class ReadingItemInline(PartInline, TranslationTabularInline):
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


class ArticleInline(VersionCheckedInline, TranslationTabularInline):
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


class TreatyActionFormSet(VersionCheckedFormSet):
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


class TreatyActionInline(VersionCheckedInline, TranslationStackedInline):
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


class CountryNameSearch:
    """Search by a country's name as well as its code: the table holds codes, an editor types a name
    ("Viet Nam", "viet"), in the list and in autocompletes. ``country_field`` is the path to the code."""

    country_field = "country"

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        named = queryset.filter(**{f"{self.country_field}__in": countries_named(search_term)})
        return found | named, may_have_duplicates


@admin.register(Participant)
class ParticipantAdmin(CountryNameSearch, PublicRecordAdmin):
    list_display = ("__str__", "country", "kind", "regional_group", "publication_state", "certainty")
    list_filter = ("kind", "regional_group", *PublicRecordAdmin.list_filter)
    search_fields = ("country",)
    part_inlines = (TreatyActionInline,)
    fieldsets = ((None, {"fields": ("country", "kind", "regional_group")}), PROVENANCE_FIELDSET)


@admin.register(TreatyAction)
class TreatyActionAdmin(CountryNameSearch, PublicRecordAdmin):
    list_display = ("participant", "kind", "date", "notification", "publication_state", "certainty")
    list_filter = ("kind", *PublicRecordAdmin.list_filter)
    list_select_related = ("participant",)
    search_fields = ("participant__country", "notification")
    country_field = "participant__country"
    date_hierarchy = "date"
    autocomplete_fields = ("participant", "sources")
    fieldsets = (
        (None, {"fields": ("participant", "kind", ("date", "date_precision"), "notification", "sources")}),
        PROVENANCE_FIELDSET,
    )

    def get_inlines(self, request, obj):
        # Its sources are a field of the form, as in the participant's inline, not an inline.
        return []
