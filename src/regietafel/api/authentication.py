"""HTTP Basic on the API through the same log-in throttle as the log-in page and the admin."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BasicAuthentication

from regietafel.accounts.services import LoginThrottledError, login_attempt


class ThrottledBasicAuthentication(BasicAuthentication):
    """Basic credentials checked by ``login_attempt``: once locked, 429, also for the right one."""

    def authenticate_credentials(
        self, userid: str, password: str, request: Any = None
    ) -> tuple[Any, None]:
        django_request = getattr(request, "_request", request)
        try:
            user = login_attempt(
                request=django_request, username=userid, password=password, audit_success=False
            )
        except LoginThrottledError:
            raise exceptions.Throttled(
                detail=_("Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.")
            ) from None
        if user is None:
            raise exceptions.AuthenticationFailed(_("Gebruikersnaam of wachtwoord klopt niet."))
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
