"""The pages the admin's "view on site" leads to (the full public site grows on these)."""

import pytest

from committee.models import PublicationState
from tests.factories import DocumentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_published_session_page_shows_dates_and_place(client):
    SessionFactory(slug="sixth-session", title="Sixth session", room="Conference Room 1")

    response = client.get("/sessions/sixth-session/")

    assert response.status_code == 200
    assert "<h1>Sixth session</h1>" in response.content.decode()
    assert "21 August 2023 – 1 September 2023 · New York · Conference Room 1" in response.content.decode()
    assert "Draft — not public." not in response.content.decode()


def test_draft_session_is_404_to_visitors(client):
    SessionFactory(slug="draft-session", publication_state=PublicationState.DRAFT)

    response = client.get("/sessions/draft-session/")

    assert response.status_code == 404


def test_draft_session_previewed_by_editor_with_banner(editor_client):
    SessionFactory(slug="draft-session", title="Draft session", publication_state=PublicationState.DRAFT)

    response = editor_client.get("/sessions/draft-session/")

    assert response.status_code == 200
    assert "Draft — not public." in response.content.decode()


def test_document_reachable_by_symbol_and_slug(client):
    DocumentFactory(symbol="A/AC.291/22/Rev.3", title="Updated draft text of the convention")

    by_symbol = client.get("/documents/A/AC.291/22/Rev.3/")
    by_slug = client.get("/documents/a-ac-291-22-rev-3/")
    other_spelling = client.get("/documents/a/ac.291/22/rev.3/")

    assert by_symbol.context["object"].symbol == "A/AC.291/22/Rev.3"
    assert by_slug.context["object"].symbol == "A/AC.291/22/Rev.3"
    assert (other_spelling.status_code, other_spelling["Location"]) == (301, "/documents/A/AC.291/22/Rev.3/")


@pytest.mark.parametrize("path", ["/documents/A/AC.291/99/", "/documents/not/a/symbol/", "/documents/no-such-slug/"])
def test_unknown_document_is_404(client, path):
    DocumentFactory(symbol="A/AC.291/22")

    assert client.get(path).status_code == 404


def test_draft_document_is_404_by_symbol(client):
    DocumentFactory(symbol="A/AC.291/22", publication_state=PublicationState.DRAFT)

    assert client.get("/documents/A/AC.291/22/").status_code == 404


def test_rich_text_shown_sanitized_even_if_stored_unsafe(client):
    session = SessionFactory(slug="s")
    # A raw update bypasses the save-time sanitizer, as a direct database edit would.
    type(session).objects.filter(pk=session.pk).update(body='<p>Hello</p><script>alert("x")</script>')

    content = client.get("/sessions/s/").content.decode()

    assert "<p>Hello</p>" in content
    assert "<script>alert" not in content
