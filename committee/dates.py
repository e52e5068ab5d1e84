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
