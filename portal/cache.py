"""A Redis cache that the site survives losing.

The cache is an optimisation: when Redis does not answer, a read is a miss and a write is skipped,
so pages and the API are served uncached instead of failing. After a failure the cache is left
alone for a few seconds (a circuit breaker), so an outage does not add a connection timeout to
every request; it is tried again afterwards and used as soon as it answers.
"""

from __future__ import annotations

import logging
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("portal.cache")

# django-redis reports a Redis that does not answer as ConnectionInterrupted.
FAILURES = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, OSError)


class FaultTolerantRedisCache(RedisCache):
    """django-redis's cache, with misses instead of errors while Redis does not answer.

    django-redis keeps one client per process (Django's own backend builds one for every
    operation, which costs about as much as the round trip), and its IGNORE_EXCEPTIONS would try
    Redis again at every operation: the breaker spares an outage a timeout per request.
    """

    retry_after = 5.0  # seconds without trying Redis after a failure
    down_until = 0.0  # the breaker is open until then (time.monotonic())

    def guard(self, operation: str, default, call, *args, **kwargs):
        """``call(*args)``, unless the breaker is open; on a failure, open it and give ``default``."""
        if time.monotonic() < self.down_until:
            return default
        try:
            return call(*args, **kwargs)
        except FAILURES as error:
            self.down_until = time.monotonic() + self.retry_after
            logger.warning("cache unavailable during %s: %s", operation, error.__class__.__name__)
            return default

    def get(self, key, default=None, version=None):
        return self.guard("get", default, super().get, key, default, version)

    def get_many(self, *args, **kwargs):
        return self.guard("get_many", {}, super().get_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self.guard("has_key", False, super().has_key, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self.guard("set", None, super().set, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self.guard("add", False, super().add, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self.guard("set_many", list(data), super().set_many, data, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self.guard("touch", False, super().touch, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self.guard("delete", False, super().delete, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self.guard("delete_many", None, super().delete_many, *args, **kwargs)

    def incr(self, key, *args, **kwargs):
        # Django raises ValueError for a missing key; a cache that does not answer is reported the same way.
        result = self.guard("incr", None, super().incr, key, *args, **kwargs)
        if result is None:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return result

    def clear(self):
        return self.guard("clear", False, super().clear)
