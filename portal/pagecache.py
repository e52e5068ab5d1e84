"""Anonymous pages and API responses from the shared cache, fresh after every edit.

One *record version* lives in the default cache (Redis in production, shared by every worker and
app server). Every write to a model of the ``committee`` app replaces it (``bump``, wired in
``committee/apps.py``), so every cached response becomes stale at once: invalidation follows
edits, not time. A cached entry is kept under its address (scheme, host, path and query string)
and language, and holds the version and the quarter of an hour it was made in; it is served only
while both still hold. The quarter hour follows the dates: a session's status (upcoming, ongoing,
concluded) turns at midnight in its own time zone, and every time zone's midnight falls on a
quarter hour.

``PageCacheMiddleware`` sits inside the middleware that add the security, CORS and request-id
headers (so they are applied afresh to a cached response, exactly as to a fresh one) and outside
sessions, authentication, CSRF, messages and the views: a hit reads one cache entry (one round
trip, with the version; an API request is counted by the throttle in the same round trip) and
touches neither the database nor a template. Only requests without a
session (or messages) cookie are served or stored: staff always have one, so drafts and staff
views are never cached.

Each cached 200 carries validators: an ``ETag`` (a hash of the body) and a ``Last-Modified`` (when
that body was first served at that address), and a client that sends either back gets a 304
without any rendering. The API's views add the same validators (``add_validators``) to the
responses the cache does not handle.

When the cache is unavailable the version cannot be read: responses are served uncached. The
version an edit replaces is written even while the cache's breaker is open (``bump``), once per
transaction; one that could not be replaced (the cache was unreachable during the edit) is
replaced again by the process that saved the edit, at its next request after the cache answers.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.functional import cached_property
from django.utils.http import http_date
from rest_framework.settings import api_settings

from committee.api import throttling
from portal.perrequest import PerRequest

VERSION_KEY = "pagecache:version"
# Entries last a day at most, but it is the version that makes them stale.
TIMEOUT = 24 * 60 * 60
# How long the time a body was first served at an address is remembered (Last-Modified).
FIRST_SEEN_TIMEOUT = 24 * 60 * 60
# Dates turn at midnight in each time zone, always on a quarter hour (UTC offsets are multiples).
DATE_PERIOD = 15 * 60
STORED_STATUSES = {200, 301, 404}
MAX_BYTES = 2 * 1024 * 1024
# Response headers that the key accounts for (language) or that anonymous requests cannot change.
ALLOWED_VARY = {"accept-language", "cookie"}
# Bytes of bodies each process keeps a copy of (LocalCopies): settings.PAGE_CACHE_LOCAL_BYTES.
LOCAL_BYTES = 16 * 1024 * 1024
# Never served from or stored in the cache (besides the static files): settings.PAGE_CACHE_EXCLUDED.
EXCLUDED_PREFIXES = ("/admin/", "/healthz")

# The record version, read once per request (portal.perrequest).
_VERSION_OF_REQUEST = PerRequest("the record version")

# A replacement of the version that the cache did not confirm; tried again at the next request
# (as soon as the cache's breaker lets requests try it).
_pending = False


# --- The record version ----------------------------------------------------------------


def bump(**kwargs) -> None:
    """Replace the record version: every cached response is stale from now on.

    Written even while the cache's breaker is open (``portal.cache``): the breaker stays open for
    a few seconds after Redis is back, and meanwhile another server, whose breaker has closed,
    would go on serving what it cached before the edit.
    """
    _replace_version(despite_outage=True)


def _replace_version(*, despite_outage: bool) -> None:
    global _pending
    _VERSION_OF_REQUEST.forget()
    token = secrets.token_hex(8)
    # Only the Redis cache has a breaker to get past; it says itself whether Redis took the write.
    write = getattr(cache, "set_despite_outage", None) if despite_outage else None
    if write is not None:
        confirmed = write(VERSION_KEY, token, None)
    else:
        cache.set(VERSION_KEY, token, None)
        # Read back: a cache that was unreachable skipped the write.
        confirmed = cache.get(VERSION_KEY) == token
    _pending = not confirmed


def record_changed(sender, using="default", **kwargs) -> None:
    """Signal receiver for every write to the record (save, delete, many-to-many change).

    Bumped now, and again when the transaction commits: a response rendered from the data before
    the commit may have been stored under the first new version, but not under the second. The
    bump at the commit is the one other processes depend on, so it is written despite an outage
    (``bump``), once per transaction however many rows it writes (``loaddata`` writes hundreds
    in one): while Redis does not answer, each try may wait for the connection's timeout.
    """
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return
    _replace_version(despite_outage=False)
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and any(callback is bump for _ids, callback, _robust in connection.run_on_commit):
        return  # this transaction bumps when it commits already
    transaction.on_commit(bump, using=using)


def current_version() -> str | None:
    """The record version, made if there is none; None when the cache is unavailable.

    Read from the cache once per request (``portal.perrequest``): a page that keeps a count and
    the registry's sessions would otherwise read it for each, a round trip to Redis each time.
    ``PageCacheMiddleware`` passes on the version it read itself, so the whole response follows
    the version it is stored under; a bump within the request makes it read again.
    """
    return _VERSION_OF_REQUEST.get(_read_version)


def _read_version() -> str | None:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), None)
        version = cache.get(VERSION_KEY)
    return version


# --- Values that follow the record version ---------------------------------------------

# Values each process keeps (VersionedValues): one for each list and filter asked for lately.
VALUES_KEPT = 1024


class VersionedValues:
    """Values made from the record, kept by each process until the record version changes.

    A list shows how many records match (“5,026 documents”, the API's ``count``): a COUNT that
    reads every matching row, so its cost grows with the record (about 1 ms for 5,000 documents
    on PostgreSQL). The registry's session filter offers every published session, a query of its
    own at each request. Under the same version the record is the same, and so are they; an edit
    makes every kept value stale at once, as it makes every cached page stale. The version is
    read at each call (one round trip to the shared cache), and a value made under a version that
    has changed since is never served; without the cache, every value is made afresh. Kept values
    are shared: they must not be changed.
    """

    def __init__(self, kept: int):
        self.kept = kept
        self.entries: OrderedDict[tuple, tuple[str, object]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple, make):
        """The value ``key`` names (a hashable: what it is, and the filters it depends on), by ``make()``."""
        version = current_version()
        if version is None:
            return make()
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None and entry[0] == version:
                self.entries.move_to_end(key)
                return entry[1]
        value = make()
        with self.lock:
            self.entries[key] = (version, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.kept:
                self.entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


kept = VersionedValues(VALUES_KEPT)


class VersionedPaginator(Paginator):
    """A paginator whose count is kept until the record changes, under ``count_key``.

    The key names the list and every filter that chooses its records (not the page, nor the
    order); None counts afresh.
    """

    def __init__(self, *args, count_key: tuple | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        fresh = Paginator.count.func
        if self.count_key is None:
            return fresh(self)
        return kept.get(("count", *self.count_key), lambda: fresh(self))


# --- Validators --------------------------------------------------------------------------


def first_seen(request, etag: str) -> float:
    """When this body (this ETag at this address, in this language) was first served, as Unix time.

    Kept in the shared cache for a day; a body seen again after that, or while the cache is
    unavailable, counts as new, which costs a client a full response but never gives it a 304
    for content it has not seen.
    """
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
    address = f"{language} {request.build_absolute_uri()}"
    key = "first-seen:" + hashlib.sha256(address.encode()).hexdigest()
    stored = cache.get(key)
    if stored is not None and stored[0] == etag:
        return stored[1]
    seen = time.time()
    cache.set(key, (etag, seen), FIRST_SEEN_TIMEOUT)
    return seen


def last_modified_header(last_modified: int) -> str:
    # HTTP dates count whole seconds: the first-seen moment rounded up, but never later than now
    # (RFC 9110 8.8.2.1), so within its first second a response's date cannot revalidate it.
    return http_date(min(last_modified, int(time.time())))


def add_validators(request, response) -> int:
    """Give a 200 its ETag and Last-Modified (once); return the Last-Modified to compare with.

    Any client holding an older body got it before this one was first served, so a date it
    sends back is earlier than that: If-Modified-Since gets a 304 only when it is not.
    """
    last_modified = getattr(response, "_first_seen", None)
    if last_modified is None:
        set_response_etag(response)
        last_modified = math.ceil(first_seen(request, response["ETag"]))
        response["Last-Modified"] = last_modified_header(last_modified)
        response._first_seen = last_modified
    # Caches may keep a copy, but must ask (cheaply, with the validators) before reusing it.
    if "Cache-Control" not in response:
        patch_cache_control(response, no_cache=True)
    return last_modified


# --- The middleware ----------------------------------------------------------------------


def _throttle_allows(request) -> bool:
    """The API's throttles count a cached API response like any other (no database involved)."""
    client = throttling.client_of(request)
    return all(throttle().allow_request(client, None) for throttle in api_settings.DEFAULT_THROTTLE_CLASSES)


class LocalCopies:
    """The entries this process served or stored last, up to ``max_bytes`` of bodies.

    With a copy here, a hit reads only the record version from the shared cache, not the whole
    body again. A copy is served under the same condition as the shared entry (the current version
    and quarter hour), so an edit, in any process, makes every copy stale at once; a stale copy is
    replaced from the shared cache, where another process may have stored a fresh entry.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str) -> tuple | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        size = len(entry[3])
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[3])
            if size > self.max_bytes:
                return
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[3])


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        excluded = getattr(settings, "PAGE_CACHE_EXCLUDED", EXCLUDED_PREFIXES)
        self.excluded = (*excluded, "/" + settings.STATIC_URL.lstrip("/"))
        self.local = LocalCopies(getattr(settings, "PAGE_CACHE_LOCAL_BYTES", LOCAL_BYTES))
        # A new application (a deploy, a restart) never serves what older code rendered.
        if settings.PAGE_CACHE:
            bump()

    def __call__(self, request):
        if not self.applies(request):
            return self.get_response(request)
        if _pending:
            _replace_version(despite_outage=False)
        try:
            address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        except DisallowedHost:
            return self.get_response(request)  # CommonMiddleware answers it
        language = translation.get_language_from_request(request)
        key = "page:" + hashlib.sha256(f"{language} {address}".encode()).hexdigest()
        period = int(time.time() // DATE_PERIOD)

        # With a copy of the entry here, only the version is read from the shared cache.
        local = self.local.get(key)
        keys = [VERSION_KEY] if local is not None else [VERSION_KEY, key]
        if request.path_info.startswith("/api/"):
            # The read and the throttle's count of the request, in one round trip.
            found = throttling.read_and_count(request, keys)
        else:
            found = cache.get_many(keys)
        version = found.get(VERSION_KEY)
        _VERSION_OF_REQUEST.set(version)  # the views' kept values follow it
        entry = found.get(key, local)
        if entry is local and local is not None and version is not None and local[:2] != (version, period):
            entry = cache.get(key)  # the copy is stale: another process may have stored a fresh one
        if version is not None and entry is not None and entry[0] == version and entry[1] == period:
            if entry is not local:
                self.local.put(key, entry)
            if not request.path_info.startswith("/api/") or _throttle_allows(request):
                return self.serve(request, entry)
            return self.get_response(request)  # the view answers 429

        if version is None:
            version = current_version()
        response = self.get_response(request)
        if version is None or not self.storable(request, response):
            return response
        etag = last_modified = None
        if response.status_code == 200:
            last_modified = add_validators(request, response)
            etag = response["ETag"]
        if request.method == "GET":
            headers = [(name, value) for name, value in response.items()]
            entry = (version, period, response.status_code, response.content, headers, etag, last_modified)
            cache.set(key, entry, TIMEOUT)
            self.local.put(key, entry)
        if etag is None:
            return response
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)

    def applies(self, request) -> bool:
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path_info.startswith(self.excluded)
        )

    def storable(self, request, response) -> bool:
        if response.status_code not in STORED_STATUSES or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if "private" in cache_control or "no-store" in cache_control:
            return False
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
        if not vary <= ALLOWED_VARY:
            return False
        # A page that used a CSRF token holds one visitor's token.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        return len(response.content) <= MAX_BYTES

    def serve(self, request, entry) -> HttpResponse:
        _version, _period, status, content, headers, etag, last_modified = entry
        response = HttpResponse(content, status=status, headers=dict(headers))
        if etag is None:
            return response
        response["Last-Modified"] = last_modified_header(last_modified)
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
