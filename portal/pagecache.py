"""The page cache: whole anonymous responses, kept in the shared cache until the record changes.

- **The record version.** Every write to the record (any model of the ``committee`` app, through
  signals, so the admin, the shell, ``loaddata`` and migrations alike) gives the record a new
  version: a token written in the database in the same transaction (``RecordVersion``) and, once
  the transaction commits, copied to the shared cache (Redis in production, shared by every worker
  and app server).
- **What is stored.** A response is stored under its address (scheme, host, path, query string) and
  language, with the version and the quarter hour it was made in, and served only while both still
  hold. The quarter hour follows the dates: a session's status turns at midnight in its own time
  zone, and every time zone's midnight falls on a quarter hour.
- **Outages.** The cache keeps its copy of the version for ``VERSION_TTL`` seconds; the next request
  reads it again from the database. So an edit whose new version could not reach Redis (it did not
  answer) is seen on every server within seconds of Redis answering again, whichever process made it.
  While Redis does not answer, every request is served uncached (``portal.cache``).
- **Who is served.** Anonymous GET and HEAD requests only: no session or messages cookie, no
  ``Authorization`` header. Staff always have a session, so drafts and previews are never stored.
- **Where it sits** (``MIDDLEWARE``): inside the middleware that add the security, CORS and
  request-id headers and the ``ETag`` (``ConditionalGetMiddleware``: a client sending it back gets a
  304), so a cached response gets them afresh; outside sessions, language, CSRF and authentication,
  so it stores what they made of the response, and a hit skips them. The API's throttle counts a
  cached API response as it counts any other.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_request
from rest_framework.request import Request
from rest_framework.settings import api_settings

from portal.models import RecordVersion

VERSION_KEY = "pagecache:version"
# How long the shared cache's copy of the version is trusted before it is read from the database.
VERSION_TTL = 3
# Entries last a day at most, but it is the version that makes them stale.
TIMEOUT = 24 * 60 * 60
# Dates turn at midnight in each time zone, always on a quarter hour (UTC offsets are multiples).
DATE_PERIOD = 15 * 60
STORED_STATUSES = {200, 301, 404}
MAX_BYTES = 2 * 1024 * 1024
# Response headers the key accounts for (language) or that anonymous requests cannot change.
ALLOWED_VARY = {"accept-language", "cookie"}
# Never served from or stored in the cache (nor the static files): settings.PAGE_CACHE_EXCLUDED.
EXCLUDED_PREFIXES = ("/admin/", "/healthz")


def new_version(sender=None, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Signal receiver for every write to the record (save, delete, many-to-many change).

    The token is written in the write's own transaction, so it is kept if the data is; the cache
    gets it when the transaction commits. Until then the cache holds a token of the moment, which
    makes what was stored stale at once for this process (the page after an admin save), while
    what another request renders from the data before the commit is stored under it, and so never
    served once the transaction's own token is in place.
    """
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return
    cache.set(VERSION_KEY, secrets.token_hex(8), VERSION_TTL)
    token = secrets.token_hex(8)
    versions = RecordVersion.objects.using(using)
    if not versions.filter(pk=1).update(token=token):
        versions.update_or_create(pk=1, defaults={"token": token})
    transaction.on_commit(lambda: cache.set(VERSION_KEY, token, VERSION_TTL), using=using)


def version_after_migrate(sender, apps=None, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """A migration (or a flush) may change what pages show; one back before the version has none."""
    if apps is not None:  # the state the migrations left (flush sends none: every table exists)
        try:
            apps.get_model("portal", "RecordVersion")
        except LookupError:
            return
    new_version(using=using)


def version_from_database() -> str:
    """The version as the database has it, copied to the cache unless an edit got there first."""
    version = RecordVersion.objects.values_list("token", flat=True).first() or "initial"
    cache.add(VERSION_KEY, version, VERSION_TTL)
    return version


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.applies(request):
            return self.get_response(request)
        try:
            address = f"{get_language_from_request(request)} {request.build_absolute_uri()}"
        except DisallowedHost:
            address = None
        if address is None:
            return self.get_response(request)  # CommonMiddleware answers the host it does not allow (400)
        key = "page:" + hashlib.sha256(address.encode()).hexdigest()
        found = cache.get_many([VERSION_KEY, key])  # one round trip
        stamp = (found.get(VERSION_KEY) or version_from_database(), int(time.time() // DATE_PERIOD))
        entry = found.get(key)
        if entry is not None and entry[0] == stamp and self.throttles_allow(request):
            status, content, headers = entry[1]
            return HttpResponse(content, status=status, headers=headers)

        response = self.get_response(request)
        if request.method == "GET" and self.storable(request, response):
            if response.status_code == 200:
                # Set here, so that HEAD has it too (ConditionalGetMiddleware answers GET only).
                response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
                # Shared caches and browsers may keep a copy, but must revalidate it (ETag) before use.
                patch_cache_control(response, no_cache=True)
            cache.set(key, (stamp, (response.status_code, response.content, dict(response.items()))), TIMEOUT)
        return response

    def applies(self, request) -> bool:
        excluded = (*getattr(settings, "PAGE_CACHE_EXCLUDED", EXCLUDED_PREFIXES), "/" + settings.STATIC_URL.lstrip("/"))
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith(excluded)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    def throttles_allow(self, request) -> bool:
        """A cached API response is counted by the API's throttles; one refused goes to the view (429)."""
        if not request.path_info.startswith("/api/"):
            return True
        # As the API's views see it (no authentication: anonymous), without touching the session.
        api_request = Request(request)
        return all(throttle().allow_request(api_request, None) for throttle in api_settings.DEFAULT_THROTTLE_CLASSES)

    def storable(self, request, response) -> bool:
        # A response that sets a cookie (a session, a CSRF token) is one visitor's.
        if response.status_code not in STORED_STATUSES or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if "private" in cache_control or "no-store" in cache_control:
            return False
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
        return vary <= ALLOWED_VARY and len(response.content) <= MAX_BYTES
