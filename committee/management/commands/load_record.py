from django.core.management import call_command
from django.core.management.base import BaseCommand

from committee.models import Session


class Command(BaseCommand):
    help = (
        "Load the record (the 'committee' fixture) into a database that holds none yet. "
        "A database with a record is left alone, so staff edits are never overwritten; "
        "use `loaddata committee` to reload the fixture over it."
    )

    def handle(self, *args, **options):
        if Session.objects.exists():
            self.stdout.write("The record is already loaded; nothing to do (use `loaddata committee` to reload it).")
            return
        call_command("loaddata", "committee", verbosity=options["verbosity"], stdout=self.stdout)
