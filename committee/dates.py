"""Dates as the record shows them."""

import datetime

from django.utils.formats import date_format


def format_date_range(start: datetime.date, end: datetime.date | None = None) -> str:
    """“10–12 May 2021”, “21 August – 1 September 2023”, “29 December 2019 – 3 January 2020”."""
    if end is None or end == start:
        return date_format(start, "j F Y")
    if start.year != end.year:
        return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"
    if start.month != end.month:
        return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
    return f"{date_format(start, 'j')}–{date_format(end, 'j F Y')}"


# A date known only to the month or year (models.DatePrecision): how it reads, and its ISO 8601 length.
_PATTERNS = {"day": "j F Y", "month": "F Y", "year": "Y"}
_ISO_LENGTHS = {"day": 10, "month": 7, "year": 4}


def format_partial_date(date: datetime.date, precision: str) -> str:
    """“24 December 2024”, “August 2024” or “2024”, as far as the date is known."""
    return date_format(date, _PATTERNS[precision])


def iso_partial_date(date: datetime.date, precision: str) -> str:
    """2025-10-25, 2025-10 or 2025, as far as the date is known."""
    return date.isoformat()[: _ISO_LENGTHS[precision]]
