"""WCAG 2.2 AA, as axe-core checks it in Chromium, on every kind of public page; and screenshots."""

import pytest

from .support import SCREENSHOTS, VIEWPORTS, axe_violations

pytestmark = pytest.mark.browser

# One address for each kind of public page (and the error pages a visitor can reach).
PUBLIC_PAGES = {
    "home": "/",
    "session-list": "/sessions/",
    "session": "/sessions/sixth-session/",
    "reading-list": "/readings/",
    "reading-matrix": "/readings/first-reading/",
    "chapter-list": "/chapters/",
    "chapter": "/chapters/criminalization/",
    "group-list": "/negotiation-groups/",
    "group": "/negotiation-groups/informal-negotiation-group-1/",
    "consultation-list": "/consultations/",
    "consultation": "/consultations/second-intersessional-consultation/",
    "document-registry": "/documents/",
    "document-registry-filtered": "/documents/?kind=draft-text",
    "document": "/documents/A/AC.291/22/Rev.3/",
    "document-without-symbol": "/documents/chairs-report-on-the-first-intersessional-consultation/",
    "bureau": "/bureau/",
    "timeline": "/timeline/",
    "faq": "/faq/",
    "search": "/search/?q=international+cooperation",
    "search-unknown-symbol": "/search/?q=A/AC.291/99",
    "convention": "/convention/",
    "convention-status": "/convention/status/",
    "convention-status-filtered": "/convention/status/?group=african&sort=signature",
    "bad-filter": "/documents/?year=soon",
    "not-found": "/no-such-page/",
}

SCREENSHOT_PAGES = [
    "home", "session", "reading-matrix", "document-registry", "document", "timeline", "bureau", "faq", "search",
    "convention", "convention-status",
]  # fmt: skip


# English at its addresses; Arabic, right to left, under its prefix; Chinese, in another script.
LANGUAGE_PREFIXES = {"en": "", "ar": "/ar", "zh-hans": "/zh-hans"}


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_wcag_a_or_aa_violation_on_any_public_page(live_record, page, viewport, language):
    page.set_viewport_size(VIEWPORTS[viewport])

    statuses, violations = {}, {}
    for name, address in PUBLIC_PAGES.items():
        statuses[name] = page.goto(LANGUAGE_PREFIXES[language] + address).status
        found = axe_violations(page)
        if found:
            violations[name] = found

    assert statuses == {**dict.fromkeys(PUBLIC_PAGES, 200), "bad-filter": 400, "not-found": 404}
    assert violations == {}, "\n".join(
        f"{name} ({PUBLIC_PAGES[name]}): {v['id']} [{v['impact']}] {v['help']}: {v['targets']}\n  {v['summary']}"
        for name, found in violations.items()
        for v in found
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots_of_the_main_pages_are_written(live_record, page, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    written = []
    for name in SCREENSHOT_PAGES:
        response = page.goto(PUBLIC_PAGES[name])
        assert response.status == 200, name
        path = SCREENSHOTS / f"{name}-{viewport}.png"
        page.screenshot(path=path, full_page=True)
        written.append(path)

    # A blank or unstyled page would be a few kilobytes; these pages are far larger.
    assert [path.name for path in written if path.stat().st_size < 20_000] == []


def test_screenshots_of_the_arabic_home_and_session_pages_on_a_phone_are_written(live_record, page):
    page.set_viewport_size(VIEWPORTS["phone"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    written = []
    for name in ("home", "session"):
        response = page.goto("/ar" + PUBLIC_PAGES[name])
        assert (response.status, page.locator("html").get_attribute("dir")) == (200, "rtl"), name
        path = SCREENSHOTS / f"ar-{name}-phone.png"
        page.screenshot(path=path, full_page=True)
        written.append(path)

    assert [path.name for path in written if path.stat().st_size < 20_000] == []
