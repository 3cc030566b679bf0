"""Log-in with throttling, and creating users; each write leaves its audit row."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regietafel.accounts.models import LoginFailure, LoginThrottle, Role, User
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record

LOGIN_THROTTLED = _("Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.")
"""What every log-in (form, admin, API, feeds) says once the throttle has locked a key."""
WRONG_CREDENTIALS = _("Gebruikersnaam of wachtwoord klopt niet.")
"""What every log-in says for a wrong user name or password (never which of the two)."""


class LoginThrottledError(Exception):
    """Too many failed attempts for this user name or address; try again after the window."""


def _client_ip(request: Any) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _throttle_keys(username: str, ip_address: str | None) -> list[str]:
    keys = [f"gebruiker:{username.strip().lower()[:150]}"]
    if ip_address:
        keys.append(f"ip:{ip_address}")
    return keys


def _reserve(keys: list[str]) -> None:
    """Count one attempt against every key, or raise LoginThrottledError for a locked key.

    Check and count are one conditional UPDATE per key (``failures < limit``), inside one
    transaction: of any number of parallel attempts at most the limit get through.
    """
    now = timezone.now()
    window_start = now - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    limit = settings.LOGIN_MAX_FAILURES
    with transaction.atomic():
        for key in keys:
            LoginThrottle.objects.get_or_create(key=key, defaults={"window_start": now})
            LoginThrottle.objects.filter(key=key, window_start__lt=window_start).update(
                failures=0, window_start=now
            )
            counted = LoginThrottle.objects.filter(key=key, failures__lt=limit).update(
                failures=F("failures") + 1
            )
            if not counted:
                raise LoginThrottledError


def _refund(keys: list[str], *, reset_user: bool) -> None:
    """After a right password: the user name starts afresh, the address gets its try back."""
    for key in keys:
        if key.startswith("gebruiker:") and reset_user:
            LoginThrottle.objects.filter(key=key).update(failures=0)
        else:
            LoginThrottle.objects.filter(key=key, failures__gt=0).update(failures=F("failures") - 1)


def login_attempt(
    *, request: Any, username: str, password: str, audit_success: bool = True
) -> User | None:
    """Check credentials through the one throttle shared by the form, the API and the admin.

    ``request`` is the Django request (or None). Every attempt counts against the user name
    and the client address before the password is checked; after ``LOGIN_MAX_FAILURES``
    within ``LOGIN_FAILURE_WINDOW_SECONDS`` every attempt is refused with
    ``LoginThrottledError``, also one with the right password. ``audit_success`` False (the
    API, which authenticates every request) leaves no "ingelogd" row.
    """
    ip_address = _client_ip(request)
    keys = _throttle_keys(username, ip_address)
    _reserve(keys)
    user = authenticate(request, username=username, password=password)
    with transaction.atomic():
        if user is None:
            LoginFailure.objects.create(username=username[:150], ip_address=ip_address)
            audit_record(
                actor=None,
                action=Action.LOGIN_FAILED,
                object_type="gebruiker",
                object_id=username[:100],
                summary=f"mislukte inlogpoging voor '{username[:100]}'",
            )
            return None
        _refund(keys, reset_user=True)
        if audit_success:
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
