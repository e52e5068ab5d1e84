"""The Convention's pages in a browser: no sideways scroll on a phone, sorting and filtering without
JavaScript, an article's address, and screenshots of the top of the status page."""

import pytest

from .support import PHONE, SCREENSHOTS, VIEWPORTS

pytestmark = pytest.mark.browser
PAGES = ["/convention/", "/convention/status/", "/convention/status/?group=organization&sort=instrument"]


def page_width_overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scroll)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_convention_pages_do_not_scroll_sideways_on_a_phone(live_record, page):
    page.set_viewport_size(PHONE)

    overflows = {}
    for address in PAGES:
        page.goto(address)
        overflows[address] = page_width_overflow(page)

    assert overflows == dict.fromkeys(PAGES, 0)


def test_status_table_is_filtered_and_sorted_with_its_form_without_javascript(live_record, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/convention/status/")

    page.get_by_label("Regional group").select_option("eastern-european")
    page.get_by_label("Order").select_option("name")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("link", name="Signature", exact=True).click()

    rows = page.locator(".status-table tbody th").all_inner_texts()
    assert page.url.endswith("/convention/status/?group=eastern-european&sort=signature")
    assert rows == ["Azerbaijan", "Belarus", "Czechia", "Poland", "Russian Federation", "Slovakia", "Slovenia"]


def test_an_article_has_an_address_of_its_own(live_record, page):
    page.goto("/convention/#article-65")

    target = page.locator(":target")

    assert target.get_attribute("id") == "article-65"
    assert target.inner_text().startswith("Article 65 Entry into force")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots_of_the_top_of_the_status_page_are_written(live_record, page, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Copied to docs/screenshots/ when the page changes, as the record of how it looks.
    path = SCREENSHOTS / f"convention-status-top-{viewport}.png"

    response = page.goto("/convention/status/")
    # The top of the page: the counts, what entry into force needs, the picture, the map, the first rows.
    width, height = VIEWPORTS[viewport]["width"], {"desktop": 2000, "phone": 3600}[viewport]
    page.screenshot(path=path, full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})

    assert response.status == 200
    assert path.stat().st_size > 20_000
