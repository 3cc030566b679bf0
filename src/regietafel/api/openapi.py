"""What the OpenAPI schema says of every read endpoint beyond its parameters and its 200.

``read_operation`` is the one way an endpoint is described: a Dutch summary and description
(never the English docstring, which drf-spectacular would otherwise take), its answer, and
the error answers every endpoint gives, each with the shape of its body. A test checks that
every operation of the schema has them (``tests/api/test_schema.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers

from regietafel.api.messages import REALM

F = TypeVar("F", bound=Callable[..., Any])


class ErrorSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField(help_text="Wat er mis is, in het Nederlands.")


class ParameterErrorSerializer(serializers.Serializer[Any]):
    """A 400: ``detail`` or one list of messages per parameter (schema: the extension below)."""


class ParameterErrorScheme(OpenApiSerializerExtension):  # type: ignore[no-untyped-call]
    """An object with ``detail`` and any parameter name as keys: a serializer has fixed
    field names, so the schema is written out here (registered on import)."""

    target_class = "regietafel.api.openapi.ParameterErrorSerializer"

    def get_name(self, auto_schema: Any, direction: Any) -> str:
        return "ParameterError"

    def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return {
            "type": "object",
            "description": "Een onbekende of dubbele parameter staat in detail; een foute "
            "waarde staat onder de naam van haar parameter, als lijst van meldingen, "
            'bijvoorbeeld {"week": ["week 99 bestaat niet in 2021"]}.',
            "properties": {
                "detail": {"type": "string", "description": "Wat er mis is, in het Nederlands."}
            },
            "additionalProperties": {
                "type": "array",
                "items": {"type": "string"},
                "description": "De meldingen bij deze parameter.",
            },
        }


CHALLENGE = OpenApiParameter(
    "WWW-Authenticate",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[401],
    description=f'Basic realm="{REALM}", charset="UTF-8": log in met HTTP Basic.',
)

ERRORS: dict[int, OpenApiResponse] = {
    400: OpenApiResponse(
        ParameterErrorSerializer,
        description="Een parameter die het endpoint niet kent of die twee keer in de vraag "
        "staat, of een waarde die niet klopt (ook een onbekend format).",
    ),
    401: OpenApiResponse(
        ErrorSerializer,
        description="Niet ingelogd: geen, verkeerde of onleesbare inloggegevens. Log in met "
        "HTTP Basic (of een sessie van de website).",
    ),
    403: OpenApiResponse(
        ErrorSerializer,
        description="Ingelogd, maar dit account mag dit niet lezen (nog geen rol, of de "
        "details van een andere provincie); detail zegt waarom.",
    ),
    429: OpenApiResponse(
        ErrorSerializer,
        description="Te veel mislukte inlogpogingen (vijf per kwartier, ook daarna met het "
        "goede wachtwoord), of te veel verzoeken in korte tijd (zie Retry-After).",
    ),
}
"""The errors every read endpoint answers; a 404 only where the endpoint gives one."""


def read_operation(
    *,
    summary: str,
    description: str,
    ok: Any,
    parameters: Sequence[OpenApiParameter] = (),
    not_found: str = "",
) -> Callable[[F], F]:
    """``extend_schema`` of a read endpoint: ``ok`` with 200, the errors of ``ERRORS``, and a
    404 described by ``not_found`` when the endpoint can answer one."""
    # ``ok`` bare: drf-spectacular tells a list (operationId ``…_list``, pagination) by it.
    responses: dict[int, Any] = {200: ok, **ERRORS}
    if not_found:
        responses[404] = OpenApiResponse(ErrorSerializer, description=not_found)
    return extend_schema(
        summary=summary,
        description=description,
        parameters=[*parameters, CHALLENGE],
        responses=dict(sorted(responses.items())),
    )
