"""Values read at most once per request: what every request reads the same way many times.

A ``PerRequest`` value is read by the function its ``get`` is given, at its first use in a request,
and kept until the request ends (``PerRequestMiddleware``, outermost but one in ``MIDDLEWARE``).
Outside a request (a command, the shell, a test that calls code directly) it is read at each use.
It must not change during the request except through ``set`` or ``forget``. In this project:

- ``committee.models.record_url`` keeps the URLconf and script prefix that ``reverse()`` reads
  (two thread-local reads a call, most of its cost; a page makes dozens of addresses);
- ``portal.pagecache.current_version`` keeps the record version (a Redis round trip), so that
  everything a response keeps by version follows the one it is stored under.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar

# The values of the current request, by PerRequest; None outside a request.
_values: ContextVar[dict | None] = ContextVar("values_of_request", default=None)


class PerRequest:
    """A value read once per request. None is never kept: it is read again at the next use."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return f"<PerRequest {self.name}>"

    def get(self, read):
        values = _values.get()
        if values is None:
            return read()
        value = values.get(self)
        if value is None:
            value = read()
            if value is not None:
                values[self] = value
        return value

    def set(self, value) -> None:
        """Keep ``value`` for the rest of the request, as if it had just been read."""
        values = _values.get()
        if values is not None and value is not None:
            values[self] = value

    def forget(self) -> None:
        """Read it again at its next use in this request (it has just been changed)."""
        values = _values.get()
        if values is not None:
            values.pop(self, None)


@contextlib.contextmanager
def one_request():
    """A request's scope: within it, each ``PerRequest`` value is read once."""
    token = _values.set({})
    try:
        yield
    finally:
        _values.reset(token)


class PerRequestMiddleware:
    """Opens each request's scope, before any middleware that reads a ``PerRequest`` value.

    Django sets the URLconf and script prefix when a request starts, before any middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_request():
            return self.get_response(request)
