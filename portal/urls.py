from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("committee.api.urls")),
    path("", include("committee.machine_urls")),
    # Chinese pages live under Django's code for the language, /zh-hans/; /zh/ is the short address.
    re_path(r"^zh/(?P<rest>.*)$", RedirectView.as_view(url="/zh-hans/%(rest)s", permanent=True, query_string=True)),
]
# The pages in each language: English at the addresses it always had, the others under their code.
urlpatterns += i18n_patterns(path("", include("committee.urls")), prefix_default_language=False)

# A database outage is a 503 with a message, never a stack trace (portal/errors.py).
handler500 = "portal.errors.handler500"
