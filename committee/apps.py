from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CommitteeConfig(AppConfig):
    name = "committee"
    verbose_name = _("The record")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Permissions are created after migrations; the Editors group follows them so that a
        # new model is editable by Editors as soon as it is migrated.
        post_migrate.connect(_sync_editors_after_migrate, sender=self, dispatch_uid="committee-editors")


def _sync_editors_after_migrate(sender, using="default", **kwargs):
    from .editors import sync_editors_group

    sync_editors_group(using=using)
