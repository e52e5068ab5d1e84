"""Dates as the record shows them, in the formats of the page's language (DATE_FORMAT and the
others, from Django's locale or portal/formats/)."""

import datetime

from django.utils.formats import date_format, get_format


def format_date_range(start: datetime.date, end: datetime.date | None = None) -> str:
    """“10–12 May 2021”, “21 August – 1 September 2023”, “29 December 2019 – 3 January 2020”.

    Where the language writes the day first, the range shares its month and year; elsewhere
    (Chinese: 2021年5月10日) the end drops only the year.
    """
    if end is None or end == start:
        return date_format(start, "DATE_FORMAT")
    if start.year != end.year:
        return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"
    if not get_format("DATE_FORMAT").startswith("j"):
        return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'MONTH_DAY_FORMAT')}"
    if start.month != end.month:
        return f"{date_format(start, 'MONTH_DAY_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"
    return f"{date_format(start, 'j')}–{date_format(end, 'DATE_FORMAT')}"


# A date known only to the month or year (models.DatePrecision): how it reads, and its ISO 8601 length.
_FORMATS = {"day": "DATE_FORMAT", "month": "YEAR_MONTH_FORMAT", "year": "Y"}
_ISO_LENGTHS = {"day": 10, "month": 7, "year": 4}


def format_partial_date(date: datetime.date, precision: str) -> str:
    """“24 December 2024”, “August 2024” or “2024”, as far as the date is known."""
    return date_format(date, _FORMATS[precision])


def iso_partial_date(date: datetime.date, precision: str) -> str:
    """2025-10-25, 2025-10 or 2025, as far as the date is known."""
    return date.isoformat()[: _ISO_LENGTHS[precision]]
