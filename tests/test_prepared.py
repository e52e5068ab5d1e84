"""Prepared queries give exactly what evaluating their queryset gives, in one query."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count
from django.db.models.signals import post_init

from committee.models import Document, PublicationState, Session
from committee.prepared import ROW, PreparedQuery, PreparedRows, fetch_together, record_maker
from tests.factories import DocumentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def loaded(records) -> list:
    """Each record's class, loaded fields, deferred fields and records joined by select_related."""
    shown = []
    for record in records:
        deferred = record.get_deferred_fields()
        fields = {
            field.attname: getattr(record, field.attname)
            for field in record._meta.concrete_fields
            if field.attname not in deferred
        }
        joined = {name: loaded([related])[0] for name, related in record._state.fields_cache.items() if related}
        extra = {name: value for name, value in vars(record).items() if name.startswith("n_")}
        shown.append((type(record), fields, sorted(deferred), joined, extra))
    return shown


@pytest.fixture
def sessions():
    mandate = DocumentFactory(symbol="A/RES/75/282", title="Mandate")
    first = SessionFactory(
        slug="first", title="First", start_date=datetime.date(2022, 2, 28), end_date=datetime.date(2022, 3, 11)
    )
    second = SessionFactory(
        slug="second",
        title="Second",
        start_date=datetime.date(2022, 5, 30),
        end_date=datetime.date(2022, 6, 10),
        mandate=mandate,
    )
    draft = SessionFactory(
        slug="draft",
        title="Draft",
        start_date=datetime.date(2022, 8, 29),
        end_date=datetime.date(2022, 9, 9),
        publication_state=PublicationState.DRAFT,
    )
    for index, session in enumerate((first, second, draft)):
        shown = DocumentFactory(symbol=f"A/AC.291/{index}", title=f"Shown {index}", date=session.start_date)
        hidden = DocumentFactory(symbol=f"A/AC.291/{index + 10}", publication_state=PublicationState.DRAFT)
        session.documents.add(shown, hidden, mandate)
    return first, second, draft


def session_by_slug(slug):
    return Session.objects.published().select_related("mandate").defer("mandate__summary").filter(slug=slug)[:1]


def documents_of(session):
    return Document.objects.published().filter(sessions=session).only("slug", "symbol", "title").order_by("symbol")


def sessions_from(date, kind):
    return Session.objects.published().filter(start_date__gte=date, kind=kind).order_by("start_date")


@pytest.mark.parametrize("slug", ["first", "second", "draft", "none"])
def test_a_record_by_slug_with_its_joined_record(sessions, slug, django_assert_num_queries):
    prepared = PreparedQuery(session_by_slug, slug=str)

    with django_assert_num_queries(1):
        records = prepared.all(slug=slug)

    assert loaded(records) == loaded(session_by_slug(slug))
    assert len(records) == (0 if slug in ("draft", "none") else 1)
    assert prepared.first(slug=slug) == (records[0] if records else None)


def test_the_joined_record_is_none_when_there_is_none(sessions):
    prepared = PreparedQuery(session_by_slug, slug=str)

    assert prepared.first(slug="first").mandate is None
    assert prepared.first(slug="second").mandate.symbol == "A/RES/75/282"


def test_records_through_a_many_to_many_relation(sessions, django_assert_num_queries):
    prepared = PreparedQuery(documents_of, session=int)

    for session in sessions:
        with django_assert_num_queries(1):
            records = prepared.all(session=session.pk)
        assert loaded(records) == loaded(documents_of(session.pk))
    assert [document.title for document in prepared.all(session=sessions[1].pk)] == ["Shown 1", "Mandate"]


@pytest.mark.parametrize(
    ("date", "kind", "slugs"),
    [
        (datetime.date(2022, 1, 1), "negotiating", ["first", "second"]),
        (datetime.date(2022, 3, 1), "negotiating", ["second"]),
        (datetime.date(2023, 1, 1), "negotiating", []),
        (datetime.date(2022, 1, 1), "concluding", []),
    ],
)
def test_dates_and_several_placeholders(sessions, date, kind, slugs):
    prepared = PreparedQuery(sessions_from, date=datetime.date, kind=str)

    records = prepared.all(date=date, kind=kind)

    assert loaded(records) == loaded(sessions_from(date, kind))
    assert [record.slug for record in records] == slugs


def test_annotations_are_set_on_the_records(sessions):
    def counted(slug):
        return Session.objects.filter(slug=slug).annotate(n_documents=Count("documents")).order_by()

    prepared = PreparedQuery(counted, slug=str)

    assert [record.n_documents for record in prepared.all(slug="second")] == [3]
    assert loaded(prepared.all(slug="second")) == loaded(counted("second"))


