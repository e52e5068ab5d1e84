"""The health check for load balancers and monitors: is the process up, do its services answer.

The answer names each check. The database is critical: without it the site cannot answer, so the
check fails with 503 and a load balancer should stop sending traffic here. The cache is not: the
site serves pages uncached without it, so the check says "degraded" with 200. It never carries
details of a failure: those go to the log, where operators look.
"""

import logging
import secrets
from collections.abc import Callable

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def database_ok(alias: str = DEFAULT_DB_ALIAS) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database %r does not answer.", alias)
        return False
    return True


def cache_ok() -> bool:
    """Write a value and read it back: a cache that does not answer gives a miss (portal/cache.py)."""
    token = secrets.token_hex(8)
    try:
        cache.set("healthz", token, 10)
        answered = cache.get("healthz") == token
    except Exception:  # any failure of the cache client means the same thing here
        logger.warning("Health check: the cache does not answer.", exc_info=True)
        return False
    if not answered:
        logger.warning("Health check: the cache does not answer.")
    return answered


CHECKS: dict[str, Callable[[], bool]] = {"database": database_ok, "cache": cache_ok}
CRITICAL = {"database"}


# Not atomic: with ATOMIC_REQUESTS, Django would open the transaction (and so the connection) before
# the view, and an unreachable database would be a 500 rather than this answer.
@transaction.non_atomic_requests
@never_cache
def healthz(request):
    results = {name: "ok" if check() else "error" for name, check in CHECKS.items()}
    failed = {name for name, result in results.items() if result != "ok"}
    if failed & CRITICAL:
        return JsonResponse({"status": "error", **results}, status=503)
    return JsonResponse({"status": "degraded" if failed else "ok", **results}, status=200)
