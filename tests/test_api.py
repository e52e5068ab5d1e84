"""The API's resources: what each shows, which records, filtered, ordered and paginated.

HTTP behaviour (methods, CORS, caching, throttling, the schema) is in test_api_http.py; the
number of queries in test_api_queries.py; the fuzzing in test_api_schemathesis.py.
"""

import datetime
import zoneinfo

import pytest
from django.apps import apps
from django.core.cache import cache
from django.utils import timezone
from rest_framework.request import Request

from committee.api import urls
from committee.models import (
    BureauRole,
    Certainty,
    Document,
    DocumentKind,
    DocumentVersion,
    FAQEntry,
    GroupKind,
    Language,
    MeetingFormat,
    MilestoneKind,
    PublicationState,
    ReadingItem,
    RegionalGroup,
    Session,
    SessionKind,
)
from tests import test_api_queries
from tests.factories import (
    BureauMembershipFactory,
    ChapterFactory,
    ConsultationFactory,
    DocumentFactory,
    DocumentVersionFactory,
    FacilitationFactory,
    FAQEntryFactory,
    MilestoneFactory,
    NegotiationGroupFactory,
    PersonFactory,
    ReadingFactory,
    SessionFactory,
    SourceFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = PublicationState.DRAFT
D = datetime.date


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttle counts and cached responses start afresh in every test."""
    cache.clear()


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [result["slug"] for result in response.json()["results"]]


def timestamp(record) -> str:
    record.refresh_from_db()
    return record.updated_at.isoformat().replace("+00:00", "Z")


# --- The root --------------------------------------------------------------------------


def test_api_root_lists_every_resource(client):
    response = client.get("/api/v1/")

    assert response.json() == {
        "sessions": "http://testserver/api/v1/sessions/",
        "readings": "http://testserver/api/v1/readings/",
        "chapters": "http://testserver/api/v1/chapters/",
        "negotiation-groups": "http://testserver/api/v1/negotiation-groups/",
        "consultations": "http://testserver/api/v1/consultations/",
        "documents": "http://testserver/api/v1/documents/",
        "bureau": "http://testserver/api/v1/bureau/",
        "milestones": "http://testserver/api/v1/milestones/",
        "faq": "http://testserver/api/v1/faq/",
        "articles": "http://testserver/api/v1/articles/",
        "participants": "http://testserver/api/v1/participants/",
    }


# --- Each resource: published records only, in order, with their fields ----------------


def test_session_list_is_published_sessions_in_date_order(client):
    SessionFactory(slug="sixth", start_date=D(2023, 8, 21), end_date=D(2023, 9, 1))
    SessionFactory(slug="first", start_date=D(2022, 2, 28), end_date=D(2022, 3, 11))
    SessionFactory(slug="draft", start_date=D(2022, 1, 1), end_date=D(2022, 1, 2), publication_state=DRAFT)

    response = client.get("/api/v1/sessions/")

    assert slugs(response) == ["first", "sixth"]


def test_session_detail_shows_the_record_with_its_related_records(client):
    source = SourceFactory(url="https://www.unodc.org/ahc", title="AHC home page", publisher="UNODC", note="Dates.")
    mandate = DocumentFactory(
        symbol="A/RES/75/282",
        slug="a-res-75-282",
        kind=DocumentKind.RESOLUTION,
        title="Modalities",
        date=D(2021, 5, 26),
    )
    session = SessionFactory(
        slug="sixth-session",
        kind=SessionKind.NEGOTIATING,
        number=6,
        title="Sixth session",
        start_date=D(2023, 8, 21),
        end_date=D(2023, 9, 1),
        city="New York",
        venue="United Nations Headquarters",
        room="Conference Room 4",
        meeting_format=MeetingFormat.HYBRID,
        daily_start_time=datetime.time(10, 0),
        daily_end_time=datetime.time(18, 0),
        summary="The last negotiating session.",
        body="<p>Held in <strong>New York</strong>.</p>",
        mandate=mandate,
        webcast_url="https://webtv.un.org/",
        certainty=Certainty.LIKELY,
        certainty_note="The room is not confirmed.",
    )
    session.sources.add(source)
    report = DocumentFactory(symbol="A/AC.291/25", slug="a-ac-291-25", title="Report", date=D(2023, 9, 1))
    session.documents.add(report, DocumentFactory(publication_state=DRAFT))
    ReadingFactory(slug="second-reading", title="Second reading", order=2).sessions.add(session)
    ReadingFactory(publication_state=DRAFT).sessions.add(session)
    NegotiationGroupFactory(slug="group-2", name="Group 2", kind=GroupKind.NEGOTIATION_GROUP, number=2).sessions.add(
        session
    )
    ConsultationFactory(
        slug="fifth-consultation", number=5, title="Fifth consultation", start_date=D(2023, 6, 20), reported_to=session
    )
    ConsultationFactory(number=99, reported_to=session, publication_state=DRAFT)

    response = client.get("/api/v1/sessions/sixth-session/")

    assert response.json() == {
        "url": "http://testserver/api/v1/sessions/sixth-session/",
        "html_url": "http://testserver/sessions/sixth-session/",
        "slug": "sixth-session",
        "kind": "negotiating",
        "number": 6,
        "title": "Sixth session",
        "status": "concluded",
        "start_date": "2023-08-21",
        "end_date": "2023-09-01",
        "time_zone": "America/New_York",
        "city": "New York",
        "venue": "United Nations Headquarters",
        "room": "Conference Room 4",
        "meeting_format": "hybrid",
        "summary": "The last negotiating session.",
        "body": "<p>Held in <strong>New York</strong>.</p>",
        "daily_start_time": "10:00",
        "daily_end_time": "18:00",
        "mandate": {
            "url": "http://testserver/api/v1/documents/a-res-75-282/",
            "html_url": "http://testserver" + mandate.get_absolute_url(),
            "slug": "a-res-75-282",
            "symbol": "A/RES/75/282",
            "kind": "resolution",
            "title": "Modalities",
            "date": "2021-05-26",
        },
        "registration_url": "",
        "webcast_url": "https://webtv.un.org/",
        "page_url": "",
        "documents": [
            {
                "url": "http://testserver/api/v1/documents/a-ac-291-25/",
                "html_url": "http://testserver" + report.get_absolute_url(),
                "slug": "a-ac-291-25",
                "symbol": "A/AC.291/25",
                "kind": "report",
                "title": "Report",
                "date": "2023-09-01",
            }
        ],
        "readings": [
            {
                "url": "http://testserver/api/v1/readings/second-reading/",
                "html_url": "http://testserver/readings/second-reading/",
                "slug": "second-reading",
                "title": "Second reading",
                "order": 2,
            }
        ],
        "negotiation_groups": [
            {
                "url": "http://testserver/api/v1/negotiation-groups/group-2/",
                "html_url": "http://testserver/negotiation-groups/group-2/",
                "slug": "group-2",
                "name": "Group 2",
                "kind": "negotiation-group",
                "number": 2,
            }
        ],
        "consultations_reported": [
            {
                "url": "http://testserver/api/v1/consultations/fifth-consultation/",
                "html_url": "http://testserver/consultations/fifth-consultation/",
                "slug": "fifth-consultation",
                "number": 5,
                "title": "Fifth consultation",
                "start_date": "2023-06-20",
                "end_date": "2023-06-21",
                "city": "Vienna",
            }
        ],
        "certainty": "likely",
        "certainty_note": "The room is not confirmed.",
        "sources": [
            {"url": "https://www.unodc.org/ahc", "title": "AHC home page", "publisher": "UNODC", "note": "Dates."}
        ],
        "updated_at": timestamp(session),
    }


def test_session_rich_text_is_sanitized_even_if_stored_unsafe(client):
    session = SessionFactory(slug="s")
    # A raw update bypasses the save-time sanitizer, as a direct database edit would.
    Session.objects.filter(pk=session.pk).update(body='<p>Hello</p><script>alert("x")</script>')

    response = client.get("/api/v1/sessions/s/")

    assert response.json()["body"] == "<p>Hello</p>"


def test_session_with_a_draft_mandate_shows_no_mandate(client):
    SessionFactory(slug="s", mandate=DocumentFactory(publication_state=DRAFT))

    response = client.get("/api/v1/sessions/s/")

    assert response.json()["mandate"] is None


def test_reading_detail_shows_items_of_published_chapters_and_sessions_only(client):
    second = SessionFactory(slug="second", start_date=D(2022, 5, 30), end_date=D(2022, 6, 10))
    third = SessionFactory(slug="third", start_date=D(2022, 8, 29), end_date=D(2022, 9, 9))
    draft_session = SessionFactory(slug="draft-session", publication_state=DRAFT)
    reading = ReadingFactory(slug="first-reading")
    reading.sessions.add(second, third, draft_session)
    general = ChapterFactory(slug="general", order=1)
    criminalization = ChapterFactory(slug="criminalization", order=2)
    draft_chapter = ChapterFactory(slug="draft-chapter", order=3, publication_state=DRAFT)
    ReadingItem.objects.create(reading=reading, chapter=criminalization, session=third)
    ReadingItem.objects.create(
        reading=reading, chapter=general, session=second, basis=DocumentFactory(publication_state=DRAFT)
    )
    ReadingItem.objects.create(reading=reading, chapter=general, session=third, basis=DocumentFactory(slug="basis"))
    ReadingItem.objects.create(reading=reading, chapter=draft_chapter, session=second)
    ReadingItem.objects.create(reading=reading, chapter=general, session=draft_session)

    data = client.get("/api/v1/readings/first-reading/").json()

    assert [session["slug"] for session in data["sessions"]] == ["second", "third"]
    assert [
        (item["chapter"]["slug"], item["session"]["slug"], item["basis"] and item["basis"]["slug"])
        for item in data["items"]
    ] == [("general", "second", None), ("general", "third", "basis"), ("criminalization", "third", None)]


def test_reading_list_is_published_readings_in_order(client):
    ReadingFactory(slug="second", order=2)
    ReadingFactory(slug="first", order=1)
    ReadingFactory(slug="draft", order=0, publication_state=DRAFT)

    response = client.get("/api/v1/readings/")

    assert slugs(response) == ["first", "second"]


def test_chapter_detail_shows_its_readings_groups_and_documents(client):
    chapter = ChapterFactory(slug="jurisdiction", title="Jurisdiction", convention_chapter="III")
    session = SessionFactory(slug="third")
    reading = ReadingFactory(slug="first-reading")
    reading.sessions.add(session)
    ReadingItem.objects.create(reading=reading, chapter=chapter, session=session, basis_note="Submissions")
    ReadingItem.objects.create(reading=ReadingFactory(publication_state=DRAFT), chapter=chapter, session=session)
    NegotiationGroupFactory(slug="group-1").chapters.add(chapter)
    NegotiationGroupFactory(publication_state=DRAFT).chapters.add(chapter)
    DocumentFactory(slug="compilation").chapters.add(chapter)
    DocumentFactory(publication_state=DRAFT).chapters.add(chapter)

    data = client.get("/api/v1/chapters/jurisdiction/").json()

    assert (data["title"], data["convention_chapter"]) == ("Jurisdiction", "III")
    assert [(item["reading"]["slug"], item["session"]["slug"], item["basis_note"]) for item in data["readings"]] == [
        ("first-reading", "third", "Submissions")
    ]
    assert [group["slug"] for group in data["negotiation_groups"]] == ["group-1"]
    assert [document["slug"] for document in data["documents"]] == ["compilation"]


def test_chapter_list_is_published_chapters_in_order(client):
    ChapterFactory(slug="criminalization", order=2)
    ChapterFactory(slug="preamble", order=0)
    ChapterFactory(slug="draft", order=1, publication_state=DRAFT)

    response = client.get("/api/v1/chapters/")

    assert slugs(response) == ["preamble", "criminalization"]


def test_group_detail_shows_published_facilitators_sessions_chapters_and_reports(client):
    group = NegotiationGroupFactory(slug="group-2", topics="Criminalization")
    group.sessions.add(SessionFactory(slug="fourth"), SessionFactory(publication_state=DRAFT))
    group.chapters.add(ChapterFactory(slug="criminalization"), ChapterFactory(publication_state=DRAFT))
    group.reports.add(DocumentFactory(slug="report"), DocumentFactory(publication_state=DRAFT))
    FacilitationFactory(group=group, person=PersonFactory(slug="molekane", name="Rapulane Molekane"), country="")
    FacilitationFactory(group=group, person=PersonFactory(publication_state=DRAFT))

    data = client.get("/api/v1/negotiation-groups/group-2/").json()

    assert data["topics"] == "Criminalization"
    assert [session["slug"] for session in data["sessions"]] == ["fourth"]
    assert [chapter["slug"] for chapter in data["chapters"]] == ["criminalization"]
    assert [report["slug"] for report in data["reports"]] == ["report"]
    assert data["facilitators"] == [
        {
            "person": {"slug": "molekane", "honorific": "", "name": "Rapulane Molekane"},
            "role": "co-facilitator",
            "country": "",
            "certainty": "confirmed",
        }
    ]


def test_consultation_detail_shows_its_report_session_stakeholders_and_documents(client):
    report = DocumentFactory(slug="chairs-report", symbol=None, title="Chair's report")
    consultation = ConsultationFactory(
        slug="second-consultation",
        languages="en,fr",
        panels="Panel one\n\n Panel two ",
        chair_report=report,
        reported_to=SessionFactory(slug="third"),
    )
    consultation.stakeholders.add(
        StakeholderFactory(slug="icc", name="ICC", website="https://iccwbo.org/"),
        StakeholderFactory(publication_state=DRAFT),
    )
    consultation.documents.add(DocumentFactory(slug="programme"), DocumentFactory(publication_state=DRAFT))

    data = client.get("/api/v1/consultations/second-consultation/").json()

    assert (data["languages"], data["panels"]) == (["en", "fr"], ["Panel one", "Panel two"])
    assert (data["chair_report"]["slug"], data["chair_report"]["symbol"]) == ("chairs-report", None)
    assert data["reported_to"]["slug"] == "third"
    assert data["stakeholders"] == [{"slug": "icc", "name": "ICC", "basis": "para-8", "website": "https://iccwbo.org/"}]
    assert [document["slug"] for document in data["documents"]] == ["programme"]


def test_consultation_with_draft_report_and_session_shows_neither(client):
    ConsultationFactory(
        slug="c",
        chair_report=DocumentFactory(publication_state=DRAFT),
        reported_to=SessionFactory(publication_state=DRAFT),
    )

    data = client.get("/api/v1/consultations/c/").json()

    assert (data["chair_report"], data["reported_to"]) == (None, None)


def test_consultation_list_is_published_consultations_in_date_order(client):
    ConsultationFactory(slug="second", start_date=D(2022, 6, 13), end_date=D(2022, 6, 14))
    ConsultationFactory(slug="first", start_date=D(2022, 3, 24), end_date=D(2022, 3, 25))
    ConsultationFactory(slug="draft", start_date=D(2022, 1, 1), end_date=D(2022, 1, 1), publication_state=DRAFT)

    response = client.get("/api/v1/consultations/")

    assert slugs(response) == ["first", "second"]


def test_document_detail_shows_versions_revisions_and_relations(client):
    original = DocumentFactory(symbol="A/AC.291/22", slug="a-ac-291-22", date=D(2023, 5, 29))
    revision = DocumentFactory(
        symbol="A/AC.291/22/Rev.3", slug="a-ac-291-22-rev-3", kind=DocumentKind.DRAFT_TEXT, revises=original
    )
    DocumentFactory(revises=revision, publication_state=DRAFT)
    DocumentVersionFactory(document=revision, language=Language.FRENCH, url="https://undocs.org/fr/x")
    DocumentVersionFactory(document=revision, language=Language.ARABIC, url="https://undocs.org/ar/x")
    revision.sessions.add(SessionFactory(slug="reconvened"), SessionFactory(publication_state=DRAFT))
    revision.consultations.add(ConsultationFactory(slug="sixth"), ConsultationFactory(publication_state=DRAFT))
    revision.chapters.add(ChapterFactory(slug="general"), ChapterFactory(publication_state=DRAFT))

    data = client.get("/api/v1/documents/a-ac-291-22-rev-3/").json()

    assert (data["symbol"], data["kind"], data["date"]) == ("A/AC.291/22/Rev.3", "draft-text", None)
    assert data["versions"] == [
        {"language": "ar", "url": "https://undocs.org/ar/x"},
        {"language": "fr", "url": "https://undocs.org/fr/x"},
    ]
    assert data["revises"]["slug"] == "a-ac-291-22"
    assert data["revisions"] == []
    assert [session["slug"] for session in data["sessions"]] == ["reconvened"]
    assert [consultation["slug"] for consultation in data["consultations"]] == ["sixth"]
    assert [chapter["slug"] for chapter in data["chapters"]] == ["general"]
    original_data = client.get("/api/v1/documents/a-ac-291-22/").json()
    assert [document["slug"] for document in original_data["revisions"]] == ["a-ac-291-22-rev-3"]


def test_document_revising_a_draft_shows_no_earlier_version(client):
    DocumentFactory(slug="rev-1", revises=DocumentFactory(publication_state=DRAFT))

    response = client.get("/api/v1/documents/rev-1/")

    assert response.json()["revises"] is None


def test_document_list_is_newest_first_undated_last(client):
    DocumentFactory(slug="undated", symbol="A/AC.291/1", date=None)
    DocumentFactory(slug="old", date=D(2019, 12, 27))
    DocumentFactory(slug="new", date=D(2024, 12, 24))
    DocumentFactory(slug="draft", date=D(2025, 1, 1), publication_state=DRAFT)

    response = client.get("/api/v1/documents/")

    assert slugs(response) == ["new", "old", "undated"]


@pytest.mark.parametrize("page_size", [1, 2, 3])
def test_document_list_gives_each_document_its_own_related_records(client, page_size):
    shared = SessionFactory(slug="shared")
    for day in (1, 2, 3):
        document = DocumentFactory(slug=f"d{day}", date=D(2024, 1, day))
        document.sessions.add(shared, SessionFactory(slug=f"s{day}"), SessionFactory(publication_state=DRAFT))
        DocumentVersionFactory(document=document, language=Language.ENGLISH, url=f"https://undocs.org/en/{day}")
    DocumentFactory(slug="r3", date=D(2023, 1, 1), revises=document)

    pages, url = [], f"/api/v1/documents/?page_size={page_size}"
    while url:
        pages.append(client.get(url).json())
        url = pages[-1]["next"]

    assert [
        (
            result["slug"],
            [session["slug"] for session in result["sessions"]],
            [version["url"] for version in result["versions"]],
            [revision["slug"] for revision in result["revisions"]],
        )
        for page in pages
        for result in page["results"]
    ] == [
        ("d3", ["shared", "s3"], ["https://undocs.org/en/3"], ["r3"]),
        ("d2", ["shared", "s2"], ["https://undocs.org/en/2"], []),
        ("d1", ["shared", "s1"], ["https://undocs.org/en/1"], []),
        ("r3", [], [], []),
    ]


@pytest.mark.parametrize("spelling", ["A/AC.291/22/Rev.3", "a/ac.291/22/rev.3", "A/AC.291/22/REV.3"])
def test_document_reachable_by_symbol_in_any_spelling(client, spelling):
    DocumentFactory(symbol="A/AC.291/22/Rev.3", slug="a-ac-291-22-rev-3")

    response = client.get(f"/api/v1/documents/by-symbol/{spelling}/")

    assert (response.status_code, response.json()["slug"]) == (200, "a-ac-291-22-rev-3")


@pytest.mark.parametrize("symbol", ["A/AC.291/99", "not a symbol", "A/AC.291/22"])
def test_document_by_unknown_unparsable_or_draft_symbol_is_404(client, symbol):
    DocumentFactory(symbol="A/AC.291/22", publication_state=DRAFT)

    response = client.get(f"/api/v1/documents/by-symbol/{symbol}/")

    assert (response.status_code, response.json()) == (404, {"detail": "No published document has this symbol."})


def test_bureau_list_is_published_members_in_order_by_key(client):
    BureauMembershipFactory(
        person=PersonFactory(slug="mebarki", name="Faouzia Boumaiza Mebarki", honorific="H.E. Ms."),
        role=BureauRole.CHAIR,
        country="Algeria",
        order=0,
    )
    BureauMembershipFactory(
        person=PersonFactory(slug="kunnapu"), order=5, regional_group=RegionalGroup.EASTERN_EUROPEAN
    )
    BureauMembershipFactory(person=PersonFactory(slug="draft-person", publication_state=DRAFT), order=1)
    BureauMembershipFactory(person=PersonFactory(slug="draft-membership"), order=2, publication_state=DRAFT)

    data = client.get("/api/v1/bureau/").json()

    assert [member["key"] for member in data["results"]] == [
        "mebarki.chair.2021-05-10",
        "kunnapu.vice-chair.2021-05-10",
    ]
    assert {key: data["results"][0][key] for key in ("url", "html_url", "person", "role", "country")} == {
        "url": "http://testserver/api/v1/bureau/mebarki.chair.2021-05-10/",
        "html_url": "http://testserver/bureau/#mebarki",
        "person": {"slug": "mebarki", "honorific": "H.E. Ms.", "name": "Faouzia Boumaiza Mebarki"},
        "role": "chair",
        "country": "Algeria",
    }


def test_bureau_member_by_key(client):
    BureauMembershipFactory(person=PersonFactory(slug="mebarki"), role=BureauRole.CHAIR)

    response = client.get("/api/v1/bureau/mebarki.chair.2021-05-10/")

    assert (response.status_code, response.json()["key"]) == (200, "mebarki.chair.2021-05-10")


@pytest.mark.parametrize(
    "key",
    [
        "mebarki",
        "mebarki.chair",
        "mebarki.chair.20210510",
        "mebarki.rapporteur.2021-05-10",
        "mebarki.chair.2021-05-10.extra",
        "mebarki.nonsense.2021-05-10",
        "mebarki.chair.2021-13-40",
        "draft-person.chair.2021-05-10",
    ],
)
def test_bureau_member_by_wrong_or_draft_key_is_404(client, key):
    BureauMembershipFactory(person=PersonFactory(slug="mebarki"), role=BureauRole.CHAIR)
    BureauMembershipFactory(person=PersonFactory(slug="draft-person", publication_state=DRAFT), role=BureauRole.CHAIR)

    response = client.get(f"/api/v1/bureau/{key}/")

    assert response.status_code == 404


def test_milestone_list_is_published_milestones_by_date(client):
    MilestoneFactory(slug="adoption", date=D(2024, 12, 24))
    MilestoneFactory(slug="establishment", date=D(2019, 12, 27))
    MilestoneFactory(slug="draft", date=D(2020, 1, 1), publication_state=DRAFT)

    response = client.get("/api/v1/milestones/")

    assert slugs(response) == ["establishment", "adoption"]


def test_milestone_detail_hides_draft_document_and_session(client):
    MilestoneFactory(
        slug="m",
        kind=MilestoneKind.POSTPONEMENT,
        document=DocumentFactory(publication_state=DRAFT),
        session=SessionFactory(publication_state=DRAFT),
    )
    MilestoneFactory(slug="n", document=DocumentFactory(slug="decision"), session=SessionFactory(slug="organizational"))

    hidden = client.get("/api/v1/milestones/m/").json()
    shown = client.get("/api/v1/milestones/n/").json()

    assert (hidden["kind"], hidden["document"], hidden["session"]) == ("postponement", None, None)
    assert (shown["document"]["slug"], shown["session"]["slug"]) == ("decision", "organizational")
    assert shown["html_url"] == "http://testserver/timeline/#n"


def test_faq_list_is_published_entries_in_order_with_sanitized_answers(client):
    FAQEntryFactory(slug="second", order=2)
    entry = FAQEntryFactory(slug="first", order=1)
    FAQEntry.objects.filter(pk=entry.pk).update(answer="<p>Yes.</p><img src=x onerror=alert(1)>")
    FAQEntryFactory(slug="draft", order=0, publication_state=DRAFT)

    data = client.get("/api/v1/faq/").json()

    assert [(result["slug"], result["answer"]) for result in data["results"]] == [
        ("first", "<p>Yes.</p>"),
        ("second", "<p>An answer.</p>"),
    ]


# --- Drafts and unknown slugs are 404 -------------------------------------------------


@pytest.mark.parametrize(
    ("factory", "path", "model_name"),
    [
        (SessionFactory, "sessions", "Session"),
        (ReadingFactory, "readings", "Reading"),
        (ChapterFactory, "chapters", "Chapter"),
        (NegotiationGroupFactory, "negotiation-groups", "NegotiationGroup"),
        (ConsultationFactory, "consultations", "Consultation"),
        (DocumentFactory, "documents", "Document"),
        (MilestoneFactory, "milestones", "Milestone"),
        (FAQEntryFactory, "faq", "FAQEntry"),
    ],
)
@pytest.mark.parametrize("slug", ["the-draft", "no-such-slug", "the-draft%00", "%00"])
def test_detail_of_draft_or_unknown_slug_is_404(client, factory, path, model_name, slug):
    factory(slug="the-draft", publication_state=DRAFT)

    response = client.get(f"/api/v1/{path}/{slug}/")

    assert (response.status_code, response.json()) == (404, {"detail": f"No {model_name} matches the given query."})


# --- Filters ---------------------------------------------------------------------------


@pytest.fixture
def sessions():
    SessionFactory(
        slug="organizational",
        kind=SessionKind.ORGANIZATIONAL,
        start_date=D(2021, 5, 10),
        end_date=D(2021, 5, 12),
        city="New York",
    )
    SessionFactory(slug="fourth", number=4, start_date=D(2023, 1, 9), end_date=D(2023, 1, 20), city="Vienna")
    SessionFactory(slug="year-end", number=3, start_date=D(2022, 12, 29), end_date=D(2023, 1, 3), city="Vienna")
    SessionFactory(slug="sixth", number=6, start_date=D(2023, 8, 21), end_date=D(2023, 9, 1), city="New York")
    SessionFactory(
        slug="concluding",
        kind=SessionKind.CONCLUDING,
        start_date=D(2024, 1, 29),
        end_date=D(2024, 2, 9),
        city="New York",
    )
    SessionFactory(slug="draft", start_date=D(2023, 5, 1), end_date=D(2023, 5, 2), publication_state=DRAFT)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=negotiating", ["year-end", "fourth", "sixth"]),
        ("kind=concluding", ["concluding"]),
        ("kind=", ["organizational", "year-end", "fourth", "sixth", "concluding"]),
        ("city=vienna", ["year-end", "fourth"]),
        ("city=New%20York&kind=organizational", ["organizational"]),
        ("year=2023", ["year-end", "fourth", "sixth"]),
        ("year=2022", ["year-end"]),
        ("start_after=2023-01-09", ["fourth", "sixth", "concluding"]),
        ("start_before=2022-12-29", ["organizational", "year-end"]),
        ("end_after=2023-09-01", ["sixth", "concluding"]),
        ("end_before=2023-01-03&start_after=2022-01-01", ["year-end"]),
        ("ordering=-start_date", ["concluding", "sixth", "fourth", "year-end", "organizational"]),
        ("ordering=number", ["year-end", "fourth", "sixth", "organizational", "concluding"]),
        ("ordering=-number", ["sixth", "fourth", "year-end", "organizational", "concluding"]),
        ("ordering=-end_date,number&kind=negotiating", ["sixth", "fourth", "year-end"]),
    ],
)
def test_session_filters(client, sessions, query, expected):
    response = client.get(f"/api/v1/sessions/?{query}")

    assert slugs(response) == expected


@pytest.mark.parametrize(
    ("status", "expected"), [("upcoming", ["upcoming"]), ("ongoing", ["ongoing"]), ("concluded", ["concluded"])]
)
def test_session_status_filter(client, status, expected):
    # Dates so far apart that the result does not depend on today's date.
    SessionFactory(slug="concluded", start_date=D(2001, 1, 1), end_date=D(2001, 1, 2))
    SessionFactory(slug="ongoing", start_date=D(2000, 1, 1), end_date=D(2999, 12, 31))
    SessionFactory(slug="upcoming", start_date=D(2999, 1, 1), end_date=D(2999, 1, 2))

    response = client.get(f"/api/v1/sessions/?status={status}")

    assert slugs(response) == expected
    assert response.json()["results"][0]["status"] == status


@pytest.fixture
def documents():
    session = SessionFactory(slug="sixth")
    draft_session = SessionFactory(slug="draft-session", publication_state=DRAFT)
    consultation = ConsultationFactory(slug="fifth")
    chapter = ChapterFactory(slug="criminalization")
    draft_text = DocumentFactory(
        slug="draft-text",
        symbol="A/AC.291/22",
        kind=DocumentKind.DRAFT_TEXT,
        title="Draft text of the convention",
        date=D(2023, 5, 29),
    )
    crp = DocumentFactory(
        slug="crp", symbol="A/AC.291/CRP.13", kind=DocumentKind.COMPILATION, title="Compilation", date=D(2022, 8, 1)
    )
    report = DocumentFactory(
        slug="chairs-report",
        symbol=None,
        kind=DocumentKind.CHAIR_REPORT,
        title="Chair's report",
        summary="On the fifth consultation and its draft text",
    )
    DocumentFactory(slug="draft-document", symbol="A/AC.291/CRP.14", date=D(2022, 8, 2), publication_state=DRAFT)
    session.documents.add(draft_text, crp)
    draft_session.documents.add(report)
    consultation.documents.add(report)
    chapter.documents.add(crp)
    DocumentVersionFactory(document=draft_text, language=Language.FRENCH)
    DocumentVersionFactory(document=draft_text, language=Language.ENGLISH)
    DocumentVersionFactory(document=crp, language=Language.ENGLISH)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["draft-text", "crp", "chairs-report"]),
        ("kind=compilation", ["crp"]),
        ("session=sixth", ["draft-text", "crp"]),
        ("session=draft-session", []),
        ("session=no-such-session", []),
        ("consultation=fifth", ["chairs-report"]),
        ("chapter=criminalization", ["crp"]),
        ("language=en", ["draft-text", "crp"]),
        ("language=fr", ["draft-text"]),
        ("symbol=a/ac.291/crp", ["crp"]),
        ("symbol=A/AC.291/", ["draft-text", "crp"]),
        ("year=2022", ["crp"]),
        ("q=draft%20TEXT", ["draft-text", "chairs-report"]),
        ("q=crp.13", ["crp"]),
        ("ordering=date", ["crp", "draft-text", "chairs-report"]),
        ("ordering=symbol", ["draft-text", "crp", "chairs-report"]),
        ("ordering=-title", ["draft-text", "crp", "chairs-report"]),
        ("session=sixth&language=en&ordering=title", ["crp", "draft-text"]),
    ],
)
def test_document_filters(client, documents, query, expected):
    response = client.get(f"/api/v1/documents/?{query}")

    assert slugs(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("session=fourth", ["group-1", "group-2"]),
        ("session=fifth", ["group-2"]),
        ("session=draft-session", []),
        ("chapter=criminalization", ["group-2"]),
        ("kind=consistency-group", ["consistency"]),
        ("ordering=-number", ["group-2", "group-1", "consistency"]),
    ],
)
def test_negotiation_group_filters(client, query, expected):
    fourth, fifth = SessionFactory(slug="fourth"), SessionFactory(slug="fifth")
    draft_session = SessionFactory(slug="draft-session", publication_state=DRAFT)
    NegotiationGroupFactory(slug="group-1", number=1).sessions.add(fourth, draft_session)
    group_2 = NegotiationGroupFactory(slug="group-2", number=2)
    group_2.sessions.add(fourth, fifth)
    group_2.chapters.add(ChapterFactory(slug="criminalization"))
    NegotiationGroupFactory(slug="consistency", kind=GroupKind.CONSISTENCY_GROUP)

    response = client.get(f"/api/v1/negotiation-groups/?{query}")

    assert slugs(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [("year=2022", ["first", "year-end"]), ("year=2023", ["year-end"]), ("ordering=-number", ["year-end", "first"])],
)
def test_consultation_filters(client, query, expected):
    ConsultationFactory(slug="first", number=1, start_date=D(2022, 3, 24), end_date=D(2022, 3, 25))
    ConsultationFactory(slug="year-end", number=2, start_date=D(2022, 12, 31), end_date=D(2023, 1, 1))

    response = client.get(f"/api/v1/consultations/?{query}")

    assert slugs(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("session=third", ["first-reading"]),
        ("session=fifth", ["second-reading"]),
        ("session=", ["first-reading", "second-reading"]),
    ],
)
def test_reading_filters(client, query, expected):
    ReadingFactory(slug="first-reading", order=1).sessions.add(SessionFactory(slug="third"))
    ReadingFactory(slug="second-reading", order=2).sessions.add(SessionFactory(slug="fifth"))

    response = client.get(f"/api/v1/readings/?{query}")

    assert slugs(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("role=vice-chair", ["kunnapu.vice-chair.2021-05-10", "walsh.vice-chair.2021-05-10"]),
        ("regional_group=weog", ["walsh.vice-chair.2021-05-10"]),
        (
            "ordering=-order",
            ["walsh.vice-chair.2021-05-10", "kunnapu.vice-chair.2021-05-10", "mebarki.chair.2021-05-10"],
        ),
    ],
)
def test_bureau_filters(client, query, expected):
    BureauMembershipFactory(person=PersonFactory(slug="mebarki"), role=BureauRole.CHAIR, order=0)
    BureauMembershipFactory(
        person=PersonFactory(slug="kunnapu"), regional_group=RegionalGroup.EASTERN_EUROPEAN, order=5
    )
    BureauMembershipFactory(person=PersonFactory(slug="walsh"), regional_group=RegionalGroup.WEOG, order=13)

    response = client.get(f"/api/v1/bureau/?{query}")

    assert [member["key"] for member in response.json()["results"]] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=adoption", ["adoption"]),
        ("year=2019", ["establishment"]),
        ("ordering=-date", ["adoption", "establishment"]),
    ],
)
def test_milestone_filters(client, query, expected):
    MilestoneFactory(slug="establishment", kind=MilestoneKind.RESOLUTION, date=D(2019, 12, 27))
    MilestoneFactory(slug="adoption", kind=MilestoneKind.ADOPTION, date=D(2024, 12, 24))

    response = client.get(f"/api/v1/milestones/?{query}")

    assert slugs(response) == expected


def test_faq_ordering_by_question(client):
    FAQEntryFactory(slug="b", question="When?", order=1)
    FAQEntryFactory(slug="a", question="What?", order=2)

    response = client.get("/api/v1/faq/?ordering=question")

    assert slugs(response) == ["a", "b"]


@pytest.mark.parametrize(
    ("path", "query", "errors"),
    [
        (
            "sessions",
            "kind=nonsense",
            {"kind": ["Select a valid choice. nonsense is not one of the available choices."]},
        ),
        ("sessions", "start_after=notadate", {"start_after": ["Enter a date as YYYY-MM-DD, such as 2023-08-21."]}),
        ("sessions", "end_before=2023-02-30", {"end_before": ["Enter a date as YYYY-MM-DD, such as 2023-08-21."]}),
        ("sessions", "start_before=21/08/2023", {"start_before": ["Enter a date as YYYY-MM-DD, such as 2023-08-21."]}),
        ("sessions", "year=20x3", {"year": ["Enter a whole number."]}),
        ("sessions", "year=2023.0", {"year": ["Enter a whole number."]}),
        ("sessions", "year=1800", {"year": ["Ensure this value is greater than or equal to 1945."]}),
        ("sessions", "status=soon", {"status": ["Select a valid choice. soon is not one of the available choices."]}),
        ("sessions", "city=%00", {"city": ["Null characters are not allowed."]}),
        (
            "sessions",
            "ordering=nonsense",
            {"ordering": ["Select a valid choice. nonsense is not one of the available choices."]},
        ),
        ("sessions", "ordering=start_date,", {"ordering": ["Name a field between each pair of commas."]}),
        (
            "documents",
            "session=not%20a%20slug",
            {"session": ["Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."]},
        ),
        ("documents", "language=xx", {"language": ["Select a valid choice. xx is not one of the available choices."]}),
        ("documents", "q=" + "a" * 201, {"q": ["Ensure this value has at most 200 characters (it has 201)."]}),
        ("consultations", "year=abc", {"year": ["Enter a whole number."]}),
        (
            "bureau",
            "role=president",
            {"role": ["Select a valid choice. president is not one of the available choices."]},
        ),
        ("milestones", "year=2101", {"year": ["Ensure this value is less than or equal to 2100."]}),
    ],
)
def test_malformed_filter_is_400_naming_the_parameter(client, path, query, errors):
    response = client.get(f"/api/v1/{path}/?{query}")

    assert (response.status_code, response.json()) == (400, errors)


@pytest.mark.parametrize("resource", [name for name, _viewset, _basename in urls.router.registry])
def test_filterset_given_no_filter_leaves_the_list_as_it_is(rf, resource):
    # Paging and ?format= are no filters: the FilterSet accepts them and changes nothing.
    viewset = next(viewset for name, viewset, _basename in urls.router.registry if name == resource)
    view = viewset(action="list", format_kwarg=None)
    view.request = Request(rf.get(f"/api/v1/{resource}/?page=2&page_size=3&format=json"))
    queryset = view.get_queryset()

    filterset = viewset.filterset_class(data=view.request.query_params, queryset=queryset, request=view.request)

    assert filterset.is_valid(), filterset.errors
    assert str(filterset.qs.query) == str(queryset.query)
    assert str(view.filter_queryset(queryset).query) == str(queryset.query)


def test_filter_with_an_empty_value_goes_through_the_filterset(client):
    FAQEntryFactory(slug="q")

    assert (client.get("/api/v1/faq/?ordering=").status_code, client.get("/api/v1/faq/?ordering=,").status_code) == (
        200,
        400,
    )


def test_filters_are_ignored_on_a_detail(client):
    SessionFactory(slug="s", kind=SessionKind.NEGOTIATING)

    response = client.get("/api/v1/sessions/s/?kind=nonsense")

    assert (response.status_code, response.json()["slug"]) == (200, "s")


# --- Pagination ------------------------------------------------------------------------


def test_list_pages_follow_each_other(client):
    for order in range(3):
        FAQEntryFactory(slug=f"q{order}", order=order)

    first = client.get("/api/v1/faq/?page_size=2").json()
    second = client.get(first["next"]).json()

    assert (first["count"], first["next"], first["previous"]) == (
        3,
        "http://testserver/api/v1/faq/?page=2&page_size=2",
        None,
    )
    assert [result["slug"] for result in first["results"]] == ["q0", "q1"]
    assert (second["next"], second["previous"]) == (None, "http://testserver/api/v1/faq/?page_size=2")
    assert [result["slug"] for result in second["results"]] == ["q2"]


@pytest.mark.parametrize("path", test_api_queries.RESOURCES)
def test_pages_follow_the_whole_list_in_order(client, path):
    make = test_api_queries.RESOURCES[path][0]
    for n in range(5):
        make(n, 1)

    def page_urls(query):
        response = client.get(f"/api/v1/{path}/?{query}")
        assert response.status_code == 200, response.content
        return [result["url"] for result in response.json()["results"]]

    pages = [page_urls(f"page_size=2&page={page}") for page in (1, 2, 3)]
    whole = page_urls("page_size=100")

    assert [len(page) for page in pages[:2]] == [2, 2]
    assert pages[0] + pages[1] + pages[2] == whole[: len(pages[0] + pages[1] + pages[2])]
    assert len(whole) >= 5


@pytest.mark.parametrize(
    ("query", "size"), [("", 25), ("page_size=100", 100), ("page_size=100000", 100), ("page_size=", 25)]
)
def test_page_size_defaults_to_25_and_is_clamped_to_100(client, query, size):
    FAQEntry.objects.bulk_create(
        FAQEntry(question=f"Q{n}?", slug=f"q{n}", answer="", order=n, publication_state=PublicationState.PUBLISHED)
        for n in range(101)
    )

    data = client.get(f"/api/v1/faq/?{query}").json()

    assert (data["count"], len(data["results"])) == (101, size)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page=1.0", "page"),
        ("page=%D9%A1", "page"),  # ١, ARABIC-INDIC DIGIT ONE: int() would read it as 1
        ("page_size=0", "page_size"),
        ("page_size=%2010", "page_size"),
    ],
)
def test_malformed_page_is_400_naming_the_parameter(client, query, parameter):
    FAQEntryFactory()

    response = client.get(f"/api/v1/faq/?{query}")

    assert (response.status_code, response.json()) == (
        400,
        {parameter: ["A positive whole number is required, such as 1 or 2."]},
    )


def test_page_past_the_last_is_404(client):
    FAQEntryFactory()

    response = client.get("/api/v1/faq/?page=2")

    assert (response.status_code, response.json()) == (404, {"detail": "Invalid page."})


def test_empty_page_parameter_is_the_first_page(client):
    FAQEntryFactory(slug="only")

    response = client.get("/api/v1/faq/?page=")

    assert slugs(response) == ["only"]


# --- The whole record ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "model_name"),
    [
        ("sessions", "session"),
        ("readings", "reading"),
        ("chapters", "chapter"),
        ("negotiation-groups", "negotiationgroup"),
        ("consultations", "consultation"),
        ("documents", "document"),
        ("bureau", "bureaumembership"),
        ("milestones", "milestone"),
        ("faq", "faqentry"),
    ],
)
def test_whole_record_is_served(client, record, path, model_name):
    published = apps.get_model("committee", model_name).objects.published()

    data = client.get(f"/api/v1/{path}/?page_size=100").json()

    assert data["count"] == published.count() > 0
    assert {result["html_url"] for result in data["results"]} == {
        "http://testserver" + obj.get_absolute_url() for obj in published
    }


# --- Representation: what every request reads afresh ------------------------------------


def test_documents_follow_every_edit_the_host_and_the_time_zone(client, settings):
    # The page cache off, edits by .update() (no signal, no new record version): each request reads
    # the document, the records in its lists and the document it revises as they are now.
    settings.PAGE_CACHE = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "api.example.org"]
    earlier = DocumentFactory(symbol="A/AC.291/21", title="Earlier")
    document = DocumentFactory(symbol="A/AC.291/22", title="Draft text", revises=earlier)
    DocumentVersionFactory(document=document, language=Language.ENGLISH, url="https://undocs.org/en/A/AC.291/22")
    session = SessionFactory(slug="sixth-session", title="Sixth session")
    session.documents.add(document)

    def shown(**headers):
        results = client.get("/api/v1/documents/?page_size=100", **headers).json()["results"]
        return next(result for result in results if result["symbol"] == "A/AC.291/22")

    first = shown()
    Document.objects.filter(pk=document.pk).update(title="Revised draft text")
    assert shown()["title"] == "Revised draft text"
    DocumentVersion.objects.filter(document=document).update(url="https://docs.un.org/en/A/AC.291/22")
    assert shown()["versions"] == [{"language": "en", "url": "https://docs.un.org/en/A/AC.291/22"}]
    Session.objects.filter(pk=session.pk).update(title="Sixth session (resumed)")
    assert [s["title"] for s in shown()["sessions"]] == ["Sixth session (resumed)"]
    Document.objects.filter(pk=earlier.pk).update(title="Earlier text")
    assert shown()["revises"]["title"] == "Earlier text"
    Document.objects.filter(pk=earlier.pk).update(publication_state=DRAFT)
    assert shown()["revises"] is None
    Session.objects.filter(pk=session.pk).update(publication_state=DRAFT)
    assert shown()["sessions"] == []
    elsewhere = shown(HTTP_HOST="api.example.org")
    with timezone.override("America/New_York"):
        in_new_york = shown()
    last = shown()

    assert first["sessions"][0]["url"] == "http://testserver/api/v1/sessions/sixth-session/"
    assert (elsewhere["url"], elsewhere["html_url"]) == (
        f"http://api.example.org/api/v1/documents/{document.slug}/",
        "http://api.example.org/documents/A/AC.291/22/",
    )
    assert last["url"] == f"http://testserver/api/v1/documents/{document.slug}/"
    updated = Document.objects.get(pk=document.pk).updated_at
    assert last["updated_at"] == updated.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    assert in_new_york["updated_at"] == updated.astimezone(zoneinfo.ZoneInfo("America/New_York")).isoformat()


def test_format_parameter_is_carried_into_api_addresses(client):
    # DRF carries ?format= into the addresses it makes (its URL_FORMAT_OVERRIDE), nested ones
    # included; a Bureau membership's address is made by its serializer, without it.
    session = SessionFactory(slug="sixth-session")
    session.documents.add(DocumentFactory(slug="report", symbol="A/AC.291/25"))
    BureauMembershipFactory(person=PersonFactory(slug="mebarki"), role=BureauRole.CHAIR)

    sessions = client.get("/api/v1/sessions/?format=json").json()["results"]
    bureau = client.get("/api/v1/bureau/?format=json").json()["results"]

    assert [(s["url"], s["html_url"]) for s in sessions] == [
        ("http://testserver/api/v1/sessions/sixth-session/?format=json", "http://testserver/sessions/sixth-session/")
    ]
    assert [d["url"] for d in sessions[0]["documents"]] == ["http://testserver/api/v1/documents/report/?format=json"]
    assert [m["url"] for m in bureau] == ["http://testserver/api/v1/bureau/mebarki.chair.2021-05-10/"]
