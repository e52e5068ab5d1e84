"""The fragments shown on many pages (template tags, table rows, navigation), exactly."""

import datetime
import re

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.template import engines
from django.test import RequestFactory
from django.urls import clear_script_prefix, reverse

from committee.models import (
    Document,
    DocumentVersion,
    ReadingItem,
    Session,
)
from tests.factories import ChapterFactory, DocumentFactory, ReadingFactory, SessionFactory

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return engines["django"].from_string("{% load record %}" + source).render(context)


# --- Labels of choices ---------------------------------------------------------------------


def test_a_value_outside_the_choices_is_shown_as_it_is():
    assert Document(kind="not-a-kind").get_kind_display() == "not-a-kind"


# --- Addresses ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_request_s_addresses_follow_its_own_script_prefix():
    # Each request's own prefix, never carried over to the next one.
    SessionFactory(slug="sixth-session", title="Sixth session")

    handler = WSGIHandler()  # as gunicorn calls the site: it sets the script prefix of each request

    def page(prefix):
        environ = RequestFactory()._base_environ(PATH_INFO="/sessions/", SCRIPT_NAME=prefix)
        return b"".join(handler(environ, lambda status, headers: None)).decode()

    # As Django's test client does: the test's transaction holds the connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        pages = [page(prefix) for prefix in ("/portal", "", "/other")]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        clear_script_prefix()

    assert ['href="/portal/sessions/sixth-session/"' in page for page in pages] == [True, False, False]
    assert ['href="/sessions/sixth-session/"' in page for page in pages] == [False, True, False]
    assert ['href="/other/sessions/sixth-session/"' in page for page in pages] == [False, False, True]
    assert reverse("committee:session-detail", kwargs={"slug": "sixth-session"}) == "/sessions/sixth-session/"


# --- Fragments as tags ------------------------------------------------------------------------


def test_certainty_tag():
    assert render("{% certainty d %}", d=Document(certainty="confirmed")) == ""
    assert render("{% certainty d %}", d=Document(certainty="likely")) == (
        ' <span class="uncertain-tag">likely, not confirmed</span>'
    )
    assert render("{% certainty d %}", d=Document(certainty="uncertain")) == (
        ' <span class="uncertain-tag">uncertain</span>'
    )


def test_document_link_tag_escapes_and_hides_drafts():
    document = Document(
        symbol="A/AC.291/22/Rev.3", slug="a-ac-291-22-rev-3", title="Draft <b>text</b>", publication_state="published"
    )
    assert render("{% document_link d %}", d=document) == (
        '<a href="/documents/A/AC.291/22/Rev.3/"><span class="symbol">A/AC.291/22/Rev.3</span>'
        " — Draft &lt;b&gt;text&lt;/b&gt;</a>"
    )
    assert render("{% document_link d short=True %}", d=document) == (
        '<a href="/documents/A/AC.291/22/Rev.3/"><span class="symbol">A/AC.291/22/Rev.3</span></a>'
    )
    document.certainty = "likely"
    assert render("{% document_link d %}", d=document).endswith(
        '</a> <span class="uncertain-tag">likely, not confirmed</span>'
    )
    paper = Document(slug="chairs-note", title="Chair’s note", publication_state="published")
    assert render("{% document_link d %}", d=paper) == '<a href="/documents/chairs-note/">Chair’s note</a>'
    paper.publication_state = "draft"
    assert render("{% document_link d %}", d=paper) == "a document not yet published"
    assert render("{% document_link d %}", d=None) == ""


def test_document_link_shows_the_documents_values_of_the_moment():
    document = Document(symbol="A/AC.291/1", slug="a-ac-291-1", title="Agenda", publication_state="published")
    assert render("{% document_link d %}", d=document).endswith(" — Agenda</a>")
    document.title, document.certainty = "Provisional agenda", "uncertain"
    assert render("{% document_link d %}", d=document) == (
        '<a href="/documents/A/AC.291/1/"><span class="symbol">A/AC.291/1</span> — Provisional agenda</a>'
        ' <span class="uncertain-tag">uncertain</span>'
    )
    document.symbol = "A/AC.291/2"
    assert '<span class="symbol">A/AC.291/2</span>' in render("{% document_link d %}", d=document)


def test_meeting_when_tag():
    session = Session(start_date=datetime.date(2023, 8, 21), end_date=datetime.date(2023, 9, 1))
    assert (
        render("{% meeting_when s %}", s=session) == '<time datetime="2023-08-21">21 August – 1 September 2023</time>'
    )


