import datetime
import functools
import json

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from committee.dates import format_date_range
from committee.html import escaped, sanitize_html
from committee.models import UNCONFIRMED, Certainty, Document, Language, choice_labels, record_url

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def rich_text(value: str) -> str:
    """Staff HTML, sanitized again on output (it was sanitized on save too)."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - nh3 has just removed anything unsafe


@register.simple_tag
def json_ld(data: dict) -> str:
    """schema.org data as a JSON-LD block (data, not script: the CSP does not apply to it)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


# --- Small fragments shown many times a page --------------------------------------------
# Tags rather than included templates: an include costs a template lookup and a context of its
# own at every use, and the registry shows these fragments hundreds of times a page.


@register.simple_tag
def certainty(record) -> str:
    """“(likely, not confirmed)” or “(uncertain)” after a record that is not confirmed."""
    if not record.is_uncertain:
        return ""
    return _certainty_tag(record.certainty, get_language())


@functools.lru_cache(maxsize=64)
def _certainty_tag(certainty: str, language: str | None) -> str:
    label = _("(likely, not confirmed)") if certainty == "likely" else _("(uncertain)")
    return format_html('<span class="uncertain-tag">{}</span>', label)


@register.simple_tag
def document_link(document, short: bool = False) -> str:
    """A link to a published document: its symbol and title (only the symbol when short)."""
    if not document:
        return ""
    if not document.is_published:
        return _("a document not yet published")
    url = document.get_absolute_url()
    return _document_link(url, document.symbol, document.title, document.certainty, short, get_language())


@functools.lru_cache(maxsize=8192)
def _document_link(url: str, symbol: str | None, title: str, certainty: str, short: bool, language: str | None) -> str:
    # Made once per process for the same values: every value the link shows is an argument.
    if not symbol:
        link = format_html('<a href="{}">{}</a>', url, title)
    elif short:
        link = format_html('<a href="{}"><span class="symbol">{}</span></a>', url, symbol)
    else:
        link = format_html('<a href="{}"><span class="symbol">{}</span> — {}</a>', url, symbol, title)
    if certainty in UNCONFIRMED and not short:
        label = _("(likely)") if certainty == Certainty.LIKELY else _("(uncertain)")
        link = format_html('{} <span class="uncertain-tag">{}</span>', link, label)
    return link


@register.simple_tag
def meeting_when(meeting) -> str:
    """A meeting's dates as a <time> element: “21 August – 1 September 2023”."""
    return _meeting_when(meeting.start_date, meeting.end_date, get_language())


@functools.lru_cache(maxsize=4096)
def _meeting_when(start: datetime.date, end: datetime.date | None, language: str | None) -> str:
    # Made once per process for the same dates and language (month names are translated).
    return format_html('<time datetime="{}">{}</time>', date_format(start, "Y-m-d"), format_date_range(start, end))


@register.simple_tag
def language_versions(languages) -> str:
    """Language codes as abbreviations named in full, in the order given: “AR ZH EN”."""
    return _language_versions(tuple(languages), get_language())


@functools.lru_cache(maxsize=1024)
def _language_versions(languages: tuple[str, ...], ui_language: str | None) -> str:
    # Made once per process for each set of languages a document is in, and each language shown in.
    if not languages:
        return "—"
    return mark_safe(" ".join(_language_abbr(code, ui_language) for code in languages))  # noqa: S308


@functools.cache
def _language_abbr(code: str, ui_language: str | None) -> str:
    return format_html('<abbr title="{}">{}</abbr>', dict(Language.choices).get(code, code), code.upper())


@register.simple_tag
def links(pairs) -> str:
    """Links from (address, text) pairs, separated by commas; a dash when there are none."""
    if not pairs:
        return "—"
    return mark_safe(", ".join(f'<a href="{escaped(url)}">{escaped(text)}</a>' for url, text in pairs))  # noqa: S308


