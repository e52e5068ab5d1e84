"""The page cache: anonymous hits without the database, fresh after every write, never for staff."""

import datetime
import shutil
import socket
import subprocess
import time

import pytest
import redis
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.models import PublicationState, Session, SessionDocument
from portal.models import RecordVersion
from portal.pagecache import VERSION_KEY, VERSION_TTL
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


def test_a_version_the_cache_lost_is_read_again_from_the_database(client, sixth, django_assert_num_queries):
    cache.delete(VERSION_KEY)  # as when the transaction that made the session committed
    client.get(PAGE)
    cache.delete(VERSION_KEY)  # expired, or Redis restarted with what it had

    with django_assert_num_queries(1):  # the version, then the page as stored under it
        again = client.get(PAGE)

    assert again.status_code == 200
    assert cache.get(VERSION_KEY) == RecordVersion.objects.get().token


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
        session_form(title="Seventh session (resumed)", publication_state="published", loaded_version="1"),
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


def test_every_write_gives_the_record_a_new_version_in_the_database_and_at_the_commit_in_the_cache(
    django_capture_on_commit_callbacks,
):
    tokens = []
    with django_capture_on_commit_callbacks(execute=True):
        session = SessionFactory(slug="sixth-session")
        tokens.append(RecordVersion.objects.get().token)
        session.documents.add(DocumentFactory(symbol="A/AC.291/1"))
        tokens.append(RecordVersion.objects.get().token)
        in_the_cache_before_the_commit = cache.get(VERSION_KEY)

    assert len(set(tokens)) == 2
    assert in_the_cache_before_the_commit not in (None, *tokens)
    assert cache.get(VERSION_KEY) == RecordVersion.objects.get().token == tokens[-1]


@override_settings(CACHES=DOWN_REDIS)
def test_while_redis_is_down_an_edit_still_gives_the_database_a_new_version(django_capture_on_commit_callbacks):
    before = RecordVersion.objects.values_list("token", flat=True).first()

    with django_capture_on_commit_callbacks(execute=True):
        SessionFactory(slug="sixth-session")

    assert RecordVersion.objects.get().token not in (None, before)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis():
    """The cache setting of a Redis server of the test's own, apart from the shared one."""
    port = free_port()
    server = subprocess.Popen(
        [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    location = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis.from_url(location).ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
    yield {
        "default": {
            "BACKEND": "portal.cache.FaultTolerantRedisCache",
            "LOCATION": location,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    server.terminate()
    server.wait(timeout=10)


def test_an_edit_made_while_redis_does_not_answer_is_seen_everywhere_within_seconds_of_its_return(
    client, sixth, own_redis, django_capture_on_commit_callbacks, django_assert_num_queries
):
    caches_setting = own_redis
    with override_settings(CACHES=caches_setting):
        client.get(PAGE)
        with django_assert_num_queries(0):
            assert client.get(PAGE).status_code == 200  # served from Redis

    # An edit from a process that Redis does not answer (here as from `manage.py shell`), while
    # Redis keeps the page and the version it had: the draft must not stay public.
    with override_settings(CACHES=DOWN_REDIS), django_capture_on_commit_callbacks(execute=True):
        sixth.publication_state = DRAFT
        sixth.save()
    returned = time.monotonic()

    # Another server, whose Redis always answered: nothing it holds knows of the edit.
    with override_settings(CACHES=caches_setting):
        statuses = []
        while time.monotonic() - returned < 5 and 404 not in statuses:
            statuses.append(client.get(PAGE).status_code)
            time.sleep(0.1)
        seen_after = time.monotonic() - returned

    assert statuses[0] == 200  # the copy of the version Redis held was still trusted
    assert statuses[-1] == 404
    assert seen_after <= VERSION_TTL + 0.5


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
        return {k: v for k, v in response.items() if k != "X-Request-ID"}

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
    assert second_queries == first_queries
    assert second.content == first.content
