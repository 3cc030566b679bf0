"""The weekly figures of a week, read once from the database and computed by the core.

Every surface — pages, API, command line, shopping list, distribution and the report — asks
here for the figures of a week and a scope, so one figure is one number everywhere. This
module only reads inputs (the register, the occupancy history, the taakstelling and its
realisation, the targets, the national series) and applies who may see what:

- every role sees the national figures and every province's aggregates;
- a province's full figures (its closures by name) only for users who may see that province
  in detail (``access.can_view_province_detail``); other provinces' closures are named by
  their province, and a confidential (AMV) location is never named unless
  ``access.can_see_confidential``.

The figures of a week are cached by the identity of the data they come from (import
versions, stored period, targets, policies), so a new import or target is seen at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Count, Max
from django.utils import timezone

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.capacity import Closure
from regietafel.core.figures import (
    NATIONAL,
    HousingInputs,
    ScopeFigures,
    WeekFigures,
    WeekInputs,
    compute_week_figures,
    with_closure_names,
)
from regietafel.core.forecast import ForecastError
from regietafel.core.need import ForecastGrowth
from regietafel.core.periods import IsoWeek, Period
from regietafel.core.rules import BufferPolicy, Horizon, buffer_policy, horizons_of
from regietafel.doelen.models import Target
from regietafel.doelen.selectors import core_targets
from regietafel.imports.models import Import, Kind
from regietafel.imports.selectors import latest_import, latest_week_with_data
from regietafel.opvang.models import SeriesMetric, SeriesRecord
from regietafel.opvang.selectors import (
    ProvinceAggregate,
    core_location,
    masked_name,
    occupancy_history,
    register_rows,
)
from regietafel.prognose.cache import growth as forecast_growth
from regietafel.taakstelling.models import RealisationRecord, TaakstellingPeriod
from regietafel.taakstelling.selectors import progress_inputs


def configured_horizons() -> tuple[Horizon, ...]:
    """The horizons the settings select (``REGIETAFEL_HORIZONS``, weeks: "4,26,104")."""
    text = str(getattr(settings, "REGIETAFEL_HORIZONS", "4,26,104"))
    try:
        weeks = [int(part) for part in text.replace(" ", "").split(",")]
    except ValueError:
        raise ImproperlyConfigured(
            f"REGIETAFEL_HORIZONS '{text}' is geen lijst van weken"
        ) from None
    try:
        return horizons_of(weeks)
    except ValueError as error:
        raise ImproperlyConfigured(f"REGIETAFEL_HORIZONS '{text}': {error}") from None


def configured_buffer() -> BufferPolicy:
    """The buffer policy the settings select (``REGIETAFEL_BUFFER``, ``..._PERCENTAGE``)."""
    return buffer_policy(
        getattr(settings, "REGIETAFEL_BUFFER", "lrt-voorjaar-2021"),
        percentage=getattr(settings, "REGIETAFEL_BUFFER_PERCENTAGE", 0.0),
    )


def configured_growth(week: IsoWeek, horizons: tuple[Horizon, ...]) -> ForecastGrowth | None:
    """The forecast's growth per horizon (``REGIETAFEL_PROJECTIE`` "prognose"), or None for the
    damped trend: when the setting says "trend" or no forecast can start in that week."""
    method = str(getattr(settings, "REGIETAFEL_PROJECTIE", "prognose")).strip().lower()
    if method == "trend":
        return None
    if method != "prognose":
        raise ImproperlyConfigured(f"REGIETAFEL_PROJECTIE '{method}': kies 'prognose' of 'trend'")
    try:
        return forecast_growth(week.monday, horizons)
    except ForecastError:
        return None


def default_week() -> IsoWeek | None:
    """The newest week with data (None when nothing has been imported yet)."""
    return latest_week_with_data()


def week_or_default(text: str | None) -> IsoWeek:
    """The week a page asks for (``?week=2021-W45``), else the newest week with data, else
    the current calendar week (whose pages then say there is no data). PeriodError (Dutch)
    for an unreadable week."""
    text = (text or "").strip()
    if text:
        return IsoWeek.parse(text)
    return default_week() or IsoWeek.containing(timezone.localdate())


@dataclass(frozen=True)
class WeekSources:
    """The stored data a week's figures come from (shown as the sources of a figure)."""

    register: Import | None
    realisation: Import | None
    series: Import | None
    period: TaakstellingPeriod | None
    confidential: frozenset[str]


