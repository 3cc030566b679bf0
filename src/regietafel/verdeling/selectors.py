"""The provincial distribution of extra regular reception places, and within one province.

The numbers come from ``core.distribution`` under one of its three rules (aandeel,
aanvullen, extra; default aanvullen) and the inhabitants of ``reference.municipalities`` on
the week's Monday. What is distributed is chosen from what practice distributes: the
regular shortfall at a horizon, an LRT target (the 1,200 places before January), a typed
number, or an opgave over a whole (96,000). The existing places are the register's regular
places open on that Monday, or, with conditions (durable for N years, available within N
months), those the register's contract data let count. Province figures are public
aggregates (every role); the distribution over one province's municipalities is detail:
only for users who may see that province in detail.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Literal

from regietafel import reference
from regietafel.accounts.access import AnyUser
from regietafel.core.capacity import Location
from regietafel.core.catalogue import definition
from regietafel.core.distribution import (
    DistributionError,
    DistributionResult,
    KeyComparison,
    Rule,
    Unit,
    compare,
    counted_existing,
    distribute,
    places_of,
    split_allocations,
    unknown_durability,
)
from regietafel.core.figures import WeekFigures
from regietafel.core.formatting import format_date_nl, format_int_nl
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import (
    ALL_EXISTING_PLACES,
    DATA_VALID_WEEKS,
    ExistingPlacesRule,
    HorizonRole,
    NeedCategory,
)
from regietafel.core.rules import DEFAULT_AMV_SHARE as DEFAULT_AMV_SHARE  # noqa: PLC0414 (views)
from regietafel.doelen.selectors import core_targets
from regietafel.errors import NoDataError
from regietafel.kerncijfers.selectors import check_province, week_figures
from regietafel.tabular import RowReader, read_unit_values


class NoRegisterError(NoDataError):
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
    rule: Rule = Rule.AANVULLEN
    existing_rule: ExistingPlacesRule = ALL_EXISTING_PLACES
    unknown_durability: int = 0
    """Counted existing places whose looptijd the register does not know (no end date)."""

    @property
    def amv_total(self) -> int:
        """New places for unaccompanied minors (AMV) together."""
        return sum(a for a, _ in self.amv)

    @property
    def other_total(self) -> int:
        """New places other than AMV together."""
        return sum(o for _, o in self.amv)


@dataclass(frozen=True)
class AmountOption:
    """Something to distribute: its form value, a Dutch label and the number (None: typed)."""

    key: str
    label: str
    value: int | None


def amount_options(user: AnyUser, week: IsoWeek) -> tuple[AmountOption, ...]:
    """What a table distributes: the regular shortfall per horizon, national targets of
    regular places (the LRT's 600 and 1,200), a typed number, or an opgave over a whole."""
    figures, _sources = week_figures(user=user, week=week)
    options: list[AmountOption] = []
    for role in HorizonRole:
        code = f"tekort_regulier_{role.value}"
        value = definition(code).value(figures.national)
        if value is not None:
            label = f"{definition(code).name}: {format_int_nl(int(value))}"
            options.append(AmountOption(f"tekort-{role.value}", label, int(value)))
    for target in core_targets(running_on=week.monday):
        if (
            target.province_code is None
            and target.unit == "places"
            and target.category is NeedCategory.REGULAR
        ):
            label = (
                f"Doel: {target.title} ({format_int_nl(target.quantity)}, uiterlijk "
                f"{format_date_nl(target.deadline)})"
            )
            options.append(AmountOption(f"doel-{target.id}", label, target.quantity))
    options.append(AmountOption("aantal", "Een aantal extra plaatsen (vul in)", None))
    options.append(
        AmountOption(
            "opgave", "Een opgave: het geheel, bestaand meegeteld (vul in, bv. 96.000)", None
        )
    )
    return tuple(options)


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
    rule: Rule = Rule.AANVULLEN,
    whole: int | None = None,
) -> tuple[DistributionResult, DistributionResult | None, tuple[KeyComparison, ...]]:
    if whole is not None and rule is not Rule.AANDEEL:
        raise DistributionError(
            "een opgave over het geheel hoort bij de regel aandeel; kies die regel of een "
            "aantal extra plaatsen"
        )
    plain = distribute(units, total, rule=rule, whole=whole, minimum=minimum)
    if not correction:
        return plain, None, ()
    weighted = [
        Unit(u.code, u.name, u.weight * correction.get(u.code, Fraction(1)), u.existing)
        for u in units
    ]
    corrected = distribute(weighted, total, rule=rule, whole=whole, minimum=minimum)
    return plain, corrected, compare(plain, corrected)


def _regular_places(figures: WeekFigures, province_code: str | None = None) -> list[Location]:
    return [
        loc
        for loc in figures.locations
        if loc.need_category is NeedCategory.REGULAR
        and (province_code is None or loc.province_code == province_code)
    ]


def existing_places(
    figures: WeekFigures,
    *,
    on: date,
    rule: ExistingPlacesRule,
    by: Literal["province", "municipality"],
    province_code: str | None = None,
) -> tuple[dict[str, int], int]:
    """Regular places per unit that count under ``rule``, and how many of them count only
    because the register does not know their looptijd (no end date, durability unknown).

    Without conditions: the places open on ``on`` (the capacity now), as before.
    """
    places = places_of(_regular_places(figures, province_code), by=by)
    if rule == ALL_EXISTING_PLACES:
        open_now = ExistingPlacesRule(available_within_months=0)
        return counted_existing(places, on=on, rule=open_now), 0
    return counted_existing(places, on=on, rule=rule), sum(
        unknown_durability(places, on=on, rule=rule).values()
    )


