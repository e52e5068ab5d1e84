"""A request id on every response and every log line of the request.

The id comes from the proxy's X-Request-ID header when it sends a sane one, so the proxy's and
the application's logs can be joined; otherwise it is made here. It is returned as X-Request-ID.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

from django.http import HttpRequest

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_SANE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def current_request_id() -> str:
    return _request_id.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SANE.match(incoming) else uuid.uuid4().hex
        token = _request_id.set(request_id)
        request.request_id = request_id
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record ('-' outside a request).

    Django logs a 4xx or 5xx answer (the 404 and 429 warnings of ``django.request``) once the
    middleware has returned, when the id is no longer current; those records carry the request
    itself (Django's documented ``request`` extra), which carries its id.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or current_request_id()
        return True


class SafeRecordFilter(logging.Filter):
    """Keeps log records free of request objects, whose headers may carry cookies or tokens."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            record.request = f"{request.method} {request.path}"
        elif request is not None and not isinstance(request, str):
            # The development server's records carry its socket: reduced to its kind.
            record.request = type(request).__name__
        return True
