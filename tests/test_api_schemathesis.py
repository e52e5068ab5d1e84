"""Schemathesis fuzzes every operation of the committed OpenAPI schema against the application.

In process (the WSGI application, no server), over the whole record, with all of schemathesis's
default checks: no server error; every status code, header and content type documented; every
body as the schema says; malformed input refused and well-formed input accepted; methods the
schema does not list refused with 405 and an Allow header. Each operation runs its schema
examples, its coverage cases and up to 30 generated ones, derandomized: the same run every time.
The committed schema is the one served (test_api_http.py checks that it matches the code).
"""

from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.throttling import AnonRateThrottle

from portal.wsgi import application

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml"

schema = schemathesis.openapi.from_path(SCHEMA_FILE)


@pytest.fixture
def unthrottled(monkeypatch):
    """The rate limit is tested on its own (test_api_http.py); here it would only turn the fuzzing into 429s."""
    # DRF's throttles read their rates once, when rest_framework.throttling is imported.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1000000/minute"})


@pytest.fixture
def keep_test_connection():
    """Keep the database connection open across requests, as Django's test client does.

    The WSGI handler closes the connection when a request starts and ends; that would end the
    test's transaction, and with it the loaded record (SQLite's in-memory database ignores it,
    PostgreSQL does not).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    # The record is loaded once per operation and only read: the examples cannot affect each other.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, record, unthrottled, keep_test_connection):
    case.call_and_validate(app=application)
