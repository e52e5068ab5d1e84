"""The page cache: anonymous hits without the database, fresh after every write, never for staff."""

import datetime
import re
import time

import pytest
import redis
import time_machine
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.models import PublicationState, Session, SessionDocument
from portal import pagecache
from portal.cache import FaultTolerantRedisCache
from portal.pagecache import (
    VERSION_KEY,
    LocalCopies,
    VersionedValues,
    bump,
    current_version,
)
from portal.perrequest import one_request
from tests.factories import DocumentFactory, SessionFactory
from tests.test_admin import session_form
from tests.test_pages import text_of
from tests.test_resilience import DOWN_REDIS

pytestmark = pytest.mark.django_db

DRAFT = PublicationState.DRAFT
PAGE = "/sessions/sixth-session/"
API_LIST = "/api/v1/sessions/"


@pytest.fixture
def sixth():
    return SessionFactory(slug="sixth-session", title="Sixth session")


def queries_of(client, path, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
    return response, len(queries)


# --- Hits ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [PAGE, API_LIST, "/sessions/", "/", "/calendar.ics", "/sitemap.xml"])
def test_second_anonymous_request_runs_no_query_and_returns_the_same_body(
    client, sixth, path, django_assert_num_queries
):
    first = client.get(path)

    with django_assert_num_queries(0):
        second = client.get(path)

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_copy_kept_in_the_process_is_served_until_the_record_changes(sixth, django_assert_num_queries):
    visitor = Client()
    first = visitor.get(PAGE)
    # The shared cache keeps only the version now: the body comes from this process's copy.
    version = cache.get(VERSION_KEY)
    cache.clear()
    cache.set(VERSION_KEY, version, None)

    with django_assert_num_queries(0):
        copy = visitor.get(PAGE)
    Session.objects.filter(pk=sixth.pk).update(title="Sixth session (resumed)")
    bump()
    fresh = visitor.get(PAGE)

    assert (copy.status_code, copy.content) == (200, first.content)
    assert "Sixth session (resumed)" in text_of(fresh)


def test_a_stale_copy_is_replaced_by_what_another_process_stored(sixth, django_assert_num_queries):
    # Each client stands for a process: a middleware of its own, so copies of its own.
    one, other = Client(), Client()
    one.get(PAGE)
    sixth.title = "Sixth session (resumed)"
    sixth.save()
    stored_by_other = other.get(PAGE)

    with django_assert_num_queries(0):
        served_by_one = one.get(PAGE)

    assert "Sixth session (resumed)" in text_of(stored_by_other)
    assert served_by_one.content == stored_by_other.content


def test_copies_are_kept_up_to_a_size_the_oldest_used_dropped_first():
    copies = LocalCopies(max_bytes=10)
    copies.put("a", ("v", 1, 200, b"aaaa", [], None, None))
    copies.put("b", ("v", 1, 200, b"bbbb", [], None, None))
    assert copies.get("a")[3] == b"aaaa"  # now the latest used
    copies.put("c", ("v", 1, 200, b"cccc", [], None, None))
    copies.put("big", ("v", 1, 200, b"x" * 11, [], None, None))

    assert (list(copies.entries), copies.size) == (["a", "c"], 8)


def test_head_is_served_from_what_get_stored(client, sixth, django_assert_num_queries):
    get = client.get(PAGE)

    with django_assert_num_queries(0):
        head = client.head(PAGE)

    assert (head.status_code, head.content, head["ETag"]) == (200, b"", get["ETag"])


def test_unknown_slug_404_is_cached_until_the_record_is_created(client, django_assert_num_queries):
    client.get("/sessions/seventh-session/")
    with django_assert_num_queries(0):
        cached = client.get("/sessions/seventh-session/")

    SessionFactory(slug="seventh-session", title="Seventh session")
    created = client.get("/sessions/seventh-session/")

    assert (cached.status_code, created.status_code) == (404, 200)


def test_query_string_and_language_are_part_of_the_address(client, sixth):
    client.get(API_LIST)

    _filtered, filtered_queries = queries_of(client, API_LIST + "?city=Vienna")
    _french, french_queries = queries_of(client, API_LIST, headers={"Accept-Language": "fr"})

    assert filtered_queries > 0
    assert french_queries > 0


# --- Invalidation ----------------------------------------------------------------------


def test_orm_save_shows_on_the_page_and_in_the_api_at_once(client, sixth):
    client.get(PAGE)
    client.get(API_LIST)

    sixth.title = "Sixth session (New York)"
    sixth.save()
    page = client.get(PAGE)
    api = client.get(API_LIST)

    assert "Sixth session (New York)" in page.content.decode()
    assert [s["title"] for s in api.json()["results"]] == ["Sixth session (New York)"]


def test_admin_edit_shows_on_the_page_at_once(client, editor_client):
    session = SessionFactory(**{k: v for k, v in session_form(publication_state="published").items() if "-" not in k})
    visitor = Client()
    assert "Seventh session" in visitor.get("/sessions/seventh-session/").content.decode()

    response = editor_client.post(
        reverse("admin:committee_session_change", args=[session.pk]),
        session_form(title="Seventh session (resumed)", publication_state="published"),
    )
    page = visitor.get("/sessions/seventh-session/")

    assert response.status_code == 302
    assert "Seventh session (resumed)" in page.content.decode()


def test_publishing_through_the_admin_action_shows_the_record_at_once(editor_client):
    draft = SessionFactory(slug="draft-session", title="Draft session", publication_state=DRAFT)
    visitor = Client()
    before = (visitor.get("/sessions/draft-session/").status_code, visitor.get("/sessions/").content.decode())

    editor_client.post(
        reverse("admin:committee_session_changelist"), {"action": "publish", "_selected_action": [draft.pk]}
    )
    after = visitor.get("/sessions/draft-session/")

    assert before[0] == 404
    assert "Draft session" not in before[1]
    assert after.status_code == 200
    assert "Draft session" in visitor.get("/sessions/").content.decode()


def test_unpublishing_through_the_admin_action_hides_the_record_at_once(editor_client, sixth):
    visitor = Client()
    assert visitor.get(PAGE).status_code == 200

    editor_client.post(
        reverse("admin:committee_session_changelist"), {"action": "unpublish", "_selected_action": [sixth.pk]}
    )

    assert visitor.get(PAGE).status_code == 404
    assert visitor.get(API_LIST).json()["results"] == []


def test_document_added_through_the_inline_model_shows_on_the_session_page(client, sixth):
    document = DocumentFactory(symbol="A/AC.291/77", title="Draft convention")
    client.get(PAGE)

    SessionDocument.objects.create(session=sixth, document=document)

    assert "A/AC.291/77" in client.get(PAGE).content.decode()


def test_document_added_through_the_many_to_many_shows_on_the_session_page(client, sixth):
    document = DocumentFactory(symbol="A/AC.291/77", title="Draft convention")
    client.get(PAGE)

    sixth.documents.add(document)

    assert "A/AC.291/77" in client.get(PAGE).content.decode()


def test_deleted_record_disappears_at_once(client, sixth):
    client.get(PAGE)
    client.get("/sessions/")

    Session.objects.filter(pk=sixth.pk).delete()

    assert client.get(PAGE).status_code == 404
    assert "Sixth session" not in client.get("/sessions/").content.decode()


def test_deleted_document_disappears_from_the_session_page(client, sixth):
    document = DocumentFactory(symbol="A/AC.291/77", title="Draft convention")
    sixth.documents.add(document)
    client.get(PAGE)

    document.delete()

    assert "A/AC.291/77" not in client.get(PAGE).content.decode()


def test_a_transaction_bumps_once_when_it_commits_however_many_rows_it_writes(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        session = SessionFactory(slug="sixth-session")
        documents = [DocumentFactory(symbol=f"A/AC.291/{n}") for n in (1, 2, 3)]
        session.documents.add(*documents)

    assert callbacks.count(bump) == 1


@pytest.mark.skipif(
    not isinstance(caches["default"], FaultTolerantRedisCache), reason="needs Redis's breaker: runs with REDIS_URL"
)
def test_an_edit_reaches_redis_while_the_breaker_is_still_open(client, django_capture_on_commit_callbacks):
    here = caches["default"]
    # Another server: its own client of the same Redis, whose breaker has closed.
    other_server = caches.create_connection("default")

    # One transaction, as an admin save is one: its first write registers the bump at the commit.
    with django_capture_on_commit_callbacks(execute=True):
        sixth = SessionFactory(slug="sixth-session", title="Sixth session")
        client.get(PAGE)
        before = other_server.get(VERSION_KEY)
        # Redis was down a moment ago and is back: this server's breaker is still open.
        here._down_until = time.monotonic() + here.retry_after
        sixth.title = "Sixth session (resumed)"
        sixth.save()

    assert before is not None
    assert other_server.get(VERSION_KEY) not in (None, before)
    assert here._down_until == 0.0  # Redis took the write, so the breaker closed
    assert "Sixth session (resumed)" in client.get(PAGE).content.decode()


@override_settings(CACHES=DOWN_REDIS)
def test_while_redis_is_down_an_edit_tries_it_once_when_it_commits(django_capture_on_commit_callbacks):
    down = caches["default"]
    down.get(VERSION_KEY)  # fails: the breaker opens
    opened_until = down._down_until

    with django_capture_on_commit_callbacks() as callbacks:
        SessionFactory(slug="sixth-session")
        DocumentFactory(symbol="A/AC.291/1")
    tried_before_the_commit = down._down_until != opened_until
    for callback in callbacks:
        callback()

    assert tried_before_the_commit is False
    assert down._down_until > opened_until  # tried at the commit, and failed again
    assert pagecache._pending is True  # so tried again at the next request


def test_a_status_that_turns_at_midnight_is_not_served_from_the_day_before(client):
    SessionFactory(slug="s", start_date=datetime.date(2023, 8, 21), end_date=datetime.date(2023, 9, 1))
    # 23:50 and 00:05 in New York, on either side of the session's first day.
    with time_machine.travel(datetime.datetime(2023, 8, 21, 3, 50, tzinfo=datetime.UTC), tick=False):
        before = client.get("/sessions/s/")
    with time_machine.travel(datetime.datetime(2023, 8, 21, 4, 5, tzinfo=datetime.UTC), tick=False):
        after = client.get("/sessions/s/")

    assert "Status Upcoming" in text_of(before)
    assert "Status Ongoing" in text_of(after)


# --- Staff and drafts ------------------------------------------------------------------


def test_staff_with_a_session_cookie_are_never_served_from_the_cache(editor_client, sixth):
    Client().get(PAGE)

    _response, queries = queries_of(editor_client, PAGE)

    assert queries > 0


def test_staff_responses_are_never_stored(editor_client, sixth):
    editor_client.get(PAGE)

    _response, queries = queries_of(Client(), PAGE)

    assert queries > 0


def test_draft_preview_is_never_served_to_a_visitor(editor_client):
    SessionFactory(slug="draft-session", title="Draft session", publication_state=DRAFT)

    preview = editor_client.get("/sessions/draft-session/")
    visitor = Client().get("/sessions/draft-session/")
    api = Client().get("/api/v1/sessions/draft-session/")

    assert preview.status_code == 200
    assert "Draft — not public." in preview.content.decode()
    assert (visitor.status_code, api.status_code) == (404, 404)


def test_admin_and_health_check_are_never_cached(client, sixth):
    client.get("/healthz")

    _health, queries = queries_of(client, "/healthz")
    login = client.get("/admin/login/")

    assert queries > 0
    assert "csrftoken" in login.cookies


def test_addresses_can_be_kept_out_of_the_cache(client, sixth, settings):
    # The benchmark keeps its floor out (bench/settings.py); here, one page.
    settings.PAGE_CACHE_EXCLUDED = ("/admin/", "/healthz", "/sessions/")
    client.get(PAGE)
    client.get("/")

    _page, queries = queries_of(client, PAGE)
    _other, cached = queries_of(client, "/")

    assert queries > 0
    assert cached == 0


def test_the_benchmark_floor_is_never_a_cache_hit():
    import bench.settings

    assert bench.settings.PAGE_CACHE_EXCLUDED == ("/admin/", "/healthz", "/bench/")
    assert bench.settings.ROOT_URLCONF == "bench.urls"


# --- Revalidation ----------------------------------------------------------------------


@pytest.mark.parametrize("path", [PAGE, API_LIST])
def test_revalidation_is_a_304_without_a_query(client, sixth, path, django_assert_num_queries):
    first = client.get(path)

    with django_assert_num_queries(0):
        revalidated = client.get(path, headers={"If-None-Match": first["ETag"]})

    assert first["Cache-Control"] == "no-cache"
    assert (revalidated.status_code, revalidated.content, revalidated["ETag"]) == (304, b"", first["ETag"])


def test_revalidation_by_date_is_a_304_without_a_query(client, sixth, django_assert_num_queries):
    with time_machine.travel(datetime.datetime(2026, 1, 5, 12, 0, 0, tzinfo=datetime.UTC), tick=False):
        client.get(PAGE)
    with time_machine.travel(datetime.datetime(2026, 1, 5, 12, 0, 5, tzinfo=datetime.UTC), tick=False):
        first = client.get(PAGE)
        with django_assert_num_queries(0):
            revalidated = client.get(PAGE, headers={"If-Modified-Since": first["Last-Modified"]})

    assert first["Last-Modified"] == "Mon, 05 Jan 2026 12:00:00 GMT"
    assert revalidated.status_code == 304


def test_revalidation_after_an_edit_is_a_full_response(client, sixth):
    first = client.get(PAGE)

    sixth.title = "Sixth session (New York)"
    sixth.save()
    changed = client.get(PAGE, headers={"If-None-Match": first["ETag"]})

    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


# --- Headers ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [PAGE, API_LIST])
def test_cached_response_has_the_headers_of_a_fresh_one_and_its_own_request_id(client, sixth, path):
    first = client.get(path)
    second = client.get(path)

    def headers(response):
        return {k: v for k, v in response.items() if k not in ("X-Request-ID", "Last-Modified")}

    assert headers(second) == headers(first)
    for name in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "Cross-Origin-Resource-Policy",
        "Cross-Origin-Opener-Policy",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
        "ETag",
    ):
        assert second[name] == first[name]
    assert second["Last-Modified"]
    assert len(second["X-Request-ID"]) == 32
    assert second["X-Request-ID"] != first["X-Request-ID"]


def test_cached_api_response_gets_cors_headers_when_asked_from_another_origin(client, sixth):
    client.get(API_LIST)

    response = client.get(API_LIST, headers={"Origin": "https://tool.example.org"})

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Expose-Headers"] == "etag, retry-after"


@pytest.mark.parametrize("path", [PAGE, API_LIST, "/sessions/nothing/"])
def test_cached_responses_set_no_cookie(client, sixth, path):
    client.get(path)

    second = Client().get(path)

    assert second.cookies == {}
    assert not second.has_header("Set-Cookie")


# --- Turned off ------------------------------------------------------------------------


def sql_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, [query["sql"] for query in queries]


@pytest.mark.parametrize("path", [PAGE, API_LIST, "/documents/"])
def test_with_the_page_cache_off_every_request_runs_its_queries(client, sixth, settings, path):
    settings.PAGE_CACHE = False

    first, first_queries = sql_of(client, path)
    second, second_queries = sql_of(client, path)

    assert first_queries
    # Only a list's count, and the registry's choice of sessions, are kept (until the record
    # changes): every other query runs again.
    kept = ("SELECT COUNT(*)", 'SELECT "committee_session"."slug" AS "slug", "committee_session"."title" AS "title"')
    assert second_queries == [sql for sql in first_queries if not sql.startswith(kept)]
    assert len(second_queries) == len(first_queries) - {PAGE: 0, API_LIST: 1, "/documents/": 2}[path]
    assert second.content == first.content


# --- Counts kept until the record changes ----------------------------------------------


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, sum(query["sql"].startswith("SELECT COUNT(*)") for query in queries)


@pytest.mark.parametrize(
    ("path", "count_of"),
    [
        ("/documents/", lambda response: response.context["paginator"].count),
        ("/api/v1/documents/", lambda response: response.json()["count"]),
    ],
)
def test_a_list_count_is_kept_until_a_document_is_published(client, settings, path, count_of):
    settings.PAGE_CACHE = False
    DocumentFactory.create_batch(2)
    draft = DocumentFactory(publication_state=DRAFT)

    first, first_counts = count_queries(client, path)
    second, second_counts = count_queries(client, path)
    draft.publication_state = PublicationState.PUBLISHED
    draft.save()
    third, third_counts = count_queries(client, path)

    assert (count_of(first), count_of(second), count_of(third)) == (2, 2, 3)
    assert (first_counts, second_counts, third_counts) == (1, 0, 1)


def test_each_filter_has_its_own_kept_count(client, settings):
    settings.PAGE_CACHE = False
    DocumentFactory.create_batch(3, kind="report")
    DocumentFactory(kind="other")

    counts = [
        client.get("/api/v1/documents/", query).json()["count"]
        for query in ({}, {"kind": "report"}, {"kind": "report", "page_size": 1}, {"kind": "other"}, {})
    ]
    registry = [
        client.get("/documents/", query).context["paginator"].count
        for query in ({"kind": "report"}, {"kind": "report", "page": 1}, {}, {"kind": "other"})
    ]

    assert counts == [4, 3, 3, 1, 4]
    assert registry == [3, 3, 4, 1]


def test_the_registry_offers_a_session_as_soon_as_it_is_published(client, settings):
    settings.PAGE_CACHE = False
    SessionFactory(slug="first", title="First session")
    draft = SessionFactory(slug="second", title="Second session", publication_state="draft")

    def offered():
        select = re.search(r'<select name="session".*?</select>', client.get("/documents/").content.decode(), re.S)
        return re.findall(r'<option value="([^"]*)"', select[0])

    before, kept = offered(), offered()
    draft.publication_state = "published"
    draft.save()

    assert (before, kept, offered()) == (["", "first"], ["", "first"], ["", "first", "second"])


def test_a_count_made_under_another_version_is_made_again():
    counts = VersionedValues(kept=8)
    made = []

    def counter():
        made.append(1)
        return len(made)

    first = counts.get(("/list/",), counter)
    again = counts.get(("/list/",), counter)
    bump()
    after = counts.get(("/list/",), counter)

    assert (first, again, after) == (1, 1, 2)


def test_a_request_reads_the_version_once_and_again_after_its_own_edit():
    outside_before = current_version()
    with one_request():
        first = current_version()
        cache.set(VERSION_KEY, "bumped-by-another-process", None)
        during = current_version()
        bump()
        after_own_edit = current_version()
    outside_after = current_version()

    assert first == during == outside_before
    assert after_own_edit not in (first, "bumped-by-another-process")
    assert outside_after == after_own_edit


def test_counts_are_kept_for_the_latest_lists_only():
    counts = VersionedValues(kept=2)

    for key in ("a", "b", "a", "c"):
        counts.get((key,), lambda key=key: ord(key))

    assert list(counts.entries) == [("a",), ("c",)]


@override_settings(CACHES=DOWN_REDIS)
def test_without_the_cache_every_count_is_made_afresh():
    counts = VersionedValues(kept=8)
    made = []

    results = [counts.get(("/list/",), lambda: made.append(1) or len(made)) for _ in range(3)]

    assert results == [1, 2, 3]
    assert counts.entries == {}


@pytest.mark.skipif(
    not isinstance(caches["default"], FaultTolerantRedisCache), reason="counts Redis commands: runs with REDIS_URL"
)
@pytest.mark.parametrize("page_cache", [True, False])
def test_an_uncached_registry_page_reads_the_record_version_once(client, settings, monkeypatch, page_cache):
    settings.PAGE_CACHE = page_cache
    SessionFactory(slug="sixth-session").documents.add(DocumentFactory(symbol="A/AC.291/22"))
    version_key = caches["default"].make_and_validate_key(VERSION_KEY)
    commands = []
    execute_command = redis.Redis.execute_command

    def recorded(self, *args, **options):
        commands.append(args)
        return execute_command(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", recorded)
    response = client.get("/documents/")
    # (Writes left out: the client's first request starts the application, which replaces it.)
    version_reads = [
        command for command, *arguments in commands if command in ("GET", "MGET") and version_key in arguments
    ]

    assert response.status_code == 200
    # The page cache reads it with the entry (a miss) and passes it on to the count and the
    # session choices; without the page cache, the count reads it and the choices reuse it.
    assert version_reads == (["MGET"] if page_cache else ["GET"])
