"""Headers Django does not set itself: a strict Content-Security-Policy and Permissions-Policy."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel.errors import NoDataError, NotFoundError

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/beheer/"):  # the Django admin has its own inline styles
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


class MethodNotAllowedPageMiddleware:
    """A Dutch page for a 405 without a body: Django's ``require_POST`` answers with an empty
    response, which a browser shows as its own English error page. A user lands there by
    pressing Enter in the address bar after a form that posts (publishing a report, revoking
    an import). Responses with a body (the API's JSON) are left alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or response.content:
            return response
        page = render(request, "regietafel/405.html", status=405)
        if "Allow" in response.headers:
            page.headers["Allow"] = response.headers["Allow"]
        return page


class DomainErrorMiddleware:
    """The one place a page turns a domain error into HTTP: ``NotFoundError`` is the 404
    page and ``NoDataError`` (a week without data: nothing to show or download) its "Geen
    gegevens voor deze week" variant (``web.views.not_found``). Selectors stay free of HTTP;
    the API has its own translation (``api.errors.exception_handler``), the command line
    prints the line."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, NotFoundError | NoDataError):
            raise Http404(str(exception)) from exception
