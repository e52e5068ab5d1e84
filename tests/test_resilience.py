"""The site without its cache, or without its database: misses, 503s, never a stack trace."""

import datetime
import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.core.cache import caches
from django.test import override_settings
from rest_framework.throttling import AnonRateThrottle

from portal.requestid import RequestIdFilter
from tests.factories import SessionFactory

BASE_DIR = Path(__file__).resolve().parent.parent
# Nothing listens on port 1 of the loopback: a Redis that is down.
DOWN_REDIS = {
    "default": {
        "BACKEND": "portal.cache.FaultTolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
}


@override_settings(CACHES=DOWN_REDIS)
def test_cache_down_reads_miss_and_writes_are_skipped():
    cache = caches["default"]

    cache.set("key", "value")
    results = (cache.get("key", "default"), cache.add("key", 1), cache.get_many(["key"]), cache.has_key("key"))

    assert results == ("default", False, {}, False)


@override_settings(CACHES=DOWN_REDIS)
def test_cache_down_breaker_skips_redis_after_a_failure():
    cache = caches["default"]

    cache.get("key")
    down_until = cache.down_until

    assert down_until > 0
    cache.get("other")
    assert cache.down_until == down_until  # not tried again, so not failed again


@pytest.mark.django_db
@override_settings(CACHES=DOWN_REDIS)
def test_cache_down_pages_and_api_still_answer_and_health_says_degraded(client):
    SessionFactory(slug="sixth-session", title="Sixth session")

    page = client.get("/sessions/sixth-session/")
    api = client.get("/api/v1/sessions/")
    health = client.get("/healthz")

    assert (page.status_code, api.status_code) == (200, 200)
    assert [s["slug"] for s in api.json()["results"]] == ["sixth-session"]
    assert (health.status_code, health.json()) == (200, {"status": "degraded", "database": "ok", "cache": "error"})


def run_without_database(path: str) -> tuple[int, str, str, str]:
    """Request a path in a fresh process whose database is unreachable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(
        DJANGO_ENV_FILE=os.devnull,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_STATIC_MANIFEST="false",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
    )
    code = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        f"r = Client(raise_request_exception=False).get({path!r}, secure=True)\n"
        "print(json.dumps([r.status_code, r.get('Retry-After', ''), r.content.decode()]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    status, retry_after, body = json.loads(result.stdout.strip().splitlines()[-1])
    return status, retry_after, body, result.stderr


@pytest.mark.parametrize("path", ["/sessions/", "/documents/A/AC.291/22/"])
def test_database_down_page_is_a_503_with_a_message(path):
    status, retry_after, body, _log = run_without_database(path)

    assert (status, retry_after) == (503, "30")
    assert "<h1>The portal is temporarily unavailable</h1>" in body
    assert "Traceback" not in body


def test_database_down_api_is_a_503_json_message():
    status, _retry, body, _log = run_without_database("/api/v1/sessions/")

    assert status == 503
    assert json.loads(body) == {"detail": "The service is temporarily unavailable. Please retry shortly."}


def test_log_lines_are_json_with_the_request_id():
    status, _retry, _body, log = run_without_database("/sessions/")

    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    errors = [line for line in lines if line["logger"] == "django.request"]
    assert status == 503
    assert errors[0]["level"] == "ERROR"
    assert len(errors[0]["request_id"]) == 32
    assert "x" * 60 not in log  # the secret key never reaches the log


@pytest.mark.django_db
def test_every_response_carries_a_request_id(client):
    made = client.get("/healthz")
    passed_on = client.get("/healthz", headers={"X-Request-ID": "proxy-id-12345678"})
    refused = client.get("/healthz", headers={"X-Request-ID": "bad id\nwith newline"})

    assert len(made["X-Request-ID"]) == 32
    assert passed_on["X-Request-ID"] == "proxy-id-12345678"
    assert refused["X-Request-ID"] != "bad id\nwith newline"


@pytest.fixture
def log_lines():
    """What the site's own log handler (settings.LOGGING) writes, one JSON object a line."""
    handler = next(h for h in logging.getLogger().handlers if any(isinstance(f, RequestIdFilter) for f in h.filters))
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    handler.setStream(previous)


@pytest.mark.django_db
def test_not_found_warning_carries_the_request_id(client, log_lines):
    response = client.get("/no/such/page/", headers={"X-Request-ID": "proxy-id-12345678"})

    warnings = [(line["logger"], line["level"], line["request_id"], line["message"]) for line in log_lines()]
    assert response.status_code == 404
    assert warnings == [("django.request", "WARNING", "proxy-id-12345678", "Not Found: /no/such/page/")]


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC), tick=False)
def test_throttled_warning_carries_the_request_id(client, settings, monkeypatch, log_lines):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"}}
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    client.get("/api/v1/faq/")

    throttled = client.get("/api/v1/faq/", headers={"X-Request-ID": "proxy-id-87654321"})

    warnings = [(line["logger"], line["level"], line["request_id"], line["message"]) for line in log_lines()]
    assert throttled.status_code == 429
    assert warnings == [("django.request", "WARNING", "proxy-id-87654321", "Too Many Requests: /api/v1/faq/")]
