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
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators

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


class PreparedQuery:
    """A queryset built by ``build(**values)``, compiled once per database, run with new values.

    ``placeholders`` name ``build``'s arguments and give each one's type (``int``, ``str`` or
    ``datetime.date``)::

        DOCUMENTS_OF_SESSION = PreparedQuery(
            lambda session: Document.objects.published().filter(sessions=session).order_by("date"),
            session=int,
        )
        documents = DOCUMENTS_OF_SESSION.all(session=session.pk)
    """

    def __init__(self, build: Callable[..., QuerySet], **placeholders: type):
        for name, kind in placeholders.items():
            if kind not in PLACEHOLDER_TYPES:
                raise TypeError(f"Placeholder {name!r} is a {kind!r}; it can be one of {PLACEHOLDER_TYPES}.")
        self.build = build
        self.placeholders = placeholders
        self._compiled: dict[tuple[str, str], _Compiled] = {}
        self._lock = threading.Lock()

    def all(self, **values) -> list[Model]:
        """The records for these values, as evaluating ``build(**values)`` gives them."""
        return run_together([(self, values)])[0]

    def bind(self, values: dict) -> tuple[_Compiled, list]:
        """The compiled query for the database of the queryset, and its parameters for ``values``."""
        if values.keys() != self.placeholders.keys():
            raise TypeError(f"Give a value for each of {sorted(self.placeholders)}; given {sorted(values)}.")
        using = self._database()
        connection = connections[using]
        compiled = self._compiled.get((using, connection.vendor)) or self._compile(using)
        params = list(compiled.params)
        for position, name in compiled.slots:
            params[position] = _parameter(self.placeholders[name], values[name], connection)
        return compiled, params

    def first(self, **values) -> Model | None:
        """The first record for these values, or None (prepare a queryset sliced to one)."""
        records = self.all(**values)
        return records[0] if records else None

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

    def _compile(self, using: str) -> _Compiled:
        with self._lock:
            connection = connections[using]
            key = (using, connection.vendor)
            if key in self._compiled:
                return self._compiled[key]
            queryset = self._queryset()
            if queryset._prefetch_related_lookups or queryset._iterable_class is not ModelIterable:
                raise ValueError("A prepared query gives model instances, without prefetching.")
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
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
            )
            return compiled

    @staticmethod
    def _instances(compiled: _Compiled, rows: list, using: str):
        # As django.db.models.query.ModelIterable, from rows already read.
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        for row in rows:
            record = compiled.model.from_db(using, compiled.init_list, row[compiled.fields_start : compiled.fields_end])
            for populator in compiled.related_populators:
                populator.populate(row, record)
            for name, position in compiled.annotation_col_map.items():
                setattr(record, name, row[position])
            yield record


def run_together(calls: list[tuple[PreparedQuery, dict]]) -> list[list[Model]]:
    """The records of each prepared query for its values; on PostgreSQL in one round trip.

    The queries must read the same database.
    """
    if not calls:
        return []
    bound = [query.bind(values) for query, values in calls]
    using = calls[0][0]._database()
    fetched = fetch_together(using, [(compiled.sql, params) for compiled, params in bound])
    return [
        list(PreparedQuery._instances(compiled, rows, using))
        for (compiled, _params), rows in zip(bound, fetched, strict=True)
    ]


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
