"""/sitemap.xml and /robots.txt: every public page for crawlers, and where to find the list."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from committee.models import PublicationState
from tests.factories import (
    ChapterFactory,
    ConsultationFactory,
    DocumentFactory,
    FAQEntryFactory,
    MilestoneFactory,
    NegotiationGroupFactory,
    ParticipantFactory,
    ReadingFactory,
    SessionFactory,
    TreatyActionFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BASE = "http://testserver/"
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
LIST_PAGES = [
    "http://testserver/",
    "http://testserver/sessions/",
    "http://testserver/readings/",
    "http://testserver/chapters/",
    "http://testserver/negotiation-groups/",
    "http://testserver/consultations/",
    "http://testserver/documents/",
    "http://testserver/bureau/",
    "http://testserver/timeline/",
    "http://testserver/faq/",
    "http://testserver/convention/",
    "http://testserver/convention/status/",
]
DRAFT = {"publication_state": PublicationState.DRAFT}


def changed_on(record, day: int):
    """Set when the record last changed (a save would set it to now)."""
    when = datetime.datetime(2024, 3, day, 12, tzinfo=datetime.UTC)
    type(record).objects.filter(pk=record.pk).update(updated_at=when)
    return record


def get_sitemap(client) -> dict[str, str | None]:
    """Each English URL of the sitemap, in order, with its lastmod; each is listed in every other
    language too, under its prefix, with the same lastmod."""
    response = client.get("/sitemap.xml")
    assert (response.status_code, response["Content-Type"]) == (200, "application/xml")
    urlset = ET.fromstring(response.content)  # noqa: S314 (the portal's own response, not untrusted input)
    listed = {
        url.findtext("sm:loc", namespaces=SITEMAP): url.findtext("sm:lastmod", namespaces=SITEMAP)
        for url in urlset.findall("sm:url", SITEMAP)
    }
    prefixes = {code: f"http://testserver/{code}/" for code in OTHER_LANGUAGES}
    english = {loc: lastmod for loc, lastmod in listed.items() if not loc.startswith(tuple(prefixes.values()))}
    for prefix in prefixes.values():
        in_language = {loc: lastmod for loc, lastmod in listed.items() if loc.startswith(prefix)}
        assert in_language == {loc.replace(BASE, prefix, 1): lastmod for loc, lastmod in english.items()}
    return english


@pytest.fixture
def small_record(db):
    """One published record with a page of each kind, changed on different days, and a draft of each."""
    changed_on(SessionFactory(slug="sixth-session"), 3)
    changed_on(ReadingFactory(slug="first-reading"), 4)
    changed_on(ChapterFactory(slug="criminalization"), 5)
    changed_on(NegotiationGroupFactory(slug="group-2"), 6)
    changed_on(ConsultationFactory(slug="fifth-consultation"), 7)
    changed_on(DocumentFactory(symbol="A/AC.291/22/Rev.3", date=datetime.date(2024, 5, 23)), 8)
    changed_on(DocumentFactory(symbol=None, slug="chairs-non-paper", date=datetime.date(2023, 8, 21)), 2)
    changed_on(MilestoneFactory(slug="adoption"), 9)
    changed_on(FAQEntryFactory(slug="what"), 1)
    for factory in (SessionFactory, ReadingFactory, ChapterFactory, NegotiationGroupFactory, ConsultationFactory):
        changed_on(factory(slug="draft", **DRAFT), 20)
    changed_on(DocumentFactory(symbol="A/AC.291/99", slug="draft", **DRAFT), 20)
    changed_on(MilestoneFactory(slug="draft-milestone", **DRAFT), 20)
    changed_on(FAQEntryFactory(slug="draft-question", **DRAFT), 20)
    changed_on(TreatyActionFactory(participant=changed_on(ParticipantFactory(country="GH"), 10)), 10)
    changed_on(TreatyActionFactory(participant=changed_on(ParticipantFactory(country="FR", **DRAFT), 20)), 20)


def test_sitemap_lists_every_public_page_and_no_draft(client, small_record):
    sitemap = get_sitemap(client)

    assert list(sitemap) == [
        *LIST_PAGES,
        "http://testserver/sessions/sixth-session/",
        "http://testserver/readings/first-reading/",
        "http://testserver/chapters/criminalization/",
        "http://testserver/negotiation-groups/group-2/",
        "http://testserver/consultations/fifth-consultation/",
        "http://testserver/documents/A/AC.291/22/Rev.3/",
        "http://testserver/documents/chairs-non-paper/",
    ]


def test_sitemap_lastmod_is_the_latest_published_change(client, small_record):
    sitemap = get_sitemap(client)

    assert sitemap == {
        # The home page shows sessions, consultations, milestones, documents, questions and the
        # count of signatures.
        "http://testserver/": "2024-03-10",
        "http://testserver/sessions/": "2024-03-03",
        # The readings list draws the chapter × session matrix.
        "http://testserver/readings/": "2024-03-05",
        "http://testserver/chapters/": "2024-03-05",
        "http://testserver/negotiation-groups/": "2024-03-06",
        "http://testserver/consultations/": "2024-03-07",
        "http://testserver/documents/": "2024-03-08",
        # Nothing published on the Bureau page yet: no date rather than a made-up one.
        "http://testserver/bureau/": None,
        "http://testserver/timeline/": "2024-03-09",
        "http://testserver/faq/": "2024-03-01",
        # The Convention's parts link to the negotiation's chapters; no part is published here.
        "http://testserver/convention/": "2024-03-05",
        # The status page lists signatures, and links to post-adoption sessions.
        "http://testserver/convention/status/": "2024-03-10",
        "http://testserver/sessions/sixth-session/": "2024-03-03",
        "http://testserver/readings/first-reading/": "2024-03-04",
        "http://testserver/chapters/criminalization/": "2024-03-05",
        "http://testserver/negotiation-groups/group-2/": "2024-03-06",
        "http://testserver/consultations/fifth-consultation/": "2024-03-07",
        "http://testserver/documents/A/AC.291/22/Rev.3/": "2024-03-08",
        "http://testserver/documents/chairs-non-paper/": "2024-03-02",
    }


def test_sitemap_with_empty_record_has_the_list_pages_without_dates(client):
    sitemap = get_sitemap(client)

    assert sitemap == dict.fromkeys(LIST_PAGES)


def test_sitemap_with_record_counts_every_page(client, record):
    sitemap = get_sitemap(client)

    # 12 list pages; 11 sessions, 3 readings, 10 chapters, 8 groups, 5 consultations, 43 documents.
    assert len(sitemap) == 12 + 11 + 3 + 10 + 8 + 5 + 43
    assert list(sitemap)[:12] == LIST_PAGES
    assert "http://testserver/sessions/sixth-session/" in sitemap
    assert None not in sitemap.values()


def test_sitemap_sets_no_cookie_and_refuses_post(client):
    SessionFactory()

    response = client.get("/sitemap.xml")

    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert client.head("/sitemap.xml").status_code == 200
    assert client.post("/sitemap.xml").status_code == 405


@pytest.mark.parametrize("count", [1, 6])
def test_sitemap_queries_do_not_grow_with_records(client, cold_caches, django_assert_num_queries, count):
    for factory in (
        SessionFactory,
        ReadingFactory,
        ChapterFactory,
        NegotiationGroupFactory,
        ConsultationFactory,
        DocumentFactory,
        MilestoneFactory,
        FAQEntryFactory,
    ):
        factory.create_batch(count)

    # The latest changes behind the list pages (one query), then one query per kind of detail page.
    with django_assert_num_queries(7):
        sitemap = get_sitemap(client)

    assert len(sitemap) == 12 + 6 * count


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert (response.status_code, response["Content-Type"]) == (200, "text/plain; charset=utf-8")
    assert response.content.decode() == ("User-agent: *\nDisallow: /admin/\n\nSitemap: http://testserver/sitemap.xml\n")
    assert not response.cookies


def test_robots_txt_needs_no_database(client, settings, django_assert_num_queries):
    settings.PAGE_CACHE = False  # which reads the record version, every few seconds

    with django_assert_num_queries(0):
        response = client.get("/robots.txt")

    assert response.status_code == 200


def test_robots_txt_refuses_post(client):
    assert client.head("/robots.txt").status_code == 200
    assert client.post("/robots.txt").status_code == 405
