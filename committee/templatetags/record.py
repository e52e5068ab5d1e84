from django import template
from django.utils.safestring import mark_safe

from committee.html import sanitize_html

register = template.Library()


@register.filter
def rich_text(value: str) -> str:
    """Staff HTML, sanitized again on output (it was sanitized on save too)."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - nh3 has just removed anything unsafe
