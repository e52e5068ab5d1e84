"""Pagination of every API list: always on, page size chosen by the client up to a cap.

A ``page`` or ``page_size`` that is not a positive whole number is a 400 naming the parameter;
a ``page_size`` above the cap is clamped to it; a well-formed page past the last one is a 404.
Left empty, either is as if it were not given.
"""

import re

from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings

MAX_PAGE_SIZE = 100
POSITIVE_INT = re.compile(r"[1-9][0-9]*")
NOT_POSITIVE = _("A positive whole number is required, such as 1 or 2.")


def positive_int(value: str) -> int | None:
    """The value as a positive integer, or None: ASCII digits only (int() would take "٣" or " 3")."""
    return int(value) if POSITIVE_INT.fullmatch(value) else None


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = api_settings.PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_query_description = _("The page to return, from 1. A page past the last is a 404.")
    page_size_query_description = _("Results per page: %(default)s unless given; more than %(max)s is read as %(max)s.")
    # Only numbers: "?page=last" would be one more spelling to document and fuzz.
    last_page_strings = ()

    def paginate_queryset(self, queryset, request, view=None):
        errors = {}
        for name in (self.page_query_param, self.page_size_query_param):
            if request.query_params.get(name) and positive_int(request.query_params[name]) is None:
                errors[name] = [NOT_POSITIVE]
        if errors:
            raise ValidationError(errors)
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request):
        if request.query_params.get(self.page_size_query_param):
            return min(positive_int(request.query_params[self.page_size_query_param]), self.max_page_size)
        return self.page_size

    def get_schema_operation_parameters(self, view):
        description = self.page_size_query_description % {"default": self.page_size, "max": self.max_page_size}
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": str(self.page_query_description),
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": description,
                "schema": {"type": "integer", "minimum": 1},
            },
        ]

    def get_paginated_response_schema(self, schema):
        response_schema = super().get_paginated_response_schema(schema)
        response_schema["required"] = ["count", "next", "previous", "results"]
        for link in ("next", "previous"):
            response_schema["properties"][link]["example"] = (
                f"https://example.org/api/v1/sessions/?{self.page_query_param}=2"
            )
        return response_schema
