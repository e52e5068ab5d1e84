"""/feeds/updates/: the Atom feed of new and changed records, whole or filtered like a list page."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from committee.models import DocumentKind, Language, PublicationState
from tests.factories import (
    ChapterFactory,
    ConsultationFactory,
    DocumentFactory,
    DocumentVersionFactory,
    FAQEntryFactory,
    MilestoneFactory,
    NegotiationGroupFactory,
    ReadingFactory,
    SessionFactory,
    TreatyActionFactory,
)

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def changed_at(record, day: int):
    """Set when the record last changed (a save would set it to now)."""
    when = datetime.datetime(2024, 1, day, 12, tzinfo=datetime.UTC)
    type(record).objects.filter(pk=record.pk).update(updated_at=when, created_at=when)
    return record


def get_feed(client, query: str = "") -> ET.Element:
    response = client.get(f"/feeds/updates/{query}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)  # noqa: S314 (the portal's own response, not untrusted input)


def entries(feed: ET.Element) -> list[tuple[str, str]]:
    """(title, link) of each entry, in order."""
    return [
        (entry.findtext("atom:title", namespaces=ATOM), entry.find("atom:link", ATOM).get("href"))
        for entry in feed.findall("atom:entry", ATOM)
    ]


def test_feed_lists_published_records_latest_change_first(client):
    changed_at(MilestoneFactory(title="Convention adopted", slug="adoption"), 1)
    changed_at(SessionFactory(title="Sixth session", slug="sixth-session"), 3)
    changed_at(DocumentFactory(symbol="A/AC.291/22", title="Draft text"), 5)
    changed_at(FAQEntryFactory(question="What is the AHC?", slug="what"), 4)
    changed_at(SessionFactory(title="Draft session", publication_state=PublicationState.DRAFT), 6)

    feed = get_feed(client)

    assert entries(feed) == [
        ("A/AC.291/22 — Draft text", "http://testserver/documents/A/AC.291/22/"),
        ("What is the AHC?", "http://testserver/faq/#what"),
        ("Sixth session", "http://testserver/sessions/sixth-session/"),
        ("Convention adopted", "http://testserver/timeline/#adoption"),
    ]
    assert [entry.findtext("atom:updated", namespaces=ATOM) for entry in feed.findall("atom:entry", ATOM)] == [
        "2024-01-05T12:00:00+00:00",
        "2024-01-04T12:00:00+00:00",
        "2024-01-03T12:00:00+00:00",
        "2024-01-01T12:00:00+00:00",
    ]


def test_feed_is_atom_with_stable_ids(client):
    changed_at(SessionFactory(title="Sixth session", slug="sixth-session", summary="Reading of <the> text."), 3)
    changed_at(ConsultationFactory(title="Fifth consultation", slug="fifth-consultation"), 2)

    feed = get_feed(client)

    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("atom:id", namespaces=ATOM) == "tag:ahc-portal,2021:feeds/updates"
    assert feed.findtext("atom:title", namespaces=ATOM) == "AHC Portal: new and changed records"
    assert feed.findtext("atom:updated", namespaces=ATOM) == "2024-01-03T12:00:00+00:00"
    assert feed.findtext("atom:author/atom:name", namespaces=ATOM) == "AHC Portal"
    assert {link.get("rel"): link.get("href") for link in feed.findall("atom:link", ATOM)} == {
        "alternate": "http://testserver/",
        "self": "http://testserver/feeds/updates/",
    }
    session_entry, consultation_entry = feed.findall("atom:entry", ATOM)
    assert [entry.findtext("atom:id", namespaces=ATOM) for entry in (session_entry, consultation_entry)] == [
        "tag:ahc-portal,2021:session/sixth-session",
        "tag:ahc-portal,2021:consultation/fifth-consultation",
    ]
    assert session_entry.find("atom:summary", ATOM).attrib == {"type": "html"}
    assert session_entry.findtext("atom:summary", namespaces=ATOM) == "Reading of &lt;the&gt; text."
    assert session_entry.find("atom:category", ATOM).get("term") == "session"
    assert consultation_entry.find("atom:summary", ATOM) is None


def test_feed_entry_id_survives_an_edit(client):
    session = SessionFactory(title="Sixth session", slug="sixth-session")
    before = get_feed(client).findtext("atom:entry/atom:id", namespaces=ATOM)
    session.title = "Sixth session (renamed)"
    session.save()

    feed = get_feed(client)

    assert feed.findtext("atom:entry/atom:id", namespaces=ATOM) == before == "tag:ahc-portal,2021:session/sixth-session"
    assert feed.findtext("atom:entry/atom:title", namespaces=ATOM) == "Sixth session (renamed)"


def test_feed_of_one_section(client):
    changed_at(SessionFactory(title="Sixth session", slug="sixth-session"), 1)
    changed_at(ReadingFactory(title="First reading", slug="first-reading"), 2)
    changed_at(ChapterFactory(title="Criminalization", slug="criminalization"), 3)
    changed_at(NegotiationGroupFactory(name="Group 1", slug="group-1"), 4)
    changed_at(ReadingFactory(title="Second reading", slug="second-reading"), 5)

    feed = get_feed(client, "?section=readings")

    assert entries(feed) == [
        ("Second reading", "http://testserver/readings/second-reading/"),
        ("First reading", "http://testserver/readings/first-reading/"),
    ]
    assert feed.findtext("atom:id", namespaces=ATOM) == "tag:ahc-portal,2021:feeds/updates?section=readings"
    assert feed.find("atom:link[@rel='alternate']", ATOM).get("href") == "http://testserver/readings/"


@pytest.fixture
def documents(db):
    """Documents that each miss one condition of the filtered feed, and one that meets them all."""
    sixth, fifth = SessionFactory(slug="sixth-session"), SessionFactory(slug="fifth-session")
    match = DocumentFactory(symbol="A/AC.291/L.1", title="Draft report", kind=DocumentKind.REPORT)
    other_kind = DocumentFactory(symbol="A/AC.291/L.2", title="Draft agenda", kind=DocumentKind.AGENDA)
    other_session = DocumentFactory(symbol="A/AC.291/L.3", title="Draft report", kind=DocumentKind.REPORT)
    other_year = DocumentFactory(symbol="A/AC.291/L.4", title="Draft report", kind=DocumentKind.REPORT)
    other_language = DocumentFactory(symbol="A/AC.291/L.5", title="Draft report", kind=DocumentKind.REPORT)
    other_words = DocumentFactory(symbol="A/AC.291/L.6", title="Final report", kind=DocumentKind.REPORT)
    draft = DocumentFactory(
        symbol="A/AC.291/L.7", title="Draft report", kind=DocumentKind.REPORT, publication_state=PublicationState.DRAFT
    )
    for document in (match, other_kind, other_session, other_year, other_language, other_words, draft):
        document.date = datetime.date(2023, 12, 1) if document is other_year else datetime.date(2024, 2, 9)
        document.save()
        (fifth if document is other_session else sixth).documents.add(document)
        DocumentVersionFactory(document=document, language=Language.ENGLISH)
        if document is not other_language:
            DocumentVersionFactory(document=document, language=Language.FRENCH)
    for day, document in enumerate((match, other_kind, other_session, other_year, other_language, other_words), 1):
        changed_at(document, day)
    changed_at(draft, 9)


FULL_FILTER = "?section=documents&kind=report&session=sixth-session&year=2024&language=fr&q=draft"


def test_filtered_documents_feed_returns_exactly_the_matching_documents(client, documents):
    feed = get_feed(client, FULL_FILTER)

    assert entries(feed) == [("A/AC.291/L.1 — Draft report", "http://testserver/documents/A/AC.291/L.1/")]
    assert feed.findtext("atom:title", namespaces=ATOM) == (
        "AHC Portal: Documents (kind=report, session=sixth-session, year=2024, language=fr, q=draft)"
    )
    assert feed.find("atom:link[@rel='alternate']", ATOM).get("href") == (
        "http://testserver/documents/?kind=report&session=sixth-session&year=2024&language=fr&q=draft"
    )
    assert feed.findtext("atom:id", namespaces=ATOM) == (
        "tag:ahc-portal,2021:feeds/updates?section=documents&kind=report&session=sixth-session&year=2024&language=fr&q=draft"
    )


@pytest.mark.parametrize(
    ("query", "symbols"),
    [
        ("?section=documents", ["L.6", "L.5", "L.4", "L.3", "L.2", "L.1"]),
        ("?section=documents&kind=agenda", ["L.2"]),
        ("?section=documents&session=fifth-session", ["L.3"]),
        ("?section=documents&year=2023", ["L.4"]),
        ("?section=documents&language=fr", ["L.6", "L.4", "L.3", "L.2", "L.1"]),
        ("?section=documents&q=final", ["L.6"]),
        ("?section=documents&kind=&year=", ["L.6", "L.5", "L.4", "L.3", "L.2", "L.1"]),
    ],
)
def test_filtered_documents_feed_by_each_filter(client, documents, query, symbols):
    feed = get_feed(client, query)

    assert [title.split(" — ")[0] for title, _link in entries(feed)] == [f"A/AC.291/{symbol}" for symbol in symbols]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "?section=bureau",
            "“section” must be one of: sessions, consultations, readings, chapters, negotiation-groups, documents, "
            "milestones, faq, convention.",
        ),
        ("?section=documents&year=twenty", "“year”: Enter a whole number."),
        ("?section=documents&year=1200", "“year”: Ensure this value is greater than or equal to 1945."),
        (
            "?section=documents&kind=novel",
            "“kind”: Select a valid choice. novel is not one of the available choices.",
        ),
        (
            "?section=documents&session=eleventh-session",
            "“session”: Select a valid choice. eleventh-session is not one of the available choices.",
        ),
        (
            "?section=documents&language=de",
            "“language”: Select a valid choice. de is not one of the available choices.",
        ),
        ("?section=documents&q=" + "x" * 201, "“q”: Ensure this value has at most 200 characters (it has 201)."),
        ("?kind=report", "“kind” filters documents only: add section=documents."),
        ("?section=sessions&year=2024", "“year” filters documents only: add section=documents."),
    ],
)
def test_feed_with_invalid_parameter_is_400_naming_it(client, query, message):
    SessionFactory(slug="sixth-session")

    response = client.get(f"/feeds/updates/{query}")

    assert (response.status_code, response["Content-Type"]) == (400, "text/plain; charset=utf-8")
    assert response.content.decode() == f"{message}\n"


def test_feed_filter_by_draft_session_is_400(client):
    SessionFactory(slug="draft-session", publication_state=PublicationState.DRAFT)

    response = client.get("/feeds/updates/?section=documents&session=draft-session")

    assert response.status_code == 400
    assert response.content.decode().startswith("“session”: ")


def test_feed_keeps_the_latest_fifty(client):
    documents = DocumentFactory.create_batch(52)
    for day, document in enumerate(documents, 1):
        type(document).objects.filter(pk=document.pk).update(
            updated_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(days=day)
        )

    feed = get_feed(client)

    assert [title for title, _link in entries(feed)] == [str(document) for document in reversed(documents[2:])]


def test_feed_sets_no_cookie_and_refuses_post(client):
    SessionFactory()

    response = client.get("/feeds/updates/")

    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert client.head("/feeds/updates/").status_code == 200
    assert client.post("/feeds/updates/").status_code == 405


@pytest.mark.parametrize("count", [1, 6])
def test_feed_queries_do_not_grow_with_records(client, cold_caches, django_assert_num_queries, count):
    for factory in (
        SessionFactory,
        ConsultationFactory,
        ReadingFactory,
        ChapterFactory,
        NegotiationGroupFactory,
        DocumentFactory,
        MilestoneFactory,
        FAQEntryFactory,
        TreatyActionFactory,
    ):
        factory.create_batch(count)

    # One query per section (a signature comes with its participant).
    with django_assert_num_queries(9):
        feed = get_feed(client)

    # Nine sections of 6 records make 54 entries, beyond the feed's 50.
    assert len(entries(feed)) == {1: 9, 6: 50}[count]


@pytest.mark.parametrize("count", [1, 6])
def test_filtered_feed_queries_do_not_grow_with_records(client, cold_caches, django_assert_num_queries, count):
    session = SessionFactory(slug="sixth-session")
    for document in DocumentFactory.create_batch(count, title="Draft report", date=datetime.date(2024, 2, 9)):
        session.documents.add(document)
        DocumentVersionFactory(document=document, language=Language.FRENCH)

    # The session named in the filter, and the documents.
    with django_assert_num_queries(2):
        feed = get_feed(client, FULL_FILTER)

    assert len(entries(feed)) == count