# A row of the document registry, which shows fifty a page. Rendered by the template, with its
# tags, a row cost more than twice as much as it does here (56 µs against 25); with
# ``format_html``, which escapes through Django's lazy-proof wrappers, about twice as much again.
REGISTRY_ROW = """<tr>
      <td class="symbol">{symbol}</td>
      <th scope="row"><a href="{url}">{title}</a>{certainty}</th>
      <td>{kind}</td>
      <td>{date}</td>
      <td>{sessions}</td>
      <td>{languages}</td>
    </tr>"""


@register.simple_tag
def registry_row(document) -> str:
    """A document's row in the registry: symbol, title, kind, date, sessions and languages.

    The document comes from ``committee.views.with_row_cells``, with its ``session_links`` and
    ``languages``.
    """
    language = get_language()
    return mark_safe(  # noqa: S308 - every text is escaped, every fragment is made safe by its tag
        REGISTRY_ROW.format(
            symbol=escaped(document.symbol or "—"),
            url=escaped(document.get_absolute_url()),
            title=escaped(document.title),
            certainty=certainty(document),
            kind=_kind_label(document.kind, language),
            date=_row_date(document.date, language) if document.date else "—",
            sessions=links(document.session_links),
            languages=_language_versions(tuple(document.languages), language),
        )
    )


@functools.lru_cache(maxsize=256)
def _kind_label(kind: str, language: str | None) -> str:
    # What document.get_kind_display() shows, escaped.
    return escaped(choice_labels(Document._meta.get_field("kind"), language).get(kind, kind))


@functools.lru_cache(maxsize=4096)
def _row_date(date: datetime.date, language: str | None) -> str:
    return format_html('<time datetime="{}">{}</time>', date.isoformat(), date_format(date, "j M Y"))


# A row of a session's table of the chapters read at it: the chapter, the reading, and the basis.
SESSION_ITEM_ROW = """<tr>
          <th scope="row"><a href="{chapter_url}">{chapter}</a></th>
          <td><a href="{reading_url}">{reading}</a></td>
          <td>{basis}{certainty}</td>
        </tr>"""


@register.simple_tag
def session_item_row(item) -> str:
    """A reading item's row on its session's page: its chapter, its reading, and the basis of the reading.

    The basis is a link to its document when that is published, else the item's note.
    """
    basis = item.basis
    return mark_safe(  # noqa: S308 - every text is escaped, every fragment is made safe by its tag
        SESSION_ITEM_ROW.format(
            chapter_url=escaped(item.chapter.get_absolute_url()),
            chapter=escaped(item.chapter.title),
            reading_url=escaped(item.reading.get_absolute_url()),
            reading=escaped(item.reading.title),
            basis=escaped(document_link(basis, short=True) if basis and basis.is_published else item.basis_note),
            certainty=certainty(item),
        )
    )


# --- The site's navigation --------------------------------------------------------------

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
)


@register.simple_tag
def site_nav(path: str) -> str:
    """The main navigation, the entry of the current section marked with aria-current."""
    urls = [record_url(name) for name, _label, _section in NAVIGATION]
    current = next(
        (
            index
            for index, (url, (_name, _label, section)) in enumerate(zip(urls, NAVIGATION, strict=True))
            if path == url or (section and path.startswith(url))
        ),
        None,
    )
    return _site_nav(tuple(urls), current, get_language())


@functools.cache
def _site_nav(urls: tuple, current: int | None, language: str | None) -> str:
    items = format_html_join(
        "\n",
        '        <li><a href="{}"{}>{}</a></li>',
        (
            (url, mark_safe(' aria-current="page"') if index == current else "", label)
            for index, (url, (_name, label, _section)) in enumerate(zip(urls, NAVIGATION, strict=True))
        ),
    )
    return format_html(
        '<nav class="site-nav" aria-label="{}">\n      <ul>\n{}\n      </ul>\n    </nav>', _("Main"), items
    )
