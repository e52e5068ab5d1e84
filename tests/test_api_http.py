"""The API over HTTP: read-only methods, JSON errors, CORS, no cookies, revalidation, throttling, schema."""

import datetime
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from rest_framework.throttling import AnonRateThrottle

from committee.models import PublicationState
from tests.factories import DocumentFactory, FAQEntryFactory, SessionFactory
from tests.test_resilience import DOWN_REDIS

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
SCHEMA_FILE = BASE_DIR / "docs" / "openapi.yaml"
REGENERATE = ".venv/bin/python manage.py spectacular --file docs/openapi.yaml --validate"


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttle counts and cached responses start afresh in every test."""
    cache.clear()


@pytest.fixture
def throttle_rate(settings, monkeypatch):
    """Set the anonymous rate limit for one test."""

    def set_rate(rate, num_proxies=0):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": rate},
            "NUM_PROXIES": num_proxies,
        }
        # DRF's throttles read their rates once, when rest_framework.throttling is imported.
        monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": rate})

    return set_rate


# --- Read-only -------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/sessions/", "/api/v1/sessions/sixth/", "/api/v1/documents/by-symbol/A/1/"])
def test_writing_methods_are_405_with_allow(client, method, path):
    SessionFactory(slug="sixth")

    response = getattr(client, method)(path, data="{}", content_type="application/json")

    assert (response.status_code, response["Allow"]) == (405, "GET, HEAD, OPTIONS")
    assert response.json() == {"detail": f'Method "{method.upper()}" not allowed.'}


def test_post_without_csrf_token_is_405_not_403():
    csrf_checking_client = Client(enforce_csrf_checks=True)

    response = csrf_checking_client.post("/api/v1/sessions/")

    assert response.status_code == 405


def test_head_has_the_headers_of_get_and_no_body(client):
    SessionFactory(slug="sixth")

    get = client.get("/api/v1/sessions/sixth/")
    head = client.head("/api/v1/sessions/sixth/")

    assert (head.status_code, head.content, head["ETag"]) == (200, b"", get["ETag"])


@pytest.mark.parametrize(
    "path", ["/api/", "/api/v1/nothing/", "/api/v1/sessions/a/b/", "/api/v2/sessions/", "/api/v1/documents/by-symbol//"]
)
def test_unknown_api_address_is_json_404(client, path):
    response = client.get(path)

    assert (response.status_code, response["Content-Type"], response.json()) == (
        404,
        "application/json",
        {"detail": "Not found."},
    )


def test_api_address_without_slash_redirects_to_it(client):
    response = client.get("/api/v1/sessions")

    assert (response.status_code, response["Location"]) == (301, "/api/v1/sessions/")


@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/sessions/", "/api/v1/sessions/sixth/"])
def test_any_accept_header_gets_json(client, path):
    SessionFactory(slug="sixth")

    response = client.get(path, headers={"Accept": "text/html"})

    assert (response.status_code, response["Content-Type"]) == (200, "application/json")


# --- Public and anonymous ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/",
        "/api/v1/sessions/",
        "/api/v1/sessions/sixth/",
        "/api/v1/nothing/",
        "/api/schema/",
        "/api/docs/",
        "/api/docs/?script=",
    ],
)
def test_api_sets_no_cookie(client, path):
    SessionFactory(slug="sixth")

    response = client.get(path)

    assert (response.cookies, response.has_header("Set-Cookie")) == ({}, False)
    assert "Cookie" not in response.get("Vary", "")


def test_cors_lets_any_site_read_without_credentials(client):
    SessionFactory(slug="sixth")

    response = client.get("/api/v1/sessions/sixth/", headers={"Origin": "https://tool.example.org"})

    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.has_header("Access-Control-Allow-Credentials")
    assert response["Access-Control-Expose-Headers"] == "etag, retry-after"


def test_cors_preflight_allows_reading_methods_only(client):
    response = client.options(
        "/api/v1/sessions/",
        headers={
            "Origin": "https://tool.example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )

    assert (response.status_code, response["Access-Control-Allow-Origin"]) == (200, "*")
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "accept, accept-language, if-modified-since, if-none-match"


def test_cors_headers_only_on_the_api(client):
    response = client.get("/faq/", headers={"Origin": "https://tool.example.org"})

    assert (response.status_code, response.has_header("Access-Control-Allow-Origin")) == (200, False)


# --- Revalidation --------------------------------------------------------------------------


def test_revalidation_with_etag_is_304_until_the_record_changes(client):
    session = SessionFactory(slug="sixth", title="Sixth session")
    first = client.get("/api/v1/sessions/sixth/")

    unchanged = client.get("/api/v1/sessions/sixth/", headers={"If-None-Match": first["ETag"]})
    session.title = "Sixth session (New York)"
    session.save()
    changed = client.get("/api/v1/sessions/sixth/", headers={"If-None-Match": first["ETag"]})

    assert (unchanged.status_code, unchanged.content, unchanged["ETag"]) == (304, b"", first["ETag"])
    assert (changed.status_code, changed.json()["title"]) == (200, "Sixth session (New York)")
    assert changed["ETag"] != first["ETag"]


def test_list_revalidation_with_etag_is_304_until_a_record_changes(client):
    FAQEntryFactory(slug="first", question="What?")
    first = client.get("/api/v1/faq/")

    unchanged = client.get("/api/v1/faq/", headers={"If-None-Match": first["ETag"]})
    FAQEntryFactory(slug="second", question="When?")
    changed = client.get("/api/v1/faq/", headers={"If-None-Match": first["ETag"]})

    assert (unchanged.status_code, unchanged.content, unchanged["ETag"]) == (304, b"", first["ETag"])
    assert (changed.status_code, [entry["slug"] for entry in changed.json()["results"]]) == (200, ["first", "second"])
    assert changed["ETag"] != first["ETag"]


def test_list_etag_changes_when_a_nested_draft_is_published(client):
    session = SessionFactory(slug="sixth")
    document = DocumentFactory(publication_state=PublicationState.DRAFT)
    session.documents.add(document)
    first = client.get("/api/v1/sessions/")

    document.publication_state = PublicationState.PUBLISHED
    document.save()
    second = client.get("/api/v1/sessions/", headers={"If-None-Match": first["ETag"]})

    assert second.status_code == 200
    assert [d["slug"] for d in second.json()["results"][0]["documents"]] == [document.slug]


def test_responses_must_be_revalidated_before_reuse(client):
    SessionFactory(slug="sixth")

    response = client.get("/api/v1/sessions/sixth/")

    assert response["Cache-Control"] == "no-cache"


# --- Throttling ------------------------------------------------------------------------------


@time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC), tick=False)
def test_anonymous_client_over_the_rate_gets_429_until_its_window_closes(client, throttle_rate):
    throttle_rate("2/minute")
    FAQEntryFactory()

    statuses = [client.get("/api/v1/faq/").status_code for _ in range(2)]
    throttled = client.get("/api/v1/faq/")

    assert statuses == [200, 200]
    assert (throttled.status_code, throttled["Retry-After"]) == (429, "60")
    assert throttled.json() == {"detail": "Request was throttled. Expected available in 60 seconds."}


def test_throttle_window_opens_again_after_its_period(client, throttle_rate):
    # Real time, not a frozen clock: in Redis (REDIS_URL) the window's expiry is Redis's own.
    throttle_rate("1/second")
    FAQEntryFactory()

    first = client.get("/api/v1/faq/")
    throttled = client.get("/api/v1/faq/")
    time.sleep(1.05)
    later = client.get("/api/v1/faq/")

    assert [first.status_code, throttled.status_code, later.status_code] == [200, 429, 200]
    assert throttled["Retry-After"] == "1"


@time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC), tick=False)
def test_response_from_the_page_cache_is_counted_like_any_other(client, throttle_rate, django_assert_num_queries):
    throttle_rate("3/minute")
    FAQEntryFactory()

    first = client.get("/api/v1/faq/")
    with django_assert_num_queries(0):
        cached = [client.get("/api/v1/faq/") for _ in range(2)]
    throttled = client.get("/api/v1/faq/")

    assert [first.status_code, *(response.status_code for response in cached)] == [200, 200, 200]
    assert [response.content for response in cached] == [first.content, first.content]
    assert (throttled.status_code, throttled["Retry-After"]) == (429, "60")


@pytest.mark.parametrize("page_cache", [True, False])
def test_throttle_allows_every_request_while_the_cache_is_down(client, settings, throttle_rate, page_cache):
    FAQEntryFactory()
    settings.CACHES = DOWN_REDIS
    settings.PAGE_CACHE = page_cache
    throttle_rate("1/minute")

    statuses = [client.get("/api/v1/faq/").status_code for _ in range(3)]

    assert statuses == [200, 200, 200]


def test_clients_behind_a_proxy_are_told_apart_with_num_proxies(client, throttle_rate):
    throttle_rate("1/minute", num_proxies=1)

    first = client.get("/api/v1/faq/", headers={"X-Forwarded-For": "198.51.100.1"})
    other = client.get("/api/v1/faq/", headers={"X-Forwarded-For": "198.51.100.2"})
    first_again = client.get("/api/v1/faq/", headers={"X-Forwarded-For": "198.51.100.1"})

    assert [first.status_code, other.status_code, first_again.status_code] == [200, 200, 429]


def test_forwarded_for_header_is_ignored_without_num_proxies(client, throttle_rate):
    throttle_rate("1/minute", num_proxies=0)

    first = client.get("/api/v1/faq/", headers={"X-Forwarded-For": "198.51.100.1"})
    spoofed = client.get("/api/v1/faq/", headers={"X-Forwarded-For": "198.51.100.2"})

    assert [first.status_code, spoofed.status_code] == [200, 429]


def test_malformed_throttle_rate_stops_the_start():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(DJANGO_DEBUG="true", DJANGO_API_THROTTLE_RATE="often")

    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 1
    assert "DJANGO_API_THROTTLE_RATE must be a number of requests per second, minute, hour or day" in result.stderr


# --- Schema and docs -------------------------------------------------------------------------


def test_committed_schema_matches_the_code(tmp_path):
    generated = tmp_path / "openapi.yaml"

    call_command("spectacular", "--file", str(generated), "--validate", "--fail-on-warn")

    assert generated.read_text() == SCHEMA_FILE.read_text(), f"docs/openapi.yaml is out of date: run {REGENERATE}"


def test_schema_is_served(client):
    response = client.get("/api/schema/")

    assert (response.status_code, response["Content-Type"]) == (200, "application/vnd.oai.openapi; charset=utf-8")
    assert response.content.decode() == SCHEMA_FILE.read_text()


def test_docs_use_only_assets_served_by_the_site(client):
    response = client.get("/api/docs/")
    script = client.get("/api/docs/?script=")

    content = response.content.decode()
    assert response.status_code == 200
    assert re.findall(r'(?:src|href)="([^"]*)"', content) == [
        "/static/drf_spectacular_sidecar/swagger-ui-dist/favicon-32x32.png",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
        "/static/css/swagger.css",
        "/",
        "/api/v1/",
        "/api/schema/",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-standalone-preset.js",
        "/api/docs/?script=",
        "/static/js/swagger-a11y.js",
    ]
    assert (script.status_code, re.findall(r"https?://", script.content.decode())) == (200, [])


def test_docs_refuse_options_with_the_methods_they_allow(client):
    response = client.options("/api/docs/")

    assert (response.status_code, response["Allow"]) == (405, "GET, HEAD")
