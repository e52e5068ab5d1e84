"""Machine-readable addresses in no language: sitemap, robots.txt, health check (the calendar and
the feed, read in a language, are in committee/urls.py).

All of them are read by programs, anonymously: GET and HEAD only (anything else is a 405, not a
CSRF failure), and no transaction around the request, since none of them writes (with
ATOMIC_REQUESTS, robots.txt would otherwise open a database connection it does not need).
"""

from django.db import transaction
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from . import health, sitemaps


def machine_view(view):
    return transaction.non_atomic_requests(csrf_exempt(require_safe(view)))


urlpatterns = [
    path("sitemap.xml", machine_view(sitemaps.sitemap_view), name="sitemap"),
    path("robots.txt", machine_view(sitemaps.robots_txt), name="robots"),
    path("healthz", machine_view(health.healthz), name="healthz"),
]
