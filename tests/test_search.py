"""Search: the best matches of each kind, whether there are others and where to see them; its indexes.

The same expectations hold on SQLite (the fallback) and on PostgreSQL (full text and trigrams).
"""

import importlib
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from committee.models import Article, Participant, PublicationState
from committee.search import MORE, PER_KIND_LIMIT, TARGETS, MoreResults, search_record
from tests.factories import (
    ArticleFactory,
    ConventionChapterFactory,
    DocumentFactory,
    ParticipantFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db
DRAFT = PublicationState.DRAFT

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search indexes")


def text_of(response) -> str:
    """The visible text of the page's main region, whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).strip()


@pytest.fixture
def zanzibar_papers():
    """Twelve documents with “Zanzibar” in the title, three with it in the summary only, one draft."""
    for n in range(1, 13):
        DocumentFactory(symbol=None, title=f"Zanzibar paper {n:02d}")
    for n in range(1, 4):
        DocumentFactory(symbol=None, title=f"Memorandum {n}", summary="Agreed at the Zanzibar meeting.")
    DocumentFactory(symbol=None, title="Zanzibar paper 99", publication_state=PublicationState.DRAFT)


def test_the_limit_is_ten_of_each_kind():
    assert PER_KIND_LIMIT == 10


def test_search_lists_the_best_documents_and_links_to_them_all(zanzibar_papers):
    results = search_record("zanzibar")

    # Titles rank above summaries; of equal ranks, the latest added; never the draft.
    assert [(r.kind, r.title) for r in results] == [("Document", f"Zanzibar paper {n:02d}") for n in range(3, 13)]
    assert results.more == (
        MoreResults(
            "Documents: more than 10 match; the best 10 are listed.",
            "All documents matching “zanzibar” in the document registry",
            "/documents/?q=zanzibar",
        ),
    )


def test_search_finds_only_the_records_with_every_word(zanzibar_papers):
    meeting = search_record("meeting zanzibar")
    papers = search_record("paper zanzibar")

    assert ([r.title for r in meeting], meeting.more) == (["Memorandum 1", "Memorandum 2", "Memorandum 3"], ())
    assert [r.title for r in papers] == [f"Zanzibar paper {n:02d}" for n in range(3, 13)]
    assert [(more.text, more.url) for more in papers.more] == [
        ("Documents: more than 10 match; the best 10 are listed.", "/documents/?q=paper+zanzibar"),
    ]


def test_search_page_says_there_are_more_and_links_to_them_all(client, zanzibar_papers):
    response = client.get("/search/", {"q": "zanzibar"})
    html = response.content.decode()

    assert (
        "<p>More than 10 results for “zanzibar”. "
        'The best 10 of each kind are listed, followed by <a href="#more-results">more results</a>.</p>'
    ) in html
    assert text_of(response).endswith(
        " ".join(f"Document Zanzibar paper {n:02d}" for n in range(3, 13))
        + " More results Documents: more than 10 match; the best 10 are listed. "
        "All documents matching “zanzibar” in the document registry Add words to narrow the search."
    )
    assert '<section aria-labelledby="more-results">\n  <h2 id="more-results">More results</h2>' in html
    assert '<a href="/documents/?q=zanzibar">All documents matching “zanzibar” in the document registry</a>' in html


def test_the_registry_link_lists_every_published_match(client, zanzibar_papers):
    (more,) = search_record("zanzibar").more

    registry = client.get(more.url)

    assert registry.context["paginator"].count == 15
    assert sorted(document.title for document in registry.context["object_list"]) == [
        *(f"Memorandum {n}" for n in range(1, 4)),
        *(f"Zanzibar paper {n:02d}" for n in range(1, 13)),
    ]


def test_the_registry_link_is_encoded_and_escaped(client):
    for n in range(11):
        DocumentFactory(symbol=None, title=f"Zanzibar <&> note {n:02d}")

    html = client.get("/search/", {"q": "zanzibar <&>"}).content.decode()

    assert (
        '<a href="/documents/?q=zanzibar+%3C%26%3E">'
        "All documents matching “zanzibar &lt;&amp;&gt;” in the document registry</a>"
    ) in html


def test_each_kind_cut_short_says_so_with_its_own_list(zanzibar_papers):
    for n in range(1, 12):
        SessionFactory(title=f"Zanzibar session {n:02d}")
        PersonFactory(name=f"Zanzibar Person {n:02d}")

    results = search_record("zanzibar")

    assert len(results) == 30
    assert [(more.text, more.link, more.url) for more in results.more] == [
        (
            "Documents: more than 10 match; the best 10 are listed.",
            "All documents matching “zanzibar” in the document registry",
            "/documents/?q=zanzibar",
        ),
        ("Sessions: more than 10 match; the best 10 are listed.", "All sessions", "/sessions/"),
        ("People: more than 10 match; the best 10 are listed.", "", ""),  # no page lists every person
    ]


def test_search_within_the_limit_lists_everything_and_says_no_more(client, record):
    response = client.get("/search/", {"q": "sixth session"})
    results = response.context["results"]

    assert (len(results), results.more) == (11, ())
    assert "11 results for “sixth session”." in text_of(response)
    assert "more-results" not in response.content.decode()


def test_every_kind_says_where_its_other_matches_are():
    assert list(MORE) == [*(model for model, *_rest in TARGETS), Article, Participant]


def test_search_cut_short_runs_as_many_queries_as_one_that_finds_nothing(client, zanzibar_papers, cold_caches):
    with CaptureQueriesContext(connection) as nothing:
        client.get("/search/", {"q": "zzzz"})
    with CaptureQueriesContext(connection) as cut_short:
        response = client.get("/search/", {"q": "zanzibar"})

    # One query per kind, whatever it finds: each reads one row more than it lists, to tell
    # whether there are others. The signatories are read only when a country's name matches.
    kinds = [*(model for model, *_rest in TARGETS), Article]
    assert len(response.context["results"].more) == 1
    assert len(cut_short.captured_queries) == len(nothing.captured_queries)
    tables = [query["sql"].split(" FROM ")[1].split()[0] for query in cut_short.captured_queries]
    searched = [table for table in tables if table != '"committee_recordcheck"']  # the footer's date
    assert searched[-len(kinds) :] == [f'"committee_{model._meta.model_name}"' for model in kinds]


# --- The Convention: its articles and its signatories ----------------------------------


@pytest.fixture
def convention():
    """Articles 6 and 65 in a published part, article 66 in a draft part; Viet Nam and a draft Chile."""
    part = ConventionChapterFactory()
    ArticleFactory(number=6, title="Respect for human rights", chapter=part)
    ArticleFactory(number=65, title="Entry into force", chapter=part)
    ArticleFactory(
        number=66, title="Entry into force elsewhere", chapter=ConventionChapterFactory(publication_state=DRAFT)
    )
    ParticipantFactory(country="VN")
    ParticipantFactory(country="CL", publication_state=DRAFT)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("entry force", [("Article of the Convention", "Article 65. Entry into force", "/convention/#article-65")]),
        ("article 6", [("Article of the Convention", "Article 6. Respect for human rights", "/convention/#article-6")]),
        ("Art. 65", [("Article of the Convention", "Article 65. Entry into force", "/convention/#article-65")]),
        ("66", []),  # its part is a draft
        ("viet", [("Status of the Convention", "Viet Nam", "/convention/status/#vn")]),
        ("Chile", []),  # a draft participant
        ("republic", []),  # no published participant has it in its name
    ],
)  # fmt: skip
def test_search_finds_the_conventions_articles_and_signatories(convention, query, found):
    assert [(r.kind, r.title, r.url) for r in search_record(query)] == found


def test_search_finds_a_signatory_by_its_name_in_the_pages_language(client, convention):
    response = client.get("/fr/search/", {"q": "Viet Nam"})
    names = client.get("/ru/search/", {"q": "Вьетнам"})

    assert [(r.kind, r.title, r.url) for r in response.context["results"]] == [
        ("État de la Convention", "Viet Nam", "/fr/convention/status/#vn")
    ]
    assert [r.url for r in names.context["results"]] == ["/ru/convention/status/#vn"]


# --- PostgreSQL: indexes without a pending list (migration 0004) -----------------------


SEARCH_MIGRATIONS = ("0002_search_indexes", "0009_milestone_search")


def search_indexes(migrations=SEARCH_MIGRATIONS) -> list[str]:
    """Every GIN index of the search migrations: each kind's vector, and its title fields' trigrams."""
    return [
        name
        for migration in migrations
        for _model, prefix, title_fields, _other in importlib.import_module(
            f"committee.migrations.{migration}"
        ).SEARCHED
        for name in (f"{prefix}_search_idx", *(f"{prefix}_{field}_trgm_idx" for field in title_fields))
    ]


def index_options() -> dict[str, tuple[str, ...] | None]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)", [search_indexes()])
        return {name: tuple(options) if options else None for name, options in cursor.fetchall()}


def test_migration_0004_covers_every_search_index():
    migration = importlib.import_module("committee.migrations.0004_search_indexes_without_pending_list")

    assert list(migration.INDEXES) == search_indexes(["0002_search_indexes"])


def test_migration_0009_names_the_milestones_indexes():
    migration = importlib.import_module("committee.migrations.0009_milestone_search")

    assert list(migration.INDEXES) == search_indexes(["0009_milestone_search"])


@on_postgresql
def test_search_indexes_have_no_pending_list():
    assert index_options() == dict.fromkeys(search_indexes(), ("fastupdate=off",))


@on_postgresql
def test_a_bulk_load_goes_straight_into_the_indexes(papers):
    # No VACUUM after the bulk load: nothing waits in a pending list, and the planner uses the indexes.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE committee_document")
    with CaptureQueriesContext(connection) as captured:
        results = search_record("draft")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT gin_clean_pending_list(%s::regclass), gin_clean_pending_list(%s::regclass), "
            "gin_clean_pending_list(%s::regclass)",
            ["document_search_idx", "document_symbol_trgm_idx", "document_title_trgm_idx"],
        )
        pending = cursor.fetchone()
        cursor.execute("EXPLAIN " + captured.captured_queries[0]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert pending == (0, 0, 0)
    for index in ("document_search_idx", "document_symbol_trgm_idx", "document_title_trgm_idx"):
        assert f"Bitmap Index Scan on {index}" in plan, plan
    # What in the record says "draft": 8 documents, 4 sessions, 4 FAQ answers, 2 negotiation groups,
    # 1 chapter and the milestone "The Committee approves the draft convention"; none cut short.
    assert (len(results), results.more) == (20, ())


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_migration_0004_reverses_and_applies_again():
    call_command("migrate", "committee", "0003", verbosity=0)
    before = index_options()
    call_command("migrate", "committee", verbosity=0)

    # Back at 0003, neither 0004's options nor 0009's milestone indexes are there.
    assert before == dict.fromkeys(search_indexes(["0002_search_indexes"]))
    assert index_options() == dict.fromkeys(search_indexes(), ("fastupdate=off",))
