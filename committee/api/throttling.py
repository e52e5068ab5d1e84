"""Throttling of anonymous clients (every API client is anonymous).

Counts are kept in the default cache, so every worker must share it: Redis (``REDIS_URL``) in
production; the local-memory cache of development counts per process. The client is told apart by
its address: ``REMOTE_ADDR``, or with ``NUM_PROXIES`` (``DJANGO_NUM_PROXIES``) set to the number
of proxies in front of the application, the address those proxies recorded in X-Forwarded-For.

Each client has one counter, which starts with its first request and lasts the rate's period (a
fixed window): N requests are answered, then 429s until the period is over, with a Retry-After of
the seconds left. DRF's own throttle keeps the time of every request in the window and rewrites
that whole list on each one, which costs more the higher the rate; a counter costs the same at any
rate, one round trip to Redis. While the cache is unavailable, nothing is counted and every request
is allowed: the cache is an optimisation, and an outage must not turn the API into 429s or 500s.

The page cache reads a cached API response and counts the request in the same round trip
(``read_and_count``); it leaves the count on the request, and the throttle uses it instead of
counting the request again.
"""

from __future__ import annotations

import weakref
from types import SimpleNamespace

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from rest_framework import throttling
from rest_framework.settings import api_settings

from portal.cache import FaultTolerantRedisCache

KEY_PREFIX = "throttle:"


def count_request(key: str, period: int, now: float) -> tuple[int, float] | None:
    """Count one request against ``key``'s window of ``period`` seconds, opened by the first.

    Returns the requests counted in the window so far (this one included) and the seconds left in
    it, or None when the cache could not count.
    """
    cache = caches["default"]
    if isinstance(cache, FaultTolerantRedisCache):
        # Its breaker: while Redis is down the request is allowed without waiting for a timeout.
        counted = cache._guard("throttle", None, _count_in_redis, cache, key, period)
        return None if counted is None else counted[1:]
    return _count_in_cache(cache, key, period, now)


# One round trip, atomic: read the keys KEYS[1..n-1] (the page cache's entry, for read_and_count;
# none for a count alone), count a request against KEYS[n], and open the window (its expiry) with
# the first request. A counter found without an expiry is given one, so a client can never be
# locked out for good. A missing key reads as false: nil to redis-py.
COUNT_SCRIPT = """
local counter = KEYS[#KEYS]
local answer = {}
for index = 1, #KEYS - 1 do
    answer[index] = redis.call('GET', KEYS[index])
end
local count = redis.call('INCR', counter)
local left = redis.call('PTTL', counter)
if left < 0 then
    left = tonumber(ARGV[1])
    redis.call('PEXPIRE', counter, left)
end
answer[#KEYS] = count
answer[#KEYS + 1] = left
return answer
"""
# The script bound to a Redis client, per Django cache client (one per thread): Django builds a new
# Redis client for every operation, which costs as much as the round trip itself.
_count_scripts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _count_in_redis(cache: FaultTolerantRedisCache, key: str, period: int, reads=()) -> tuple[list, int, float]:
    """The raw values of the keys ``reads``, the requests counted against ``key`` and the seconds left."""
    script = _count_scripts.get(cache._cache)
    if script is None:
        script = _count_scripts[cache._cache] = cache._cache.get_client(write=True).register_script(COUNT_SCRIPT)
    redis_keys = [cache.make_and_validate_key(name) for name in (*reads, key)]
    *values, count, left_ms = script(keys=redis_keys, args=[period * 1000])
    return values, count, left_ms / 1000


def _count_in_cache(cache: BaseCache, key: str, period: int, now: float) -> tuple[int, float] | None:
    # Any other cache (the local memory of development and tests): the same window in two keys,
    # the count and the time it opened (for Retry-After), through the cache's public methods.
    if cache.add(key, 1, period):
        cache.set(key + ":opened", now, period)
        return 1, float(period)
    try:
        count = cache.incr(key)
    except ValueError:  # the window closed in between, or the cache is unavailable
        return None
    opened = cache.get(key + ":opened", now)
    return count, max(opened + period - now, 0.0)


class AnonRateThrottle(throttling.AnonRateThrottle):
    """N requests per period and client, counted in a fixed window (see the module's docstring)."""

    cache_format = KEY_PREFIX + "%(scope)s:%(ident)s"

    def get_rate(self):
        # DRF copies DEFAULT_THROTTLE_RATES into the class once; reading it per request lets a
        # changed setting (a test, a settings reload) take effect.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def allow_request(self, request, view):
        self.seconds_left = None
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        counted = getattr(request, "throttle_counts", {}).get(key)  # counted by read_and_count
        if counted is None:
            counted = count_request(key, self.duration, self.timer())
        if counted is None:
            return True
        count, self.seconds_left = counted
        return count <= self.num_requests

    def wait(self):
        """Seconds until the client's window closes (DRF sends them as Retry-After, rounded up)."""
        return self.seconds_left


def client_of(request) -> SimpleNamespace:
    """The request as the throttles read it outside a view: every API client is anonymous, and the
    throttles read only its address, from the headers, and the counts already made for it."""
    return SimpleNamespace(
        user=None,
        META=request.META,
        headers=request.headers,
        throttle_counts=getattr(request, "throttle_counts", {}),
    )


def read_and_count(request, keys: list[str]) -> dict:
    """``cache.get_many(keys)``, and this API request counted by its throttle, in one round trip.

    The count is left on the request (``throttle_counts``), where the throttle finds it, in the
    page cache or in the view: the request is counted once, whether it is answered from the cache
    or not. Only with Redis and a single throttle of this module; otherwise this is
    ``get_many``, and the throttle counts the request itself.
    """
    cache = caches["default"]
    throttles = [throttle() for throttle in api_settings.DEFAULT_THROTTLE_CLASSES]
    if not isinstance(cache, FaultTolerantRedisCache) or len(throttles) != 1:
        return cache.get_many(keys)
    throttle = throttles[0]
    counter = throttle.get_cache_key(client_of(request), None) if isinstance(throttle, AnonRateThrottle) else None
    if throttle.rate is None or counter is None:
        return cache.get_many(keys)

    answer = cache._guard("get_many", None, _count_in_redis, cache, counter, throttle.duration, keys)
    if answer is None:
        return {}
    values, count, seconds_left = answer
    request.throttle_counts = {counter: (count, seconds_left)}
    loads = cache._cache._serializer.loads
    return {key: loads(value) for key, value in zip(keys, values, strict=True) if value is not None}
