"""Every API list and detail runs the same number of queries for one record as for several.

Each record gets related records of every kind its serializer nests, so a relation that is not
prefetched shows up as one query more per record. The API opens no transaction (it only reads),
so there is no SAVEPOINT or RELEASE in the counts.
"""

import datetime

import pytest
from django.core.cache import cache

from committee.models import Language, ReadingItem
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
    ReadingFactory,
    SessionFactory,
    SourceFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def with_sources(record, k):
    record.sources.add(*SourceFactory.create_batch(k))
    return record


# Each makes record number n with k related records of every kind it nests.


def make_session(n, k):
    session = with_sources(SessionFactory(slug=f"item-{n}", mandate=DocumentFactory()), k)
    session.documents.add(*DocumentFactory.create_batch(k))
    for _ in range(k):
        ReadingFactory().sessions.add(session)
        NegotiationGroupFactory().sessions.add(session)
        ConsultationFactory(reported_to=session)
    return session


def make_reading(n, k):
    reading = with_sources(ReadingFactory(slug=f"item-{n}"), k)
    for _ in range(k):
        session = SessionFactory()
        reading.sessions.add(session)
        ReadingItem.objects.create(reading=reading, chapter=ChapterFactory(), session=session, basis=DocumentFactory())
    return reading


def make_chapter(n, k):
    chapter = with_sources(ChapterFactory(slug=f"item-{n}"), k)
    for _ in range(k):
        session = SessionFactory()
        reading = ReadingFactory()
        reading.sessions.add(session)
        ReadingItem.objects.create(reading=reading, chapter=chapter, session=session, basis=DocumentFactory())
        NegotiationGroupFactory().chapters.add(chapter)
        DocumentFactory().chapters.add(chapter)
    return chapter


def make_group(n, k):
    group = with_sources(NegotiationGroupFactory(slug=f"item-{n}"), k)
    group.sessions.add(*SessionFactory.create_batch(k))
    group.chapters.add(*ChapterFactory.create_batch(k))
    group.reports.add(*DocumentFactory.create_batch(k))
    FacilitationFactory.create_batch(k, group=group)
    return group


def make_consultation(n, k):
    consultation = with_sources(
        ConsultationFactory(slug=f"item-{n}", chair_report=DocumentFactory(), reported_to=SessionFactory()), k
    )
    consultation.stakeholders.add(*StakeholderFactory.create_batch(k))
    consultation.documents.add(*DocumentFactory.create_batch(k))
    return consultation


def make_document(n, k):
    document = with_sources(DocumentFactory(slug=f"item-{n}", revises=DocumentFactory()), k)
    for language in list(Language)[:k]:
        DocumentVersionFactory(document=document, language=language)
    DocumentFactory.create_batch(k, revises=document)
    document.sessions.add(*SessionFactory.create_batch(k))
    document.consultations.add(*ConsultationFactory.create_batch(k))
    document.chapters.add(*ChapterFactory.create_batch(k))
    return document


def make_membership(n, k):
    return with_sources(BureauMembershipFactory(start_date=datetime.date(2021, 5, n + 1)), k)


def make_milestone(n, k):
    return with_sources(MilestoneFactory(slug=f"item-{n}", document=DocumentFactory(), session=SessionFactory()), k)


def make_faq_entry(n, k):
    return with_sources(FAQEntryFactory(slug=f"item-{n}"), k)


RESOURCES = {
    # path: (make one record, queries for a list, queries for a detail)
    "sessions": (make_session, 7, 6),
    "readings": (make_reading, 5, 4),
    "chapters": (make_chapter, 6, 5),
    "negotiation-groups": (make_group, 7, 6),
    "consultations": (make_consultation, 5, 4),
    "documents": (make_document, 8, 7),
    "bureau": (make_membership, 3, 2),
    "milestones": (make_milestone, 3, 2),
    "faq": (make_faq_entry, 3, 2),
}


def html_urls(response) -> set[str]:
    return {result["html_url"] for result in response.json()["results"]}


@pytest.mark.parametrize("path", RESOURCES)
@pytest.mark.parametrize("count", [1, 3])
def test_api_list_queries_do_not_grow_with_records(client, cold_caches, django_assert_num_queries, path, count):
    make, list_queries, _ = RESOURCES[path]
    records = [make(n, count) for n in range(count)]

    with django_assert_num_queries(list_queries):
        response = client.get(f"/api/v1/{path}/")

    assert {"http://testserver" + record.get_absolute_url() for record in records} <= html_urls(response)


@pytest.mark.parametrize("path", RESOURCES)
@pytest.mark.parametrize("count", [1, 3])
def test_api_detail_queries_do_not_grow_with_related_records(
    client, cold_caches, django_assert_num_queries, path, count
):
    make, _, detail_queries = RESOURCES[path]
    html_url = "http://testserver" + make(0, count).get_absolute_url()
    results = client.get(f"/api/v1/{path}/").json()["results"]
    url = next(result["url"] for result in results if result["html_url"] == html_url)

    with django_assert_num_queries(detail_queries):
        response = client.get(url)

    assert (response.status_code, response.json()["html_url"]) == (200, html_url)


@pytest.mark.parametrize("count", [1, 3])
def test_document_by_symbol_queries_are_those_of_a_detail(client, cold_caches, django_assert_num_queries, count):
    document = make_document(0, count)

    with django_assert_num_queries(RESOURCES["documents"][2]):
        response = client.get(f"/api/v1/documents/by-symbol/{document.symbol}/")

    assert response.json()["slug"] == "item-0"
