from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("committee.api.urls")),
    path("", include("committee.urls")),
]

# A database outage is a 503 with a message, never a stack trace (portal/errors.py).
handler500 = "portal.errors.handler500"
