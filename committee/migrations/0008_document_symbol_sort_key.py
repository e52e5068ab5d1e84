"""Documents ordered by their symbol's numbers (A/AC.291/6 before A/AC.291/10), in the database.

``Document.symbol_sort_key`` is derived from the symbol on save (``symbols.symbol_sort_key``);
this migration fills it for the documents already there, and adds the index of the registry's
order on PostgreSQL only, as 0003 does (SQLite cannot put NULLS LAST in an index).
"""

from django.db import migrations, models

from committee.symbols import symbol_sort_key

INDEX = models.Index(
    models.F("publication_state"),
    models.OrderBy(models.F("date"), descending=True, nulls_last=True),
    models.OrderBy(models.F("symbol_sort_key"), nulls_last=True),
    models.F("title"),
    name="document_registry_order",
)


def fill_keys(apps, schema_editor):
    Document = apps.get_model("committee", "Document")
    documents = list(Document.objects.using(schema_editor.connection.alias).exclude(symbol=None).only("symbol"))
    for document in documents:
        document.symbol_sort_key = symbol_sort_key(document.symbol)
    Document.objects.using(schema_editor.connection.alias).bulk_update(documents, ["symbol_sort_key"], batch_size=500)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("committee", "Document"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("committee", "Document"), INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0007_convention_and_participants"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="document",
            options={
                "ordering": [
                    models.OrderBy(models.F("date"), descending=True, nulls_last=True),
                    models.OrderBy(models.F("symbol_sort_key"), nulls_last=True),
                    "title",
                ],
                "verbose_name": "document",
                "verbose_name_plural": "documents",
            },
        ),
        migrations.AddField(
            model_name="document",
            name="symbol_sort_key",
            field=models.CharField(
                blank=True, editable=False, max_length=160, null=True, verbose_name="symbol's sort key"
            ),
        ),
        migrations.AddField(
            model_name="historicaldocument",
            name="symbol_sort_key",
            field=models.CharField(
                blank=True, editable=False, max_length=160, null=True, verbose_name="symbol's sort key"
            ),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="document", index=INDEX)],
            database_operations=[migrations.RunPython(add_index, remove_index)],
        ),
    ]
