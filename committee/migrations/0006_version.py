"""A version on every record and inline row, raised by each save (models.Versioned), and kept in
each entry of the change history: the admin refuses a save over a change made since the form
was opened.

The document table gets its column by ALTER TABLE on SQLite too: Django would rebuild the table
there, with the index SQLite cannot hold (migration 0003).
"""

from django.db import migrations, models

MODELS = [
    "bureaumembership",
    "chapter",
    "consultation",
    "documentversion",
    "facilitation",
    "faqentry",
    "milestone",
    "negotiationgroup",
    "person",
    "reading",
    "readingitem",
    "recordcheck",
    "session",
    "sessiondocument",
    "source",
    "stakeholder",
]


def version_field():
    return models.PositiveIntegerField(default=1, editable=False, verbose_name="version")


def document_version_field():
    field = version_field()
    field.set_attributes_from_name("version")
    return field


def add_document_version(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            'ALTER TABLE "committee_document" ADD COLUMN "version" integer unsigned NOT NULL DEFAULT 1 '
            'CHECK ("version" >= 0)'
        )
    else:
        schema_editor.add_field(apps.get_model("committee", "Document"), document_version_field())


def remove_document_version(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute('ALTER TABLE "committee_document" DROP COLUMN "version"')
    else:
        schema_editor.remove_field(apps.get_model("committee", "Document"), document_version_field())


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0005_recordcheck"),
    ]

    operations = [
        *(migrations.AddField(model_name=name, name="version", field=version_field()) for name in MODELS),
        *(
            migrations.AddField(model_name=f"historical{name}", name="version", field=version_field())
            for name in [*MODELS, "document"]
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddField(model_name="document", name="version", field=version_field())],
            database_operations=[migrations.RunPython(add_document_version, remove_document_version)],
        ),
    ]
