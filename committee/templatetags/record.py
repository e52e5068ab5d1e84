"""Pieces of the record shown on many pages: rich text, JSON-LD, and small inclusion tags."""

import json
import re
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext_lazy, override

from committee.dates import format_date_range
from committee.filters import DocumentFilter
from committee.html import sanitize_html
from committee.models import UNCONFIRMED, Certainty, RecordCheck
from committee.translation import fallback_language

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


# --- The record's text in the page's language ------------------------------------------------
#
# The one way templates show a translatable field of a record (committee/translation.py) as
# element text:
#
#     <h1>{{ session|translated:"title" }}</h1>
#     <div class="body">{{ session|translated_html:"body" }}</div>     (staff HTML, sanitized)
#     <ul{% if consultation|falls_back:"panels" %} lang="en"{% endif %}>   (text shown in parts)
#
# The page's language's own text when it has one; otherwise the English text, inside
# <span lang="en"> (staff HTML: <div lang="en">), so that assistive technology reads it as English and
# nothing passes it off as the page's language (WCAG 3.1.2). In attributes (alt, aria-label,
# title) and in the document's <title>, the plain attribute (``session.title``) gives the same
# fallback without the marking, which an attribute cannot carry: acceptable there.


@register.filter(name="falls_back")
def is_fallback(record, field: str) -> bool:
    """Whether ``record.field`` shows the English text for want of one in the active language."""
    return bool(fallback_language(record, field))


@register.filter
def translated(record, field: str) -> str:
    """The record's ``field`` in the page's language, escaped; English marked ``lang="en"``."""
    if record is None or record == "":
        return ""
    value = getattr(record, field) or ""
    if is_fallback(record, field):
        return format_html('<span lang="{}">{}</span>', settings.MODELTRANSLATION_DEFAULT_LANGUAGE, value)
    return escape(value)


@register.filter
def translated_html(record, field: str) -> str:
    """The record's staff HTML ``field`` in the page's language, sanitized as ``rich_text``; the
    English HTML shown for want of a translation comes inside ``<div lang="en">``."""
    value = getattr(record, field) or ""
    if value and is_fallback(record, field):
        return format_html('<div lang="{}">{}</div>', settings.MODELTRANSLATION_DEFAULT_LANGUAGE, rich_text(value))
    return rich_text(value)


@register.filter
def rich_text(value: str) -> str:
    """Staff HTML, sanitized again on output (it was sanitized on save too)."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - nh3 has just removed anything unsafe


@register.filter
def highlight(text: str, query: str) -> str:
    """The text, escaped, with each word of the query it contains marked (<mark>), in any case.

    The text is split on the words before anything is escaped, so a word can never match inside
    an escaped character (“amp” in “&amp;”).
    """
    words = sorted({word for word in (query or "").split() if word}, key=len, reverse=True)
    if not words or not text:
        return escape(text)
    pattern = re.compile("(" + "|".join(re.escape(word) for word in words) + ")", re.IGNORECASE)
    pieces = pattern.split(str(text))
    # split() with one group: the pieces at odd positions are the words found.
    return mark_safe(  # noqa: S308 - every piece is escaped, by escape() or format_html()
        "".join(format_html("<mark>{}</mark>", piece) if i % 2 else escape(piece) for i, piece in enumerate(pieces))
    )


@register.simple_tag
def json_ld(data: dict) -> str:
    """schema.org data as a JSON-LD block (data, not script: the CSP does not apply to it).

    Not Django's ``json_script``, which writes ``type="application/json"`` and an id.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


# The query parameters that make a page what it is, by view; any other (utm_source, fbclid, ...)
# is left out of its canonical address. A filtered registry is a page of its own, not a copy of
# the whole registry: its filters (those of DocumentFilter, in their order) stay, and so does its page number.
CANONICAL_PARAMETERS = {
    "committee:document-list": (*DocumentFilter.base_filters, "page"),
    "committee:search": ("q",),
}


