"""``/api/v1/`` lists what the API offers (was a 404 HTML page, found in the browser check)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from regietafel.api.views import API_INDEX

pytestmark = pytest.mark.django_db


def _named_api_lists() -> set[str]:
    """Every named API URL without arguments (a list), from the URL conf itself."""
    found: set[str] = set()

    def walk(patterns: list[Any]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif (
                isinstance(pattern, URLPattern)
                and (pattern.name or "").startswith("api-")
                and "<" not in str(pattern.pattern)
            ):
                found.add(pattern.name or "")

    walk(get_resolver().url_patterns)
    return found


def test_the_index_names_every_list_endpoint() -> None:
    listed = {name for name, _ in API_INDEX}
    assert _named_api_lists() - {"api-index", "api-schema"} == listed


def test_the_index_is_json_with_working_links(client_as: Callable[[str | None], Any]) -> None:
    client = client_as("landelijk")
    body = client.get("/api/v1/").json()
    assert body["schema"].endswith("/api/schema/")
    names = [part["naam"] for part in body["onderdelen"]]
    assert names[0] == "kerncijfers"
    assert len(names) == len(API_INDEX)
    locations = next(p for p in body["onderdelen"] if p["naam"] == "locaties")
    assert locations["adres"] == "http://testserver/api/v1/locaties/"
    assert client.get("/api/v1/provincies/").status_code == 200
    assert client_as(None).get("/api/v1/").status_code == 401
