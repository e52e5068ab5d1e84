"""Sanitizing staff-entered HTML (nh3) before it is stored or shown, and escaping text fast."""

import functools
from html import escape

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "dl", "dt", "em", "h2", "h3", "h4",
    "i", "li", "ol", "p", "q", "small", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}, "td": {"colspan"}}


def sanitize_html(value: str | None) -> str:
    """Keep structural markup only: no scripts, styles, event handlers, frames or javascript: links."""
    if not value:
        return ""
    return _sanitized(value)


@functools.lru_cache(maxsize=512)
def _sanitized(value: str) -> str:
    # Pages and the API sanitize each body again at every showing: once per process per text.
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def escaped(value) -> str:
    """``conditional_escape(value)``, as a plain string: the same text, without its wrappers.

    Django's own passes each value through the wrappers that keep lazy translations lazy: for the
    hundred options of the registry's filters, that cost more than building them.
    """
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))