def _canonical_query(request, every_page: bool = False) -> str:
    match = request.resolver_match
    names = CANONICAL_PARAMETERS.get(match.view_name if match else "", ())
    pairs = [(name, request.GET[name]) for name in names if request.GET.get(name, "").strip()]
    pairs = [(name, value) for name, value in pairs if name != "page" or (value != "1" and not every_page)]
    return f"?{urlencode(pairs)}" if pairs else ""


@register.simple_tag(takes_context=True)
def canonical_url(context, every_page: bool = False) -> str:
    """The page's absolute address without tracking or empty parameters (rel="canonical"); with
    ``every_page``, of the list's first page, which leads to the others."""
    request = context.get("request")
    if request is None:
        return ""
    return request.build_absolute_uri(request.path + _canonical_query(request, every_page))


@register.simple_tag(takes_context=True)
def language_versions(context) -> list[dict]:
    """The page in each of the site's languages, for the language links and the hreflang alternates:
    ``code``, ``name`` (in that language), ``url`` (absolute, with the page's canonical parameters)
    and ``current``. A page no address names (a 404) offers each language's home page instead."""
    request = context.get("request")
    if request is None:
        return []
    match = request.resolver_match
    current = get_language()
    versions = []
    for code, _name in settings.LANGUAGES:
        with override(code):
            if match is None or match.view_name is None:
                path = reverse("committee:home")
            else:
                path = reverse(match.view_name, args=match.args, kwargs=match.kwargs) + _canonical_query(request)
        versions.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": request.build_absolute_uri(path),
                "current": code == current,
            }
        )
    return versions


@register.simple_tag
def last_check():
    """The latest day the record was checked against its sources, or None (one query)."""
    return RecordCheck.objects.only("checked_on").first()


@register.inclusion_tag("includes/certainty.html")
def certainty(record) -> dict:
    """“(likely, not confirmed)” or “(uncertain)” after a record that is not confirmed."""
    return {"record": record}


@register.simple_tag
def page_certainty(record, parts=()) -> dict:
    """What a page may say of its own certainty: the record's, unless the facts it lists (a
    reading's chapters read at each session) are less sure; then the least sure of them, and
    whether it holds for every one of them."""
    parts = list(parts or ())
    part_certainties = {part.certainty for part in parts}
    least = max([record.certainty, *part_certainties], key=Certainty.values.index)  # declared surest first
    return {
        "certainty": least,
        "label": Certainty(least).label,
        "from_parts": least != record.certainty,
        "every_part": part_certainties == {least},
        "unconfirmed": least in UNCONFIRMED,
    }


@register.inclusion_tag("includes/document_link.html")
def document_link(document, short: bool = False) -> dict:
    """A link to a published document: its symbol and title (only the symbol when short)."""
    return {"document": document, "short": short}


@register.inclusion_tag("includes/meeting_when.html")
def meeting_when(meeting) -> dict:
    """A meeting's dates as a <time> element: “21 August – 1 September 2023”."""
    return {"start": meeting.start_date, "when": format_date_range(meeting.start_date, meeting.end_date)}


# Address, label, and whether the entry is current for every address under it or only its own.
NAVIGATION = (
    ("committee:session-list", gettext_lazy("Sessions"), True),
    ("committee:reading-list", gettext_lazy("Readings"), True),
    ("committee:chapter-list", gettext_lazy("Chapters"), True),
    ("committee:group-list", gettext_lazy("Negotiation groups"), True),
    ("committee:consultation-list", gettext_lazy("Consultations"), True),
    ("committee:document-list", gettext_lazy("Documents"), True),
    ("committee:bureau", gettext_lazy("Bureau"), False),
    ("committee:timeline", gettext_lazy("Timeline"), False),
    ("committee:faq", gettext_lazy("FAQ"), False),
    ("committee:convention", gettext_lazy("Convention"), True),
)


@register.inclusion_tag("includes/site_nav.html")
def site_nav(path: str) -> dict:
    """The main navigation, the entry of the current section marked with aria-current."""
    entries, found = [], False
    for name, label, section in NAVIGATION:
        url = reverse(name)
        # Only the first entry that matches is current, as a path is in one section at most.
        current = not found and (path == url or (section and path.startswith(url)))
        found = found or current
        entries.append({"url": url, "label": label, "current": current})
    return {"entries": entries}
