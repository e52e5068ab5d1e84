from django.urls import include, path, re_path

from . import views

app_name = "committee"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("sessions/", views.SessionListView.as_view(), name="session-list"),
    path("sessions/<slug:slug>/", views.SessionDetailView.as_view(), name="session-detail"),
    path("readings/", views.ReadingListView.as_view(), name="reading-list"),
    path("readings/<slug:slug>/", views.ReadingDetailView.as_view(), name="reading-detail"),
    path("chapters/", views.ChapterListView.as_view(), name="chapter-list"),
    path("chapters/<slug:slug>/", views.ChapterDetailView.as_view(), name="chapter-detail"),
    path("negotiation-groups/", views.GroupListView.as_view(), name="group-list"),
    path("negotiation-groups/<slug:slug>/", views.GroupDetailView.as_view(), name="group-detail"),
    path("consultations/", views.ConsultationListView.as_view(), name="consultation-list"),
    path("consultations/<slug:slug>/", views.ConsultationDetailView.as_view(), name="consultation-detail"),
    path("documents/", views.DocumentListView.as_view(), name="document-list"),
    # A document by slug, or by its UN symbol: /documents/A/AC.291/22/Rev.3/
    re_path(r"^documents/(?P<slug>[-a-zA-Z0-9_]+)/$", views.DocumentDetailView.as_view(), name="document-detail"),
    re_path(r"^documents/(?P<symbol>[^?#]+?)/$", views.DocumentDetailView.as_view(), name="document-by-symbol"),
    path("bureau/", views.BureauView.as_view(), name="bureau"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("faq/", views.FAQView.as_view(), name="faq"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("", include("committee.machine_urls")),
]
