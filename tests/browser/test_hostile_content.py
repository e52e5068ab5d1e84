"""Hostile rich text saved by an editor stays inert: the visitor's browser runs none of it."""

import pytest
from playwright.sync_api import expect

from committee.models import Session

from .support import sign_in

pytestmark = pytest.mark.browser

HOSTILE_BODY = """<p>Before the attack.</p>
<script>alert("script"); document.title = "pwned by script";</script>
<img src="/no-such-image.png" onerror="alert('onerror')">
<p onmouseover="alert('handler')">Here is <a href="javascript:alert('link')">a scripted link</a> and
<a href="JaVaScRiPt:alert('mixed case')">another</a>.</p>
<iframe src="javascript:alert('iframe')"></iframe>
<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>
<p><strong>After the attack.</strong></p>"""


def test_hostile_rich_text_is_saved_inert_and_runs_nothing_in_the_visitors_browser(live_record, editor, page, visitor):
    dialogs, errors = [], []
    visitor.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visitor.on("pageerror", lambda error: errors.append(str(error)))
    # The site has no favicon; Chromium's request for one is the only expected failed load.
    visitor.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.location.get("url", "").endswith("/favicon.ico")
            and errors.append(message.text)
        ),
    )
    session = Session.objects.get(slug="sixth-session")
    sign_in(page, editor)
    page.goto(f"/admin/committee/session/{session.pk}/change/")
    page.get_by_label("Body [en]:").fill(HOSTILE_BODY)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    visitor.goto("/sessions/sixth-session/")
    body = visitor.locator("article .body")
    expect(body).to_be_visible()
    for link in body.locator("a").all():  # a visitor following the links
        link.click()
    visitor.mouse.move(0, 0)
    body.hover()
    visitor.evaluate("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 300)))")
    saved = Session.objects.get(pk=session.pk).body.lower()

    assert dialogs == []
    assert errors == []
    assert visitor.title() == "Sixth session · AHC Portal"
    assert visitor.url.endswith("/sessions/sixth-session/")
    assert [
        word for word in ("<script", "onerror", "onmouseover", "javascript:", "<iframe", "<img") if word in saved
    ] == []
    assert body.evaluate("body => [...body.querySelectorAll('*')].map(element => element.tagName)") == [
        "P", "P", "A", "A", "P", "STRONG",
    ]  # fmt: skip
    assert body.locator("a").evaluate_all("links => links.map(link => link.getAttribute('href'))") == [
        None,
        None,
    ]
    assert visitor.evaluate(
        """() => ({
            scripts: [...document.scripts].filter(script => script.type !== 'application/ld+json').length,
            frames: document.querySelectorAll('iframe, frame, object, embed').length,
            handlers: [...document.querySelectorAll('*')].filter(element =>
                [...element.attributes].some(attribute => attribute.name.startsWith('on'))).length,
            javascriptLinks: [...document.querySelectorAll('[href], [src]')].filter(element =>
                /^\\s*javascript:/i.test(element.getAttribute('href') || element.getAttribute('src'))).length,
        })"""
    ) == {"scripts": 0, "frames": 0, "handlers": 0, "javascriptLinks": 0}
