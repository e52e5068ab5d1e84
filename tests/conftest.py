import pytest
from django.core.management import call_command

from tests.factories import UserFactory


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
