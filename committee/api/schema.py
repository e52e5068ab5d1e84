"""What drf-spectacular cannot see by itself: the error responses and the headers of the API.

Every operation documents its 400, 404 and 429 (a 400 names the parameter: a language the portal
does not speak, or on a list a malformed filter or page), and its revalidation: the ``ETag`` of a
200 (set by Django's ``ConditionalGetMiddleware``), ``If-None-Match``, and the 304. Every query parameter may be
sent empty, which is the same as leaving it out.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

Error = inline_serializer(
    name="Error",
    fields={"detail": serializers.CharField(help_text=_("What went wrong, in words."))},
)

VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": str(_("For each parameter that was not accepted, why.")),
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "example": {"kind": ["Select a valid choice. nonsense is not one of the available choices."]},
}


class AutoSchema(openapi.AutoSchema):
    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        if isinstance(serializer, dict):
            return serializer
        is_list = getattr(self.view, "action", None) == "list"
        responses = {
            200: OpenApiResponse(
                serializer, description=_("A page of published records.") if is_list else _("The published record.")
            ),
            304: OpenApiResponse(
                description=_("Not modified: the response has not changed since the ETag the client sent.")
            ),
        }
        if is_list:
            responses[400] = OpenApiResponse(
                VALIDATION_ERROR_SCHEMA, description=_("A filter, ordering, page or lang parameter was malformed.")
            )
            responses[404] = OpenApiResponse(Error, description=_("The page is past the last one."))
        else:
            responses[400] = OpenApiResponse(
                VALIDATION_ERROR_SCHEMA, description=_("The lang parameter names a language the portal does not speak.")
            )
            responses[404] = OpenApiResponse(Error, description=_("No published record has this identifier."))
        responses[429] = OpenApiResponse(Error, description=_("Too many requests from this address; wait and retry."))
        return responses

    def get_override_parameters(self):
        lookup = []
        if getattr(self.view, "action", None) == "retrieve":
            lookup = [
                OpenApiParameter(
                    self.view.lookup_url_kwarg or self.view.lookup_field,
                    OpenApiTypes.STR,
                    OpenApiParameter.PATH,
                    description=self.view.lookup_description,
                    examples=[OpenApiExample(self.view.lookup_example, value=self.view.lookup_example)],
                )
            ]
        return [
            *super().get_override_parameters(),
            *lookup,
            OpenApiParameter(
                "lang",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                enum=[code for code, _name in settings.LANGUAGES],
                description=_(
                    "The language of the texts in the answer; without it, the Accept-Language header's, "
                    "else English. A text not translated is given in English. The answer's Content-Language names it."
                ),
            ),
            OpenApiParameter(
                "If-None-Match",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description=_("The ETag of a response the client has: a 304 if it is still the current one."),
            ),
            OpenApiParameter(
                "ETag",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                response=[200, 304],
                required=True,
                description=_("A hash of the response body."),
            ),
            OpenApiParameter(
                "Retry-After",
                OpenApiTypes.INT,
                OpenApiParameter.HEADER,
                response=[429],
                description=_("Seconds to wait before the next request."),
            ),
        ]


def allow_empty_query_values(result, generator, request, public):
    """Postprocessing hook: ``?kind=`` is no filter, as an HTML form sends an empty field."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    parameter["allowEmptyValue"] = True
    return result
