"""/calendar.ics: every published session and consultation, as a calendar app reads it."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from committee.models import Certainty, Consultation, MeetingFormat, PublicationState, Session, SessionKind
from tests.factories import ConsultationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def get_calendar(client) -> Calendar:
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def events_by_uid(calendar: Calendar) -> dict:
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_calendar_with_record_has_every_session_and_consultation(client, record):
    calendar = get_calendar(client)

    events = calendar.walk("VEVENT")
    uids = [str(event["uid"]) for event in events]
    assert len(events) == 16
    assert len(set(uids)) == 16
    assert sorted(uid for uid in uids if uid.startswith("consultation-")) == [
        f"consultation-{n}-intersessional-consultation@ahc-portal"
        for n in ("fifth", "first", "fourth", "second", "third")
    ]
    assert sum(uid.startswith("session-") for uid in uids) == 11


def test_calendar_sixth_session_is_an_all_day_event_with_exclusive_end(client, record):
    event = events_by_uid(get_calendar(client))["session-sixth-session@ahc-portal"]

    assert str(event["summary"]) == "Sixth session"
    assert (event.start, event.end) == (datetime.date(2023, 8, 21), datetime.date(2023, 9, 2))
    assert event["dtstart"].params["VALUE"] == "DATE"
    assert str(event["location"]) == "Conference Room 1, United Nations Headquarters, New York"
    assert str(event["url"]) == "http://testserver/sessions/sixth-session/"
    assert [str(category) for category in event.categories] == ["Negotiating session"]
    assert (str(event["status"]), str(event["transp"])) == ("CONFIRMED", "TRANSPARENT")


def test_calendar_gives_daily_hours_as_local_times_with_a_vtimezone(client, record):
    calendar = get_calendar(client)
    event = events_by_uid(calendar)["session-sixth-session@ahc-portal"]

    start, end = event["x-ahc-daily-start"], event["x-ahc-daily-end"]
    assert (start.dt, end.dt) == (datetime.time(10, 0), datetime.time(18, 0))
    assert (start.params["TZID"], end.params["TZID"]) == ("America/New_York", "America/New_York")
    assert "Plenary meetings usually from 10:00 to 18:00, local time (America/New_York)." in str(event["description"])
    assert sorted(str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")) == ["America/New_York", "Europe/Vienna"]
    assert calendar.get_used_tzids() == {"America/New_York", "Europe/Vienna"}
    assert calendar.get_missing_tzids() == set()


def test_calendar_is_the_same_bytes_each_time_with_time_zones_in_name_order(client, record):
    first = client.get("/calendar.ics").content

    second = client.get("/calendar.ics").content

    assert first == second
    assert [str(tz["tzid"]) for tz in Calendar.from_ical(first).walk("VTIMEZONE")] == [
        "America/New_York",
        "Europe/Vienna",
    ]
    assert first.index(b"BEGIN:VTIMEZONE") < first.index(b"BEGIN:VEVENT")


def test_calendar_event_links_follow_the_host_asked(client):
    SessionFactory(slug="planned")

    first = events_by_uid(Calendar.from_ical(client.get("/calendar.ics").content))
    other = events_by_uid(Calendar.from_ical(client.get("/calendar.ics", HTTP_HOST="localhost").content))

    assert str(first["session-planned@ahc-portal"]["url"]) == "http://testserver/sessions/planned/"
    assert str(other["session-planned@ahc-portal"]["url"]) == "http://localhost/sessions/planned/"


def test_calendar_without_times_has_no_timezone(client):
    SessionFactory(slug="organizational-session")

    calendar = get_calendar(client)

    assert calendar.walk("VTIMEZONE") == []
    assert "X-AHC-DAILY-START" not in calendar.walk("VEVENT")[0]


def test_calendar_timezone_covers_the_years_of_the_meetings(client):
    SessionFactory(
        slug="vienna",
        time_zone="Europe/Vienna",
        start_date=datetime.date(2022, 5, 30),
        end_date=datetime.date(2022, 6, 10),
        daily_start_time=datetime.time(10),
    )

    calendar = get_calendar(client)

    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "Europe/Vienna"
    assert timezone.to_tz().utcoffset(datetime.datetime(2022, 6, 1, 10)) == datetime.timedelta(hours=2)
    assert timezone.to_tz().utcoffset(datetime.datetime(2022, 1, 10, 10)) == datetime.timedelta(hours=1)


def test_calendar_uids_unchanged_after_editing_a_title(client, record):
    before = set(events_by_uid(get_calendar(client)))
    session = Session.objects.get(slug="sixth-session")
    session.title = "Sixth session (renamed)"
    session.save()

    after = events_by_uid(get_calendar(client))

    assert set(after) == before
    assert str(after["session-sixth-session@ahc-portal"]["summary"]) == "Sixth session (renamed)"


def test_calendar_leaves_out_drafts(client):
    SessionFactory(slug="published-session")
    SessionFactory(slug="draft-session", publication_state=PublicationState.DRAFT)
    ConsultationFactory(slug="draft-consultation", publication_state=PublicationState.DRAFT)

    uids = list(events_by_uid(get_calendar(client)))

    assert uids == ["session-published-session@ahc-portal"]


def test_calendar_consultation_event(client):
    ConsultationFactory(
        slug="fifth-intersessional-consultation",
        title="Fifth intersessional consultation",
        venue="Vienna International Centre",
        room="Boardroom D",
        start_date=datetime.date(2023, 6, 20),
        end_date=datetime.date(2023, 6, 21),
    )

    event = events_by_uid(get_calendar(client))["consultation-fifth-intersessional-consultation@ahc-portal"]

    assert str(event["summary"]) == "Fifth intersessional consultation"
    assert (event.start, event.end) == (datetime.date(2023, 6, 20), datetime.date(2023, 6, 22))
    assert str(event["location"]) == "Boardroom D, Vienna International Centre, Vienna"
    assert str(event["url"]) == "http://testserver/consultations/fifth-intersessional-consultation/"
    assert [str(category) for category in event.categories] == ["Intersessional consultation"]


def test_calendar_marks_an_unconfirmed_meeting_tentative(client):
    SessionFactory(slug="planned", certainty=Certainty.LIKELY, certainty_note="The room is not confirmed.")

    event = events_by_uid(get_calendar(client))["session-planned@ahc-portal"]

    assert str(event["status"]) == "TENTATIVE"
    assert str(event["description"]) == (
        "Likely, not confirmed: no official source confirms this record yet.\n\n"
        "Note: The room is not confirmed.\n\n"
        "http://testserver/sessions/planned/"
    )


def test_calendar_response_is_a_downloadable_calendar_without_cookie(client):
    SessionFactory()

    response = client.get("/calendar.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ahc-portal.ics"'
    assert "Set-Cookie" not in response.headers
    assert not response.cookies


def test_calendar_answers_head_and_refuses_post(client):
    assert client.head("/calendar.ics").status_code == 200
    assert client.post("/calendar.ics").status_code == 405


@pytest.mark.parametrize("count", [1, 8])
def test_calendar_queries_do_not_grow_with_records(client, cold_caches, django_assert_num_queries, count):
    SessionFactory.create_batch(count, daily_start_time=datetime.time(10), daily_end_time=datetime.time(18))
    ConsultationFactory.create_batch(count)

    # The sessions and the consultations.
    with django_assert_num_queries(2):
        response = client.get("/calendar.ics")

    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 2 * count


def test_calendar_event_stamps_are_the_record_timestamps_in_utc(client):
    session = SessionFactory(slug="planned")
    Session.objects.filter(pk=session.pk).update(
        created_at=datetime.datetime(2023, 5, 2, 9, 30, 15, 123456, tzinfo=datetime.UTC),
        updated_at=datetime.datetime(2023, 6, 1, 14, 0, 5, tzinfo=zoneinfo.ZoneInfo("Europe/Vienna")),
    )

    content = client.get("/calendar.ics").content

    assert b"CREATED:20230502T093015Z\r\n" in content
    assert b"DTSTAMP:20230601T120005Z\r\n" in content
    assert b"LAST-MODIFIED:20230601T120005Z\r\n" in content


@pytest.fixture
def uncached(settings):
    """Every response made by the view: update(), unlike save(), leaves the page cache's record version."""
    settings.PAGE_CACHE = False


