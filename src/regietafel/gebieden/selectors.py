"""Provinces and municipalities (public CBS data) with the taakstelling progress per province."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.taakstelling import ProgressAggregate
from regietafel.reference import Municipality, Province
from regietafel.taakstelling import selectors as taakstelling_selectors
from regietafel.taakstelling.selectors import ProgressView


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

    ``on`` is the population date of the period shown (its municipal division), or today's
    division when no taakstelling is set; ``progress_total`` is this province's sum, never
    the user's own province's.
    """

    province: Province
    on: date
    municipalities: tuple[Municipality, ...]
    progress: ProgressView | None
    progress_total: ProgressAggregate | None

    @property
    def inhabitants(self) -> int:
        return sum(m.inhabitants for m in self.municipalities)


def _require_view(user: AnyUser) -> None:
    if not access.can_view(user):
        raise PermissionDenied


def division_date() -> date:
    """Today's municipal division (the latest CBS figures beyond the bundled years)."""
    return timezone.localdate()


def provinces_list(*, user: AnyUser) -> tuple[ProvinceSummary, ...]:
    """The 12 provinces with inhabitants and municipality count: aggregates, for everyone."""
    _require_view(user)
    municipalities = reference.municipalities(division_date())
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


def province_get(*, user: AnyUser, code: str) -> ProvinceDetail:
    """One province in full; PermissionDenied for a province user of another province."""
    _require_view(user)
    province = next((p for p in reference.provinces() if p.code == code), None)
    if province is None:
        raise Http404(code)
    if not access.can_view_province_detail(user, province.code):
        raise PermissionDenied
    period = taakstelling_selectors.latest_period(user=user)
    progress = None
    total = None
    on = division_date()
    if period is not None:
        on = period.population_date
        progress = taakstelling_selectors.progress(
            user=user,
            label=period.label,
            week=taakstelling_selectors.default_week(period),
            province=province.code,
        )
        total = progress.province_total(province.code)
    return ProvinceDetail(
        province=province,
        on=on,
        municipalities=tuple(
            m for m in reference.municipalities(on) if m.province_code == province.code
        ),
        progress=progress,
        progress_total=total,
    )


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
