"""Walking the URL conf, so tests can insist that every named URL is covered."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver


def named_routes(
    patterns: list[URLPattern | URLResolver] | None = None, prefix: str = ""
) -> Iterator[tuple[str, str]]:
    """Every (name, route) in the URL conf, with the route from the root."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from named_routes(list(entry.url_patterns), route)
        elif entry.name:
            yield entry.name, route