def _province_inhabitants(on: date) -> dict[str, int]:
    try:
        municipalities = reference.municipalities(on)
    except reference.ReferenceDataError:
        municipalities = reference.municipalities(reference.population_dates()[0])
    totals = {p.code: 0 for p in reference.provinces()}
    for m in municipalities:
        totals[m.province_code] += m.inhabitants
    return totals


def _housing(
    week: IsoWeek, stored: TaakstellingPeriod | None, realisation: Import | None
) -> HousingInputs | None:
    period = Period.containing(week.monday)
    if stored is None:
        return None
    entries = progress_inputs(stored)
    housed: dict[str, int] | None = None
    if realisation is not None:
        rows = dict(
            RealisationRecord.objects.filter(
                batch=realisation, period_label=period.label
            ).values_list("municipality_code", "housed")
        )
        housed = rows or None
    return HousingInputs(
        period=period,
        national_total=stored.national_total,
        entries=entries,
        housed=housed,
        realisation_week=realisation.week if housed is not None and realisation else None,
    )


def _waiting(series: Import | None) -> int | None:
    if series is None:
        return None
    return (
        SeriesRecord.objects.filter(batch=series, metric=SeriesMetric.WACHTEND.value)
        .values_list("value", flat=True)
        .first()
    )


@dataclass(frozen=True)
class _Stored:
    """The stored records a week's figures come from, fetched once per request."""

    register: Import | None
    realisation: Import | None
    series: Import | None
    period: TaakstellingPeriod | None
    targets: tuple[int, int | None, Any]

    def identity(self, week: IsoWeek) -> tuple[Hashable, ...]:
        """What the figures of ``week`` depend on; equal identity means equal figures."""
        return (
            week.label,
            *(
                None if b is None else (b.pk, b.checksum, b.uploaded_at)
                for b in (self.register, self.realisation, self.series)
            ),
            None if self.period is None else (self.period.pk, self.period.set_at),
            self.targets,
            str(getattr(settings, "REGIETAFEL_HORIZONS", "")),
            str(getattr(settings, "REGIETAFEL_BUFFER", "")),
            str(getattr(settings, "REGIETAFEL_BUFFER_PERCENTAGE", "")),
        )


def _stored(week: IsoWeek) -> _Stored:
    targets = Target.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("created_at"))
    return _Stored(
        register=latest_import(kind=Kind.LOCATIES, on_or_before=week),
        realisation=latest_import(kind=Kind.REALISATIE, on_or_before=week),
        series=latest_import(kind=Kind.REEKSEN, on_or_before=week),
        period=TaakstellingPeriod.objects.filter(
            label=Period.containing(week.monday).label
        ).first(),
        targets=(targets["n"], targets["last"], targets["at"]),
    )


_CACHE: OrderedDict[tuple[Hashable, ...], tuple[WeekFigures, WeekSources]] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 64


def week_data(week: IsoWeek) -> tuple[WeekFigures, WeekSources]:
    """The figures of ``week`` (every scope, unmasked) and the stored data they come from.

    Computed once per data identity; a new import, period or target changes the identity.
    The lock only guards the dictionary, never the computation.
    """
    stored = _stored(week)
    key = stored.identity(week)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    computed = _compute(week, stored)
    with _CACHE_LOCK:
        _CACHE[key] = computed
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return computed


