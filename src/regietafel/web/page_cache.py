"""Pages rendered once per state of the data and per kind of reader.

The tables open the same pages in the same hour before a meeting, and a page of a week
changes only when the data changes: a new import, a withdrawal, a target, a published
report, a changed agreement. Every such write appends an audit row in its own transaction
(``audit.selectors.data_generation``), so a rendered page is kept under

- its full address (path and query) and the ``Accept`` header,
- the reader's role and province (``access.reader_class``: all the access rules read),
- the week the reader chose earlier (the session carries it to pages without ``?week=``),
- today's date (deadlines, "te laat", the default week) and the language,
- the data generation,

and shown again to every reader with the same key until one of them changes. Correct by
construction as long as every write goes through a service with its audit row; the test
``tests/web/test_page_cache.py`` changes the data and compares every cacheable page with a
fresh rendering.

Two things in a page belong to the person, not to the reader class: the CSRF token of the
forms and the user name in the header. They are rendered as placeholders into the stored
page and filled in for each request. A request with pending messages ("import opgeslagen")
is neither served from nor stored in the cache.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.html import escape

from regietafel.accounts import access
from regietafel.audit.selectors import data_generation
from regietafel.core.bounded_cache import BoundedCache
from regietafel.web.context import CSRF_PLACEHOLDER, USER_PLACEHOLDER, chosen_week

CACHEABLE = frozenset(
    {
        "home",
        "provincies",
        "provincie-detail",
        "gemeenten",
        "gemeente-detail",
        "taakstelling-list",
        "taakstelling-detail",
        "taakstelling-cyclus",
        "locaties",
        "locatie-detail",
        "reeksen",
        "opvangbeeld",
        "opvangbeeld-provincie",
        "prognose",
        "boodschappenlijst",
        "verdeling",
        "doelen",
        "begrippen",
        "afspraken",
        "afspraak-detail",
        "actielijst",
        "overleggen",
        "overleg-detail",
        "rapporten",
        "rapport",
        "bijlage",
        "api-kerncijfers",
        "api-opvangbeeld",
        "api-locaties",
        "api-locatie-detail",
        "api-boodschappenlijst",
        "api-taakstelling",
        "api-taakstelling-detail",
        "api-opvang-per-provincie",
        "api-realisatie",
        "api-verdeling",
        "api-provincies",
        "api-gemeenten",
        "api-reeksen",
        "api-prognose",
        "api-afspraken",
        "api-afspraak-detail",
        "api-actielijst",
        "api-overleggen",
    }
)
"""Read-only pages whose content depends on the data and the reader class only (checked
page by page: none shows anything of the person beyond the header). Not here: log-in and
log-out, imports and their files, the audit trail, notifications, the admin, and the report
downloads (those are stored bytes already, ``rapportage.files``)."""

MAX_PAGES = 512
MAX_BYTES = 64 * 1024 * 1024
"""Per process: a week's pages for every role and province fit many times over."""


@dataclass(frozen=True)
class StoredPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes


pages: BoundedCache[StoredPage] = BoundedCache(
    MAX_PAGES, MAX_BYTES, size=lambda page: len(page.content) + 512
)


def is_enabled() -> bool:
    return bool(getattr(settings, "REGIETAFEL_PAGE_CACHE", True))


class PageCacheMiddleware:
    """Serves a cacheable page from ``pages``; listed after the session, authentication,
    CSRF and message middleware, whose results it reads."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        key = _key(request)
        if key is None:
            return None
        rendered: list[HttpResponse] = []

        def render() -> StoredPage | None:
            response = _render_with_placeholders(request, view_func, view_args, view_kwargs)
            rendered.append(response)
            return _shareable(response, request)

        try:
            stored = pages.get_or_compute(key, render)
        except Exception:
            # An exception raised here would skip the exception middleware (a domain
            # ``NotFoundError`` became a 500, not the 404 page). Nothing is stored; Django
            # calls the view again itself, and its error takes the path of any page's.
            return None
        if stored is None:  # personal this time (a message, a cookie, not a 200)
            return _filled(rendered[-1], request)
        return _filled(stored, request)


def _key(request: HttpRequest) -> Hashable | None:
    match = request.resolver_match
    if (
        request.method != "GET"
        or match is None
        or match.url_name not in CACHEABLE
        or not is_enabled()
        or not access.can_view(request.user)
        or _has_messages(request)
    ):
        return None
    week = chosen_week(request)  # also remembers ?week= in the session, as the page would
    return (
        request.get_full_path(),
        request.headers.get("Accept", ""),
        access.reader_class(request.user),
        week.label if week is not None else "",
        timezone.localdate().isoformat(),
        getattr(request, "LANGUAGE_CODE", ""),
        data_generation(),
    )


def _render_with_placeholders(
    request: HttpRequest,
    view_func: Callable[..., Any],
    view_args: tuple[Any, ...],
    view_kwargs: dict[str, Any],
) -> HttpResponse:
    """Call the view as Django would and render its template with the placeholders."""
    request._regietafel_page_for_cache = True  # type: ignore[attr-defined]
    try:
        response: HttpResponse = view_func(request, *view_args, **view_kwargs)
        render = getattr(response, "render", None)
        if callable(render) and not getattr(response, "is_rendered", True):
            response = render() or response
    finally:
        request._regietafel_page_for_cache = False  # type: ignore[attr-defined]
    return response


def _shareable(response: HttpResponse, request: HttpRequest) -> StoredPage | None:
    """The response as it may be shown to every reader with the same key; None when it is
    personal or not a plain page."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or _has_messages(request)
    ):
        return None
    return StoredPage(
        status=response.status_code,
        headers=tuple(
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in {"set-cookie", "content-length"}
        ),
        content=response.content,
    )


def _has_messages(request: HttpRequest) -> bool:
    """Messages waiting to be shown (counted without marking them as read)."""
    return bool(len(get_messages(request)))


def _personal(content: bytes, request: HttpRequest) -> bytes:
    """``content`` with this person's CSRF token and user name in place of the placeholders."""
    if CSRF_PLACEHOLDER.encode() in content:
        content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
    if USER_PLACEHOLDER.encode() in content:
        name = escape(request.user.get_username()).encode()
        content = content.replace(USER_PLACEHOLDER.encode(), name)
    return content


def _filled(page: StoredPage | HttpResponse, request: HttpRequest) -> HttpResponse:
    if isinstance(page, StoredPage):
        response = HttpResponse(_personal(page.content, request), status=page.status)
        for name, value in page.headers:
            response.headers[name] = value
        return response
    if not page.streaming:
        page.content = _personal(page.content, request)
    return page
