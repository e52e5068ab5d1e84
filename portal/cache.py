"""A Redis cache that the site survives losing.

The cache is an optimisation: when Redis is down, a read is a miss and a write is skipped, so
pages and the API are served uncached instead of failing. After a failure the cache is left
alone for a short while (a circuit breaker), so an outage does not add a connection timeout to
every request; it is tried again afterwards and used as soon as it answers.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("portal.cache")

FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """One Redis client per connection pool, made once.

    Django's own builds a new ``redis.Redis`` for every operation, which costs about as much as
    the round trip itself; a page served from the cache is one operation. A client may be shared:
    it takes a connection from its pool for each command.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class FaultTolerantRedisCache(RedisCache):
    """Django's RedisCache, with misses instead of errors while Redis is unreachable."""

    retry_after = 5.0  # seconds without trying Redis after a failure

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._down_until = 0.0

    def _guard(self, operation: str, default, call, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            return call(*args, **kwargs)
        except FAILURES as error:
            self._down_until = time.monotonic() + self.retry_after
            logger.warning("cache unavailable during %s: %s", operation, error.__class__.__name__)
            return default

    def set_despite_outage(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        """Write to Redis even while the breaker is open; True if Redis took the value.

        For a write that must not be skipped: the record version an edit replaces. The breaker
        opens on any failure, and stays open for ``retry_after`` seconds even when Redis is back
        sooner; another server whose breaker is closed would serve pages cached before the edit
        meanwhile. A write that succeeds closes the breaker, one that fails opens it.
        """
        try:
            super().set(key, value, timeout, version)
        except FAILURES as error:
            self._down_until = time.monotonic() + self.retry_after
            logger.warning("cache unavailable during set: %s", error.__class__.__name__)
            return False
        self._down_until = 0.0
        return True

    def ping(self) -> bool:
        """Ask Redis directly (no breaker): True if it answers, raise if it does not."""
        return bool(self._cache.get_client().ping())

    def get(self, key, default=None, version=None):
        return self._guard("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set", None, super().set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("add", False, super().add, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set_many", list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("touch", False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        # Django raises ValueError for a missing key; a missing cache is reported the same way.
        result = self._guard("incr", None, super().incr, key, delta, version)
        if result is None:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return result

    def clear(self):
        return self._guard("clear", False, super().clear)
