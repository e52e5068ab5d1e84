"""Querysets made and compiled once per process: a page's fixed queries, run with new values.

Django builds a queryset's SQL again each time it is evaluated: it resolves the filters, joins and
columns, then compiles them. For the small fixed queries a page runs at every request (a record by
its address, the links of its relations) that costs two to three times the database's own answer,
about 0.3 to 0.5 ms a query against 0.15 ms. A ``PreparedQuery`` builds its queryset once, with a
placeholder for each value that changes, compiles it once per database, and at each call only binds
the values, runs the SQL and makes the model instances, as Django's ``ModelIterable`` makes them
(``select_related`` included), through the same converters.

A queryset can be prepared when its SQL does not depend on its values: filters comparing a field
with a value, ordering, ``select_related``, ``only``/``defer``, fixed slices. Not ``__in`` with a
list (one parameter per item), nor anything whose SQL changes with a value (``isnull=value``);
``PreparedQuery`` refuses a placeholder that does not reach the SQL as a parameter of its own.

``PreparedRows`` does the same for the plain rows of a ``values_list`` queryset of the records whose
ids are given (the cells of a page of 50 documents, an API page's nested lists), with ``__any``:
one array parameter on PostgreSQL. ``run_together`` and ``fetch_together`` send a page's queries
to PostgreSQL together, in one round trip.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.base import ModelState
from django.db.models.query import ModelIterable, get_related_populators
from django.db.models.signals import post_init, pre_init

# The slice a paged query is compiled with, standing for the LIMIT and OFFSET of each page.
PAGE_LIMIT, PAGE_OFFSET = 987_654_321, 123_456_789

# The attribute in which a record made by a query prepared with ``keep_rows`` keeps what it was made
# from: the query's SQL, the names of the records joined to it (select_related), and the row (its
# own columns, then those of the records joined to it). The API's nested records keep theirs in it
# too (committee.api.views.Nested: their columns' names, nothing joined, their values).
ROW = "_row"

# The types a placeholder may have, and how a value of each becomes a parameter (as the fields
# of those types prepare it: DateField through the backend's adapter).
PLACEHOLDER_TYPES = (int, str, datetime.date)


def _placeholder(kind: type, index: int):
    """A value of ``kind`` that no real value of the record takes, distinct for each ``index``."""
    if kind is int:
        return -(2**31) + 17 + index
    if kind is str:
        return f"\x00placeholder {index}\x00"
    return datetime.date(1, 1, 1) + datetime.timedelta(days=index)


def _parameter(kind: type, value, connection):
    if kind is datetime.date:
        return connection.ops.adapt_datefield_value(value)
    return value


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    slots: tuple[tuple[int, str], ...]  # (position in params, placeholder's name)
    compiler: object
    model: type[Model]
    fields_start: int
    fields_end: int
    init_list: list[str]
    related_populators: list
    annotation_col_map: dict
    converters: dict  # position: the converters of its column's value (as SQLCompiler.results_iter)
    page_slots: tuple[int, int] | None = None  # positions of the LIMIT and OFFSET of a page's query
    keeps_rows: bool = False  # whether each record keeps its row (ROW)
    joined: frozenset = frozenset()  # the names of the records joined to each (select_related)


def record_maker(model: type[Model], columns: Sequence[str], db: str) -> Callable[[Sequence], Model]:
    """A function that makes a record of ``model`` from the values of ``columns``, as Model.from_db would.

    Model.__init__ checks and sets each field in turn (the others as deferred), which costs more
    than reading the row; the record made here holds the same attributes and state. A model that
    has its own from_db, or receivers of its init signals, gets Model.from_db.
    """
    if (
        model.from_db.__func__ is not Model.from_db.__func__
        or pre_init.has_listeners(model)
        or post_init.has_listeners(model)
    ):
        return lambda values: model.from_db(db, columns, values)

    def make(values):
        record = model.__new__(model)
        record._state = state = ModelState()
        state.adding, state.db = False, db
        record.__dict__.update(zip(columns, values, strict=True))
        return record

    return make


class PreparedQuery:
    """A queryset built by ``build(**values)``, compiled once per database, run with new values.

    ``placeholders`` name ``build``'s arguments and give each one's type (``int``, ``str`` or
    ``datetime.date``)::

        DOCUMENTS_OF_SESSION = PreparedQuery(
            lambda session: Document.objects.published().filter(sessions=session).order_by("date"),
            session=int,
        )
        documents = DOCUMENTS_OF_SESSION.all(session=session.pk)

    With ``keep_rows``, each record keeps, in ``ROW``, the SQL and the row it was made from, and
    the names of the records joined to it: what it holds, joined records included, as a value that
    can be compared and hashed (the API keeps a record's representation by it).
    """

    def __init__(self, build: Callable[..., QuerySet], *, keep_rows: bool = False, **placeholders: type):
        for name, kind in placeholders.items():
            if kind not in PLACEHOLDER_TYPES:
                raise TypeError(f"Placeholder {name!r} is a {kind!r}; it can be one of {PLACEHOLDER_TYPES}.")
        self.build = build
        self.keep_rows = keep_rows
        self.placeholders = placeholders
        self._compiled: dict[tuple[str, str], _Compiled] = {}
        self._lock = threading.Lock()

    def all(self, **values) -> list[Model]:
        """The records for these values, as evaluating ``build(**values)`` gives them."""
        return run_together([(self, values)])[0]

    def page(self, low: int, high: int, **values) -> list[Model]:
        """The records ``low`` to ``high`` (excluded) for these values: ``build(**values)[low:high]``.

        One statement for every page: its LIMIT and OFFSET are parameters, where Django writes them
        into the SQL (the queryset ``build`` makes must not be sliced).
        """
        if not 0 <= low < high:
            raise ValueError(f"A page is a slice [low:high] with 0 <= low < high, not [{low}:{high}].")
        compiled, params = self.bind(values, paged=True)
        params[compiled.page_slots[0]], params[compiled.page_slots[1]] = high - low, low
        return _records(self._database(), [(compiled, params)])[0][0]

    def bind(self, values: dict, paged: bool = False) -> tuple[_Compiled, list]:
        """The compiled query for the database of the queryset, and its parameters for ``values``."""
        if values.keys() != self.placeholders.keys():
            raise TypeError(f"Give a value for each of {sorted(self.placeholders)}; given {sorted(values)}.")
        using = self._database()
        connection = connections[using]
        compiled = self._compiled.get((using, connection.vendor, paged)) or self._compile(using, paged)
        params = list(compiled.params)
        for position, name in compiled.slots:
            params[position] = _parameter(self.placeholders[name], values[name], connection)
        return compiled, params

    def first(self, **values) -> Model | None:
        """The first record for these values, or None (prepare a queryset sliced to one)."""
        records = self.all(**values)
        return records[0] if records else None

    @property
    def queryset(self) -> QuerySet:
        """The queryset, built with the placeholders' stand-in values."""
        return self._queryset()

    def _database(self) -> str:
        return self._queryset().db

    def _queryset(self) -> QuerySet:
        queryset = getattr(self, "_built", None)
        if queryset is None:
            placeholders = {
                name: _placeholder(kind, index) for index, (name, kind) in enumerate(self.placeholders.items())
            }
            queryset = self._built = self.build(**placeholders)
        return queryset

    def _compile(self, using: str, paged: bool = False) -> _Compiled:
        with self._lock:
            connection = connections[using]
            key = (using, connection.vendor, paged)
            if key in self._compiled:
                return self._compiled[key]
            queryset = self._queryset()
            if queryset._prefetch_related_lookups or queryset._iterable_class is not ModelIterable:
                raise ValueError("A prepared query gives model instances, without prefetching.")
            if paged:
                if queryset.query.is_sliced:
                    raise ValueError("A prepared query is paged by page(): its queryset must not be sliced.")
                queryset = queryset[PAGE_OFFSET : PAGE_OFFSET + PAGE_LIMIT]
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            page_slots = None
            if paged:
                # Django writes the slice into the SQL, last: it becomes two parameters.
                written = f" LIMIT {PAGE_LIMIT} OFFSET {PAGE_OFFSET}"
                if not sql.endswith(written) or sql.count(str(PAGE_LIMIT)) != 1:
                    raise ValueError(f"The page's LIMIT and OFFSET are not where they were expected: {sql}")
                sql = sql[: -len(written)] + " LIMIT %s OFFSET %s"
                page_slots = (len(params), len(params) + 1)
                params = (*params, PAGE_LIMIT, PAGE_OFFSET)
            expected = {
                _parameter(kind, _placeholder(kind, index), connection): name
                for index, (name, kind) in enumerate(self.placeholders.items())
            }
            slots = tuple(
                (position, expected[param]) for position, param in enumerate(params) if _is_placeholder(param, expected)
            )
            missing = set(self.placeholders) - {name for _position, name in slots}
            if missing:
                raise ValueError(f"Placeholders {sorted(missing)} do not reach the SQL as parameters: {sql}")
            select, klass_info = compiler.select, compiler.klass_info
            columns = [column[0] for column in select[: compiler.col_count]]
            if compiler.has_composite_fields(columns):
                raise ValueError("A prepared query cannot read composite fields.")
            select_fields = klass_info["select_fields"]
            start, end = select_fields[0], select_fields[-1] + 1
            compiled = self._compiled[key] = _Compiled(
                sql=sql,
                params=tuple(params),
                slots=slots,
                compiler=compiler,
                model=klass_info["model"],
                fields_start=start,
                fields_end=end,
                init_list=[column[0].target.attname for column in select[start:end]],
                related_populators=get_related_populators(klass_info, select, using),
                annotation_col_map=compiler.annotation_col_map or {},
                converters=compiler.get_converters(columns),
                page_slots=page_slots,
                keeps_rows=self.keep_rows,
                joined=frozenset(info["field"].name for info in klass_info.get("related_klass_infos", ())),
            )
            return compiled

    @staticmethod
    def _instances(compiled: _Compiled, rows: list, using: str):
        # As django.db.models.query.ModelIterable, from rows already read.
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        make, start, end = (
            record_maker(compiled.model, compiled.init_list, using),
            compiled.fields_start,
            compiled.fields_end,
        )
        for row in rows:
            record = make(row[start:end])
            for populator in compiled.related_populators:
                populator.populate(row, record)
            for name, position in compiled.annotation_col_map.items():
                setattr(record, name, row[position])
            if compiled.keeps_rows:
                record.__dict__[ROW] = (compiled.sql, compiled.joined, row if type(row) is tuple else tuple(row))
            yield record


class PreparedList:
    """A list read a page at a time by a prepared query (``PreparedQuery.page``), for a Paginator.

    ``count`` counts its records (a callable); a slice runs the query for that page.
    """

    ordered = True  # by the queryset's own order (the paginator asks)

    def __init__(self, query: PreparedQuery, *, count, **values):
        self.query, self._count, self.values = query, count, values
        self.model = query.queryset.model

    def count(self) -> int:
        return self._count()

    def __getitem__(self, page: slice) -> list:
        if not isinstance(page, slice) or page.step is not None or page.start is None or page.stop is None:
            raise TypeError("A prepared list is read a page at a time: list[low:high].")
        if page.stop <= page.start:
            return []
        return self.query.page(page.start, page.stop, **self.values)


def _array_literal(ids: list):
    """Whole numbers as PostgreSQL's text of an array, ``{1,2,3}``, which the SQL casts to its type.

    psycopg's dumper of a list looks at each value, for its type and whether to quote it: five
    times the cost of this, for the 50 ids of a page, and a page's nested lists send them six times.
    Anything but whole numbers is left to psycopg.
    """
    if all(type(value) is int for value in ids):
        return "{" + ",".join(map(str, ids)) + "}"
    return ids


class PreparedRows:
    """The rows of a ``values_list`` queryset for a list of ids, compiled once, run with new ids.

    ``build(ids)`` makes the queryset, filtering with ``__any`` (committee/lookups.py). On
    PostgreSQL the ids are one array parameter: one statement for any number of them. Elsewhere
    each id is a parameter of its own, and a statement is compiled for each number of ids::

        LANGUAGES = PreparedRows(
            lambda ids: DocumentVersion.objects.filter(document__pk__any=ids).values_list("document_id", "language")
        )
        rows = fetch_together("default", [LANGUAGES.bind(ids)])[0]
        for document_id, language in LANGUAGES.rows(ids, rows): ...

    With ``by=str``, ``build(value)`` takes one text instead (a record's slug), one parameter.
    """

    def __init__(self, build: Callable[[list], QuerySet], *, by: type = list):
        if by not in (list, str):
            raise TypeError(f"Prepared rows are found by a list of ids or by a str, not by {by!r}.")
        self.build, self.by = build, by
        self._statements: dict[tuple, tuple[str, tuple, tuple[int, ...], bool, tuple]] = {}
        self._built: QuerySet | None = None
        self._lock = threading.Lock()

    def _stand_in(self, count: int) -> list:
        # Values that no record has, standing for the real ones while the query is compiled.
        if self.by is str:
            return [_placeholder(str, 0)]
        return [_placeholder(int, index) for index in range(count)]

    def _statement(self, count: int) -> tuple[str, tuple, tuple[int, ...], bool, tuple]:
        if self._built is None:
            # Which database it reads, by the routers.
            self._built = self.build(self._stand_in(1)[0] if self.by is str else self._stand_in(1))
        using = self._built.db
        connection = connections[using]
        array = self.by is list and connection.vendor == "postgresql"
        key = (using, connection.vendor, None if array or self.by is str else count)
        statement = self._statements.get(key)
        if statement is not None:
            return statement
        with self._lock:
            values = self._stand_in(1 if array else count)
            compiler = self.build(values[0] if self.by is str else values).query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            params = tuple(params)
            if array:
                positions = tuple(position for position, value in enumerate(params) if value == values)
            else:
                positions = tuple(position for position, value in enumerate(params) if _is_placeholder(value, values))
            if len(positions) != len(values):
                raise ValueError(f"The values do not reach the SQL as parameters of their own: {sql}")
            columns = [column[0] for column in compiler.select[: compiler.col_count]]
            if compiler.has_composite_fields(columns):
                raise ValueError("Prepared rows cannot read composite fields.")
            statement = (sql, params, positions, array, (compiler, compiler.get_converters(columns)))
            self._statements[key] = statement
            return statement

    def bind(self, ids) -> tuple[str, list]:
        """The SQL and the parameters for these ids (at least one), or this value, for ``fetch_together``."""
        values = [ids] if self.by is str else ids
        sql, params, positions, array, _compiler = self._statement(len(values))
        params = list(params)
        if array:
            params[positions[0]] = _array_literal(values)
        else:
            for position, value in zip(positions, values, strict=True):
                params[position] = value
        return sql, params

    def rows(self, ids, fetched: list):
        """The rows fetched, through the columns' converters (a date read from SQLite, say).

        As ``SQLCompiler.results_iter`` gives them, with the converters found once.
        """
        compiler, converters = self._statement(1 if self.by is str else len(ids))[4]
        if not converters:
            return map(tuple, fetched)
        return map(tuple, compiler.apply_converters(fetched, converters))


def run_together(calls: list[tuple[PreparedQuery, dict]]) -> list[list[Model]]:
    """The records of each prepared query for its values; on PostgreSQL in one round trip.

    The queries must read the same database.
    """
    if not calls:
        return []
    return _records(calls[0][0]._database(), [query.bind(values) for query, values in calls])[0]


def run_with_rows(query: PreparedQuery, values: dict, rows: list[tuple[str, list]]) -> tuple[list[Model], list[list]]:
    """The records of a prepared query for its values, and the rows of other queries (``bind()``
    of ``PreparedRows``), on PostgreSQL in one round trip."""
    records, fetched = _records(query._database(), [query.bind(values)], rows)
    return records[0], fetched


def _records(using: str, bound: list[tuple[_Compiled, list]], rows=()) -> tuple[list[list[Model]], list[list]]:
    """The records of each bound prepared query, and the rows of each other query, fetched together."""
    fetched = fetch_together(using, [*((compiled.sql, params) for compiled, params in bound), *rows])
    records = [
        list(PreparedQuery._instances(compiled, found, using))
        for (compiled, _params), found in zip(bound, fetched[: len(bound)], strict=True)
    ]
    return records, fetched[len(bound) :]


def _pipeline(connection):
    """psycopg 3's pipeline mode of the connection, or None where there is none (SQLite, an old libpq)."""
    if connection.vendor != "postgresql" or not hasattr(connection.connection, "pipeline"):
        return None
    import psycopg  # only where the connection is psycopg's

    return connection.connection.pipeline if psycopg.Pipeline.is_supported() else None


def fetch_together(using: str, queries: list[tuple[str, list]]) -> list[list]:
    """The rows of each query: on PostgreSQL sent in one pipeline, a single round trip for them all.

    Each query still goes through Django's cursor, so it is counted and logged like any other.
    """
    connection = connections[using]
    connection.ensure_connection()
    pipeline = _pipeline(connection)
    if pipeline is None or len(queries) < 2:
        fetched = []
        with connection.cursor() as cursor:
            for sql, params in queries:
                cursor.execute(sql, params)
                fetched.append(cursor.fetchall())
        return fetched
    cursors = [connection.cursor() for _ in queries]
    try:
        with connection.wrap_database_errors, pipeline():
            for cursor, (sql, params) in zip(cursors, queries, strict=True):
                cursor.execute(sql, params)
        return [cursor.fetchall() for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()


def _is_placeholder(param, expected: dict) -> bool:
    try:
        return param in expected
    except TypeError:  # an unhashable parameter is never a placeholder
        return False
