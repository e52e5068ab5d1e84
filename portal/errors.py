"""Error pages that never show a stack trace.

A database that cannot be reached is not a bug of the site: it is answered with 503 and a
message (the proxy or the client may retry), not with 500.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error

UNAVAILABLE = (OperationalError, InterfaceError)


def _database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, UNAVAILABLE) or (
        isinstance(error, DatabaseError) and isinstance(error.__cause__, UNAVAILABLE)
    )


@requires_csrf_token
def handler500(request):
    error = sys.exc_info()[1]
    if not _database_unavailable(error):
        return server_error(request)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": "The service is temporarily unavailable. Please retry shortly."}, status=503)
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    return response
