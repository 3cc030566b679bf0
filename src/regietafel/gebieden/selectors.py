"""Provinces and municipalities (public CBS data) with the taakstelling progress per province."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.distribution import DistributionRow
from regietafel.core.periods import IsoWeek, Period
from regietafel.core.taakstelling import ProgressAggregate, ProgressRow
from regietafel.errors import NotFoundError
from regietafel.imports.models import Kind
from regietafel.opvang import selectors as opvang_selectors
from regietafel.opvang.selectors import LocationRow
from regietafel.reference import Municipality, Province
from regietafel.taakstelling import selectors as taakstelling_selectors
from regietafel.taakstelling.models import TaakstellingPeriod
from regietafel.taakstelling.selectors import ProgressView
from regietafel.verdeling import selectors as verdeling_selectors


@dataclass(frozen=True, slots=True)
class ProvinceSummary:
    code: str
    name: str
    inhabitants: int
    municipalities: int
    detail_allowed: bool


@dataclass(frozen=True, slots=True)
class ProvinceDetail:
    """One province: its municipalities in the division ``on`` and its taakstelling progress.

    ``on`` is the division of :func:`division_for` (the period shown, else the chosen week,
    else today); ``progress_total`` is this province's sum, never the user's own province's.
    ``week`` is the chosen week (None: the newest); ``period_label`` the half year that week
    lies in, also when no taakstelling is set for it.
    """

    province: Province
    on: date
    municipalities: tuple[Municipality, ...]
    progress: ProgressView | None
    progress_total: ProgressAggregate | None
    distribution_week: str | None = None
    share: DistributionRow | None = None
    week: IsoWeek | None = None
    period_label: str | None = None
    no_progress_reason: str | None = None
    """Why ``progress`` is None (Dutch): the page says it, the download refuses with it."""

    @property
    def inhabitants(self) -> int:
        return sum(m.inhabitants for m in self.municipalities)


def _require_view(user: AnyUser) -> None:
    if not access.can_view(user):
        raise PermissionDenied


def division_date() -> date:
    """Today's municipal division (the latest CBS figures beyond the bundled years)."""
    return timezone.localdate()


def division_for(period: TaakstellingPeriod | None, week: IsoWeek | None) -> date:
    """The municipal division an area page of ``week`` shows beside its figures: that of the
    taakstelling shown (its population date); for a chosen week without a taakstelling the
    division in force on the week's Monday (the earliest bundled one for a week before it),
    never today's next to an old week; with neither, today's."""
    if period is not None:
        return period.population_date
    if week is None:
        return division_date()
    return max(week.monday, reference.population_dates()[0])


def reference_date(*, user: AnyUser) -> date:
    """The division and population every area page reads: the population date of the latest
    taakstelling (its municipal division), else today's. One date, so the province list and
    the province and municipality pages show the same inhabitants."""
    period = taakstelling_selectors.latest_period(user=user)
    return period.population_date if period is not None else division_date()


def provinces_list(*, user: AnyUser) -> tuple[ProvinceSummary, ...]:
    """The 12 provinces with inhabitants and municipality count: aggregates, for everyone."""
    _require_view(user)
    municipalities = reference.municipalities(reference_date(user=user))
    return tuple(
        ProvinceSummary(
            code=p.code,
            name=p.name,
            inhabitants=sum(m.inhabitants for m in municipalities if m.province_code == p.code),
            municipalities=sum(1 for m in municipalities if m.province_code == p.code),
            detail_allowed=access.can_view_province_detail(user, p.code),
        )
        for p in reference.provinces()
    )


