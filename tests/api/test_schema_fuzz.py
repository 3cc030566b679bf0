"""Schemathesis against the OpenAPI schema: no generated request gets a 5xx answer.

The requests go in-process through the WSGI application, logged in as a national user (a
session cookie, so no password hashing per request), against locations of week 45 in two
provinces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings

from tests.opvang.factories import locations_week45, series_import


@pytest.fixture
def api_schema(
    db: Any, make_user: Callable[[str], Any], settings: Any, tmp_path: Any
) -> Iterator[Any]:
    settings.MEDIA_ROOT = tmp_path / "bestanden"
    locations_week45()
    series_import("2021-W45", {"nareizigers": 1395})
    client = Client()
    client.force_login(make_user("landelijk"))
    cookies = {"sessionid": client.cookies["sessionid"].value}
    document = client.get("/api/schema/", {"format": "json"}).json()
    # As Django's test client does: keep the test's transaction open between requests.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_dict(document)
        schema.app = get_wsgi_application()  # requests go in-process, as from_wsgi does
        COOKIES.update(cookies)
        yield schema
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


COOKIES: dict[str, str] = {}
"""The session cookie of the fixture's user, for every generated request."""


def test_no_request_gets_a_server_error(api_schema: Any) -> None:
    """Every operation of the schema, with generated parameters (valid and invalid)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    failures: list[str] = []
    statuses: set[int] = set()
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=12, suppress_health_check=list(HealthCheck), database=None)
        def check(case: Any) -> None:
            response = case.call(cookies=COOKIES)
            statuses.add(response.status_code)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query}")

        check()
    assert not failures, failures
    assert 200 in statuses  # logged in for real: the requests reached the endpoints
