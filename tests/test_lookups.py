"""``__any`` (committee/lookups.py): ``__in`` as one array parameter on PostgreSQL, ``__in`` elsewhere."""

import pytest
from django.db import connection

from committee.api.views import SOURCES
from committee.models import Document, DocumentVersion
from tests.factories import DocumentFactory, DocumentVersionFactory

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def documents():
    documents = DocumentFactory.create_batch(4)
    for document, language in zip(documents, ("en", "fr", "es", "en"), strict=True):
        DocumentVersionFactory(document=document, language=language)
    return documents


@pytest.mark.parametrize("picked", [[0], [1, 3], [0, 1, 2, 3], []])
def test_any_gives_what_in_gives(documents, picked):
    ids = [documents[index].pk for index in picked]

    by_any = DocumentVersion.objects.filter(document__pk__any=ids).order_by("pk").values_list("document_id", "language")
    by_in = DocumentVersion.objects.filter(document__pk__in=ids).order_by("pk").values_list("document_id", "language")

    assert list(by_any) == list(by_in)
    assert [language for _id, language in by_any] == [("en", "fr", "es", "en")[index] for index in picked]


def test_any_leaves_out_none_and_values_no_record_has(documents):
    ids = [documents[2].pk, None, 10**12]

    assert list(Document.objects.filter(pk__any=ids).values_list("slug", flat=True)) == [documents[2].slug]


def sql_and_params(ids):
    queryset = Document.objects.published().filter(pk__any=ids).order_by().values_list("pk")
    return queryset.query.get_compiler(using="default").as_sql()


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the array parameter is PostgreSQL's")
def test_on_postgresql_the_values_are_one_parameter_and_one_statement():
    one_sql, one_params = sql_and_params([7])
    fifty_sql, fifty_params = sql_and_params(list(range(1, 51)))

    assert one_sql == fifty_sql
    assert one_sql.endswith('"committee_document"."id" = ANY(%s::bigint[]))')
    assert (one_params, fifty_params) == (("published", [7]), ("published", list(range(1, 51))))


@pytest.mark.skipif(ON_POSTGRESQL, reason="other databases get __in")
def test_elsewhere_each_value_is_a_parameter():
    sql, params = sql_and_params([7, 8, 9])

    assert sql.endswith('"committee_document"."id" IN (%s, %s, %s))')
    assert params == ("published", 7, 8, 9)


def test_nested_lists_share_one_statement_on_postgresql_and_one_per_count_elsewhere():
    rows = SOURCES.rows_of(Document)

    (one_sql, one_params), (three_sql, three_params) = rows.bind([4]), rows.bind([4, 5, 6])

    assert (one_sql == three_sql) == ON_POSTGRESQL
    if ON_POSTGRESQL:  # the text of one array (committee.prepared._array_literal)
        assert (one_params[-1], three_params[-1]) == ("{4}", "{4,5,6}")
    else:
        assert three_params[-3:] == [4, 5, 6]
