"""Django's admin, with the portal's admin site (portal/admin_site.py) as ``admin.site``."""

from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    # Django's documented way to replace the default site: `@admin.register` in committee/admin.py
    # and every app's registrations land on it.
    default_site = "portal.admin_site.AdminSite"
