"""Keyboard only: the skip link comes first, focus is always visible, navigation and search work."""

import re

import pytest
from playwright.sync_api import expect

from .support import VIEWPORTS

pytestmark = pytest.mark.browser

NAVIGATION = [
    ("Sessions", "/sessions/"),
    ("Readings", "/readings/"),
    ("Chapters", "/chapters/"),
    ("Negotiation groups", "/negotiation-groups/"),
    ("Consultations", "/consultations/"),
    ("Documents", "/documents/"),
    ("Bureau", "/bureau/"),
    ("Timeline", "/timeline/"),
    ("FAQ", "/faq/"),
    ("Convention", "/convention/"),
]

# The page in each language, each named in itself (their addresses are absolute: the origin is left out).
LANGUAGES = [
    ("العربيّة", "/ar/"),
    ("简体中文", "/zh-hans/"),
    ("English", "/"),
    ("Français", "/fr/"),
    ("Русский", "/ru/"),
    ("Español", "/es/"),
]

# On a phone the site's name is shortened to its first part.
SITE_NAME = {"desktop": "AHC Portal Ad Hoc Committee on Cybercrime", "phone": "AHC Portal"}

FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName,
        id: element.id,
        text: element.innerText.trim(),
        href: element.getAttribute('href') && element.getAttribute('href').replace(location.origin, ''),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
            && box.bottom <= innerHeight && box.right <= innerWidth,
    };
}"""


def tab_through_header(page) -> list[dict]:
    """Press Tab from the top of the page until focus enters the main content; what was focused."""
    stops = []
    for _ in range(30):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if page.evaluate("() => document.getElementById('content').contains(document.activeElement)"):
            break
        stops.append(stop)
    return stops


def tab_until(page, condition: str, limit: int = 30) -> int:
    """Press Tab until the focused element meets the condition (JavaScript, given the element)."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"({condition})(document.activeElement)"):
            return presses
    raise AssertionError(f"{limit} presses of Tab never focused an element where {condition}")


def test_keyboard_skip_link_comes_first_is_visible_and_moves_focus_to_the_content(live_record, page):
    page.goto("/sessions/")

    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    page.keyboard.press("Enter")
    after_enter = page.evaluate("() => document.activeElement.id")
    page.keyboard.press("Tab")
    next_stop = page.evaluate(FOCUSED)

    assert (first["text"], first["href"]) == ("Skip to main content", "#content")
    assert first["inViewport"] is True
    assert first["outlineStyle"] != "none"
    assert first["outlineWidth"] > 0
    assert after_enter == "content"
    assert page.evaluate("() => document.getElementById('content').contains(document.activeElement)") is True
    assert next_stop["text"] == "Subscribe to the calendar"  # the first link of the page's own content


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_keyboard_reaches_every_header_control_with_focus_visible(live_record, page, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto("/")

    stops = tab_through_header(page)

    assert [(stop["text"], stop["href"]) for stop in stops] == [
        ("Skip to main content", "#content"),
        *LANGUAGES,
        (SITE_NAME[viewport], "/"),
        ("", None),  # the search box
        ("Search", None),
        *NAVIGATION,
    ]
    search = 2 + len(LANGUAGES)  # after the skip link, the languages and the site's name
    assert [stop["tag"] for stop in stops[search : search + 2]] == ["INPUT", "BUTTON"]
    invisible = [stop for stop in stops if stop["outlineStyle"] == "none" or stop["outlineWidth"] <= 0]
    assert invisible == []
    assert [stop for stop in stops if not stop["inViewport"]] == []


def test_keyboard_search_of_a_symbol_lands_on_the_document(live_record, page):
    page.goto("/")

    tab_until(page, "element => element.id === 'site-search-q'")
    page.keyboard.type("A/AC.291/22/Rev.3")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/documents/A/AC\.291/22/Rev\.3/$"))
    expect(page.get_by_role("main").get_by_role("heading", level=1)).to_contain_text("A/AC.291/22/Rev.3")


def test_keyboard_follows_a_navigation_link(live_record, page):
    page.goto("/")

    tab_until(page, "element => element.closest('nav') && element.innerText === 'Timeline'")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/timeline/$"))
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Timeline")).to_have_attribute(
        "aria-current", "page"
    )
