"""``field__any=values``: the field is one of the values, sent as one array on PostgreSQL.

``__in`` writes a parameter per value: a page of 50 documents makes ``IN (%s, …, %s)`` with 50,
a different statement for each number of values, and more parameters than psycopg converts once
and keeps (its cache stops at 50). ``= ANY(%s)`` takes them all in one array parameter: the same
SQL for any number, converted once, and prepared once by PostgreSQL. Other databases get ``__in``.
"""

from django.db import models
from django.db.models.lookups import In


@models.Field.register_lookup
class AnyOf(In):
    lookup_name = "any"

    def as_postgresql(self, compiler, connection):
        values = [value for value in self.rhs if value is not None] if self.rhs_is_direct_value() else []
        if not values:
            # As __in: a subquery, or nothing to match in an empty list (Django's EmptyResultSet).
            return super().as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = [self.lhs.output_field.get_db_prep_value(value, connection, prepared=True) for value in values]
        # The array takes the column's type: psycopg would otherwise choose a type for the
        # values (smallint for small ids), and a different statement for each.
        array_type = self.lhs.output_field.cast_db_type(connection)
        return f"{lhs} = ANY(%s::{array_type}[])", (*lhs_params, values)
