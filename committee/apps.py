from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CommitteeConfig(AppConfig):
    name = "committee"
    verbose_name = _("The record")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.pagecache import new_version, version_after_migrate

        # Permissions are created after migrations; the Editors group follows them so that a
        # new model is editable by Editors as soon as it is migrated.
        post_migrate.connect(_sync_editors_after_migrate, sender=self, dispatch_uid="committee-editors")
        # Cached pages are stale after any write: signals, not views, so that invalidation follows
        # every write path (admin forms and inlines, actions, loaddata, the shell, migrations).
        for model in self.get_models(include_auto_created=True):
            for name, signal in (("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)):
                signal.connect(new_version, sender=model, dispatch_uid=f"pagecache-{name}-{model._meta.label}")
        # A migration (every deploy runs migrate) may change what pages show: a new version too.
        post_migrate.connect(version_after_migrate, sender=self, dispatch_uid="committee-pagecache")


def _sync_editors_after_migrate(sender, using="default", **kwargs):
    from .editors import sync_editors_group

    sync_editors_group(using=using)
