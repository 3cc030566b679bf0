"""Distributing places (extra reception places, homes) over provinces, municipalities or any units.

Three rules, side by side, each named by what it does (``Rule``); ``docs/verdeling.md`` gives
each its source.

``aandeel`` (share of the whole; the Spreidingswet opgave of 2024)
    Every unit's share of the *whole* is ``weight_i / total_weight x whole``, where the whole
    is all places together (existing + extra, or a national capacity estimate such as
    96,000), rounded to whole places with an apportionment method (a minimum per unit, such
    as the Spreidingswet's 5, applies to this share). New places are
    ``max(0, share_i - counted existing_i)``. A unit above its share needs no new places and
    its surplus does *not* lower anyone else's task, so the new places together can exceed
    the number to distribute.

``aanvullen`` (fill up to one level; the later verdeelbesluit step)
    The fair share is computed on the grand total (existing + extra):
    ``fair_i = weight_i / total_weight x (existing_total + extra)``. The extra places go only
    to units below their fair share, by filling up to one level: there is one level L
    (places per unit of weight) such that ``extra_i = max(0, L x weight_i - existing_i)``,
    and these fractional amounts sum exactly to the extra places. Surpluses thus offset
    shortfalls: units above their fair share get nothing and lower what the others need.
    This is what the distribution decision (verdeelbesluit) did after the provinces'
    plans; it is *not* how the Spreidingswet set the provincial opgave.

``extra`` (plain share of the extra)
    Every unit gets ``weight_i / total_weight x extra``; existing places play no part.

The fractional amounts are the quota; the allocation is rounded with the chosen method so it
adds up exactly (``extra`` and ``aanvullen``: to the number to distribute; ``aandeel``: the
shares add up to the whole).

Which existing places count is a separate, explicit step (``counted_existing``), and the key
can be composed of weighted factors with every factor visible (``composite_key``).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import Literal, TypeVar

from regietafel.core.apportionment import ApportionmentError, Method, apportion
from regietafel.core.capacity import Location
from regietafel.core.rules import ALL_EXISTING_PLACES, ExistingPlacesRule


class Rule(StrEnum):
    """How existing places enter a distribution; values are the CLI's ``--regel`` words."""

    AANDEEL = "aandeel"
    AANVULLEN = "aanvullen"
    EXTRA = "extra"

    @property
    def label(self) -> str:
        return _RULE_LABELS[self]


_RULE_LABELS = {
    Rule.AANDEEL: "aandeel in het geheel, min wat er al is (opgave Spreidingswet)",
    Rule.AANVULLEN: "aanvullen tot één gelijk niveau (verdeelbesluit)",
    Rule.EXTRA: "alleen de extra plekken naar rato",
}


_N = TypeVar("_N", int, float)


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    weight: Fraction
    existing: int = 0


@dataclass(frozen=True, slots=True)
class DistributionRow:
    """One unit's outcome.

    ``quota`` is the exact (fractional) number of new places, ``allocation`` the rounded one.
    ``existing`` and ``fair_share`` are ``None`` under ``extra``. ``share`` is the rounded
    share of the whole under ``aandeel`` (``None`` otherwise). ``held`` is the places the
    unit was given as it has them, counted or not: under ``extra`` a table may still show
    them next to the new places, without the edge adding them up itself.
    """

    code: str
    name: str
    weight: Fraction
    weight_share: float
    quota: float
    allocation: int
    existing: int | None
    fair_share: float | None
    share: int | None = None
    held: int = 0

    @property
    def after(self) -> int:
        return (self.existing or 0) + self.allocation

    @property
    def held_after(self) -> int:
        """The places the unit holds after this distribution, counted or not."""
        return self.held + self.allocation

    @property
    def below_fair_share(self) -> float | None:
        """Places short of the fair share before this distribution (negative: above it)."""
        return None if self.fair_share is None else self.fair_share - (self.existing or 0)

    @property
    def above_fair_share(self) -> float | None:
        """Counted places minus the fair share before this distribution (negative: short);
        None under ``extra``, which knows no fair share."""
        return None if self.fair_share is None else (self.existing or 0) - self.fair_share

    @property
    def weight_percentage(self) -> float:
        """The unit's share of the total weight in percent, as every table shows it."""
        return self.weight_share * 100


