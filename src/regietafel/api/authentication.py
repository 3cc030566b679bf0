"""HTTP Basic on the API through the same log-in throttle as the log-in page and the admin.

Basic is the first authentication class (settings ``REST_FRAMEWORK``): DRF takes the first
class's ``authenticate_header`` for a request without a valid log-in, so the API answers 401
with a Basic challenge, as a machine client expects, instead of the session's bare 403.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BasicAuthentication

from regietafel.accounts.services import (
    LOGIN_THROTTLED,
    WRONG_CREDENTIALS,
    LoginThrottledError,
    login_attempt,
)
from regietafel.api.messages import BAD_BASIC_HEADER, REALM


class LoginThrottled(exceptions.Throttled):
    """The log-in throttle (``accounts.services.login_attempt``), not the request rate."""

    default_detail = LOGIN_THROTTLED


class _WrongCredentials(exceptions.AuthenticationFailed):
    default_detail = WRONG_CREDENTIALS


class ThrottledBasicAuthentication(BasicAuthentication):
    """Basic credentials checked by ``login_attempt``: once locked, 429, also for the right one."""

    www_authenticate_realm = REALM

    def authenticate(self, request: Any) -> tuple[Any, None] | None:
        """DRF's reading of the header, with one Dutch text for a header it cannot read."""
        try:
            return super().authenticate(request)
        except _WrongCredentials:
            raise
        except exceptions.AuthenticationFailed:
            raise exceptions.AuthenticationFailed(BAD_BASIC_HEADER) from None

    def authenticate_header(self, request: Any) -> str:
        """The challenge of a 401; the charset tells the client to send UTF-8 (RFC 7617)."""
        return f'Basic realm="{self.www_authenticate_realm}", charset="UTF-8"'

    def authenticate_credentials(
        self, userid: str, password: str, request: Any = None
    ) -> tuple[Any, None]:
        django_request = getattr(request, "_request", request)
        try:
            user = login_attempt(
                request=django_request, username=userid, password=password, audit_success=False
            )
        except LoginThrottledError:
            raise LoginThrottled from None
        if user is None:
            raise _WrongCredentials
        return (user, None)


class ThrottledBasicScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """The OpenAPI schema names the throttled Basic log-in as HTTP Basic (registered on import)."""

    target_class = "regietafel.api.authentication.ThrottledBasicAuthentication"
    name = "basicAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "basic",
            "description": "Gebruikersnaam en wachtwoord van regietafel; na vijf mislukte "
            "pogingen per kwartier 429, net als het inlogformulier.",
        }
