from django.db import transaction
from django.urls import path, re_path
from django.views.decorators.http import require_safe

from . import calendar, feeds, views
from .machine_urls import machine_view

app_name = "committee"


def page(view_class):
    """A public page: it only reads, so no transaction is opened around it (ATOMIC_REQUESTS).

    Its reads gain nothing from one (each statement sees the committed data of its moment, in a
    transaction or not), and it would cost two round trips to the database, BEGIN and COMMIT.
    """
    return transaction.non_atomic_requests(view_class.as_view())


urlpatterns = [
    path("", page(views.HomeView), name="home"),
    path("sessions/", page(views.SessionListView), name="session-list"),
    path("sessions/<slug:slug>/", page(views.SessionDetailView), name="session-detail"),
    path("readings/", page(views.ReadingListView), name="reading-list"),
    path("readings/<slug:slug>/", page(views.ReadingDetailView), name="reading-detail"),
    path("chapters/", page(views.ChapterListView), name="chapter-list"),
    path("chapters/<slug:slug>/", page(views.ChapterDetailView), name="chapter-detail"),
    path("negotiation-groups/", page(views.GroupListView), name="group-list"),
    path("negotiation-groups/<slug:slug>/", page(views.GroupDetailView), name="group-detail"),
    path("consultations/", page(views.ConsultationListView), name="consultation-list"),
    path("consultations/<slug:slug>/", page(views.ConsultationDetailView), name="consultation-detail"),
    path("documents/", page(views.DocumentListView), name="document-list"),
    # A document by slug, or by its UN symbol: /documents/A/AC.291/22/Rev.3/
    re_path(r"^documents/(?P<slug>[-a-zA-Z0-9_]+)/$", page(views.DocumentDetailView), name="document-detail"),
    re_path(r"^documents/(?P<symbol>[^?#]+?)/$", page(views.DocumentDetailView), name="document-by-symbol"),
    path("bureau/", page(views.BureauView), name="bureau"),
    path("timeline/", page(views.TimelineView), name="timeline"),
    path("faq/", page(views.FAQView), name="faq"),
    path("search/", page(views.SearchView), name="search"),
    path("convention/", page(views.ConventionView), name="convention"),
    path("convention/status/", page(views.ConventionStatusView), name="convention-status"),
    path(
        "convention/status.csv",
        transaction.non_atomic_requests(require_safe(views.status_csv)),
        name="convention-status-csv",
    ),
    # Read by programs, but in the page's language: a feed and a calendar per language.
    path("calendar.ics", machine_view(calendar.calendar_view), name="calendar"),
    path("feeds/updates/", machine_view(feeds.UpdatesFeed()), name="feed-updates"),
]