@dataclass(frozen=True, slots=True)
class DistributionResult:
    total: int
    method: Method
    credit_existing: bool
    rows: tuple[DistributionRow, ...]
    level: float | None = None
    rule: Rule = Rule.EXTRA
    whole: int | None = None

    @property
    def allocated(self) -> int:
        """New places together; under ``aandeel`` this can exceed ``total``."""
        return sum(r.allocation for r in self.rows)

    @property
    def weight_total(self) -> Fraction:
        return sum((r.weight for r in self.rows), Fraction(0))

    @property
    def quota_total(self) -> float:
        return sum(r.quota for r in self.rows)

    @property
    def existing_total(self) -> int | None:
        """Counted places together; None under ``extra`` (not counted) or when any unit's
        count is unknown: a total over a part is no total."""
        return _sum_known(r.existing for r in self.rows)

    @property
    def after_total(self) -> int | None:
        """Counted places plus the new ones; None where ``existing_total`` is."""
        existing = self.existing_total
        return None if existing is None else existing + self.allocated

    @property
    def held_total(self) -> int:
        """The places the units were given as holding, counted or not."""
        return sum(r.held for r in self.rows)

    @property
    def held_after_total(self) -> int:
        return self.held_total + self.allocated

    @property
    def fair_share_total(self) -> float | None:
        return _sum_known(r.fair_share for r in self.rows)

    @property
    def share_total(self) -> int | None:
        """The rounded shares of the whole together (``aandeel`` only, else None)."""
        return _sum_known(r.share for r in self.rows)


def _sum_known(values: Iterable[_N | None]) -> _N | None:
    """The sum, or None when there is nothing or any part is unknown."""
    known: list[_N] = []
    for value in values:
        if value is None:
            return None
        known.append(value)
    return sum(known[1:], known[0]) if known else None


class DistributionError(ValueError):
    """The distribution cannot be made; the message is Dutch."""


MAX_TOTAL = 10_000_000
"""The largest number this distributes (a hundred times the Spreidingswet's 96,000): a larger
one is a typing error, refused in Dutch instead of being worked out (the fuzzer's
24744503424572987707228160 overflowed the engine's integer arithmetic)."""


def distribute(
    units: Sequence[Unit],
    total: int,
    *,
    method: Method = Method.HAMILTON,
    credit_existing: bool = False,
    rule: Rule | None = None,
    whole: int | None = None,
    minimum: int | Sequence[int] | None = None,
    maximum: int | Sequence[int] | None = None,
) -> DistributionResult:
    """Distribute ``total`` over ``units`` under ``rule``; see the module docstring.

    Without ``rule``, ``credit_existing`` chooses as before: ``aanvullen`` when true,
    ``extra`` when false. ``whole`` (only with ``aandeel``) is the number whose shares are
    computed, e.g. the national estimate of 96,000; default: existing + ``total``.
    """
    chosen = rule if rule is not None else (Rule.AANVULLEN if credit_existing else Rule.EXTRA)
    if not units:
        raise DistributionError("er zijn geen eenheden om over te verdelen")
    for name, amount in (("te verdelen aantal", total), ("totaal voor het geheel", whole)):
        if amount is not None and not 0 <= amount <= MAX_TOTAL:
            raise DistributionError(
                f"{name} {amount} ligt buiten 0 tot en met {MAX_TOTAL:,}".replace(",", ".")
            )
    if any(u.weight < 0 for u in units):
        raise DistributionError("een gewicht mag niet negatief zijn")
    if any(u.existing < 0 for u in units):
        raise DistributionError("een bestaand aantal mag niet negatief zijn")
    weight_sum = sum((u.weight for u in units), Fraction(0))
    if weight_sum == 0:
        raise DistributionError("de gewichten zijn samen nul")
    if whole is not None and chosen is not Rule.AANDEEL:
        raise DistributionError("een totaal voor het geheel hoort alleen bij de regel aandeel")
    if chosen is Rule.AANDEEL:
        return _share_of_whole(
            units,
            total,
            weight_sum,
            method=method,
            whole=whole,
            minimum=minimum,
            maximum=maximum,
        )

    level: Fraction | None = None
    if chosen is Rule.AANVULLEN:
        level = fill_level([u.weight for u in units], [u.existing for u in units], total)
        quotas = [max(Fraction(0), level * u.weight - u.existing) for u in units]
        grand_total = sum(u.existing for u in units) + total
        fair = [float(u.weight * grand_total / weight_sum) for u in units]
    else:
        quotas = [u.weight * total / weight_sum for u in units]
        fair = [0.0] * len(units)
    seats = _rounded(quotas, total, method, minimum, maximum)
    credited = chosen is Rule.AANVULLEN
    rows = tuple(
        DistributionRow(
            code=u.code,
            name=u.name,
            weight=u.weight,
            weight_share=float(u.weight / weight_sum),
            quota=float(quotas[i]),
            allocation=seats[i],
            existing=u.existing if credited else None,
            fair_share=fair[i] if credited else None,
            held=u.existing,
        )
        for i, u in enumerate(units)
    )
    return DistributionResult(
        total=total,
        method=method,
        credit_existing=credited,
        rows=rows,
        level=float(level) if level is not None else None,
        rule=chosen,
    )


