"""The registry's and the API's order end on the English title (``title_en``, migration 0011), the
column the pages sort by in every language: their two PostgreSQL indexes (0003, 0008) are made again
on it, so a page is still read from an index. PostgreSQL only, as 0003 and 0008."""

import importlib

from django.db import migrations, models

published_order = importlib.import_module("committee.migrations.0003_document_published_order")
registry_order = importlib.import_module("committee.migrations.0008_document_symbol_sort_key")


def on_english_title(index):
    """The same index, its last column (the title) the English title's."""
    *columns, _title = index.expressions
    return models.Index(*columns, models.F("title_en"), name=index.name)


OLD = [published_order.INDEX, registry_order.INDEX]
NEW = [on_english_title(index) for index in OLD]


def swap(removed, added):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        document = apps.get_model("committee", "Document")
        for old, new in zip(removed, added, strict=True):
            schema_editor.remove_index(document, old)
            schema_editor.add_index(document, new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0012_search_english_columns"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="document",
            options={
                "ordering": [
                    models.OrderBy(models.F("date"), descending=True, nulls_last=True),
                    models.OrderBy(models.F("symbol_sort_key"), nulls_last=True),
                    "title_en",
                ],
                "verbose_name": "document",
                "verbose_name_plural": "documents",
            },
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                *(migrations.RemoveIndex(model_name="document", name=old.name) for old in OLD),
                *(migrations.AddIndex(model_name="document", index=new) for new in NEW),
            ],
            database_operations=[migrations.RunPython(swap(OLD, NEW), swap(NEW, OLD))],
        ),
    ]
