"""The calendar of sessions and consultations (iCalendar, RFC 5545), for calendar apps to subscribe to.

Each meeting is one all-day event over its dates, with the exclusive end date RFC 5545 asks for:
a session meets over days, and its usual daily hours are no promise about any given day, so they
are not turned into timed events. Where a session records its daily hours, the event gives them in
words in its description and as local times of day (``X-AHC-DAILY-START;TZID=...;VALUE=TIME``),
which RFC 5545 (3.3.12, form 3) ties to a VTIMEZONE in the calendar.
"""

import datetime
import functools
from typing import NamedTuple

from django.db.models import DateTimeField, Func
from django.http import HttpResponse
from django.urls import get_script_prefix, get_urlconf
from django.utils.encoding import iri_to_uri
from django.utils.formats import time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from .models import Certainty, Consultation, Meeting, Session

# UIDs are "<kind>-<slug>@ahc-portal": the slug is the record's natural key and the last part of its
# address, which the URL contract keeps stable; the fixed domain keeps UIDs unchanged when the site
# moves to another host. Editing a title, dates or place keeps the UID.
UID_DOMAIN = "ahc-portal"
PRODUCT_ID = "-//AHC Portal//Sessions and consultations//EN"
CALENDAR_END = b"END:VCALENDAR\r\n"

# Every field an event shows (with the timestamps, see published_values). A request reads them as a
# plain tuple a record, not a model instance; an event is made from that tuple and the Site alone,
# once per process for the same ones, so an edit to any of these fields makes a new event, and a
# field shown but left out here would show its default.
MEETING_FIELDS = (
    "slug",
    "title",
    "start_date",
    "end_date",
    "room",
    "venue",
    "city",
    "time_zone",
    "meeting_format",
    "summary",
    "certainty",
    "certainty_note",
)
SESSION_FIELDS = (*MEETING_FIELDS, "kind", "daily_start_time", "daily_end_time")


class UTCWallTime(Func):
    """A timestamp as its date and time in UTC, without the zone.

    On PostgreSQL, psycopg reads that type in C, while the loader Django gives ``timestamptz``
    derives from psycopg's pure-Python one (Django ticket #36960): about 3 µs a value, so that a
    row's two timestamps would cost more than the rest of it.
    """

    output_field = DateTimeField()
    template = "%(expressions)s"  # SQLite keeps timestamps in UTC already

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="(%(expressions)s AT TIME ZONE 'UTC')", **extra_context)


def published_values(model, fields: tuple):
    """Each published record as a named tuple of its ``fields``, then ``created`` and ``changed`` (see UTCWallTime)."""
    timestamps = {"created": UTCWallTime("created_at"), "changed": UTCWallTime("updated_at")}
    return model.objects.published().annotate(**timestamps).values_list(*fields, *timestamps, named=True)


def meeting_from(model, values: tuple) -> Meeting:
    """An unsaved record made from its ``published_values()`` alone, for the model's own labels and address."""
    fields = values._asdict()
    fields["created_at"] = fields.pop("created").replace(tzinfo=datetime.UTC)
    fields["updated_at"] = fields.pop("changed").replace(tzinfo=datetime.UTC)
    return model(**fields)


class Site(NamedTuple):
    """What an event's bytes depend on besides its record: the address it links to, and the language."""

    origin: str  # the scheme and host the request asked for
    script_prefix: str  # with the URLconf, what record_url() makes of a record's slug
    urlconf: str | None
    language: str

    @classmethod
    def of(cls, request) -> "Site":
        return cls(f"{request.scheme}://{request.get_host()}", get_script_prefix(), get_urlconf(), get_language())

    def link(self, meeting: Meeting) -> str:
        """The record's address, as ``request.build_absolute_uri()`` makes it from the record's path."""
        return iri_to_uri(self.origin + meeting.get_absolute_url())


def meeting_uid(kind: str, meeting: Meeting) -> str:
    return f"{kind}-{meeting.slug}@{UID_DOMAIN}"


def meeting_location(meeting: Meeting) -> str:
    return ", ".join(part for part in (meeting.room, meeting.venue, meeting.city) if part)


def daily_hours_text(session: Session) -> str:
    """The session's usual hours in words, in its local time zone; empty when none is recorded."""
    start, end = session.daily_start_time, session.daily_end_time
    params = {"time_zone": session.time_zone}
    if start and end:
        params.update(start=time_format(start, "H:i"), end=time_format(end, "H:i"))
        return _("Plenary meetings usually from %(start)s to %(end)s, local time (%(time_zone)s).") % params
    if start:
        params["start"] = time_format(start, "H:i")
        return _("Plenary meetings usually begin at %(start)s, local time (%(time_zone)s).") % params
    if end:
        params["end"] = time_format(end, "H:i")
        return _("Plenary meetings usually end at %(end)s, local time (%(time_zone)s).") % params
    return ""


def meeting_description(meeting: Meeting, url: str, hours: str = "") -> str:
    lines = [meeting.summary, hours]
    if meeting.meeting_format:
        lines.append(_("Format: %(format)s") % {"format": meeting.get_meeting_format_display()})
    if meeting.certainty == Certainty.LIKELY:
        lines.append(_("Likely, not confirmed:") + " " + _("no official source confirms this record yet."))
    elif meeting.certainty == Certainty.UNCERTAIN:
        lines.append(_("Uncertain:") + " " + _("no official source confirms this record yet."))
    if meeting.certainty_note:
        lines.append(_("Note:") + " " + meeting.certainty_note)
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