def test_a_placeholder_that_does_not_reach_the_sql_is_refused(sessions):
    prepared = PreparedQuery(lambda slug: Session.objects.filter(slug="first"), slug=str)

    with pytest.raises(ValueError, match=r"Placeholders \['slug'\] do not reach the SQL"):
        prepared.all(slug="first")


def test_prefetching_is_refused(sessions):
    prepared = PreparedQuery(lambda slug: Session.objects.filter(slug=slug).prefetch_related("documents"), slug=str)

    with pytest.raises(ValueError, match="without prefetching"):
        prepared.all(slug="first")


def test_placeholders_are_typed_and_all_given():
    with pytest.raises(TypeError, match="Placeholder 'at' is a <class 'float'>"):
        PreparedQuery(lambda at: Session.objects.filter(pk=at), at=float)
    prepared = PreparedQuery(sessions_from, date=datetime.date, kind=str)
    with pytest.raises(TypeError, match=r"Give a value for each of \['date', 'kind'\]; given \['date'\]"):
        prepared.all(date=datetime.date(2022, 1, 1))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_postgresql_prepares_a_query_once_it_has_run_five_times(sessions):
    # DATABASE_PREPARED_STATEMENTS (portal/settings.py): psycopg's prepare_threshold of 5.
    prepared = PreparedQuery(session_by_slug, slug=str)
    pattern = '%"committee_session"."slug" = $%LIMIT 1'

    def prepared_on_the_server():
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s", [pattern])
            return len(cursor.fetchall())

    for _ in range(5):
        prepared.all(slug="first")
    before = prepared_on_the_server()
    prepared.all(slug="first")

    assert (before, prepared_on_the_server()) == (0, 1)


def sessions_and_dates(ids):
    return Session.objects.published().filter(pk__any=ids).order_by("pk").values_list("slug", "start_date")


@pytest.mark.parametrize("picked", [(0,), (0, 1), (0, 1, 2), (2,)])
def test_prepared_rows_are_the_rows_of_their_queryset_for_any_ids(sessions, picked, django_assert_num_queries):
    rows = PreparedRows(sessions_and_dates)
    ids = [sessions[index].pk for index in picked]

    with django_assert_num_queries(1):
        fetched = fetch_together("default", [rows.bind(ids)])[0]
    found = list(rows.rows(ids, fetched))

    assert found == list(sessions_and_dates(ids))
    published = PublicationState.PUBLISHED
    assert found == [(s.slug, s.start_date) for s in sessions if s.pk in ids and s.publication_state == published]
    assert all(isinstance(date, datetime.date) for _slug, date in found)  # through the converters


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one array parameter on PostgreSQL only")
def test_ids_reach_postgresql_as_the_text_of_one_array(sessions):
    rows = PreparedRows(sessions_and_dates)
    ids = [session.pk for session in sessions]

    _sql, params = rows.bind(ids)
    _sql, params_of_text = rows.bind([str(pk) for pk in ids])  # not whole numbers: psycopg's own list

    published = PublicationState.PUBLISHED
    assert params == [published, "{" + ",".join(str(pk) for pk in ids) + "}"]
    assert params_of_text == [published, [str(pk) for pk in ids]]
    assert list(rows.rows(ids, fetch_together("default", [rows.bind(ids)])[0])) == list(sessions_and_dates(ids))


def test_prepared_rows_refuse_ids_that_do_not_reach_the_sql():
    rows = PreparedRows(lambda ids: Session.objects.filter(slug="first").values_list("pk"))
    by_text = PreparedRows(lambda value: Session.objects.filter(slug="first").values_list("pk"), by=str)

    with pytest.raises(ValueError, match="The values do not reach the SQL as parameters of their own"):
        rows.bind([1])
    with pytest.raises(ValueError, match="The values do not reach the SQL as parameters of their own"):
        by_text.bind("first")
    with pytest.raises(TypeError, match="found by a list of ids or by a str, not by <class 'int'>"):
        PreparedRows(lambda value: Session.objects.filter(pk=value).values_list("pk"), by=int)


def documents_of_session(slug):
    return Document.objects.filter(sessions__slug=slug).order_by("symbol").values_list("sessions", "symbol", "date")


