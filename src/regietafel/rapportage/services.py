"""Publishing a week: the figures are computed once, frozen as JSON and never changed.

A second publication of the same week and scope is a correction: a new version that keeps
the earlier ones, with the key figures that changed. Publishing unchanged figures again is
refused, so every version means something.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from django.core.exceptions import PermissionDenied
from django.db import transaction

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.core.periods import IsoWeek
from regietafel.kerncijfers.selectors import normalise_scope
from regietafel.rapportage.data import ReportData, key_figure_changes, section_changes
from regietafel.rapportage.files import report_files_schedule
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.notify import report_notify_published

NATIONAL = "NL"


class ReportUnchangedError(ValueError):
    """Publishing again would give the same figures; the message is Dutch."""


class CorrectionNoteMissingError(ValueError):
    """A correction (version 2 or later) without its explanation; the message is Dutch. The
    form said "verplicht bij een correctie", yet a correction was published without one."""


scope_normalise = normalise_scope
"""The one rule for naming a scope ("NL" or a province code), from the weekly figures."""


def report_publish(
    *,
    actor: AnyUser | None,
    week: str,
    scope: str = NATIONAL,
    note: str = "",
    collect: Callable[..., ReportData] | None = None,
) -> PublishedReport:
    """Freeze the figures of ``week`` for ``scope`` as a new version of its report.

    ``actor`` None is the command line (someone with access to the server itself); a user
    must be allowed by ``access.can_publish_report``. Raises PermissionDenied,
    ``PeriodError`` for an unreadable week, ``LookupError`` for an unknown province and
    ``ReportUnchangedError`` when the latest version already has exactly these figures,
    ``CorrectionNoteMissingError`` for a correction without ``note``, and
    ``collect.NoDataError`` for a week without any data (nothing is published then).
    """
    iso_week = IsoWeek.parse(week)
    code = scope_normalise(scope)
    if actor is not None and not access.can_publish_report(actor, code):
        raise PermissionDenied
    if collect is None:
        from regietafel.rapportage.collect import report_data_collect

        collect = report_data_collect
    data = collect(week=iso_week, scope=code)
    with transaction.atomic():
        latest = (
            PublishedReport.objects.select_for_update()
            .filter(week=iso_week.label, scope=code)
            .order_by("-version")
            .first()
        )
        changes: dict[str, object] = {}
        if latest is not None:
            previous = latest.report_data()
            if previous.comparable() == data.comparable():
                raise ReportUnchangedError(
                    f"geen wijzigingen ten opzichte van versie {latest.version}: "
                    f"het rapport van week {iso_week.label} ({data.scope_name}) is niet opnieuw "
                    "gepubliceerd"
                )
            if not note.strip():
                raise CorrectionNoteMissingError(
                    f"versie {latest.version + 1} is een correctie van versie {latest.version}: "
                    "geef een toelichting (wat is er veranderd en waarom)"
                )
            changes = {
                "vorige_versie": latest.version,
                "kerncijfers": [asdict(c) for c in key_figure_changes(previous, data)],
                "onderdelen": list(section_changes(previous, data)),
            }
        version = latest.version + 1 if latest is not None else 1
        report = PublishedReport.objects.create(
            week=iso_week.label,
            week_start=iso_week.monday,
            scope=code,
            version=version,
            data=data.to_dict(),
            synthetic=data.synthetic,
            published_by=actor if actor is not None and actor.is_authenticated else None,
            correction_note=note.strip(),
            changes=changes,
        )
        kind = f"correctie van versie {version - 1}" if version > 1 else "eerste versie"
        audit_record(
            actor=actor,
            action=Action.CREATED,
            target=report,
            object_id=f"{iso_week.label}/{code}/v{version}",
            summary=f"Rapport week {iso_week.label} {data.scope_name} gepubliceerd, "
            f"versie {version} ({kind})",
            changes=changes,
        )
        # Its PDF and Excel are made once, after the commit (rapportage.files).
        transaction.on_commit(lambda: report_files_schedule(report.pk))
        # Subscribers hear of it once it is committed; a mail problem cannot undo it.
        transaction.on_commit(lambda: report_notify_published(report.pk), robust=True)
    return report


def report_publish_all_provinces(
    *,
    actor: AnyUser | None,
    week: str,
    note: str = "",
    collect: Callable[..., ReportData] | None = None,
) -> tuple[list[PublishedReport], list[str]]:
    """Publish every province's report of ``week``; unchanged ones are skipped.

    Returns the new versions and, per skipped province, the Dutch reason.
    """
    published: list[PublishedReport] = []
    skipped: list[str] = []
    for province in reference.provinces():
        try:
            published.append(
                report_publish(
                    actor=actor, week=week, scope=province.code, note=note, collect=collect
                )
            )
        except ReportUnchangedError as error:
            skipped.append(f"{province.name}: {error}")
    return published, skipped
