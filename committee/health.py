"""The health check for load balancers and monitors: is the process up, does the database answer.

The answer names each check, so a later one (the cache) is one more entry in ``CHECKS``. It never
carries details of a failure: those go to the log, where operators look.
"""

import logging
from collections.abc import Callable

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


CHECKS: dict[str, Callable[[], bool]] = {"database": database_ok}


# Not atomic: with ATOMIC_REQUESTS, Django would open the transaction (and so the connection) before
# the view, and an unreachable database would be a 500 rather than this answer.
@transaction.non_atomic_requests
@never_cache
def healthz(request):
    results = {name: "ok" if check() else "error" for name, check in CHECKS.items()}
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse({"status": "ok" if healthy else "error", **results}, status=200 if healthy else 503)
