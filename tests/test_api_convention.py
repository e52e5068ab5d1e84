"""The API of the Convention after adoption: /api/v1/articles/ and /api/v1/participants/."""

import datetime

import pytest

from committee.models import ActionKind, Certainty, DatePrecision, ParticipantKind, PublicationState, RegionalGroup
from tests.factories import (
    ArticleFactory,
    ChapterFactory,
    ConventionChapterFactory,
    ParticipantFactory,
    SourceFactory,
    TreatyActionFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = PublicationState.DRAFT
UPDATED = datetime.datetime(2026, 11, 28, tzinfo=datetime.UTC)


def results(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def participants(time_machine):
    time_machine.move_to(UPDATED, tick=False)
    source = SourceFactory(url="https://treaties.un.org/example", title="Depositary status", publisher="UN")
    ghana = ParticipantFactory(country="GH", regional_group=RegionalGroup.AFRICAN)
    ghana.sources.add(source)
    TreatyActionFactory(participant=ghana, date=datetime.date(2025, 10, 25)).sources.add(source)
    TreatyActionFactory(
        participant=ghana, kind=ActionKind.RATIFICATION, date=datetime.date(2026, 2, 3), notification="C.N.1.2026"
    )
    france = ParticipantFactory(country="FR", regional_group=RegionalGroup.WEOG)
    TreatyActionFactory(participant=france, date=datetime.date(2025, 10, 1), date_precision=DatePrecision.MONTH,
                        certainty=Certainty.SECONDARY, certainty_note="Press reports only.")  # fmt: skip
    # Drafts, created first so that a leak would show: a ratification, and a participant.
    TreatyActionFactory(participant=france, kind=ActionKind.RATIFICATION, publication_state=DRAFT)
    chile = ParticipantFactory(country="CL", regional_group=RegionalGroup.GRULAC, publication_state=DRAFT)
    TreatyActionFactory(participant=chile)
    eu = ParticipantFactory(country="EU", kind=ParticipantKind.ORGANIZATION, regional_group="")
    TreatyActionFactory(participant=eu)


def test_participant_detail_is_exact(client, participants):
    response = client.get("/api/v1/participants/gh/")

    assert response.json() == {
        "url": "http://testserver/api/v1/participants/gh/",
        "html_url": "http://testserver/convention/status/#gh",
        "code": "GH",
        "name": "Ghana",
        "kind": "state",
        "regional_group": "african",
        "signature": {
            "kind": "signature",
            "date": "2025-10-25",
            "date_precision": "day",
            "notification": "",
            "certainty": "confirmed",
            "certainty_note": "",
            "sources": [
                {"url": "https://treaties.un.org/example", "title": "Depositary status", "publisher": "UN", "note": ""}
            ],
        },
        "instrument": {
            "kind": "ratification",
            "date": "2026-02-03",
            "date_precision": "day",
            "notification": "C.N.1.2026",
            "certainty": "confirmed",
            "certainty_note": "",
            "sources": [],
        },
        "certainty": "confirmed",
        "certainty_note": "",
        "sources": [
            {"url": "https://treaties.un.org/example", "title": "Depositary status", "publisher": "UN", "note": ""}
        ],
        "updated_at": "2026-11-28T00:00:00Z",
    }


def test_participant_list_hides_drafts_and_orders_by_code(client, participants):
    listed = [
        (p["code"], p["instrument"] and p["instrument"]["kind"]) for p in results(client, "/api/v1/participants/")
    ]

    assert listed == [("EU", None), ("FR", None), ("GH", "ratification")]


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("?ratified=true", ["GH"]),
        ("?ratified=false", ["EU", "FR"]),  # France's ratification is a draft
        ("?regional_group=weog", ["FR"]),
        ("?regional_group=grulac", []),  # Chile is a draft
        ("?kind=organization", ["EU"]),
        ("?regional_group=african&ratified=false", []),
        ("?ordering=-country", ["GH", "FR", "EU"]),
        ("?ratified=", ["EU", "FR", "GH"]),
    ],
)
def test_participant_filters(client, participants, query, codes):
    assert [p["code"] for p in results(client, f"/api/v1/participants/{query}")] == codes


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("?ratified=yes", {"ratified": ["Select a valid choice. yes is not one of the available choices."]}),
        ("?regional_group=eu", {"regional_group": ["Select a valid choice. eu is not one of the available choices."]}),
        ("?ordering=date", {"ordering": ["Select a valid choice. date is not one of the available choices."]}),
    ],
)  # fmt: skip
def test_participant_bad_filters_are_400_naming_the_parameter(client, db, query, errors):
    response = client.get(f"/api/v1/participants/{query}")

    assert (response.status_code, response.json()) == (400, errors)


