"""The portal's apps: Django's admin with the portal's admin site, and the portal itself."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    # Django's documented way to replace the default site: `@admin.register` in committee/admin.py
    # and every app's registrations land on it.
    default_site = "portal.admin_site.AdminSite"


class PortalConfig(AppConfig):
    """What the site keeps apart from the record (portal/models.py)."""

    name = "portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import security  # noqa: F401  (registers the deploy check on the proxy count)
