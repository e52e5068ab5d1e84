"""How the public pages fit a phone and a printed page, as Chromium lays them out."""

import pytest
from playwright.sync_api import expect

from .support import PHONE
from .test_accessibility import PUBLIC_PAGES

pytestmark = pytest.mark.browser

# The width of the page and of what scrolls it sideways; a table that must be wide scrolls inside
# its own region instead.
PAGE_WIDTH = "document.documentElement.scrollWidth"


def test_no_public_page_scrolls_sideways_on_a_phone(live_record, page):
    page.set_viewport_size(PHONE)

    widths = {}
    for name, address in PUBLIC_PAGES.items():
        page.goto(address)
        widths[name] = page.evaluate(PAGE_WIDTH)

    assert widths == dict.fromkeys(PUBLIC_PAGES, PHONE["width"])


def test_the_header_leaves_the_content_in_the_first_screen_of_a_phone(live_record, page):
    page.set_viewport_size(PHONE)

    tops = {}
    for address in ("/", "/documents/", "/sessions/sixth-session/"):
        page.goto(address)
        tops[address] = page.get_by_role("heading", level=1).bounding_box()["y"]

    # The header takes under a quarter of the 844-pixel screen.
    assert [address for address, top in tops.items() if top > PHONE["height"] / 4] == []


def test_a_wide_table_scrolls_in_a_labelled_focusable_region_on_a_phone(live_record, page):
    page.set_viewport_size(PHONE)
    page.goto("/documents/")
    region = page.get_by_role("region", name="26 documents, page 1 of 2")

    expect(region).to_be_visible()
    region.focus()
    region.press("ArrowRight")

    assert region.evaluate("region => region.scrollWidth > region.clientWidth") is True
    assert region.evaluate("region => region.tabIndex") == 0
    assert page.evaluate(PAGE_WIDTH) == PHONE["width"]