def meeting_event(meeting: Meeting, *, uid: str, category: str, url: str, hours: str = "", daily=()) -> bytes:
    return event_ical(
        uid=uid,
        changed=meeting.updated_at,
        created=meeting.created_at,
        start=meeting.start_date,
        end=meeting.end_date + datetime.timedelta(days=1),
        summary=meeting.title,
        location=meeting_location(meeting),
        url=url,
        category=category,
        status="TENTATIVE" if meeting.is_uncertain else "CONFIRMED",
        description=meeting_description(meeting, url, hours),
        daily=daily,
    )


def event_ical(
    *, uid, changed, created, start, end, summary, location, url, category, status, description, daily
) -> bytes:
    """One VEVENT (icalendar takes about 0.5 ms an event).

    ``daily`` is a tuple of (property, local time, time zone).
    """
    event = Event()
    event.add("uid", uid)
    # Without METHOD, DTSTAMP is when the record last changed (RFC 5545, 3.8.7.2): the same bytes
    # until an editor changes something, so clients and caches see no false updates.
    event.add("dtstamp", changed)
    event.add("created", created)
    event.add("last-modified", changed)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary)
    if location:
        event.add("location", location)
    event.add("url", url)
    event.add("categories", [category])
    event.add("status", status)
    # A two-week session should not mark a subscriber busy for two weeks.
    event.add("transp", "TRANSPARENT")
    event.add("description", description)
    for name, value, time_zone in daily:
        event.add(name, value, parameters={"TZID": time_zone, "VALUE": "TIME"})
    return event.to_ical()


@functools.lru_cache(maxsize=4096)
def session_event(values: tuple, site: Site) -> bytes:
    """A session's VEVENT from its ``published_values()``, made once per process for the same values and site."""
    session = meeting_from(Session, values)
    daily = tuple(
        (name, value, session.time_zone)
        for name, value in (
            ("x-ahc-daily-start", session.daily_start_time),
            ("x-ahc-daily-end", session.daily_end_time),
        )
        if value is not None
    )
    return meeting_event(
        session,
        uid=meeting_uid("session", session),
        category=session.get_kind_display(),
        url=site.link(session),
        hours=daily_hours_text(session),
        daily=daily,
    )


@functools.lru_cache(maxsize=4096)
def consultation_event(values: tuple, site: Site) -> bytes:
    """A consultation's VEVENT from its ``published_values()``, made once per process for the same values and site."""
    consultation = meeting_from(Consultation, values)
    return meeting_event(
        consultation,
        uid=meeting_uid("consultation", consultation),
        category=_("Intersessional consultation"),
        url=site.link(consultation),
    )


@functools.lru_cache(maxsize=16)
def calendar_head(name: str) -> bytes:
    """The calendar's own properties, from BEGIN:VCALENDAR to its first component."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", datetime.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    return calendar.to_ical().removesuffix(CALENDAR_END)


@functools.lru_cache(maxsize=64)
def timezone_ical(time_zone: str, first_year: int, last_year: int) -> bytes:
    """A VTIMEZONE with the zone's transitions over those years; building one costs more than all the events."""
    try:
        timezone = Timezone.from_tzid(
            time_zone, first_date=datetime.date(first_year, 1, 1), last_date=datetime.date(last_year + 1, 1, 1)
        )
    except ValueError:  # a zone icalendar does not know is left out, as add_missing_timezones() does
        return b""
    return timezone.to_ical()


def calendar_ical(request) -> bytes:
    """Every published session and consultation: two queries, whatever their number.

    The calendar is put together from its parts, each made once per process for the same values
    (the head, each VTIMEZONE, each VEVENT): the same bytes as one icalendar ``Calendar`` with them
    all, at a fraction of the cost. Time zones come first (before the events that use them),
    in the order of their names. An event already made costs its row and a dictionary lookup,
    so a long calendar costs little more than a short one.
    """
    site = Site.of(request)
    sessions = list(published_values(Session, SESSION_FIELDS))
    consultations = published_values(Consultation, MEETING_FIELDS)
    meetings = [(session, session_event) for session in sessions]
    meetings += [(consultation, consultation_event) for consultation in consultations]
    meetings.sort(key=lambda pair: (pair[0].start_date, pair[0].end_date, pair[0].slug))
    parts = [calendar_head(_("Ad Hoc Committee on Cybercrime: sessions and consultations"))]
    if meetings:
        # Transitions of each referenced time zone over the years the calendar spans, no more.
        first_year = meetings[0][0].start_date.year
        last_year = max(meeting.end_date.year for meeting, _make in meetings)
        used = {s.time_zone for s in sessions if s.daily_start_time is not None or s.daily_end_time is not None}
        parts += [timezone_ical(time_zone, first_year, last_year) for time_zone in sorted(used)]
    for meeting, make_event in meetings:
        parts.append(make_event(meeting, site))
    parts.append(CALENDAR_END)
    return b"".join(parts)


def calendar_view(request):
    response = HttpResponse(calendar_ical(request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ahc-portal.ics"'
    return response