def province_get(*, user: AnyUser, code: str, week: IsoWeek | None = None) -> ProvinceDetail:
    """One province in full; PermissionDenied for a province user of another province.

    With ``week`` (``?week=``) the taakstelling period of that week as it stood then and the
    distribution of that week, as the overview of the week shows them; without it the newest
    period at its newest realisation and the newest register.
    """
    _require_view(user)
    province = next((p for p in reference.provinces() if p.code == code), None)
    if province is None:
        raise NotFoundError(f"Provincie {code} bestaat niet.")
    access.require_province_detail(user, province.code)
    period = _period_for(user, week)
    progress = None
    total = None
    on = division_for(period, week)
    if period is not None:
        progress = taakstelling_selectors.progress(
            user=user,
            label=period.label,
            week=week.label if week else taakstelling_selectors.default_week(period),
            province=province.code,
        )
        total = progress.province_total(province.code)
    distribution_week, share = _province_share(user, province.code, week)
    return ProvinceDetail(
        province=province,
        on=on,
        municipalities=tuple(
            m for m in reference.municipalities(on) if m.province_code == province.code
        ),
        progress=progress,
        progress_total=total,
        distribution_week=distribution_week,
        share=share,
        week=week,
        period_label=None if week is None else Period.containing(week.monday).label,
        no_progress_reason=None if progress is not None else _no_period_reason(week),
    )


def _no_period_reason(week: IsoWeek | None) -> str:
    """Why a page of ``week`` (None: the newest) has no taakstelling to show: the sentence
    every surface gives (``taakstelling.selectors.no_taakstelling_reason``)."""
    if week is None:
        return "Er is nog geen taakstelling vastgesteld."
    return taakstelling_selectors.no_taakstelling_reason(week)


def _period_for(user: AnyUser, week: IsoWeek | None) -> TaakstellingPeriod | None:
    """The stored period holding ``week`` (None: the newest; a week outside every stored
    period has none, never another period's figures in its place)."""
    if week is None:
        return taakstelling_selectors.latest_period(user=user)
    label = Period.containing(week.monday).label
    return taakstelling_selectors.periods_list(user=user).filter(label=label).first()


def _province_share(
    user: AnyUser, code: str, week: IsoWeek | None = None
) -> tuple[str | None, DistributionRow | None]:
    """The province's row in the national distribution of ``week`` (default: the latest
    register's week)."""
    week = week or opvang_selectors.latest_week(kind=Kind.LOCATIES)
    if week is None:
        return None, None
    try:
        national = verdeling_selectors.province_distribution(user=user, week=week)
    except verdeling_selectors.NoRegisterError:
        return week.label, None
    return week.label, next((r for r in national.plain.rows if r.code == code), None)


def municipalities_list(*, user: AnyUser, province: str | None = None) -> tuple[Municipality, ...]:
    """All municipalities (names and inhabitants are public), optionally of one province.

    Raises ReferenceDataError (Dutch) for an unknown province.
    """
    _require_view(user)
    only = reference.province(province).code if province else None
    return tuple(
        m
        for m in reference.municipalities(division_date())
        if only is None or m.province_code == only
    )


def province_names() -> dict[str, str]:
    return {p.code: p.name for p in reference.provinces()}


@dataclass(frozen=True, slots=True)
class MunicipalityRow:
    """A row of the municipalities list: public CBS facts, progress only where permitted."""

    municipality: Municipality
    province_name: str
    progress: ProgressRow | None
    detail_allowed: bool


@dataclass(frozen=True, slots=True)
class MunicipalityList:
    """The municipalities in the division ``on`` with the progress of ``progress``'s period."""

    on: date
    rows: tuple[MunicipalityRow, ...]
    progress: ProgressView | None


def municipalities_overview(*, user: AnyUser, week: IsoWeek | None = None) -> MunicipalityList:
    """Every municipality in the division of :func:`division_for` (the taakstelling of
    ``week``, None: the latest; else the week's, else today's), with its progress in that
    period as it stood in that week when the user may see its province in detail: the same
    period and stand as the province page of that week."""
    _require_view(user)
    period = _period_for(user, week)
    view = None
    on = division_for(period, week)
    if period is not None:
        view = taakstelling_selectors.progress(
            user=user,
            label=period.label,
            week=week.label if week else taakstelling_selectors.default_week(period),
        )
    by_code = {r.code: r for r in view.municipalities} if view else {}
    names = province_names()
    return MunicipalityList(
        on=on,
        rows=tuple(
            MunicipalityRow(
                municipality=m,
                province_name=names[m.province_code],
                progress=by_code.get(m.code),
                detail_allowed=access.can_view_province_detail(user, m.province_code),
            )
            for m in reference.municipalities(on)
        ),
        progress=view,
    )


@dataclass(frozen=True, slots=True)
class HalfYear:
    """One taakstelling period of a municipality; ``row`` None: not in that division."""

    label: str
    week: str
    row: ProgressRow | None