def province_units(
    week: IsoWeek, figures: WeekFigures, existing: Mapping[str, int] | None = None
) -> list[Unit]:
    """The provinces with their inhabitants and their counted regular places."""
    inhabitants: dict[str, int] = {}
    for m in reference.municipalities(week.monday):
        inhabitants[m.province_code] = inhabitants.get(m.province_code, 0) + m.inhabitants
    if existing is None:
        existing, _unknown = existing_places(
            figures, on=week.monday, rule=ALL_EXISTING_PLACES, by="province"
        )
    return [
        Unit(p.code, p.name, Fraction(inhabitants.get(p.code, 0)), existing.get(p.code, 0))
        for p in reference.provinces()
    ]


def province_distribution(
    *,
    user: AnyUser,
    week: IsoWeek,
    total: int | None = None,
    correction: Mapping[str, Fraction] | None = None,
    rule: Rule = Rule.AANVULLEN,
    whole: int | None = None,
    existing_rule: ExistingPlacesRule = ALL_EXISTING_PLACES,
) -> KeyedDistribution:
    """Extra regular places over the 12 provinces (default: the national short shortfall).

    ``whole`` (rule aandeel only) is an opgave over all places, existing included.
    """
    figures, _sources = week_figures(user=user, week=week)
    amount = national_shortfall(figures) if total is None else total
    if figures.national.reception is None or amount is None:
        # No register: no existing places and no shortfall (0 would say "nothing is needed").
        raise NoRegisterError(
            f"voor week {week.label} is geen geldig locatieregister (niet aangeleverd in die week "
            f"of de {DATA_VALID_WEEKS['locaties'] - 1} weken ervoor): zonder register is er "
            "geen tekort en geen bestaande capaciteit om mee te verdelen. Kies een week met "
            "gegevens."
        )
    shortfall = total is None and whole is None
    existing, unknown = existing_places(figures, on=week.monday, rule=existing_rule, by="province")
    plain, corrected, comparison = _keyed(
        province_units(week, figures, existing), amount, correction, rule=rule, whole=whole
    )
    return KeyedDistribution(
        week,
        amount,
        shortfall,
        plain,
        corrected,
        comparison,
        rule=rule,
        existing_rule=existing_rule,
        unknown_durability=unknown,
    )


def rules_side_by_side(
    *,
    user: AnyUser,
    week: IsoWeek,
    total: int | None = None,
    whole: int | None = None,
    existing_rule: ExistingPlacesRule = ALL_EXISTING_PLACES,
) -> tuple[KeyedDistribution, ...]:
    """The same amount over the provinces under each of the three rules, in ``Rule`` order.

    With an opgave (``whole``) only ``aandeel`` reads it; the other two distribute what
    ``aandeel`` asks in new places together, so all three place the same new places.
    """
    share = province_distribution(
        user=user,
        week=week,
        total=total,
        rule=Rule.AANDEEL,
        whole=whole,
        existing_rule=existing_rule,
    )
    amount = share.plain.allocated if whole is not None else total
    others = [
        province_distribution(
            user=user, week=week, total=amount, rule=rule, existing_rule=existing_rule
        )
        for rule in (Rule.AANVULLEN, Rule.EXTRA)
    ]
    return (share, *others)


def municipality_distribution(
    *,
    user: AnyUser,
    week: IsoWeek,
    province_code: str,
    total: int | None = None,
    minimum: int | None = None,
    amv_share: Fraction = DEFAULT_AMV_SHARE,
    correction: Mapping[str, Fraction] | None = None,
    rule: Rule = Rule.AANVULLEN,
    whole: int | None = None,
    existing_rule: ExistingPlacesRule = ALL_EXISTING_PLACES,
) -> KeyedDistribution:
    """A province's extra places over its municipalities (403 for other provinces' users).

    Default total: the province's allocation in the provincial distribution of the national
    shortfall. Each municipality's allocation is split into AMV and other places with
    ``core.distribution.split_allocations`` so both columns add up exactly.
    """
    code = check_province(user, province_code)
    figures, _sources = week_figures(user=user, week=week)
    shortfall = total is None and whole is None
    province_whole: int | None = None
    if total is None or whole is not None:
        national = province_distribution(
            user=user, week=week, total=total, rule=rule, whole=whole, existing_rule=existing_rule
        )
        row = next(r for r in national.plain.rows if r.code == code)
        total = row.allocation
        # Under an opgave the province's share of the whole is the whole of its municipalities.
        province_whole = row.share if whole is not None else None
    existing, unknown = existing_places(
        figures, on=week.monday, rule=existing_rule, by="municipality", province_code=code
    )
    units = [
        Unit(m.code, m.name, Fraction(m.inhabitants), existing.get(m.code, 0))
        for m in reference.municipalities(week.monday)
        if m.province_code == code
    ]
    plain, corrected, comparison = _keyed(
        units, total, correction, minimum=minimum, rule=rule, whole=province_whole
    )
    amv = tuple(split_allocations([r.allocation for r in plain.rows], amv_share))
    return KeyedDistribution(
        week,
        total,
        shortfall,
        plain,
        corrected,
        comparison,
        amv,
        minimum,
        amv_share,
        rule=rule,
        existing_rule=existing_rule,
        unknown_durability=unknown,
    )