@pytest.mark.parametrize("code", ["cl", "GH", "xx", "ghana", "g%00"])
def test_participant_detail_of_a_draft_or_unknown_code_is_404(client, participants, code):
    response = client.get(f"/api/v1/participants/{code}/")

    assert (response.status_code, response.json()) == (404, {"detail": "No published participant has this code."})


@pytest.fixture
def articles(time_machine):
    time_machine.move_to(UPDATED, tick=False)
    negotiation = ChapterFactory(title="Final provisions", slug="final-provisions", order=9, convention_chapter="IX")
    draft_negotiation = ChapterFactory(title="Secret", publication_state=DRAFT)
    part = ConventionChapterFactory(numeral="IX", title="Final provisions", slug="final-provisions", order=9)
    hidden_part = ConventionChapterFactory(numeral="X", title="Draft part", publication_state=DRAFT)
    ArticleFactory(number=99, chapter=hidden_part)
    ArticleFactory(number=66, title="Amendment", chapter=part, publication_state=DRAFT)
    article = ArticleFactory(number=65, title="Entry into force", chapter=part)
    article.negotiation_chapters.add(negotiation, draft_negotiation)


def test_article_detail_is_exact(client, articles):
    response = client.get("/api/v1/articles/65/")

    assert response.json() == {
        "url": "http://testserver/api/v1/articles/65/",
        "html_url": "http://testserver/convention/#article-65",
        "number": 65,
        "title": "Entry into force",
        "chapter": {
            "html_url": "http://testserver/convention/#final-provisions",
            "slug": "final-provisions",
            "numeral": "IX",
            "title": "Final provisions",
            "order": 9,
        },
        "negotiation_chapters": [
            {
                "url": "http://testserver/api/v1/chapters/final-provisions/",
                "html_url": "http://testserver/chapters/final-provisions/",
                "slug": "final-provisions",
                "title": "Final provisions",
                "order": 9,
                "convention_chapter": "IX",
            }
        ],
        "certainty": "confirmed",
        "certainty_note": "",
        "sources": [],
        "updated_at": "2026-11-28T00:00:00Z",
    }


def test_article_list_hides_draft_articles_and_those_of_a_draft_part(client, articles):
    assert [a["number"] for a in results(client, "/api/v1/articles/")] == [65]
    assert [a["number"] for a in results(client, "/api/v1/articles/?chapter=final-provisions")] == [65]


@pytest.mark.parametrize("number", ["66", "99", "065", "6.5", "abc", "1" * 30])
def test_article_detail_of_a_draft_or_malformed_number_is_404(client, articles, number):
    response = client.get(f"/api/v1/articles/{number}/")

    assert (response.status_code, response.json()) == (404, {"detail": "No published article has this number."})


def test_article_bad_filter_is_400_naming_it(client, db):
    response = client.get("/api/v1/articles/?chapter=not%20a%20slug")

    assert (response.status_code, list(response.json())) == (400, ["chapter"])


def make_participants(count):
    for code in ["AT", "BR", "CL", "DZ", "EG"][:count]:
        participant = ParticipantFactory(country=code)
        participant.sources.add(*SourceFactory.create_batch(2))
        TreatyActionFactory(participant=participant).sources.add(*SourceFactory.create_batch(2))
        TreatyActionFactory(participant=participant, kind=ActionKind.RATIFICATION).sources.add(SourceFactory())


def make_articles(count):
    for n in range(count):
        article = ArticleFactory(number=n + 1, chapter=ConventionChapterFactory(numeral=str(n)))
        article.sources.add(*SourceFactory.create_batch(2))
        article.negotiation_chapters.add(*ChapterFactory.create_batch(2))


@pytest.mark.parametrize("count", [1, 5])
@pytest.mark.parametrize(
    ("make", "path", "queries"),
    [
        # The page's count and rows, the participants' sources, their actions, the actions' sources.
        (make_participants, "/api/v1/participants/", 5),
        (make_participants, "/api/v1/participants/at/", 4),
        # The count and rows (with the part), the sources, the negotiation chapters.
        (make_articles, "/api/v1/articles/", 4),
        (make_articles, "/api/v1/articles/1/", 3),
    ],
)
def test_convention_endpoints_run_a_fixed_number_of_queries(
    client, count, make, path, queries, cold_caches, django_assert_num_queries
):
    make(count)

    with django_assert_num_queries(queries):
        response = client.get(path)

    assert response.status_code == 200
