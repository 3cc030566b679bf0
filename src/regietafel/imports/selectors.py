"""Reading imports, scoped by accounts.access; the current data of a week is its latest version."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from regietafel.accounts.access import AnyUser, can_view_imports
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import DATA_VALID_WEEKS
from regietafel.imports.models import Import, Kind, Status


def imports_list(*, user: AnyUser, kind: str | None = None) -> QuerySet[Import]:
    """Every import, newest first (accepted and refused)."""
    if not can_view_imports(user):
        raise PermissionDenied
    imports = Import.objects.select_related("uploaded_by")
    if kind:
        imports = imports.filter(kind=kind)
    return imports


def import_get(*, user: AnyUser, pk: int) -> Import:
    return get_object_or_404(imports_list(user=user), pk=pk)


def _accepted(kind: str) -> QuerySet[Import]:
    return Import.objects.filter(kind=kind, status=Status.ACCEPTED)


def current_import(*, kind: str, week: str) -> Import | None:
    """The highest accepted version for exactly this week; None if that week has none."""
    label = IsoWeek.parse(week).label
    return _accepted(kind).filter(week=label).order_by("-version").first()


def latest_import(*, kind: str, on_or_before: IsoWeek | str | date | None = None) -> Import | None:
    """The data of ``kind`` that holds in a week: the accepted import of the latest week up to
    ``on_or_before`` (a week, its text, or a day; any week if None), its highest version.

    A delivery holds for at most ``core.rules.DATA_VALID_WEEKS`` weeks: an older one does not
    count for ``on_or_before`` (None: that week has no data). Every app reads "the current
    register/realisation/series" through here.
    """
    imports = _accepted(kind)
    if on_or_before is not None:
        if isinstance(on_or_before, str):
            on_or_before = IsoWeek.parse(on_or_before)
        day = on_or_before.monday if isinstance(on_or_before, IsoWeek) else on_or_before
        imports = imports.filter(week_start__lte=day)
        valid = DATA_VALID_WEEKS.get(str(kind))
        if valid is not None:
            imports = imports.filter(week_start__gt=day - timedelta(weeks=valid))
    return imports.order_by("-week_start", "-version", "-id").first()


def missing_reason(*, kind: str, week: IsoWeek, noun: str) -> str:
    """Why ``week`` has no data of ``kind`` (``latest_import`` gave None), in Dutch, naming
    ``noun`` ("locatieregister"): none delivered at all, none up to the week, or the last one
    is older than it holds for (a user who knows a register exists must not be told there
    is none)."""
    label = week.label
    before = _accepted(kind).filter(week_start__lte=week.monday).order_by("-week_start").first()
    if before is not None:
        after = DATA_VALID_WEEKS.get(str(kind), 1) - 1
        return (
            f"Het laatste {noun} is van week {before.week} en geldt voor die week en de {after} "
            f"weken erna, niet meer voor week {label}: er zijn geen gegevens voor deze week."
        )
    first = _accepted(kind).order_by("week_start").first()
    if first is not None:
        return (
            f"Voor week {label} of eerder is geen {noun} aangeleverd; het eerste is van week "
            f"{first.week}."
        )
    return f"Er is nog geen {noun} aangeleverd."


DATA_NOUNS: Mapping[str, str] = {
    Kind.LOCATIES: "locatieregister",
    Kind.REALISATIE: "realisatiebestand",
    Kind.REEKSEN: "bestand met landelijke reeksen",
}
"""What a delivery of each kind is called in a reason ("Er is nog geen … aangeleverd.")."""


def no_data_reason(kind: str, week: IsoWeek | None) -> str | None:
    """Why ``week`` has no data of ``kind``, in Dutch (None: it has; for ``week`` None: no
    week has any). No data is never zero: a page, download or endpoint of such a week says
    this instead of an empty list that reads as nothing to do or zero."""
    noun = DATA_NOUNS[kind]
    if week is None:
        return f"Er is nog geen {noun} aangeleverd."
    if latest_import(kind=kind, on_or_before=week) is not None:
        return None
    return missing_reason(kind=kind, week=week, noun=noun)


def no_register_reason(week: IsoWeek | None) -> str | None:
    """Why ``week`` has no location register (``no_data_reason`` of the register)."""
    return no_data_reason(Kind.LOCATIES, week)


def current_imports(kind: str) -> QuerySet[Import]:
    """The current import of every week of ``kind``: its highest accepted version (one
    query, usable as a subquery). The one place that says which version of a week counts."""
    newer = _accepted(kind).filter(week=OuterRef("week"), version__gt=OuterRef("version"))
    return _accepted(kind).exclude(Exists(newer))


def import_versions(*, kind: str, week: str) -> QuerySet[Import]:
    """The accepted versions of a week, oldest first."""
    return _accepted(kind).filter(week=IsoWeek.parse(week).label).order_by("version")


def previous_version(record: Import) -> Import | None:
    """The accepted version before this one, for the same kind and week."""
    if record.version is None:
        return None
    return (
        _accepted(record.kind)
        .filter(week=record.week, version__lt=record.version)
        .order_by("-version")
        .first()
    )


def latest_week_with_data() -> IsoWeek | None:
    """The newest week with an accepted location register or realisation (the default week).

    Pages, forms and commands default to this week, never to the calendar week: a week
    without data must be chosen on purpose, and then says so.
    """
    latest = (
        Import.objects.filter(kind__in=("locaties", "realisatie"), status=Status.ACCEPTED)
        .order_by("-week_start")
        .values_list("week_start", flat=True)
        .first()
    )
    return IsoWeek.containing(latest) if latest is not None else None
