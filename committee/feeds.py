"""The Atom feed of new and changed records, whole or for one section of the site.

``/feeds/updates/`` follows every public list; ``?section=documents&kind=report&year=2024`` follows
one list with the filters of its page (``DocumentFilter`` for the documents). A parameter that does
not fit is a 400 that names it, never a 500 and never a feed of something else than was asked.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.db import models
from django.http import HttpResponseBadRequest, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .filters import DocumentFilter
from .html import sanitize_html
from .models import (
    Chapter,
    Consultation,
    Document,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    Reading,
    Session,
    TreatyAction,
)

MAX_ENTRIES = 50

# Entry ids are tag URIs (RFC 4151) made of the record's kind and slug, its natural key: they do not
# change when the site moves to another host, nor when a record's title or content is edited.
TAG_AUTHORITY = "ahc-portal,2021"


@dataclass(frozen=True)
class Section:
    """A public list whose changes can be followed."""

    model: type[models.Model]
    kind: str  # the singular in entry ids: tag:ahc-portal,2021:<kind>/<slug>
    list_url_name: str
    label: Promise
    summary_field: str | None = None
    summary_is_html: bool = False
    filterset: type | None = None


SECTIONS = {
    "sessions": Section(Session, "session", "committee:session-list", _("Sessions"), "summary"),
    "consultations": Section(
        Consultation, "consultation", "committee:consultation-list", _("Consultations"), "summary"
    ),
    "readings": Section(Reading, "reading", "committee:reading-list", _("Readings"), "summary"),
    "chapters": Section(Chapter, "chapter", "committee:chapter-list", _("Chapters"), "description", True),
    "negotiation-groups": Section(
        NegotiationGroup, "negotiation-group", "committee:group-list", _("Negotiation groups"), "topics"
    ),
    "documents": Section(
        Document, "document", "committee:document-list", _("Documents"), "summary", filterset=DocumentFilter
    ),
    "milestones": Section(Milestone, "milestone", "committee:timeline", _("Milestones"), "description"),
    "faq": Section(FAQEntry, "faq", "committee:faq", _("Frequently asked questions"), "answer", True),
    # A State's signature or instrument, an entry each (tag:...:treaty-action/vn-signature).
    "convention": Section(
        TreatyAction, "treaty-action", "committee:convention-status", _("Signatures and ratifications")
    ),
}
SECTION_OF_MODEL = {section.model: section for section in SECTIONS.values()}
# Every filter parameter of any section, to refuse one given for a section it does not filter.
FILTER_PARAMETERS = {
    name for section in SECTIONS.values() if section.filterset for name in section.filterset.base_filters
}


class BadFeedParameter(Exception):
    """A query parameter of the feed that does not fit; the message names it."""


@dataclass
class Selection:
    """What one request of the feed follows: a section (or all) and the filters given."""

    section_name: str | None = None
    filters: dict[str, str] = field(default_factory=dict)
    records: list = field(default_factory=list)

    @property
    def section(self) -> Section | None:
        return SECTIONS.get(self.section_name)

    @property
    def query_string(self) -> str:
        """The parameters in a fixed order, so one feed has one address and one id."""
        params = {"section": self.section_name} if self.section_name else {}
        return urlencode({**params, **self.filters})


def select(params: QueryDict) -> Selection:
    """Read the section and its filters, fetch the records: one query per followed model."""
    section_name = params.get("section") or None
    if section_name is not None and section_name not in SECTIONS:
        raise BadFeedParameter(gettext("“section” must be one of: %(sections)s.") % {"sections": ", ".join(SECTIONS)})
    section = SECTIONS.get(section_name)
    filterset_class = section.filterset if section else None
    accepted = filterset_class.base_filters if filterset_class else {}
    for name in sorted(FILTER_PARAMETERS):
        # An empty value (a blank field of the list's form) filters nothing and is no error.
        if params.get(name) and name not in accepted:
            raise BadFeedParameter(
                gettext("“%(parameter)s” filters documents only: add section=documents.") % {"parameter": name}
            )

    selection = Selection(section_name=section_name)
    if filterset_class is not None:
        filterset = filterset_class(params, queryset=section.model.objects.published())
        if not filterset.is_valid():
            raise BadFeedParameter(
                "\n".join(
                    gettext("“%(parameter)s”: %(error)s") % {"parameter": name, "error": " ".join(errors)}
                    for name, errors in filterset.errors.items()
                )
            )
        selection.filters = {name: params[name] for name in filterset_class.base_filters if params.get(name)}
        querysets = [filterset.qs]
    else:
        sections = [section] if section else SECTIONS.values()
        querysets = [s.model.objects.published() for s in sections]

    records = []
    for queryset in querysets:
        records += queryset.order_by("-updated_at", "-pk")[:MAX_ENTRIES]
    # A stable sort keeps records changed at the same moment in the order of the sections.
    records.sort(key=lambda record: record.updated_at, reverse=True)
    selection.records = records[:MAX_ENTRIES]
    return selection


class UpdatesFeed(Feed):
    feed_type = Atom1Feed
    author_name = _("AHC Portal")

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except BadFeedParameter as error:
            return HttpResponseBadRequest(f"{error}\n", content_type="text/plain; charset=utf-8")

    def get_object(self, request):
        return select(request.GET)

    def title(self, selection):
        if selection.section is None:
            return gettext("AHC Portal: new and changed records")
        title = gettext("AHC Portal: %(section)s") % {"section": selection.section.label}
        if selection.filters:
            title += " (" + ", ".join(f"{name}={value}" for name, value in selection.filters.items()) + ")"
        return title

    def link(self, selection):
        if selection.section is None:
            return reverse("committee:home")
        url = reverse(selection.section.list_url_name)
        return f"{url}?{urlencode(selection.filters)}" if selection.filters else url

    def feed_url(self, selection):
        query = selection.query_string
        return reverse("committee:feed-updates") + (f"?{query}" if query else "")

    def feed_guid(self, selection):
        query = selection.query_string
        return f"tag:{TAG_AUTHORITY}:feeds/updates" + (f"?{query}" if query else "")

    def items(self, selection):
        return selection.records

    def item_title(self, item):
        # Atom titles are text (the feed writer escapes them), unlike RSS, where Django escapes twice.
        return str(item)

    def item_description(self, item):
        section = SECTION_OF_MODEL[type(item)]
        value = getattr(item, section.summary_field) if section.summary_field else ""
        if not value:
            return None
        # The summary is HTML: staff HTML sanitized again as on the pages, plain text escaped.
        return sanitize_html(value) if section.summary_is_html else escape(value)

    def item_guid(self, item):
        return f"tag:{TAG_AUTHORITY}:{SECTION_OF_MODEL[type(item)].kind}/{item.slug}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [str(type(item)._meta.verbose_name)]
