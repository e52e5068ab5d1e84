"""An index in the order the registry and the API list published documents (models.Document.Meta).

PostgreSQL only: SQLite cannot put NULLS LAST in an index, and its record is small. The model
states the index either way, so the migration state is the same on both databases.
"""

from django.db import migrations, models

INDEX = models.Index(
    models.F("publication_state"),
    models.OrderBy(models.F("date"), descending=True, nulls_last=True),
    models.F("symbol"),
    models.F("title"),
    name="document_published_order",
)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("committee", "Document"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("committee", "Document"), INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0002_search_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="document", index=INDEX)],
            database_operations=[migrations.RunPython(add_index, remove_index)],
        ),
    ]
