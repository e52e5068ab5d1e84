"""Machine-readable addresses: calendar, feeds, sitemap, robots.txt, health check.

All of them are read by programs, anonymously: GET and HEAD only (anything else is a 405, not a
CSRF failure), and no transaction around the request, since none of them writes (with
ATOMIC_REQUESTS, robots.txt would otherwise open a database connection it does not need).
"""

from django.db import transaction
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from . import calendar, feeds, health, sitemaps


def machine_view(view):
    return transaction.non_atomic_requests(csrf_exempt(require_safe(view)))


urlpatterns = [
    path("calendar.ics", machine_view(calendar.calendar_view), name="calendar"),
    path("feeds/updates/", machine_view(feeds.UpdatesFeed()), name="feed-updates"),
    path("sitemap.xml", machine_view(sitemaps.sitemap_view), name="sitemap"),
    path("robots.txt", machine_view(sitemaps.robots_txt), name="robots"),
    path("healthz", machine_view(health.healthz), name="healthz"),
]