def test_session_page_links_a_published_basis_and_gives_the_note_of_a_draft_one(client):
    session = SessionFactory(slug="fourth-session", title="Fourth session")
    reading = ReadingFactory(slug="first-reading", title="First reading")
    reading.sessions.add(session)
    for slug, title, basis, note in [
        ("criminalization", "Criminalization", DocumentFactory(symbol="A/AC.291/16"), ""),
        (
            "jurisdiction",
            "Jurisdiction",
            DocumentFactory(symbol="A/AC.291/17", publication_state="draft"),
            "The <draft>",
        ),
    ]:
        chapter = ChapterFactory(slug=slug, title=title)
        ReadingItem.objects.create(
            reading=reading, chapter=chapter, session=session, basis=basis, basis_note=note, certainty="likely"
        )

    html = client.get("/sessions/fourth-session/").content.decode()

    rows = [normalized(row) for row in re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", html, re.S)]
    # One row per reading and basis, naming its chapters.
    assert rows == [
        '<tr><th scope="row"><a href="/readings/first-reading/">First reading</a></th>'
        '<td><a href="/chapters/criminalization/">Criminalization</a></td>'
        '<td><a href="/documents/A/AC.291/16/"><span class="symbol">A/AC.291/16</span></a>'
        '<span class="uncertain-tag">likely, not confirmed</span></td></tr>',
        '<tr><th scope="row"><a href="/readings/first-reading/">First reading</a></th>'
        '<td><a href="/chapters/jurisdiction/">Jurisdiction</a></td>'
        '<td>The &lt;draft&gt; <span class="uncertain-tag">likely, not confirmed</span></td></tr>',
    ]
    assert "A/AC.291/17" not in html


def normalized(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


def test_registry_rows_show_languages_in_un_order_and_published_sessions_only(client):
    document = DocumentFactory(symbol="A/AC.291/1", title="Agenda")
    for code in ("en", "ar", "fr"):
        DocumentVersion.objects.create(document=document, language=code, url=f"https://example.org/{code}")
    shown = SessionFactory(slug="first-session", title="First session")
    hidden = SessionFactory(slug="draft-session", title="Draft session", publication_state="draft")
    document.sessions.add(shown, hidden)
    bare = DocumentFactory(symbol=None, title="A paper", slug="a-paper")

    html = client.get("/documents/").content.decode()

    row = re.search(r"<tr>\s*<td class=\"symbol\">A/AC.291/1</td>.*?</tr>", html, re.S).group(0)
    assert '<td><a href="/sessions/first-session/">First session</a></td>' in row
    assert re.findall(
        r'<a href="([^"]+)" hreflang="[a-z]+" title="The text in (\w+)"><abbr title="\w+">(\w+)</abbr>', row
    ) == [
        ("https://example.org/ar", "Arabic", "AR"),
        ("https://example.org/en", "English", "EN"),
        ("https://example.org/fr", "French", "FR"),
    ]
    assert "Draft session" not in html
    paper_row = re.search(r"<tr>\s*<td class=\"symbol\">—</td>.*?</tr>", html, re.S).group(0)
    assert f'href="{bare.get_absolute_url()}"' in paper_row
    assert paper_row.count("<td>—</td>") == 2  # no date, no session
    assert paper_row.count('<td class="languages">—</td>') == 1  # no language version


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/", None),
        ("/sessions/", "Sessions"),
        ("/sessions/sixth-session/", "Sessions"),
        ("/documents/A/AC.291/22/Rev.3/", "Documents"),
        ("/negotiation-groups/group-1/", "Negotiation groups"),
        ("/bureau/", "Bureau"),
        ("/faq/", "FAQ"),
        ("/faq/extra/", None),
        ("/search/", None),
        ("/convention/", "Convention"),
        ("/convention/status/", "Convention"),
    ],
)
def test_site_nav_marks_the_current_section(path, current):
    html = render("{% site_nav p %}", p=path)
    assert re.findall(r'<a href="([^"]+)"', html) == [
        "/sessions/",
        "/readings/",
        "/chapters/",
        "/negotiation-groups/",
        "/consultations/",
        "/documents/",
        "/bureau/",
        "/timeline/",
        "/faq/",
        "/convention/",
    ]
    assert re.findall(r'aria-current="page">([^<]+)<', html) == ([current] if current else [])
    assert html.startswith('<nav class="site-nav" aria-label="Main">')