def _rounded(
    quotas: Sequence[Fraction],
    total: int,
    method: Method,
    minimum: int | Sequence[int] | None,
    maximum: int | Sequence[int] | None,
) -> list[int]:
    try:
        if sum(quotas) == 0:
            return [0] * len(quotas)
        seats = apportion(list(quotas), total, method=method, minimum=minimum, maximum=maximum)
    except ApportionmentError as error:
        raise DistributionError(str(error)) from error
    return [int(s) for s in seats.seats.tolist()]


def _share_of_whole(
    units: Sequence[Unit],
    total: int,
    weight_sum: Fraction,
    *,
    method: Method,
    whole: int | None,
    minimum: int | Sequence[int] | None,
    maximum: int | Sequence[int] | None,
) -> DistributionResult:
    existing_total = sum(u.existing for u in units)
    amount = existing_total + total if whole is None else whole
    if amount < 0:
        raise DistributionError("het geheel kan niet negatief zijn")
    exact = [u.weight * amount / weight_sum for u in units]
    shares = _rounded(exact, amount, method, minimum, maximum)
    rows = tuple(
        DistributionRow(
            code=u.code,
            name=u.name,
            weight=u.weight,
            weight_share=float(u.weight / weight_sum),
            quota=float(max(Fraction(0), exact[i] - u.existing)),
            allocation=max(0, shares[i] - u.existing),
            existing=u.existing,
            fair_share=float(exact[i]),
            share=shares[i],
            held=u.existing,
        )
        for i, u in enumerate(units)
    )
    return DistributionResult(
        total=total,
        method=method,
        credit_existing=True,
        rows=rows,
        rule=Rule.AANDEEL,
        whole=amount,
    )


def fill_level(weights: Sequence[Fraction], existing: Sequence[int], extra: int) -> Fraction:
    """The level L with sum(max(0, L*w - e)) == extra, exactly (units of zero weight excluded).

    Units enter in the order of their current level e/w; each entry lowers nothing, so the
    first candidate level that stays below the next unit's current level is the answer.
    """
    order = sorted(
        (i for i in range(len(weights)) if weights[i] > 0),
        key=lambda i: Fraction(existing[i]) / weights[i],
    )
    if not order:
        raise DistributionError("de gewichten zijn samen nul")
    pooled_weight = Fraction(0)
    pooled_existing = Fraction(0)
    level = Fraction(0)
    for position, i in enumerate(order):
        pooled_weight += weights[i]
        pooled_existing += existing[i]
        level = (extra + pooled_existing) / pooled_weight
        following = order[position + 1] if position + 1 < len(order) else None
        if following is None or level <= Fraction(existing[following]) / weights[following]:
            return level
    return level


