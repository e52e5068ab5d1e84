"""Browser tests: Debian's headless Chromium, driven by Playwright (pytest-playwright), against a
live server holding the record.

Chromium is never downloaded (`playwright install` does not work here and must not be used): the
tests launch the browser at ``AHC_CHROMIUM`` (default ``/usr/bin/chromium``). Without it they are
skipped with the command that installs it; in CI (``CI=true``) a missing browser fails them.
"""

import os

import pytest
from django.core.management import call_command

from tests.factories import UserFactory

from .support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, INSTALL_COMMAND, chromium_installed, running_in_ci

# Playwright's sync API runs an asyncio event loop in this thread; Django then refuses database
# calls from it (SynchronousOnlyOperation), though they are plain synchronous calls made between
# two browser steps. The live server answers from its own thread and is not affected.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session", autouse=True)
def _chromium_installed():
    """Before any browser starts: skip without Chromium, or fail in CI, saying how to install it."""
    if chromium_installed():
        return
    message = f"Chromium is not installed at {CHROMIUM}: browser tests not run. Install it with: {INSTALL_COMMAND}"
    if running_in_ci():
        pytest.fail(f"{message} (CI=true: the browser tests must run in CI)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch options, with Debian's Chromium instead of a downloaded build."""
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server):
    """Pages open on the live server: page.goto("/sessions/").

    This also replaces pytest-playwright's own base_url fixture (for --base-url), which pytest 9
    deprecates (a session fixture defined as an instance method): with warnings as errors, it
    would fail every test.
    """
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Every page in English, at desktop size unless a test says otherwise."""
    return {**browser_context_args, "locale": "en-GB", "viewport": DESKTOP}


@pytest.fixture
def live_record(transactional_db, live_server):
    """The whole record, loaded into the database the live server reads; emptied after the test."""
    call_command("loaddata", "committee", verbosity=0)
    return live_server


@pytest.fixture
def editor(transactional_db):
    """A staff member in the Editors group (password: support.EDITOR_PASSWORD)."""
    return UserFactory(editor=True)


@pytest.fixture
def visitor(new_context):
    """A page in a browser context of its own, with no session cookie: what the public sees."""
    return new_context().new_page()