@pytest.mark.parametrize(
    ("slug", "symbols"),
    [
        ("first", ["A/AC.291/0", "A/AC.291/10", "A/RES/75/282"]),
        ("second", ["A/AC.291/1", "A/AC.291/11", "A/RES/75/282"]),
        ("draft", ["A/AC.291/12", "A/AC.291/2", "A/RES/75/282"]),
        ("none", []),
    ],
)
def test_prepared_rows_by_a_text_are_the_rows_of_their_queryset(sessions, slug, symbols, django_assert_num_queries):
    rows = PreparedRows(documents_of_session, by=str)

    with django_assert_num_queries(1):
        fetched = fetch_together("default", [rows.bind(slug)])[0]
    found = list(rows.rows(slug, fetched))

    assert found == list(documents_of_session(slug))
    assert [symbol for _session, symbol, _date in found] == symbols
    assert {session for session, _symbol, _date in found} == {s.pk for s in sessions if s.slug == slug}
    dates = [date for _session, _symbol, date in found if date is not None]  # the shown document's
    assert len(dates) == (1 if symbols else 0)
    assert all(isinstance(date, datetime.date) for date in dates)  # through the converters


def published_documents():
    return Document.objects.published().only("slug", "symbol", "title")


@pytest.mark.parametrize(("low", "high"), [(0, 2), (1, 3), (2, 50), (0, 1), (10, 20)])
def test_a_page_is_the_slice_of_the_queryset(sessions, low, high, django_assert_num_queries):
    prepared = PreparedQuery(published_documents)

    with django_assert_num_queries(1):
        page = prepared.page(low, high)

    assert loaded(page) == loaded(published_documents()[low:high])


def test_a_page_s_limit_and_offset_are_parameters_of_one_statement():
    compiled, params = PreparedQuery(published_documents).bind({}, paged=True)

    assert compiled.sql.endswith(" LIMIT %s OFFSET %s")
    assert "987654321" not in compiled.sql and "123456789" not in compiled.sql
    assert compiled.page_slots == (len(params) - 2, len(params) - 1)


def test_a_page_of_a_sliced_queryset_or_an_empty_slice_is_refused():
    with pytest.raises(ValueError, match="its queryset must not be sliced"):
        PreparedQuery(lambda: published_documents()[:5]).page(0, 2)
    with pytest.raises(ValueError, match=r"not \[3:3\]"):
        PreparedQuery(published_documents).page(3, 3)


# --- Records made from rows ----------------------------------------------------------------


def test_a_record_made_from_a_row_is_one_read_from_the_database(sessions, django_assert_num_queries):
    columns = ["id", "slug", "title"]
    session = Session.objects.get(slug="first")
    make = record_maker(Session, columns, "default")

    record = make([session.pk, "first", "First"])

    assert loaded([record]) == loaded(list(Session.objects.only(*columns).filter(slug="first")))
    assert (record._state.adding, record._state.db) == (False, "default")
    with django_assert_num_queries(1):
        assert record.start_date == datetime.date(2022, 2, 28)  # a deferred column, read when asked for
    sessions_before = Session.objects.count()
    record.title = "First session"
    record.save(update_fields=["title"])  # an update, not an insert
    assert (Session.objects.count(), Session.objects.get(pk=session.pk).title) == (sessions_before, "First session")


def test_a_model_with_receivers_of_its_init_signals_gets_its_records_from_from_db(sessions):
    initialized = []

    def receiver(sender, instance, **kwargs):
        initialized.append(instance.slug)

    post_init.connect(receiver, sender=Session)
    try:
        records = PreparedQuery(lambda: Session.objects.order_by("start_date")).all()
        made = record_maker(Session, ["id", "slug"], "default")([records[0].pk, "first"])
    finally:
        post_init.disconnect(receiver, sender=Session)

    assert [record.slug for record in records] == list(
        Session.objects.order_by("start_date").values_list("slug", flat=True)
    )
    assert initialized == [*(record.slug for record in records), "first"]
    assert made.slug == "first"


def test_records_of_a_query_prepared_to_keep_rows_keep_their_sql_and_row(sessions):
    def build():
        return Session.objects.select_related("mandate").only("slug", "mandate__symbol").order_by("start_date")

    kept = PreparedQuery(build, keep_rows=True)
    records = kept.all()
    compiled, _params = kept.bind({})
    expected_rows = [
        (session.pk, session.slug, session.mandate_id, *((mandate.pk, mandate.symbol) if mandate else (None, None)))
        for session in build()
        for mandate in [session.mandate]
    ]

    assert [record.__dict__[ROW] for record in records] == [
        (compiled.sql, frozenset({"mandate"}), row) for row in expected_rows
    ]
    assert [record.mandate.symbol if record.mandate else None for record in records] == [
        session.mandate.symbol if session.mandate else None for session in build()
    ]
    assert all(ROW not in record.__dict__ for record in PreparedQuery(build).all())
