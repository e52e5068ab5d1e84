from django.core.management.base import BaseCommand

from committee.editors import EDITORS_GROUP, sync_editors_group


class Command(BaseCommand):
    help = f"Create or update the {EDITORS_GROUP} group with exactly the rights to edit the record."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias (default: default).")

    def handle(self, *args, **options):
        group = sync_editors_group(using=options["database"])
        self.stdout.write(f"{group.name}: {group.permissions.count()} permissions.")
