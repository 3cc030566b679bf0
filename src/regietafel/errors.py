"""Errors every layer may raise and every edge knows how to show.

``UserError`` is anything a person can fix (a wrong week, a missing file): the command line
prints it as one Dutch line with exit status 2, a page shows it as a message. It lives here,
not in the CLI, so the apps can raise it without depending on an edge.
"""

from __future__ import annotations


class UserError(Exception):
    """Anything the user can fix: printed as one Dutch line on stderr, exit status 2."""


class NoDataError(LookupError):
    """A week without the data a document needs: nothing is published or written from it.

    No data is never zero; the message (Dutch) says which week and what is missing. A page or
    download that raises it is answered with a 404 titled "Geen gegevens voor deze week" and
    the message (``web.middleware.DomainErrorMiddleware``), not as an unknown address; the
    command line prints the line.
    """


class NotFoundError(UserError, LookupError):
    """What the user asked for does not exist (an unknown week, period, location, number).

    The message is Dutch. Selectors raise it; the edges translate it: a 404 page on the web
    (``web.middleware.DomainErrorMiddleware``), a JSON 404 in the API
    (``api.errors.exception_handler``), one line with exit status 2 on the command line
    (as every ``UserError``).
    """
