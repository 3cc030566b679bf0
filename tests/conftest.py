"""Shared fixtures: one user per role, and an isolated data folder for every test session."""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("REGIETAFEL_DATA_DIR", tempfile.mkdtemp(prefix="regietafel-test-"))

# No deadlines: a busy machine makes any example slow without anything being wrong. Loaded
# always, for every run (CI and local alike).
hypothesis_settings.register_profile("regietafel", deadline=None)
hypothesis_settings.load_profile("regietafel")

RUN_ID = secrets.token_hex(4)
"""Suffix of this run's test database on a database server (PostgreSQL)."""


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """Name the PostgreSQL test database per run, so two runs on one server do not clash.

    SQLite test databases live in memory and need no name.
    """
    from django.conf import settings

    for database in settings.DATABASES.values():
        if database["ENGINE"].endswith("sqlite3"):
            continue
        test = database.setdefault("TEST", {})
        base = test.get("NAME") or f"test_{database['NAME']}"
        test["NAME"] = f"{base[:50]}_{RUN_ID}"


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


@pytest.fixture(autouse=True)
def _page_cache(request: pytest.FixtureRequest, settings: Any) -> Any:
    """Most tests write with factories, without the audit row that moves the data generation
    on, so the page cache is off for them; ``@pytest.mark.page_cache`` (and the browser
    tests, which go through the product's own writes) turn it on. Emptied around each test."""
    from regietafel.web.page_cache import pages

    marked = {"page_cache", "browser"} & {mark.name for mark in request.node.iter_markers()}
    settings.REGIETAFEL_PAGE_CACHE = bool(marked)
    pages.clear()
    yield
    pages.clear()
