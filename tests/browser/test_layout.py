"""How the public pages fit a phone and a printed page, as Chromium lays them out."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .support import PHONE, SCREENSHOTS, VIEWPORTS, axe_violations
from .test_accessibility import PUBLIC_PAGES

pytestmark = pytest.mark.browser

# The width of the page and of what scrolls it sideways; a table that must be wide scrolls inside
# its own region instead.
PAGE_WIDTH = "document.documentElement.scrollWidth"
# Screenshots of the registry, a session, the timeline and a printed registry page: in the
# ignored test-artifacts/ by default; AHC_SCREENSHOTS=docs/screenshots refreshes the copies kept
# with the code (README, "Screenshots").
DOCS_SCREENSHOTS = Path(os.environ.get("AHC_SCREENSHOTS", SCREENSHOTS))


@pytest.mark.parametrize("prefix", ["", "/ar", "/ru"])
def test_no_public_page_scrolls_sideways_on_a_phone(live_record, page, prefix):
    page.set_viewport_size(PHONE)

    widths = {}
    for name, address in PUBLIC_PAGES.items():
        page.goto(prefix + address)
        widths[name] = page.evaluate(PAGE_WIDTH)

    assert widths == dict.fromkeys(PUBLIC_PAGES, PHONE["width"])


def test_the_header_leaves_the_content_in_the_first_screen_of_a_phone(live_record, page):
    page.set_viewport_size(PHONE)

    tops = {}
    for address in ("/", "/documents/", "/sessions/sixth-session/", "/ar/", "/ar/sessions/sixth-session/"):
        page.goto(address)
        tops[address] = page.get_by_role("heading", level=1).bounding_box()["y"]

    # The header takes under a quarter of the 844-pixel screen.
    assert [address for address, top in tops.items() if top > PHONE["height"] / 4] == []


def test_a_wide_table_scrolls_in_a_labelled_focusable_region_on_a_phone(live_record, page):
    page.set_viewport_size(PHONE)
    page.goto("/documents/")
    region = page.get_by_role("region", name="43 documents, page 1 of 2")

    expect(region).to_be_visible()
    region.focus()
    region.press("ArrowRight")

    assert region.evaluate("region => region.scrollWidth > region.clientWidth") is True
    assert region.evaluate("region => region.tabIndex") == 0
    assert page.evaluate(PAGE_WIDTH) == PHONE["width"]


# --- Print ---------------------------------------------------------------------------------


def test_a_printed_registry_page_shows_its_rows_whole_and_says_it_is_one_page_of_several(live_record, page):
    page.goto("/documents/")
    page.emulate_media(media="print")
    region = page.locator(".table-scroll")
    note = page.locator("p.print-only")

    expect(note).to_have_text(f"This is page 1 of 2 of the 43 documents listed at {page.url}.")
    expect(page.locator(".filters")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    # Every row is laid out whole: nothing is left to scroll inside the region.
    assert region.evaluate("region => region.scrollWidth <= region.clientWidth") is True
    assert page.locator("table.registry tbody tr").count() == 25
    expect(page.locator(".site-footer__cite")).to_contain_text(
        f"Cite this page: Documents, AHC Portal, record checked 6 December 2026, {page.url}."
    )


def test_a_printed_page_is_not_cut_at_the_side(live_record, page):
    page.emulate_media(media="print")
    # The printable width of an A4 page with the print style sheet's margins, in CSS pixels.
    page.set_viewport_size({"width": 700, "height": 1000})

    widths = {}
    for address in ("/documents/", "/sessions/", "/readings/first-reading/", "/bureau/", "/timeline/"):
        page.goto(address)
        widths[address] = page.evaluate(PAGE_WIDTH)

    assert widths == dict.fromkeys(widths, 700)


# --- The API's documentation -------------------------------------------------------------


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_api_docs_pass_axe_and_lead_back_to_the_portal(live_record, page, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/api/docs/")
    page.locator(".swagger-ui .opblock").first.wait_for()

    closed = axe_violations(page)
    page.locator("#operations-documents-documents_list .opblock-summary-control").click()
    page.get_by_role("button", name="Try it out").wait_for()
    opened = axe_violations(page)

    assert page.locator("html").get_attribute("lang") == "en"
    assert (closed, opened) == ([], [])
    page.get_by_role("navigation", name="Portal").get_by_role("link", name="AHC Portal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The Ad Hoc Committee on Cybercrime")


# --- Screenshots kept with the code (docs/screenshots/) ----------------------------------

KEPT_SCREENSHOTS = {"registry": "/documents/", "session": "/sessions/sixth-session/", "timeline": "/timeline/"}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots_of_the_registry_a_session_and_the_timeline_are_kept(live_record, page, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    written = []
    for name, address in KEPT_SCREENSHOTS.items():
        page.goto(address)
        path = DOCS_SCREENSHOTS / f"{name}-{viewport}.jpeg"
        # JPEG at a low quality: small files to keep in the repository, still legible.
        page.screenshot(path=path, full_page=True, type="jpeg", quality=45)
        written.append(path)

    assert [path.name for path in written if not 10_000 < path.stat().st_size < 1_500_000] == []


def test_a_printed_registry_page_is_kept_as_pdf(live_record, page):
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto("/documents/")
    path = DOCS_SCREENSHOTS / "registry-print.pdf"

    page.pdf(path=path, format="A4")

    assert path.read_bytes()[:5] == b"%PDF-"
    assert 10_000 < path.stat().st_size < 1_000_000