@dataclass(frozen=True, slots=True)
class ExistingPlaces:
    """Places a unit has or will have, as the register would give them.

    Shaped like ``core.capacity.Location`` (``start``: first day with places, ``end``: last
    day, the contract end; ``None``: no end date), with the unit they count for. ``durable``
    is the register's looptijd: True structureel, False tijdelijk, None unknown. A place
    without an end date counts as lasting; when its looptijd is unknown that is an
    assumption, which ``unknown_durability`` reports.
    """

    unit_code: str
    places: int
    start: date
    end: date | None = None
    name: str = ""
    durable: bool | None = None

    def __post_init__(self) -> None:
        if self.places < 0:
            raise DistributionError(
                f"{self.name or self.unit_code}: plekken kunnen niet negatief zijn"
            )
        if self.end is not None and self.end < self.start:
            raise DistributionError(
                f"{self.name or self.unit_code}: de einddatum ligt voor de begindatum"
            )


def places_of(
    locations: Iterable[Location], *, by: Literal["province", "municipality"]
) -> list[ExistingPlaces]:
    """The register's locations as places of their province or municipality, with the
    contract end (``Location.end``) and looptijd (``Location.durable``) the register holds."""
    return [
        ExistingPlaces(
            unit_code=location.province_code if by == "province" else location.municipality_code,
            places=location.capacity,
            start=location.start,
            end=location.end,
            name=location.name,
            durable=location.durable,
        )
        for location in locations
    ]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day (31 January + 1 = 28/29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def place_counts(place: ExistingPlaces, on: date, rule: ExistingPlacesRule) -> bool:
    """Whether ``place`` counts on ``on`` under ``rule`` (see ``rules.ExistingPlacesRule``)."""
    if place.end is not None and place.end < on:
        return False
    if rule.available_within_months is not None and place.start > add_months(
        on, rule.available_within_months
    ):
        return False
    if rule.durable_years is not None and place.end is not None:
        available = max(place.start, on)
        if place.end < add_months(available, 12 * rule.durable_years):
            return False
    return rule.more_than_places is None or place.places > rule.more_than_places


def counted_existing(
    places: Iterable[ExistingPlaces], *, on: date, rule: ExistingPlacesRule = ALL_EXISTING_PLACES
) -> dict[str, int]:
    """Existing places per unit that count on ``on`` under ``rule`` (units without any: absent)."""
    counted: dict[str, int] = {}
    for place in places:
        if place_counts(place, on, rule):
            counted[place.unit_code] = counted.get(place.unit_code, 0) + place.places
    return counted


def unknown_durability(
    places: Iterable[ExistingPlaces], *, on: date, rule: ExistingPlacesRule
) -> dict[str, int]:
    """Counted places per unit that count as lasting only because nothing says otherwise:
    no end date and a looptijd the register does not know. Reported next to the count, so
    "unknown" is never silently taken for durable (only relevant with ``durable_years``)."""
    unknown: dict[str, int] = {}
    if rule.durable_years is None:
        return unknown
    for place in places:
        if place.end is None and place.durable is None and place_counts(place, on, rule):
            unknown[place.unit_code] = unknown.get(place.unit_code, 0) + place.places
    return unknown


@dataclass(frozen=True, slots=True)
class Factor:
    """One ingredient of a composite key.

    Additive factors (``multiply`` false) enter as their share of the factor's total, weighted
    by ``weight``; the weights of the additive factors are normalised to add up to 1.
    Multiplicative factors (a correction per unit, such as the Spreidingswet's
    socio-economic correction) multiply the combined key; a unit without a value keeps 1.
    """

    name: str
    values: Mapping[str, Fraction]
    weight: Fraction = Fraction(1)
    multiply: bool = False


@dataclass(frozen=True, slots=True)
class KeyRow:
    """A unit's composite key with every factor visible: raw value and contribution."""

    code: str
    name: str
    values: tuple[Fraction | None, ...]
    contributions: tuple[Fraction, ...]
    weight: Fraction


@dataclass(frozen=True, slots=True)
class CompositeKey:
    factors: tuple[Factor, ...]
    rows: tuple[KeyRow, ...]

    def units(self, existing: Mapping[str, int] | None = None) -> list[Unit]:
        """The units to distribute over, with this key as their weight."""
        found = existing or {}
        return [Unit(r.code, r.name, r.weight, found.get(r.code, 0)) for r in self.rows]


def composite_key(units: Sequence[tuple[str, str]], factors: Sequence[Factor]) -> CompositeKey:
    """A key from weighted factors over ``units`` ((code, name) pairs), every factor shown.

    For unit i: ``key_i = sum_f (w_f / sum w) x x_fi / sum_j x_fj``, times every
    multiplicative factor's value. An additive factor's contribution is its weighted share;
    a multiplicative factor's contribution is its value (1 when absent). Keys are shares
    (they add up to 1 before corrections); only proportions matter for a distribution.
    """
    if not units:
        raise DistributionError("er zijn geen eenheden voor de sleutel")
    additive = [f for f in factors if not f.multiply]
    if not additive:
        raise DistributionError("een sleutel heeft minstens één optellende factor nodig")
    if any(f.weight < 0 for f in factors):
        raise DistributionError("het gewicht van een factor mag niet negatief zijn")
    weight_sum = sum((f.weight for f in additive), Fraction(0))
    if weight_sum == 0:
        raise DistributionError("de gewichten van de factoren zijn samen nul")
    codes = [code for code, _ in units]
    totals: dict[str, Fraction] = {}
    for factor in factors:
        values = [factor.values.get(code) for code in codes]
        if any(v is not None and v < 0 for v in values):
            raise DistributionError(f"factor {factor.name}: een waarde mag niet negatief zijn")
        if not factor.multiply:
            total = sum((v for v in values if v is not None), Fraction(0))
            if total == 0 and factor.weight > 0:
                raise DistributionError(f"factor {factor.name}: de waarden zijn samen nul")
            totals[factor.name] = total
    rows = []
    for code, name in units:
        values_row: list[Fraction | None] = []
        contributions: list[Fraction] = []
        key = Fraction(0)
        correction = Fraction(1)
        for factor in factors:
            value = factor.values.get(code)
            values_row.append(value)
            if factor.multiply:
                contribution = Fraction(1) if value is None else value
                correction *= contribution
            else:
                total = totals[factor.name]
                contribution = (
                    Fraction(0)
                    if value is None or total == 0
                    else factor.weight / weight_sum * value / total
                )
                key += contribution
            contributions.append(contribution)
        rows.append(KeyRow(code, name, tuple(values_row), tuple(contributions), key * correction))
    return CompositeKey(tuple(factors), tuple(rows))


@dataclass(frozen=True, slots=True)
class KeyComparison:
    """One unit under two keys side by side: who gains and who loses."""

    code: str
    name: str
    allocation_a: int
    allocation_b: int

    @property
    def difference(self) -> int:
        return self.allocation_b - self.allocation_a


def compare(a: DistributionResult, b: DistributionResult) -> tuple[KeyComparison, ...]:
    """Pair two distributions of the same units (same order) for a side-by-side view."""
    if [r.code for r in a.rows] != [r.code for r in b.rows]:
        raise DistributionError("de twee verdelingen gaan niet over dezelfde eenheden")
    return tuple(
        KeyComparison(ra.code, ra.name, ra.allocation, rb.allocation)
        for ra, rb in zip(a.rows, b.rows, strict=True)
    )


def split_allocations(
    allocations: Sequence[int], share: Fraction, *, method: Method = Method.HAMILTON
) -> list[tuple[int, int]]:
    """Split every allocation into (part, rest), e.g. the AMV places within each municipality.

    The parts together are ``share`` of the total, rounded half up to a whole number, and
    are apportioned over the units in proportion to their allocations with at most the
    allocation per unit, so ``part + rest == allocation`` everywhere and both columns add
    up exactly.
    """
    if not 0 <= share <= 1:
        raise DistributionError("een aandeel ligt tussen 0 en 100 procent")
    if any(a < 0 for a in allocations):
        raise DistributionError("een toewijzing kan niet negatief zijn")
    total = sum(allocations)
    part_total = int(share * total + Fraction(1, 2))
    if part_total == 0:
        return [(0, a) for a in allocations]
    try:
        parts = apportion(
            list(allocations), part_total, method=method, maximum=list(allocations)
        ).seats.tolist()
    except ApportionmentError as error:
        raise DistributionError(str(error)) from error
    return [(int(p), a - int(p)) for p, a in zip(parts, allocations, strict=True)]
