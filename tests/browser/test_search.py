"""A search with more matches than it lists, in Chromium: WCAG 2.2 AA, and links to every match."""

import re

import pytest
from django.db import connection
from playwright.sync_api import expect

from .support import VIEWPORTS, axe_violations

pytestmark = pytest.mark.browser

# More than ten of the record's documents and sessions match: the page lists the best ten of each.
CUT_SHORT = "/search/?q=session"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_wcag_a_or_aa_violation_on_a_search_cut_short(live_record, page, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])

    status = page.goto(CUT_SHORT).status

    assert (status, axe_violations(page)) == (200, [])


def test_more_results_lead_to_every_matching_document(live_record, page):
    page.goto(CUT_SHORT)
    main = page.get_by_role("main")
    more = main.get_by_role("region", name="More results")

    # 10 documents, 10 sessions, 5 consultations, 8 groups, 9 chapters, 5 questions and 4 milestones
    # (the postponements of sessions among them). PostgreSQL matches whole words; SQLite's fallback
    # also finds "session" inside "intersessional", in a fifth milestone.
    found = 51 if connection.vendor == "postgresql" else 52
    expect(main.get_by_role("paragraph").first).to_have_text(
        f"More than {found} results for “session”. The best 10 of each kind are listed, followed by more results."
    )
    expect(more.get_by_role("listitem")).to_have_text(
        [
            "Documents: more than 10 match; the best 10 are listed. "
            "All documents matching “session” in the document registry",
            "Sessions: more than 10 match; the best 10 are listed. All sessions",
        ]
    )
    main.get_by_role("link", name="more results", exact=True).click()
    expect(page).to_have_url(re.compile(r"/search/\?q=session#more-results$"))
    expect(more.get_by_role("heading", level=2, name="More results")).to_be_in_viewport()

    more.get_by_role("link", name="All documents matching “session” in the document registry").click()

    expect(page).to_have_url(re.compile(r"/documents/\?q=session$"))
    expect(page.get_by_role("table").locator("caption")).to_have_text("32 documents, page 1 of 2")
    expect(page.get_by_label("Words or symbol")).to_have_value("session")
