import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from committee.models import Document
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: no cached page, record version or throttle count leaks."""
    cache.clear()


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request in French leaves French active in the thread (LocaleMiddleware does not undo it),
    and a record made with ``title=`` sets the active language's text (modeltranslation): each
    test starts in the record's language, English."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def editor(db):
    """A staff member in the Editors group, and nothing more."""
    return UserFactory(editor=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def record(db):
    """The whole record, loaded from the fixture as an operator would."""
    call_command("loaddata", "committee", verbosity=0)


@pytest.fixture
def cold_caches(db):
    """Empty the process-wide content-type cache, so query counts do not depend on test order."""
    ContentType.objects.clear_cache()


@pytest.fixture
def papers(record):
    """The record and 5,000 published papers: as many documents as the benchmark's large record,
    inserted in bulk as bench/generate.py inserts them. Unlike the benchmark, nothing vacuums or
    analyses them here (a test runs in a transaction): a test that needs statistics analyses the
    table itself."""
    Document.objects.bulk_create(
        Document(slug=f"paper-{n}", title=f"Paper {n}", kind="other", publication_state="published")
        for n in range(5000)
    )
