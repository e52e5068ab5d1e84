"""An editor's journey through the admin: a draft session, its preview, publication and history."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from committee.models import PublicationState, Session

from .support import sign_in

pytestmark = pytest.mark.browser

TITLE = "Session on the protocol"
SLUG = "session-on-the-protocol"


def choose_autocomplete(page, select_id: str, search: str, option: str) -> None:
    """Pick a record in one of the admin's autocomplete boxes (select2), as a person does.

    It waits for the answers to the box's searches (all records on opening, then the words typed):
    with SQLite the live server's request threads share one in-memory connection, so the form must
    not be sent while a search is still running on the server.
    """
    with page.expect_response(lambda response: "/admin/autocomplete/" in response.url):
        page.locator(f"#{select_id} + .select2").click()
    with page.expect_response(lambda response: parse_qs(urlsplit(response.url).query).get("term") == [search]):
        page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-container--open .select2-results__option", has_text=option).click()


def test_editor_creates_previews_publishes_and_sees_the_history_of_a_session(live_record, editor, page, visitor):
    sign_in(page, editor)

    # A draft session with a document and a source, written in the admin.
    page.locator("tr.model-session").get_by_role("link", name="Add").click()
    page.get_by_label("Title [en]:").press_sequentially(TITLE)  # the slug is filled in as the title is typed
    page.get_by_label("Kind:").select_option(label="Post-adoption session")
    page.get_by_label("Start date:").fill("2031-03-03")
    page.get_by_label("End date:").fill("2031-03-07")
    page.get_by_label("Time zone:").fill("Europe/Vienna")
    page.get_by_label("City:").fill("Vienna")
    choose_autocomplete(page, "id_session_documents-0-document", "A/AC.291/16", "A/AC.291/16")
    choose_autocomplete(page, "id_Session_sources-0-source", "home page", "Ad Hoc Committee: home page")
    slug = page.get_by_label("Slug:").input_value()
    state = page.get_by_label("Publication:").input_value()
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text(f"The session “{TITLE}” was added successfully.")
    session = Session.objects.get(slug=SLUG)

    # The preview: staff see the draft, marked as such; the public gets a 404.
    page.get_by_role("link", name="View on site").click()
    expect(page).to_have_url(re.compile(f"/sessions/{SLUG}/$"))
    preview_banner = page.locator(".draft-banner")
    expect(preview_banner).to_be_visible()
    expect(preview_banner).to_contain_text("Draft — not public.")
    expect(page.get_by_role("main").get_by_role("link", name="A/AC.291/16 — ")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link", name="Ad Hoc Committee: home page")).to_be_visible()
    draft_response = visitor.goto(f"/sessions/{SLUG}/")
    assert draft_response.status == 404
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Page not found")
    visitor.goto("/sessions/")
    expect(visitor.get_by_role("main").get_by_role("link", name=TITLE, exact=True)).to_have_count(0)

    # Publication, with the action on the list of sessions.
    page.goto("/admin/committee/session/")
    page.get_by_role("checkbox", name=f"Select this object for an action - {TITLE}").check()
    page.get_by_label("Action:").select_option(label="Publish the selected records")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_have_text("1 record published.")

    # The public finds it on the sessions list and in the calendar.
    visitor.goto("/sessions/")
    visitor.get_by_role("main").get_by_role("link", name=TITLE, exact=True).click()
    expect(visitor).to_have_url(re.compile(f"/sessions/{SLUG}/$"))
    expect(visitor.locator(".draft-banner")).to_have_count(0)
    expect(visitor.get_by_role("main").get_by_role("link", name="A/AC.291/16 — ")).to_be_visible()
    visitor.goto("/sessions/")
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="Download the calendar (.ics)").click()
    calendar = Calendar.from_ical(download_info.value.path().read_bytes())
    events = [event for event in calendar.walk("VEVENT") if str(event["UID"]) == f"session-{SLUG}@ahc-portal"]

    # The editor sees both changes in the session's history.
    page.goto(f"/admin/committee/session/{session.pk}/change/")
    page.get_by_role("link", name="History").click()
    history = page.locator("#change-history tbody tr")

    assert slug == SLUG
    assert state == PublicationState.DRAFT
    assert Session.objects.get(pk=session.pk).publication_state == PublicationState.PUBLISHED
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        (TITLE, datetime.date(2031, 3, 3), datetime.date(2031, 3, 8))
    ]
    expect(history).to_have_count(2)
    expect(history.nth(0)).to_contain_text("Published")
    expect(history.nth(1)).to_contain_text("Added session document “Session on the protocol · A/AC.291/16")
    expect(history.nth(1)).to_contain_text("Added source “Ad Hoc Committee: home page”")
