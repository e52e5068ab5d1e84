"""The calendar of sessions and consultations (iCalendar, RFC 5545), for calendar apps to subscribe to.

Each meeting is one all-day event over its dates, with the exclusive end date RFC 5545 asks for:
a session meets over days, and its usual daily hours are no promise about any given day, so they
are not turned into timed events. Where a session records its daily hours, the event gives them in
words in its description and as local times of day (``X-AHC-DAILY-START;TZID=...;VALUE=TIME``),
which RFC 5545 (3.3.12, form 3) ties to a VTIMEZONE in the calendar.
"""

import datetime

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

# Every field an event shows: only these are read.
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
    "created_at",
    "updated_at",
)
SESSION_FIELDS = (*MEETING_FIELDS, "kind", "daily_start_time", "daily_end_time")


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


def meeting_event(meeting: Meeting, *, uid: str, category: str, url: str, hours: str = "", daily=()) -> Event:
    """One VEVENT; ``daily`` is a tuple of (property, local time, time zone)."""
    event = Event()
    event.add("uid", uid)
    # Without METHOD, DTSTAMP is when the record last changed (RFC 5545, 3.8.7.2): the same bytes
    # until an editor changes something, so clients and caches see no false updates.
    event.add("dtstamp", meeting.updated_at)
    event.add("created", meeting.created_at)
    event.add("last-modified", meeting.updated_at)
    event.add("dtstart", meeting.start_date)
    event.add("dtend", meeting.end_date + datetime.timedelta(days=1))
    event.add("summary", meeting.title)
    location = meeting_location(meeting)
    if location:
        event.add("location", location)
    event.add("url", url)
    event.add("categories", [category])
    event.add("status", "TENTATIVE" if meeting.is_uncertain else "CONFIRMED")
    # A two-week session should not mark a subscriber busy for two weeks.
    event.add("transp", "TRANSPARENT")
    event.add("description", meeting_description(meeting, url, hours))
    for name, value, time_zone in daily:
        event.add(name, value, parameters={"TZID": time_zone, "VALUE": "TIME"})
    return event


def session_event(session: Session, request) -> Event:
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
        url=request.build_absolute_uri(session.get_absolute_url()),
        hours=daily_hours_text(session),
        daily=daily,
    )


def consultation_event(consultation: Consultation, request) -> Event:
    return meeting_event(
        consultation,
        uid=meeting_uid("consultation", consultation),
        category=_("Intersessional consultation"),
        url=request.build_absolute_uri(consultation.get_absolute_url()),
    )


def timezone_component(time_zone: str, first_year: int, last_year: int) -> Timezone | None:
    """A VTIMEZONE with the zone's transitions over those years; None for a zone icalendar does not
    know (left out, as ``add_missing_timezones()`` does)."""
    try:
        return Timezone.from_tzid(
            time_zone, first_date=datetime.date(first_year, 1, 1), last_date=datetime.date(last_year + 1, 1, 1)
        )
    except ValueError:
        return None


def calendar_ical(request) -> bytes:
    """Every published session and consultation: two queries, whatever their number.

    Time zones come first (before the events that use them), in the order of their names; the
    events by date.
    """
    sessions = list(Session.objects.published().only(*SESSION_FIELDS))
    consultations = Consultation.objects.published().only(*MEETING_FIELDS)
    meetings = [(session, session_event) for session in sessions]
    meetings += [(consultation, consultation_event) for consultation in consultations]
    meetings.sort(key=lambda pair: (pair[0].start_date, pair[0].end_date, pair[0].slug))
    name = _("Ad Hoc Committee on Cybercrime: sessions and consultations")
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", datetime.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    if meetings:
        # Transitions of each referenced time zone over the years the calendar spans, no more.
        first_year = meetings[0][0].start_date.year
        last_year = max(meeting.end_date.year for meeting, _make in meetings)
        used = {s.time_zone for s in sessions if s.daily_start_time is not None or s.daily_end_time is not None}
        for time_zone in sorted(used):
            component = timezone_component(time_zone, first_year, last_year)
            if component is not None:
                calendar.add_component(component)
    for meeting, make_event in meetings:
        calendar.add_component(make_event(meeting, request))
    return calendar.to_ical()


def calendar_view(request):
    response = HttpResponse(calendar_ical(request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ahc-portal.ics"'
    return response