@dataclass(frozen=True, slots=True)
class MunicipalityDetail:
    """One municipality: its taakstelling per half year, its locations, its distribution share.

    ``share`` is its row in the province's distribution of the week's extra places,
    ``province_share`` the province's row in the national one (None without a register).
    """

    municipality: Municipality
    province: Province
    on: date
    history: tuple[HalfYear, ...]
    locations_week: str | None
    locations: tuple[LocationRow, ...]
    distribution_week: str | None
    share: DistributionRow | None
    province_share: DistributionRow | None
    no_history_reason: str | None = None
    """Why no half year has a row of this municipality (Dutch); None when one has."""


def _municipality(code: str, on: date) -> Municipality:
    try:
        return reference.municipality(code, on)
    except reference.ReferenceDataError as problem:
        raise NotFoundError(str(problem)) from None


def municipality_get(
    *, user: AnyUser, code: str, week: IsoWeek | None = None
) -> MunicipalityDetail:
    """One municipality in full; PermissionDenied for a province user of another province
    (as the province page: outside the own province only aggregates). Locations and the
    distribution are those of ``week`` (default: the latest register's week)."""
    _require_view(user)
    on = reference_date(user=user)
    municipality = _municipality(code, on)
    access.require_province_detail(user, municipality.province_code)
    history = []
    for stored in reversed(taakstelling_selectors.periods_list(user=user)):
        if week is not None and stored.start > week.monday:
            continue  # not begun on the week's Monday: as the province page (_period_for)
        final = taakstelling_selectors.final_realisation(stored.label)
        as_of = final.week if final is not None else taakstelling_selectors.default_week(stored)
        if week is not None and IsoWeek.parse(as_of) > week:
            as_of = week.label  # as it stood in the chosen week, as the province page
        # A delivery of the week holding the period's first day is of the week before it.
        as_of = max(IsoWeek.parse(as_of), Period.parse(stored.label).first_week).label
        view = taakstelling_selectors.progress(
            user=user, label=stored.label, week=as_of, province=municipality.province_code
        )
        row = next((r for r in view.municipalities if r.code == municipality.code), None)
        history.append(HalfYear(stored.label, view.week.label, row))
    locations_week = week or opvang_selectors.latest_week(kind=Kind.LOCATIES)
    locations: tuple[LocationRow, ...] = ()
    share = province_share = None
    if locations_week is not None:
        locations = tuple(
            row
            for row in opvang_selectors.locations_list(
                user=user, week=locations_week, province_code=municipality.province_code
            )
            if row.municipality_code == municipality.code
        )
        _week, province_share = _province_share(user, municipality.province_code, locations_week)
        if province_share is not None:
            regional = verdeling_selectors.municipality_distribution(
                user=user, week=locations_week, province_code=municipality.province_code
            )
            share = next((r for r in regional.plain.rows if r.code == municipality.code), None)
    return MunicipalityDetail(
        municipality=municipality,
        province=reference.province(municipality.province_code),
        on=on,
        history=tuple(history),
        locations_week=locations_week.label if locations_week else None,
        locations=locations,
        distribution_week=locations_week.label if locations_week else None,
        share=share,
        province_share=province_share,
        no_history_reason=_no_history_reason(municipality, history, week),
    )


def _no_history_reason(
    municipality: Municipality, history: list[HalfYear], week: IsoWeek | None
) -> str | None:
    """Why the municipality's taakstelling per half year has no row (no data, never 0)."""
    if any(h.row is not None for h in history):
        return None
    if history:
        periods = ", ".join(h.label for h in history)
        return (
            f"{municipality.name} heeft geen taakstelling in {periods}: de gemeente bestond "
            "niet in die indeling."
        )
    if week is None:
        return "Er is nog geen taakstelling vastgesteld."
    return f"Voor week {week.label} of eerder is geen taakstelling vastgesteld."


def municipality_lookup(text: str, on: date) -> Municipality | None:
    """The municipality whose CBS code is ``text`` ("GM0363", "363"); None otherwise."""
    try:
        code = reference.normalise_code(text)
    except reference.ReferenceDataError:
        return None
    return next((m for m in reference.municipalities(on) if m.code == code), None)