def calendar_edited(client, model, pk, field, value) -> tuple[bytes, bytes, bytes]:
    """The calendar before an edit, after it, and once more (the same bytes as after)."""
    before = client.get("/calendar.ics").content
    # update() leaves updated_at as it was: only the field itself can tell the events apart.
    model.objects.filter(pk=pk).update(**{field: value})
    after = client.get("/calendar.ics").content
    return before, after, client.get("/calendar.ics").content


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Sixth session (renamed)"),
        ("start_date", datetime.date(2023, 8, 22)),
        ("end_date", datetime.date(2023, 9, 2)),
        ("room", "Conference Room 4"),
        ("venue", "United Nations Headquarters"),
        ("city", "Vienna"),
        ("time_zone", "Europe/Vienna"),
        ("meeting_format", MeetingFormat.HYBRID),
        ("summary", "The last negotiating session."),
        ("certainty", Certainty.UNCERTAIN),
        ("certainty_note", "The room is not confirmed."),
        ("kind", SessionKind.CONCLUDING),
        ("daily_start_time", datetime.time(9, 30)),
        ("daily_end_time", datetime.time(17, 0)),
        ("created_at", datetime.datetime(2023, 5, 2, 9, 30, 15, tzinfo=datetime.UTC)),
        ("updated_at", datetime.datetime(2023, 6, 1, 12, 0, 5, tzinfo=datetime.UTC)),
    ],
)
def test_calendar_shows_an_edit_to_any_field_a_session_event_shows(client, uncached, field, value):
    session = SessionFactory(slug="sixth-session", daily_start_time=datetime.time(10), daily_end_time=datetime.time(18))

    before, after, afresh = calendar_edited(client, Session, session.pk, field, value)

    assert after != before
    assert after == afresh


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Fifth consultation (renamed)"),
        ("start_date", datetime.date(2023, 6, 19)),
        ("end_date", datetime.date(2023, 6, 22)),
        ("room", "Boardroom D"),
        ("venue", "Vienna International Centre"),
        ("city", "New York"),
        ("meeting_format", MeetingFormat.ONLINE),
        ("summary", "Stakeholders on the draft text."),
        ("certainty", Certainty.LIKELY),
        ("certainty_note", "The dates are not confirmed."),
        ("created_at", datetime.datetime(2023, 5, 2, 9, 30, 15, tzinfo=datetime.UTC)),
        ("updated_at", datetime.datetime(2023, 6, 1, 12, 0, 5, tzinfo=datetime.UTC)),
    ],
)
def test_calendar_shows_an_edit_to_any_field_a_consultation_event_shows(client, uncached, field, value):
    consultation = ConsultationFactory(slug="fifth-intersessional-consultation")

    before, after, afresh = calendar_edited(client, Consultation, consultation.pk, field, value)

    assert after != before
    assert after == afresh
