import datetime
import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from committee.dates import format_date_range
from committee.html import sanitize_html

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def rich_text(value: str) -> str:
    """Staff HTML, sanitized again on output (it was sanitized on save too)."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - nh3 has just removed anything unsafe


@register.simple_tag
def date_range(start: datetime.date, end: datetime.date | None = None) -> str:
    return format_date_range(start, end)


@register.simple_tag
def json_ld(data: dict) -> str:
    """schema.org data as a JSON-LD block (data, not script: the CSP does not apply to it)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above
