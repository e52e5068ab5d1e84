"""Site search reads the record's English text (migration 0011): on PostgreSQL, each kind's stored
``search_vector`` is generated from the ``_en`` columns of its translated fields, and the trigram
indexes of translated title fields index the ``_en`` column, which ``icontains`` compares once
modeltranslation rewrites ``title__icontains`` to the English column (English being active).

The original columns (``title``) stay in the table, but they hold whatever language was active
when a record was last saved: search must not read them. Untranslated fields (a symbol, a person's
name, a city, a room, a venue) are read as before. Index names stay those of 0002 and 0009 (and
without a pending list, as 0004 left them); the way back regenerates them on the original columns.
"""

import importlib

from django.db import migrations

search_indexes = importlib.import_module("committee.migrations.0002_search_indexes")
milestone_search = importlib.import_module("committee.migrations.0009_milestone_search")

SEARCHED = (*search_indexes.SEARCHED, *milestone_search.SEARCHED)

# The fields of committee/translation.py that search reads: they are read in English.
TRANSLATED = {
    "Document": {"title", "summary"},
    "Session": {"title", "summary"},
    "Consultation": {"title", "summary", "panels"},
    "NegotiationGroup": {"name", "topics", "body"},
    "Chapter": {"title", "description"},
    "FAQEntry": {"question", "answer"},
    "Milestone": {"title", "description"},
}


def _english(model_name: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{field}_en" if field in TRANSLATED.get(model_name, ()) else field for field in fields)


def _regenerate(apps, schema_editor, columns_of):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    column = quote(search_indexes.COLUMN)
    for model_name, prefix, title_fields, other_fields in SEARCHED:
        model = apps.get_model("committee", model_name)
        table = quote(model._meta.db_table)
        vector = search_indexes.vector_sql(
            model, schema_editor, columns_of(model_name, title_fields), columns_of(model_name, other_fields)
        )
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # and its index
        schema_editor.execute(f"ALTER TABLE {table} ADD COLUMN {column} tsvector GENERATED ALWAYS AS ({vector}) STORED")
        schema_editor.execute(
            f"CREATE INDEX {quote(f'{prefix}_search_idx')} ON {table} USING gin ({column}) WITH (fastupdate = off)"
        )
        for field, field_name in zip(title_fields, columns_of(model_name, title_fields), strict=True):
            if field not in TRANSLATED.get(model_name, ()):
                continue  # not translated: its index stays as it is
            index = quote(f"{prefix}_{field}_trgm_idx")
            field_column = quote(model._meta.get_field(field_name).column)
            schema_editor.execute(f"DROP INDEX {index}")
            schema_editor.execute(
                f"CREATE INDEX {index} ON {table} "
                f"USING gin ((UPPER({field_column}::text)) gin_trgm_ops) WITH (fastupdate = off)"
            )


def read_english(apps, schema_editor):
    _regenerate(apps, schema_editor, _english)


def read_original(apps, schema_editor):
    _regenerate(apps, schema_editor, lambda model_name, fields: fields)


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0011_translations"),
    ]

    operations = [
        migrations.RunPython(read_english, read_original),
    ]
