"""The provincial distribution of extra regular reception places, and within one province.

The numbers come from ``core.distribution`` (fill-up to one level, crediting current
capacity) and the inhabitants of ``reference.municipalities`` on the week's Monday; the
current capacity is the register's regular places open on that Monday. Province figures are
public aggregates (every role); the distribution over one province's municipalities is
detail: only for users who may see that province in detail.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from regietafel import reference
from regietafel.accounts.access import AnyUser
from regietafel.core.capacity import capacity_by_municipality
from regietafel.core.catalogue import definition
from regietafel.core.distribution import (
    DistributionResult,
    KeyComparison,
    Unit,
    compare,
    distribute,
    split_allocations,
)
from regietafel.core.figures import WeekFigures
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import DATA_VALID_WEEKS, NeedCategory
from regietafel.core.rules import DEFAULT_AMV_SHARE as DEFAULT_AMV_SHARE  # noqa: PLC0414 (views)
from regietafel.kerncijfers.selectors import check_province, week_figures
from regietafel.tabular import RowReader, read_unit_values


class NoRegisterError(LookupError):
    """The week has no location register to distribute from; the message is Dutch."""


@dataclass(frozen=True)
class KeyedDistribution:
    """One distribution under the inhabitants key and, when given, the corrected key."""

    week: IsoWeek
    total: int
    total_is_shortfall: bool
    plain: DistributionResult
    corrected: DistributionResult | None
    comparison: tuple[KeyComparison, ...]
    amv: tuple[tuple[int, int], ...] = ()
    minimum: int | None = None
    amv_share: Fraction | None = None


def national_shortfall(figures: WeekFigures) -> int | None:
    """The catalogue's ``tekort_regulier_kort`` of the nation (None without a register)."""
    value = definition("tekort_regulier_kort").value(figures.national)
    return None if value is None else int(value)


def read_correction(content: bytes, name: str, codes: set[str]) -> dict[str, Fraction]:
    """A correction key (CSV/XLSX, columns code,factor) for the given units.

    Raises ``tabular.TableError`` naming file, row and column for every bad cell.
    """
    return read_unit_values(
        content, name=name, column="factor", codes=codes, value=RowReader.decimal, require_rows=True
    )


def _keyed(
    units: list[Unit],
    total: int,
    correction: Mapping[str, Fraction] | None,
    *,
    minimum: int | None = None,
) -> tuple[DistributionResult, DistributionResult | None, tuple[KeyComparison, ...]]:
    plain = distribute(units, total, credit_existing=True, minimum=minimum)
    if not correction:
        return plain, None, ()
    weighted = [
        Unit(u.code, u.name, u.weight * correction.get(u.code, Fraction(1)), u.existing)
        for u in units
    ]
    corrected = distribute(weighted, total, credit_existing=True, minimum=minimum)
    return plain, corrected, compare(plain, corrected)


def province_units(week: IsoWeek, figures: WeekFigures) -> list[Unit]:
    """The provinces with their inhabitants and their regular capacity now (from the figures)."""
    inhabitants: dict[str, int] = {}
    for m in reference.municipalities(week.monday):
        inhabitants[m.province_code] = inhabitants.get(m.province_code, 0) + m.inhabitants
    units = []
    for p in reference.provinces():
        reception = figures.scope(p.code).reception
        existing = reception.capacity_regular_now if reception is not None else 0
        units.append(Unit(p.code, p.name, Fraction(inhabitants.get(p.code, 0)), existing))
    return units


def province_distribution(
    *,
    user: AnyUser,
    week: IsoWeek,
    total: int | None = None,
    correction: Mapping[str, Fraction] | None = None,
) -> KeyedDistribution:
    """Extra regular places over the 12 provinces (default: the national short shortfall)."""
    figures, _sources = week_figures(user=user, week=week)
    if figures.national.reception is None:
        raise NoRegisterError(
            f"voor week {week.label} is geen geldig locatieregister (niet aangeleverd in die week "
            f"of de {DATA_VALID_WEEKS['locaties'] - 1} weken ervoor): zonder register is er "
            "geen tekort en geen bestaande capaciteit om mee te verdelen. Kies een week met "
            "gegevens."
        )
    shortfall = total is None
    amount = national_shortfall(figures) or 0 if total is None else total
    plain, corrected, comparison = _keyed(province_units(week, figures), amount, correction)
    return KeyedDistribution(week, amount, shortfall, plain, corrected, comparison)


def municipality_distribution(
    *,
    user: AnyUser,
    week: IsoWeek,
    province_code: str,
    total: int | None = None,
    minimum: int | None = None,
    amv_share: Fraction = DEFAULT_AMV_SHARE,
    correction: Mapping[str, Fraction] | None = None,
) -> KeyedDistribution:
    """A province's extra places over its municipalities (403 for other provinces' users).

    Default total: the province's allocation in the provincial distribution of the national
    shortfall. Each municipality's allocation is split into AMV and other places with
    ``core.distribution.split_allocations`` so both columns add up exactly.
    """
    code = check_province(user, province_code)
    figures, _sources = week_figures(user=user, week=week)
    shortfall = total is None
    if total is None:
        national = province_distribution(user=user, week=week)
        total = next(r.allocation for r in national.plain.rows if r.code == code)
    existing = capacity_by_municipality(
        [loc for loc in figures.locations if loc.province_code == code],
        on=week.monday,
        category=NeedCategory.REGULAR,
    )
    units = [
        Unit(m.code, m.name, Fraction(m.inhabitants), existing.get(m.code, 0))
        for m in reference.municipalities(week.monday)
        if m.province_code == code
    ]
    plain, corrected, comparison = _keyed(units, total, correction, minimum=minimum)
    amv = tuple(split_allocations([r.allocation for r in plain.rows], amv_share))
    return KeyedDistribution(
        week, total, shortfall, plain, corrected, comparison, amv, minimum, amv_share
    )
