"""HTTP Basic on the API through the same log-in throttle as the log-in page and the admin."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
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
