"""The API's error answers: the JSON body DRF gives, with the Dutch texts of ``messages``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from rest_framework import exceptions
from rest_framework.exceptions import ErrorDetail, NotFound
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from regietafel.api.authentication import LoginThrottled
from regietafel.api.messages import LOGIN_NEEDED, NO_ACCESS, TOO_MANY_REQUESTS
from regietafel.errors import NotFoundError


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's answer with our texts where DRF's are missing, English or give no reason.

    ``NotFoundError`` is a 404 with the selector's message. DRF has already decided 401 (with
    the Basic challenge) or 403 for a missing log-in (``APIView.handle_exception``); only the
    text is ours. The request-rate throttle's own text is half English.
    """
    if isinstance(exc, NotFoundError):
        exc = NotFound(str(exc))
    elif isinstance(exc, exceptions.NotAuthenticated):
        exc.detail = ErrorDetail(str(LOGIN_NEEDED), code=exc.default_code)
    elif isinstance(exc, exceptions.Throttled) and not isinstance(exc, LoginThrottled):
        seconds = max(1, int(getattr(exc, "wait", None) or 1))  # set by __init__, not typed
        exc.detail = ErrorDetail(
            str(TOO_MANY_REQUESTS) % {"seconds": seconds}, code=exc.default_code
        )
    elif _without_reason(exc):
        exc = exceptions.PermissionDenied(NO_ACCESS)
    response = drf_exception_handler(exc, context)
    if response is not None:
        # Plain text: the schema's YAML renderer wrote an ErrorDetail as {string:, code:}.
        response.data = _plain(response.data)
    return response


def _plain(data: Any) -> Any:
    if isinstance(data, dict):
        return {str(key): _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    return str(data) if isinstance(data, ErrorDetail) else data


def _without_reason(exc: Exception) -> bool:
    """A refusal raised without a reason (DRF would say "Je hebt geen toestemming …")."""
    if isinstance(exc, PermissionDenied):
        return not exc.args
    return isinstance(exc, exceptions.PermissionDenied) and (
        str(exc.detail) == str(exceptions.PermissionDenied.default_detail)
    )
