"""Reading published reports, scoped by ``access.can_read_report``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.figures import NATIONAL
from regietafel.core.periods import IsoWeek
from regietafel.errors import NoDataError, NotFoundError
from regietafel.kerncijfers.selectors import figures_for, no_figures_reason
from regietafel.rapportage.models import PublishedReport


def readable_scopes(user: AnyUser) -> list[str]:
    """ "NL" and the province codes whose reports ``user`` may read."""
    scopes = ["NL"] + [p.code for p in reference.provinces()]
    return [scope for scope in scopes if access.can_read_report(user, scope)]


def reports_list(*, user: AnyUser) -> QuerySet[PublishedReport]:
    """Every published version the user may read, newest week first."""
    if not access.can_view(user):
        raise PermissionDenied
    return (
        PublishedReport.objects.filter(scope__in=readable_scopes(user))
        .select_related("published_by")
        .defer("data")
        .order_by("-week_start", "scope", "-version")
    )


def report_versions(*, user: AnyUser, week: str, scope: str) -> QuerySet[PublishedReport]:
    access.require_report(user, scope)
    return PublishedReport.objects.filter(week=week, scope=scope).defer("data").order_by("version")


def report_feed_items(*, user: AnyUser, scope: str) -> QuerySet[PublishedReport]:
    """Every version of one scope's reports for its feed, newest publication first."""
    access.require_report(user, scope)
    return (
        PublishedReport.objects.filter(scope=scope).defer("data").order_by("-published_at", "-pk")
    )


def published_scopes(*, user: AnyUser, week: str) -> frozenset[str]:
    """The scopes of ``week`` with a published report ``user`` may read (the national report
    links each province to its report, where its municipalities are)."""
    return frozenset(
        PublishedReport.objects.filter(week=week, scope__in=readable_scopes(user))
        .values_list("scope", flat=True)
        .distinct()
    )


def report_get(
    *, user: AnyUser, week: str, scope: str, version: int | None = None
) -> PublishedReport:
    """A version of a report (the latest when ``version`` is None); 403 before 404.

    Not published: ``NotFoundError``, or ``NoDataError`` when the week has no data, so
    nothing can be published from it (a reader waiting for "(nog) niet" would wait forever).
    """
    access.require_report(user, scope)
    reports = PublishedReport.objects.select_related("published_by").filter(week=week, scope=scope)
    report = (
        reports.filter(version=version).first()
        if version is not None
        else reports.order_by("-version").first()
    )
    if report is not None:
        return report
    if version is not None and reports.exists():
        raise NotFoundError(
            _("Versie %(version)s van dit rapport bestaat niet.") % {"version": version}
        )
    if scope != NATIONAL and not reference.is_province_code(scope):
        raise NotFoundError(_("Dit rapport is (nog) niet gepubliceerd."))
    name = _("Nederland") if scope == NATIONAL else reference.province(scope).name
    reason = no_figures_reason(
        figures_for(user=access.system_reader(), week=IsoWeek.parse(week), scope=scope)
    )
    if reason is not None:
        raise NoDataError(
            _(
                "Het rapport van week %(week)s voor %(name)s is niet gepubliceerd en kan ook "
                "niet worden gepubliceerd: die week heeft geen gegevens. %(reason)s"
            )
            % {"week": week, "name": name, "reason": reason}
        )
    raise NotFoundError(
        _("Het rapport van week %(week)s voor %(name)s is (nog) niet gepubliceerd.")
        % {"week": week, "name": name}
    )


def latest_report(*, week: str, scope: str) -> PublishedReport | None:
    """System read for the command line (no user): the newest version, if any."""
    return (
        PublishedReport.objects.select_related("published_by")
        .filter(week=week, scope=scope)
        .order_by("-version")
        .first()
    )
