"""Log-in with throttling, and creating users; each write leaves its audit row."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regietafel.accounts.models import LoginFailure, Role, User
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record


class LoginThrottledError(Exception):
    """Too many failed attempts for this user name; try again after the window."""


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def login_attempt(*, request: HttpRequest, username: str, password: str) -> User | None:
    """Check credentials, refusing further tries after too many recent failures."""
    window_start = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    recent = LoginFailure.objects.filter(username__iexact=username, at__gte=window_start).count()
    if recent >= settings.LOGIN_MAX_FAILURES:
        raise LoginThrottledError
    user = authenticate(request, username=username, password=password)
    with transaction.atomic():
        if user is None:
            LoginFailure.objects.create(username=username[:150], ip_address=_client_ip(request))
            audit_record(
                actor=None,
                action=Action.LOGIN_FAILED,
                object_type="gebruiker",
                object_id=username[:100],
                summary=f"mislukte inlogpoging voor '{username[:100]}'",
            )
            return None
        LoginFailure.objects.filter(username__iexact=username).delete()
        audit_record(actor=user, action=Action.LOGGED_IN, target=user, summary="ingelogd")
    assert isinstance(user, User)
    return user


def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    role: Role,
    province_code: str = "",
    full_name: str = "",
) -> User:
    with transaction.atomic():
        user = User(username=username, role=role, province_code=province_code, first_name=full_name)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        audit_record(
            actor=actor,
            action=Action.CREATED,
            target=user,
            summary=f"gebruiker {username} aangemaakt met rol {role.label}",
            changes={"rol": str(role), "provincie": province_code},
        )
    return user
