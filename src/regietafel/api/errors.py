"""Domain errors in the API: the JSON answers DRF gives, with the selector's Dutch message."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from regietafel.errors import NotFoundError


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """``NotFoundError`` is a 404 with its message as ``detail``; the rest as DRF does."""
    if isinstance(exc, NotFoundError):
        exc = NotFound(str(exc))
    return drf_exception_handler(exc, context)
