"""Atom feeds of published reports per scope, for feed readers and the intranet.

A feed reader cannot fill in the log-in form, so a feed accepts the session (a browser that
is logged in) or HTTP Basic, checked by ``accounts.services.login_attempt``: the same
throttle as the log-in page, the API and the admin. Without either the answer is 401 with
a Basic challenge; a feed the user may not read is 403, as the report page is.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.accounts.services import (
    LOGIN_THROTTLED,
    WRONG_CREDENTIALS,
    LoginThrottledError,
    login_attempt,
)
from regietafel.rapportage import selectors
from regietafel.rapportage.models import PublishedReport

NATIONAL_SLUG = "landelijk"
FEED_SIZE = 50


def feed_scope(slug: str) -> str:
    """'landelijk' -> 'NL'; a province's slug ('noord-holland'), name or code -> its code."""
    if slug == NATIONAL_SLUG:
        return "NL"
    try:
        return reference.province(slug).code
    except reference.ReferenceDataError:
        raise Http404(_("Onbekende feed.")) from None


class ReportFeed(Feed[PublishedReport, str]):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return str(kwargs["scope"])

    def title(self, obj: str) -> str:
        name = _("Nederland") if obj == "NL" else reference.province(obj).name
        return _("Weekrapporten %(name)s (regietafel)") % {"name": name}

    def subtitle(self, obj: str) -> str:
        return _("Elke gepubliceerde versie van het weekrapport, nieuwste eerst.")

    def link(self, obj: str) -> str:
        return reverse("rapporten")

    def items(self, obj: str) -> QuerySet[PublishedReport]:
        return selectors.report_feed_items(user=self.user, scope=obj)[:FEED_SIZE]

    def item_title(self, item: PublishedReport) -> str:
        kind = _("correctie") if item.is_correction else _("eerste versie")
        return _("Weekrapport %(week)s, versie %(version)s (%(kind)s)") % {
            "week": item.week,
            "version": item.version,
            "kind": kind,
        }

    def item_description(self, item: PublishedReport) -> str:
        text = _("Het weekrapport van week %(week)s is gepubliceerd.") % {"week": item.week}
        if item.correction_note:
            text += " " + _("Toelichting: %(note)s") % {"note": item.correction_note}
        if item.synthetic:
            text += " " + _("Synthetische demodata.")
        return text

    def item_link(self, item: PublishedReport) -> str:
        """The version's own address; also the entry's id (a version never changes)."""
        path = reverse("rapport", kwargs={"week": item.week, "scope": item.scope})
        return f"{path}?versie={item.version}"

    def item_pubdate(self, item: PublishedReport) -> Any:
        return item.published_at

    def item_updateddate(self, item: PublishedReport) -> Any:
        return item.published_at

    def __init__(self, user: AnyUser) -> None:
        super().__init__()
        self.user = user


def _challenge(status: int, message: str) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    if status == 401:
        response["WWW-Authenticate"] = 'Basic realm="regietafel", charset="UTF-8"'
    return response


def _basic_credentials(request: HttpRequest) -> tuple[str, str] | None:
    header = request.headers.get("Authorization", "")
    kind, _space, encoded = header.partition(" ")
    if kind.lower() != "basic" or not encoded:
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, colon, password = decoded.partition(":")
    return (username, password) if colon else None


def report_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """The feed of one scope ('landelijk' or a province), for the session or HTTP Basic."""
    user: AnyUser = request.user
    if not user.is_authenticated:
        credentials = _basic_credentials(request)
        if credentials is None:
            return _challenge(401, _("Log in met uw gebruikersnaam en wachtwoord (HTTP Basic)."))
        try:
            found = login_attempt(
                request=request,
                username=credentials[0],
                password=credentials[1],
                audit_success=False,
            )
        except LoginThrottledError:
            return _challenge(429, str(LOGIN_THROTTLED))
        if found is None:
            return _challenge(401, str(WRONG_CREDENTIALS))
        user = found
    scope = feed_scope(slug)
    if not access.can_read_report(user, scope):
        raise PermissionDenied
    return ReportFeed(user)(request, scope=scope)
