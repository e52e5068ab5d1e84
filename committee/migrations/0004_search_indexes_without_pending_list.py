"""The search indexes of migration 0002 without a pending list (``fastupdate = off``), on PostgreSQL.

With ``fastupdate`` on (PostgreSQL's default), a GIN index queues the entries of new and changed
rows in an unsorted pending list, which every search reads in full until a VACUUM (or the list's
4 MB limit) moves them into the index proper; the planner counts the list too, and for a list of
some hundred pages it gives up the indexes for a scan of the whole table. Loading a large record
in bulk before the next VACUUM made the search of 5,000 documents six times dearer. The record is
read far more than it is written: each write now goes into the index at once (for the admin, a row
at a time), and a search costs the same whenever it runs. The migration also moves what a list
already holds into the index.
"""

from django.db import migrations

# migration 0002's indexes: each kind's search_vector index and its title fields' trigram indexes
INDEXES = (
    "document_search_idx",
    "document_symbol_trgm_idx",
    "document_title_trgm_idx",
    "session_search_idx",
    "session_title_trgm_idx",
    "consultation_search_idx",
    "consultation_title_trgm_idx",
    "group_search_idx",
    "group_name_trgm_idx",
    "chapter_search_idx",
    "chapter_title_trgm_idx",
    "person_search_idx",
    "person_name_trgm_idx",
    "faq_search_idx",
    "faq_question_trgm_idx",
)


def without_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"ALTER INDEX {schema_editor.quote_name(index)} SET (fastupdate = off)")
        schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"ALTER INDEX {schema_editor.quote_name(index)} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0003_document_published_order"),
    ]

    operations = [
        migrations.RunPython(without_pending_list, with_pending_list),
    ]
