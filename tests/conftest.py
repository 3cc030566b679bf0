"""Shared fixtures: one user per role, and an isolated data folder for every test session."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from typing import Any

import pytest

os.environ.setdefault("REGIETAFEL_DATA_DIR", tempfile.mkdtemp(prefix="regietafel-test-"))

PASSWORD = "Regietafel-test-2021!"

ROLE_USERS: dict[str, dict[str, str]] = {
    "landelijk": {"role": "landelijk", "province_code": ""},
    "provincie": {"role": "provincie", "province_code": "PV27"},  # Noord-Holland
    "provincie_andere": {"role": "provincie", "province_code": "PV20"},  # Groningen
    "coa": {"role": "coa", "province_code": ""},
    "beheerder": {"role": "beheerder", "province_code": ""},
}


@pytest.fixture
def make_user(db: Any) -> Callable[[str], Any]:
    """Create (once) the user for a key of ROLE_USERS; the user name equals the key."""
    from regietafel.accounts.models import User

    def make(key: str) -> Any:
        spec = ROLE_USERS[key]
        user, created = User.objects.get_or_create(
            username=key, defaults={"role": spec["role"], "province_code": spec["province_code"]}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        return user

    return make


@pytest.fixture
def client_as(make_user: Callable[[str], Any]) -> Callable[[str | None], Any]:
    """A Django test client logged in as the user of a role key (None: anonymous)."""
    from django.test import Client

    def login(key: str | None) -> Any:
        client = Client()
        if key is not None:
            client.force_login(make_user(key))
        return client

    return login


@pytest.fixture(autouse=True)
def _fresh_figures() -> None:
    """Every test starts without cached weekly figures (test databases reuse primary keys)."""
    from regietafel.kerncijfers.selectors import cache_clear

    cache_clear()
