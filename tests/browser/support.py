"""What the browser tests share: where Chromium is, how it starts, viewports, axe-core, signing in."""

import os
from pathlib import Path

import axe_playwright_python

CHROMIUM = Path(os.environ.get("AHC_CHROMIUM", "/usr/bin/chromium"))
INSTALL_COMMAND = "apt-get install -y chromium"
# Headless, as root, with no network but the live server: without the networking flags Chromium
# tries to reach Google's services and logs failures.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

EDITOR_PASSWORD = "a long test password 1"  # what tests.factories.UserFactory sets

# axe-core as shipped inside the axe-playwright-python wheel (pinned in requirements-dev.txt), so
# nothing is fetched when the tests run.
AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def chromium_installed() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def axe_violations(page) -> list[dict]:
    """The WCAG 2.0/2.1/2.2 A and AA violations axe-core finds on the page, each with where it is."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: a <script> tag would be inline, which the site's
        # Content-Security-Policy (script-src 'self') refuses.
        page.evaluate(AXE_SCRIPT.read_text())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]],
            "summary": violation["nodes"][0]["failureSummary"] if violation["nodes"] else "",
        }
        for violation in results["violations"]
    ]


def sign_in(page, user) -> None:
    """Sign in through the admin's login form, as an editor would."""
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
