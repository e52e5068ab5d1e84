"""Addresses under /api/: the v1 resources, the OpenAPI schema and its interactive docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"


class Router(DefaultRouter):
    # JSON is the only format: no ".json" suffix routes, and the root answers any Accept with it.
    include_format_suffixes = False
    APIRootView = views.APIRootView


router = Router()
router.register("sessions", views.SessionViewSet, basename="session")
router.register("readings", views.ReadingViewSet, basename="reading")
router.register("chapters", views.ChapterViewSet, basename="chapter")
router.register("negotiation-groups", views.NegotiationGroupViewSet, basename="negotiation-group")
router.register("consultations", views.ConsultationViewSet, basename="consultation")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("bureau", views.BureauMembershipViewSet, basename="bureau-membership")
router.register("milestones", views.MilestoneViewSet, basename="milestone")
router.register("faq", views.FAQEntryViewSet, basename="faq-entry")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("participants", views.ParticipantViewSet, basename="participant")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.SwaggerView.as_view(url_name="api:schema"), name="docs"),
    # Anything else ending in a slash; addresses without one are redirected to it first (APPEND_SLASH).
    re_path(r"^(?:[\s\S]*/)?\Z", views.not_found),
]
