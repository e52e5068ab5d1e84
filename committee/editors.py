"""The Editors group: exactly the rights to edit the record, nothing about users or groups."""

from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Editors"
# The record lives in the committee app; its change history is read through the same models.
RECORD_APPS = ("committee",)


def editor_permissions(using: str = "default"):
    return (
        Permission.objects.using(using)
        .filter(content_type__app_label__in=RECORD_APPS)
        .exclude(content_type__model__startswith="historical")
    )


def sync_editors_group(using: str = "default") -> Group:
    """Create the Editors group if missing and give it exactly the record's permissions.

    Idempotent: run it as often as you like (it runs after every ``migrate``).
    """
    group, _created = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions(using))
    return group
