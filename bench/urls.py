"""The site's addresses, plus ``/bench/floor/``: a constant answer through the full middleware stack.

The floor is what the framework costs by itself on this machine (gunicorn, WSGI, every middleware,
URL resolution, a response): every page is measured as a fraction of it. It touches no database,
so it is excluded from ATOMIC_REQUESTS (no transaction is opened for it).
"""

from django.db import transaction
from django.http import HttpResponse
from django.urls import include, path

FLOOR_BODY = b"floor\n"


@transaction.non_atomic_requests
def floor(request):
    return HttpResponse(FLOOR_BODY, content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("bench/floor/", floor, name="bench-floor"),
    path("", include("portal.urls")),
]

handler500 = "portal.errors.handler500"