def cache_clear() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def _compute(week: IsoWeek, stored: _Stored) -> tuple[WeekFigures, WeekSources]:
    register = stored.register
    rows = register_rows(register)
    housing = _housing(week, stored.period, stored.realisation)
    horizons = configured_horizons()
    growth = configured_growth(week, horizons) if register is not None else None
    inputs = WeekInputs(
        week=week,
        register_week=register.week if register is not None else None,
        locations=tuple(core_location(row) for row in rows),
        history=occupancy_history(register) if register is not None else {},
        horizons=horizons,
        buffer=configured_buffer(),
        province_inhabitants=_province_inhabitants(week.monday),
        targets=core_targets() if stored.targets[0] else (),
        housing=housing,
        waiting_in_reception=_waiting(stored.series),
        growth=growth,
    )
    sources = WeekSources(
        register=register,
        realisation=stored.realisation,
        series=stored.series,
        period=stored.period,
        confidential=frozenset(row.code for row in rows if row.confidential),
    )
    return compute_week_figures(inputs), sources


def closure_name(closure: Closure, *, user: AnyUser, confidential: frozenset[str]) -> str:
    """A closure's name as this user may see it (the one masking rule for closures)."""
    if closure.location_id in confidential and not access.can_see_confidential(user):
        return masked_name(reference.province_name(closure.province_code))
    if not access.can_view_province_detail(user, closure.province_code):
        return f"locatie in {reference.province_name(closure.province_code)}"
    return closure.name


def check_province(user: AnyUser, province_code: str) -> str:
    """The normalised province code, or PermissionDenied / LookupError for a bad one."""
    code = reference.province(province_code).code
    if not access.can_view_province_detail(user, code):
        raise PermissionDenied
    return code


def normalise_scope(scope: str | None) -> str:
    """ "NL" (also empty, "landelijk") or a province code; LookupError (Dutch) otherwise."""
    text = (scope or "").strip()
    if text.upper() in {"", NATIONAL, "LANDELIJK", "NEDERLAND"}:
        return NATIONAL
    return reference.province(text).code


def figures_for(*, user: AnyUser, week: IsoWeek, scope: str | None = None) -> ScopeFigures:
    """The figures of ``week`` for a scope as this user may see them.

    Raises PermissionDenied for a province the user may only see as an aggregate, and
    ``reference.ReferenceDataError`` (a LookupError) for an unknown province.
    """
    if not access.can_view(user):
        raise PermissionDenied
    code = normalise_scope(scope)
    if code != NATIONAL and not access.can_view_province_detail(user, code):
        raise PermissionDenied
    figures, sources = week_data(week)
    return masked(figures, sources, user=user, scope=code)


def masked(
    figures: WeekFigures, sources: WeekSources, *, user: AnyUser, scope: str
) -> ScopeFigures:
    """One scope of an already computed week, with closure names as this user may see them."""
    return with_closure_names(
        figures.scope(scope),
        lambda c: closure_name(c, user=user, confidential=sources.confidential),
    )


def week_figures(*, user: AnyUser, week: IsoWeek) -> tuple[WeekFigures, WeekSources]:
    """The whole week (every province's aggregates) for a user who may log in."""
    if not access.can_view(user):
        raise PermissionDenied
    return week_data(week)


def province_aggregates(*, user: AnyUser, week: IsoWeek) -> list[ProvinceAggregate]:
    """Per province with a register: open locations, capacity and occupancy now (public sums).

    Read from the weekly figures, so the API's province totals are the catalogue's
    ``capaciteit_nu`` and ``bezetting_nu`` of each province.
    """
    figures, _sources = week_figures(user=user, week=week)
    rows = []
    for province in reference.provinces():
        reception = figures.scope(province.code).reception
        if reception is None or reception.locations_open == 0:
            continue
        rows.append(
            ProvinceAggregate(
                province_code=province.code,
                province_name=province.name,
                locations=reception.locations_open,
                capacity=reception.capacity_now,
                occupancy=reception.occupancy_now,
                structural_capacity=reception.structural_now,
                temporary_capacity=reception.temporary_now,
            )
        )
    return rows
