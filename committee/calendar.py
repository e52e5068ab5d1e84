"""The calendar of sessions and consultations (iCalendar, RFC 5545), for calendar apps to subscribe to.

Each meeting is one all-day event over its dates, with the exclusive end date RFC 5545 asks for:
a session meets over days, and its usual daily hours are no promise about any given day, so they
are not turned into timed events. Where a session records its daily hours, the event gives them in
words in its description and as local times of day (``X-AHC-DAILY-START;TZID=...;VALUE=TIME``),
which RFC 5545 (3.3.12, form 3) ties to a VTIMEZONE in the calendar.
"""

import datetime
import functools

from django.http import HttpResponse
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from .models import Certainty, Consultation, Meeting, Session

# UIDs are "<kind>-<slug>@ahc-portal": the slug is the record's natural key and the last part of its
# address, which the URL contract keeps stable; the fixed domain keeps UIDs unchanged when the site
# moves to another host. Editing a title, dates or place keeps the UID.
UID_DOMAIN = "ahc-portal"
PRODUCT_ID = "-//AHC Portal//Sessions and consultations//EN"
CALENDAR_END = b"END:VCALENDAR\r\n"


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


@functools.lru_cache(maxsize=4096)
def event_ical(
    *, uid, changed, created, start, end, summary, location, url, category, status, description, daily
) -> bytes:
    """One VEVENT, made once per process for the same values (icalendar takes about 0.5 ms an event).

    ``daily`` is a tuple of (property, local time, time zone). Every value the event shows is an
    argument, so an edit, another language or another host makes a new event, never a stale one.
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


def session_event(session: Session, url: str) -> bytes:
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
        url=url,
        hours=daily_hours_text(session),
        daily=daily,
    )


def consultation_event(consultation: Consultation, url: str) -> bytes:
    return meeting_event(
        consultation,
        uid=meeting_uid("consultation", consultation),
        category=_("Intersessional consultation"),
        url=url,
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
    in the order of their names.
    """
    sessions = list(Session.objects.published())
    meetings = [(session, session_event) for session in sessions]
    meetings += [(consultation, consultation_event) for consultation in Consultation.objects.published()]
    meetings.sort(key=lambda pair: (pair[0].start_date, pair[0].end_date, pair[0].slug))
    parts = [calendar_head(_("Ad Hoc Committee on Cybercrime: sessions and consultations"))]
    if meetings:
        # Transitions of each referenced time zone over the years the calendar spans, no more.
        first_year = meetings[0][0].start_date.year
        last_year = max(meeting.end_date.year for meeting, _make in meetings)
        used = {s.time_zone for s in sessions if s.daily_start_time is not None or s.daily_end_time is not None}
        parts += [timezone_ical(time_zone, first_year, last_year) for time_zone in sorted(used)]
    for meeting, make_event in meetings:
        parts.append(make_event(meeting, request.build_absolute_uri(meeting.get_absolute_url())))
    parts.append(CALENDAR_END)
    return b"".join(parts)


def calendar_view(request):
    response = HttpResponse(calendar_ical(request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ahc-portal.ics"'
    return response
