"""Reads the API needs beyond ``opvang.selectors``: areas, taakstelling and realisation.

Scoped by ``accounts.access`` exactly like the pages: a province user gets the municipalities
of their own province in full and the other provinces only as per-province totals. (To be
consolidated with ``taakstelling.selectors`` once both exist.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.api.messages import NO_ACCESS
from regietafel.core.periods import IsoWeek
from regietafel.core.taakstelling import TaakstellingRow, TaakstellingTotals, taakstelling_totals
from regietafel.errors import NotFoundError
from regietafel.imports.models import Kind
from regietafel.opvang.selectors import as_week, current_import
from regietafel.taakstelling.models import RealisationRecord, TaakstellingEntry, TaakstellingPeriod


@dataclass(frozen=True, slots=True)
class ProvinceRow:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class MunicipalityRow:
    code: str
    name: str
    province_code: str
    inhabitants: int
    population_date: date


@dataclass(frozen=True, slots=True)
class PeriodRow:
    label: str
    start: date
    end: date
    national_total: int
    population_date: date
    method: str
    source: str


@dataclass(frozen=True, slots=True)
class EntryRow:
    municipality_code: str
    municipality_name: str
    province_code: str
    inhabitants: int
    quota: float
    taakstelling: int
    arrears: int | None
    corrected: int


@dataclass(frozen=True, slots=True)
class TaakstellingProvinceTotal:
    province_code: str
    province_name: str
    municipalities: int
    inhabitants: int
    taakstelling: int
    arrears: int | None
    corrected: int | None
    """None: some municipality's is unknown (a total over a part is no total)."""


@dataclass(frozen=True, slots=True)
class TaakstellingDetail:
    period: PeriodRow
    entries: tuple[EntryRow, ...]
    provinces: tuple[TaakstellingProvinceTotal, ...]


@dataclass(frozen=True, slots=True)
class RealisationRow:
    period_label: str
    municipality_code: str
    municipality_name: str
    province_code: str
    housed: int
    week: str


def _require_view(user: AnyUser) -> None:
    if not access.can_view(user):
        raise PermissionDenied(NO_ACCESS)


def _require_province_detail(user: AnyUser, province_code: str | None) -> None:
    """A province filter asks for detail: refused for a province this user sees as totals,
    with the reason every page of that province gives (``access.province_refusal``)."""
    if province_code:
        access.require_province_detail(user, province_code)


def provinces_list(*, user: AnyUser) -> list[ProvinceRow]:
    _require_view(user)
    return [ProvinceRow(code=p.code, name=p.name) for p in reference.provinces()]


def municipalities_list(
    *, user: AnyUser, on: date, province_code: str | None = None
) -> list[MunicipalityRow]:
    """The municipal division on ``on`` (CBS data, public for every role).

    ReferenceDataError (Dutch) for a date before the bundled figures.
    """
    _require_view(user)
    return [
        MunicipalityRow(
            code=m.code,
            name=m.name,
            province_code=m.province_code,
            inhabitants=m.inhabitants,
            population_date=m.population_date,
        )
        for m in reference.municipalities(on)
        if not province_code or m.province_code == province_code
    ]


def _period_row(period: TaakstellingPeriod) -> PeriodRow:
    return PeriodRow(
        label=period.label,
        start=period.start,
        end=period.end,
        national_total=period.national_total,
        population_date=period.population_date,
        method=period.method,
        source=period.source,
    )


def taakstelling_periods(*, user: AnyUser) -> list[PeriodRow]:
    _require_view(user)
    return [_period_row(p) for p in TaakstellingPeriod.objects.order_by("start")]


def _visible_entries(
    user: AnyUser, period: TaakstellingPeriod, province_code: str | None
) -> QuerySet[TaakstellingEntry]:
    entries = TaakstellingEntry.objects.filter(period=period)
    own = access.own_province(user)
    if own is not None:
        entries = entries.filter(province_code=own)
    if province_code:
        entries = entries.filter(province_code=province_code)
    return entries


def _province_total(code: str, name: str, totals: TaakstellingTotals) -> TaakstellingProvinceTotal:
    return TaakstellingProvinceTotal(
        province_code=code,
        province_name=name,
        municipalities=totals.municipalities,
        inhabitants=totals.inhabitants,
        taakstelling=totals.taakstelling,
        arrears=totals.arrears,
        corrected=totals.corrected,
    )


def taakstelling_detail(
    *, user: AnyUser, label: str, province_code: str | None = None
) -> TaakstellingDetail:
    """A period's entries this user may see in full (of ``province_code`` only, if given),
    and totals for every province. PermissionDenied for another province of a province user.
    """
    _require_view(user)
    _require_province_detail(user, province_code)
    period = TaakstellingPeriod.objects.filter(label=label).first()
    if period is None:
        raise NotFoundError(_("Er is geen taakstelling voor periode %(label)s.") % {"label": label})
    names = {p.code: p.name for p in reference.provinces()}
    # Every province's totals by the core's one definition (``taakstelling_totals``, as the
    # CLI's totals row; a test holds them equal to the taakstelling page's).
    rows = tuple(
        TaakstellingRow(
            code=e.municipality_code,
            name=e.municipality_name,
            province=e.province_code,
            inhabitants=e.inhabitants,
            quota=e.quota,
            taakstelling=e.taakstelling,
            arrears=e.arrears,
            corrected=e.corrected,
        )
        for e in TaakstellingEntry.objects.filter(period=period)
    )
    codes = sorted({row.province for row in rows})
    return TaakstellingDetail(
        period=_period_row(period),
        entries=tuple(
            EntryRow(
                municipality_code=e.municipality_code,
                municipality_name=e.municipality_name,
                province_code=e.province_code,
                inhabitants=e.inhabitants,
                quota=e.quota,
                taakstelling=e.taakstelling,
                arrears=e.arrears,
                corrected=e.corrected,
            )
            for e in _visible_entries(user, period, province_code).order_by("municipality_code")
        ),
        provinces=tuple(
            _province_total(code, names.get(code, code), taakstelling_totals(rows, code))
            for code in codes
        ),
    )


def realisation_list(
    *, user: AnyUser, week: IsoWeek | str | None, province_code: str | None = None
) -> list[RealisationRow]:
    """The realisation rows that hold in ``week`` (of ``province_code`` only, if given), own
    province only for a province user; PermissionDenied for another province of that user,
    also when ``week`` is None (nothing delivered yet): the refusal must not depend on data.
    """
    _require_view(user)
    _require_province_detail(user, province_code)
    if week is None:
        return []
    week = as_week(week)
    batch = current_import(kind=Kind.REALISATIE, week=week)
    if batch is None:
        return []
    records = RealisationRecord.objects.filter(batch=batch)
    own = access.own_province(user)
    if own is not None:
        records = records.filter(province_code=own)
    if province_code:
        records = records.filter(province_code=province_code)
    names = reference.municipality_names(week.monday)
    return [
        RealisationRow(
            period_label=r.period_label,
            municipality_code=r.municipality_code,
            municipality_name=names.get(r.municipality_code, r.municipality_code),
            province_code=r.province_code,
            housed=r.housed,
            week=batch.week,
        )
        for r in records.order_by("municipality_code")
    ]
