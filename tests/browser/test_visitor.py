"""A visitor's journeys through the public site, as Chromium shows it."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from committee.models import Session

from .support import PHONE

pytestmark = pytest.mark.browser


def test_visitor_goes_from_home_to_a_session_a_document_and_its_chapter(live_record, page):
    main = page.get_by_role("main")
    heading = main.get_by_role("heading", level=1)
    page.goto("/")

    # Each step waits for the page it leads to, as a person reads the heading before going on.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions", exact=True).click()
    expect(heading).to_have_text("Sessions")
    main.get_by_role("link", name="Fourth session", exact=True).click()
    expect(heading).to_have_text("Fourth session")
    main.get_by_role("link", name="A/AC.291/16 — ").click()
    expect(heading).to_have_text(re.compile(r"^A/AC\.291/16\s*Consolidated negotiating document"))
    concerns = main.get_by_role("listitem").filter(has_text="Concerns the chapter")
    concerns.get_by_role("link", name="Criminalization").click()

    expect(page).to_have_url(re.compile(r"/chapters/criminalization/$"))
    expect(heading).to_have_text("Criminalization")


def test_timeline_picture_is_visible_and_its_links_lead_to_pages(live_record, page):
    page.goto("/timeline/")
    picture = page.locator("svg.timeline-picture")
    picture_links = picture.locator("a")
    list_links = page.locator("ol.timeline a")

    expect(picture).to_be_visible()
    names = picture_links.evaluate_all("links => links.map(link => link.querySelector('.tl-title').textContent)")
    assert [name for name in names if not name.strip()] == []
    picture_hrefs = picture_links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    list_hrefs = list_links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert sorted(picture_hrefs) == sorted(list_hrefs)
    assert len(picture_hrefs) == 25
    statuses = {href: page.request.get(href).status for href in sorted(set(picture_hrefs))}
    assert statuses == dict.fromkeys(statuses, 200)

    picture.locator('a[href="/sessions/fourth-session/"]').click()

    expect(page).to_have_url(re.compile(r"/sessions/fourth-session/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Fourth session")


def test_timeline_milestone_links_lead_to_their_event(live_record, page):
    page.goto("/timeline/")

    fragments = page.locator("svg.timeline-picture a").evaluate_all(
        "links => links.map(link => link.getAttribute('href')).filter(href => href.includes('#'))"
    )
    missing = [href for href in fragments if page.locator(f"[id='{href.split('#', 1)[1]}']").count() != 1]

    assert len(fragments) == 9
    assert missing == []


def test_searching_a_symbol_lands_on_the_document(live_record, page):
    page.goto("/")

    page.get_by_role("searchbox", name="Search the record").fill("a/ac.291/22/rev.3")
    page.get_by_role("search").get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/documents/A/AC\.291/22/Rev\.3/$"))
    expect(page.get_by_role("main").get_by_role("heading", level=1)).to_contain_text("A/AC.291/22/Rev.3")


def test_calendar_link_downloads_a_file_that_icalendar_parses(live_record, page):
    page.goto("/sessions/")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the calendar (.ics)").click()
    download = download_info.value
    calendar = Calendar.from_ical(download.path().read_bytes())

    assert download.suggested_filename == "ahc-portal.ics"
    session_events = {
        str(event["UID"]): str(event["SUMMARY"])
        for event in calendar.walk("VEVENT")
        if str(event["UID"]).startswith("session-")
    }
    assert session_events == {
        f"session-{session.slug}@ahc-portal": session.title for session in Session.objects.published()
    }


def test_timeline_picture_names_its_marks_readably_on_a_phone(live_record, page):
    page.set_viewport_size(PHONE)
    page.goto("/timeline/")
    picture = page.locator("svg.timeline-picture")

    # The title of a mark as drawn on the screen, in pixels (the picture scales to the page).
    drawn = picture.locator(".tl-title").first.evaluate("text => text.getBoundingClientRect().height")
    legend = page.get_by_role("list", name="Key to the picture").get_by_role("listitem").all_inner_texts()

    assert drawn >= 14
    assert picture.bounding_box()["width"] <= PHONE["width"]
    assert legend[:4] == [
        "Session",
        "Consultation",
        "Milestone: resolution, approval, adoption, signing",
        "Postponement",
    ]
    # The live server's today, whatever day the test runs.
    assert re.fullmatch(
        r"Today, \d{1,2} [A-Z][a-z]+ \d{4}: events above the dashed line have happened, those below are to come",
        legend[4],
    )
