"""Milestones in site search (committee/search.py), on PostgreSQL: as migration 0002 does for the
other kinds (a generated ``search_vector`` column with its GIN index, a trigram index on the
title), without a pending list as 0004 leaves the others. SEARCHED repeats the milestone's entry
of committee.search.TARGETS (a test compares them)."""

import importlib

from django.db import migrations

search_indexes = importlib.import_module("committee.migrations.0002_search_indexes")

# model, index name prefix, title fields (weight A), other fields (weight B)
SEARCHED = (("Milestone", "milestone", ("title",), ("description", "city")),)
INDEXES = ("milestone_search_idx", "milestone_title_trgm_idx")


def add_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    for model_name, prefix, title_fields, other_fields in SEARCHED:
        model = apps.get_model("committee", model_name)
        table = quote(model._meta.db_table)
        vector = search_indexes.vector_sql(model, schema_editor, title_fields, other_fields)
        column = quote(search_indexes.COLUMN)
        schema_editor.execute(f"ALTER TABLE {table} ADD COLUMN {column} tsvector GENERATED ALWAYS AS ({vector}) STORED")
        schema_editor.execute(
            f"CREATE INDEX {quote(f'{prefix}_search_idx')} ON {table} USING gin ({column}) WITH (fastupdate = off)"
        )
        for field in title_fields:
            field_column = quote(model._meta.get_field(field).column)
            schema_editor.execute(
                f"CREATE INDEX {quote(f'{prefix}_{field}_trgm_idx')} ON {table} "
                f"USING gin ((UPPER({field_column}::text)) gin_trgm_ops) WITH (fastupdate = off)"
            )


def remove_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    for model_name, prefix, title_fields, _other_fields in SEARCHED:
        for field in title_fields:
            schema_editor.execute(f"DROP INDEX {quote(f'{prefix}_{field}_trgm_idx')}")
        table = quote(apps.get_model("committee", model_name)._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN {quote(search_indexes.COLUMN)}")


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0008_document_symbol_sort_key"),
    ]

    operations = [
        migrations.RunPython(add_search, remove_search),
    ]
