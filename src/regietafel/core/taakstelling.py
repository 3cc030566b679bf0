"""The taakstelling huisvesting vergunninghouders (Huisvestingswet 2014, articles 28-31).

Each half year the state sets a national number of status holders to be housed; every
municipality's share is proportional to its inhabitants and rounded to whole persons so
that the shares add up exactly to the national number. Arrears (achterstand) of the
previous period are added, an advance (voorsprong, negative arrears) subtracted: the
result is the *gecorrigeerde taakstelling* the municipality is held to.

The regional variant pools municipalities: a region gets one task computed on its summed
inhabitants, shown next to the sum of its members' local tasks so both can be compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from regietafel.core.apportionment import Method, apportion
from regietafel.core.rules import (
    PERIOD_MONTHS,
    SOMEWHAT_BEHIND_SHARE,
    ScheduleClass,
    schedule_arrears,
    schedule_class,
)


@dataclass(frozen=True, slots=True)
class MunicipalityShare:
    """What the engine needs to know about one municipality."""

    code: str
    name: str
    province: str
    inhabitants: int


@dataclass(frozen=True, slots=True)
class PreviousPeriod:
    """A municipality's corrected task in the previous period and how many it housed."""

    task: int
    housed: int

    @property
    def arrears(self) -> int:
        """Positive: achterstand; negative: voorsprong."""
        return self.task - self.housed


@dataclass(frozen=True, slots=True)
class TaakstellingRow:
    code: str
    name: str
    province: str
    inhabitants: int
    quota: float
    taakstelling: int
    arrears: int | None = None
    corrected: int | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One region: its pooled task next to the sum of its members' local tasks."""

    region: str
    members: int
    inhabitants: int
    quota: float
    regional_taakstelling: int
    local_taakstelling_sum: int
    arrears: int | None
    regional_corrected: int | None
    local_corrected_sum: int | None

    @property
    def difference(self) -> int:
        """Regional minus local: what pooling changes for the region as a whole."""
        return self.regional_taakstelling - self.local_taakstelling_sum


@dataclass(frozen=True, slots=True)
class TaakstellingResult:
    total: int
    method: Method
    rows: tuple[TaakstellingRow, ...]
    regions: tuple[RegionRow, ...] | None = None

    @property
    def with_arrears(self) -> bool:
        return any(row.arrears is not None for row in self.rows)

    def totals(self, province: str | None = None) -> TaakstellingTotals:
        """The totals row of the municipalities (of ``province``, by name: all when None).

        Arrears and the corrected task are None when any municipality's is unknown."""
        return taakstelling_totals(self.rows, province)

    def change_from(self, previous: TaakstellingResult, province: str | None = None) -> int:
        """How much the total task (of ``province``) differs from a previous version's."""
        return self.totals(province).taakstelling - previous.totals(province).taakstelling


@dataclass(frozen=True, slots=True)
class TaakstellingTotals:
    """The sums of a taakstelling table, one definition for CLI, pages and exports."""

    municipalities: int
    inhabitants: int
    quota: float
    taakstelling: int
    arrears: int | None
    corrected: int | None


def taakstelling_totals(
    rows: Iterable[TaakstellingRow], province: str | None = None
) -> TaakstellingTotals:
    """The totals of ``rows`` (of ``province`` only, when given; matched on ``row.province``),
    also for stored rows; arrears and the corrected task are None when any row's is."""
    chosen = [r for r in rows if province is None or r.province == province]
    return TaakstellingTotals(
        municipalities=len(chosen),
        inhabitants=sum(r.inhabitants for r in chosen),
        quota=sum(r.quota for r in chosen),
        taakstelling=sum(r.taakstelling for r in chosen),
        arrears=sum_known(r.arrears for r in chosen),
        corrected=sum_known(r.corrected for r in chosen),
    )


class TaakstellingError(ValueError):
    """Input that the engine cannot use; the message is Dutch."""


def compute_taakstelling(
    *,
    municipalities: Sequence[MunicipalityShare],
    total: int,
    method: Method = Method.HAMILTON,
    previous: Mapping[str, PreviousPeriod] | None = None,
    regions: Mapping[str, str] | None = None,
    arrears: Mapping[str, int] | None = None,
) -> TaakstellingResult:
    """Apportion ``total`` over ``municipalities`` by inhabitants, with optional carry-over.

    ``previous`` maps municipality codes to last period's corrected task and realisation;
    municipalities missing from it carry nothing over. ``arrears`` gives the carry-over
    directly instead (as ``carry_over_arrears`` computes it); pass one of the two.
    ``regions`` maps every municipality code to a region name.
    """
    codes = [m.code for m in municipalities]
    if len(set(codes)) != len(codes):
        raise TaakstellingError("een gemeentecode komt dubbel voor")
    if previous is not None and arrears is not None:
        raise TaakstellingError("geef de vorige periode óf de achterstanden, niet beide")
    carried: dict[str, int] | None = None
    if previous is not None:
        carried = {code: prior.arrears for code, prior in previous.items()}
    if arrears is not None:
        carried = dict(arrears)
    if carried is not None:
        unknown = sorted(set(carried) - set(codes))
        if unknown:
            raise TaakstellingError(f"onbekende gemeente in de realisatie: {unknown[0]}")
    if regions is not None:
        missing = [m for m in municipalities if m.code not in regions]
        if missing:
            raise TaakstellingError(
                f"gemeente {missing[0].code} ({missing[0].name}) heeft geen regio"
            )

    result = apportion([m.inhabitants for m in municipalities], total, method=method)
    rows: list[TaakstellingRow] = []
    for i, m in enumerate(municipalities):
        task = int(result.seats[i])
        carry = corrected = None
        if carried is not None:
            carry = carried.get(m.code, 0)
            corrected = task + carry
        rows.append(
            TaakstellingRow(
                code=m.code,
                name=m.name,
                province=m.province,
                inhabitants=m.inhabitants,
                quota=float(result.quota[i]),
                taakstelling=task,
                arrears=carry,
                corrected=corrected,
                region=regions[m.code] if regions is not None else None,
            )
        )
    region_rows = (
        _regional(rows, total, method, with_arrears=carried is not None)
        if regions is not None
        else None
    )
    return TaakstellingResult(total=total, method=method, rows=tuple(rows), regions=region_rows)


def _regional(
    rows: Sequence[TaakstellingRow], total: int, method: Method, *, with_arrears: bool
) -> tuple[RegionRow, ...]:
    names = sorted({row.region for row in rows if row.region is not None})
    members = {name: [row for row in rows if row.region == name] for name in names}
    pooled = apportion(
        [sum(row.inhabitants for row in members[name]) for name in names], total, method=method
    )
    region_rows = []
    for k, name in enumerate(names):
        group = members[name]
        task = int(pooled.seats[k])
        arrears = sum(row.arrears or 0 for row in group) if with_arrears else None
        region_rows.append(
            RegionRow(
                region=name,
                members=len(group),
                inhabitants=sum(row.inhabitants for row in group),
                quota=float(pooled.quota[k]),
                regional_taakstelling=task,
                local_taakstelling_sum=sum(row.taakstelling for row in group),
                arrears=arrears,
                regional_corrected=task + arrears if arrears is not None else None,
                local_corrected_sum=(
                    sum(row.corrected or 0 for row in group) if with_arrears else None
                ),
            )
        )
    return tuple(region_rows)


def carry_over_arrears(
    *,
    arrears: Mapping[str, int],
    successors: Mapping[str, Sequence[tuple[str, int]]],
) -> dict[str, int]:
    """Move last period's arrears onto this period's municipalities.

    ``arrears`` holds the arrears (negative: advance) per municipality of the previous
    period. ``successors`` names, for every code that no longer exists, its heirs with a
    weight each (inhabitants transferred); a code absent from it still exists and keeps its
    own arrears. A merger hands everything to the one heir; a split divides the arrears in
    proportion to the weights, rounded to whole persons by largest remainder (Hamilton), so
    the national total of arrears is conserved exactly.
    """
    result: dict[str, int] = {}
    for code in sorted(arrears):
        amount = arrears[code]
        heirs = successors.get(code)
        if heirs is None:
            result[code] = result.get(code, 0) + amount
            continue
        if not heirs:
            raise TaakstellingError(f"gemeente {code} bestaat niet meer en heeft geen opvolger")
        weights = [max(weight, 0) for _, weight in heirs]
        if sum(weights) == 0:
            weights = [1] * len(heirs)
        sign = -1 if amount < 0 else 1
        shares = apportion(weights, abs(amount), method=Method.HAMILTON).seats
        for (heir, _), share in zip(heirs, shares, strict=True):
            result[heir] = result.get(heir, 0) + sign * int(share)
    return result


@dataclass(frozen=True, slots=True)
class ProgressInput:
    """One municipality's stored task for the period.

    ``arrears`` None: nothing was carried over because the previous period was never set
    here, so the arrears are unknown (not zero); ``corrected`` is then the taakstelling.
    """

    code: str
    name: str
    province: str
    taakstelling: int
    arrears: int | None
    corrected: int


def sum_known(values: Iterable[int | None]) -> int | None:
    """The sum, or None when any part is unknown: a total over a part is no total."""
    total = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


@dataclass(frozen=True, slots=True)
class ProgressRow:
    """Where one municipality (or a sum of them) stands against its corrected task.

    ``expected`` = corrected × months elapsed / 6 (exact, as a fraction of persons is
    meaningful for the comparison); ``percentage`` is None when the corrected task is not
    positive (nothing to house, or an advance). ``housed`` is None when no realisation about
    the period has been delivered up to the week: then everything that compares with it
    (``remaining``, ``percentage``, ``schedule``, ``schedule_arrears``) is None as well, so
    no surface can show 0 housed or "ver achter" for what nobody knows.
    """

    code: str
    name: str
    province: str
    taakstelling: int
    arrears: int | None
    corrected: int
    housed: int | None
    months_elapsed: int
    schedule: ScheduleClass | None

    @property
    def remaining(self) -> int | None:
        """Still to house; negative when more were housed than the corrected task."""
        return None if self.housed is None else self.corrected - self.housed

    @property
    def expected(self) -> float:
        return self.corrected * self.months_elapsed / PERIOD_MONTHS

    @property
    def percentage(self) -> float | None:
        if self.housed is None or self.corrected <= 0:
            return None
        return 100 * self.housed / self.corrected

    @property
    def schedule_arrears(self) -> int | None:
        """Still to house to be back on schedule (0 when on it): who is behind, and by how much."""
        if self.housed is None:
            return None
        return schedule_arrears(self.housed, self.corrected, self.months_elapsed)


@dataclass(frozen=True, slots=True)
class ProgressAggregate:
    """The sum over a group of municipalities (a province, the nation).

    ``counts`` is None when housed is unknown: how many are behind is then unknown too.
    """

    row: ProgressRow
    municipalities: int
    counts: Mapping[ScheduleClass, int] | None
    schedule_arrears: int | None
    """What the municipalities behind must still house to be on schedule, summed per
    municipality (those ahead do not count against it): the card's "achterstand op schema",
    not the gap of the summed row."""

    def count(self, schedule: ScheduleClass) -> int | None:
        return None if self.counts is None else self.counts.get(schedule, 0)

    @property
    def on_schedule(self) -> int | None:
        return self.count(ScheduleClass.ON_SCHEDULE)

    @property
    def somewhat_behind(self) -> int | None:
        return self.count(ScheduleClass.SOMEWHAT_BEHIND)

    @property
    def far_behind(self) -> int | None:
        return self.count(ScheduleClass.FAR_BEHIND)


def _schedule(
    housed: int | None, corrected: int, months_elapsed: int, somewhat_behind: Fraction
) -> ScheduleClass | None:
    if housed is None:
        return None
    return schedule_class(
        housed, corrected, months_elapsed=months_elapsed, somewhat_behind=somewhat_behind
    )


def progress_rows(
    *,
    entries: Sequence[ProgressInput],
    housed: Mapping[str, int] | None,
    months_elapsed: int,
    somewhat_behind: Fraction = SOMEWHAT_BEHIND_SHARE,
) -> tuple[ProgressRow, ...]:
    """Each municipality's progress as of the week.

    ``housed`` None: no realisation about the period up to the week, so every row's housed is
    unknown. A delivered realisation reports the whole period at once, one row per
    municipality; a municipality absent from it housed nobody (the rule the carry-over of
    arrears into the next period uses too), so known and unknown rows never mix.
    """
    rows = []
    for e in entries:
        count = None if housed is None else housed.get(e.code, 0)
        rows.append(
            ProgressRow(
                code=e.code,
                name=e.name,
                province=e.province,
                taakstelling=e.taakstelling,
                arrears=e.arrears,
                corrected=e.corrected,
                housed=count,
                months_elapsed=months_elapsed,
                schedule=_schedule(count, e.corrected, months_elapsed, somewhat_behind),
            )
        )
    return tuple(rows)


def progress_total(
    rows: Sequence[ProgressRow],
    *,
    code: str,
    name: str,
    months_elapsed: int,
    somewhat_behind: Fraction = SOMEWHAT_BEHIND_SHARE,
) -> ProgressAggregate:
    """Sum ``rows``; the group's class is computed on the sums, next to the count per class.

    Housed (and so the class and the counts) is unknown when any row's is: a sum over the
    known rows only would pass a part for the whole.
    """
    corrected = sum(r.corrected for r in rows)
    housed = sum_known(r.housed for r in rows)
    counts = (
        None
        if housed is None
        else {cls: sum(1 for r in rows if r.schedule is cls) for cls in ScheduleClass}
    )
    return ProgressAggregate(
        row=ProgressRow(
            code=code,
            name=name,
            province=code,
            taakstelling=sum(r.taakstelling for r in rows),
            arrears=sum_known(r.arrears for r in rows),
            corrected=corrected,
            housed=housed,
            months_elapsed=months_elapsed,
            schedule=_schedule(housed, corrected, months_elapsed, somewhat_behind),
        ),
        municipalities=len(rows),
        counts=counts,
        schedule_arrears=sum_known(r.schedule_arrears for r in rows),
    )


def behind_schedule(rows: Iterable[ProgressRow]) -> tuple[ProgressRow, ...]:
    """The rows behind schedule (somewhat or far), the largest arrears on schedule first, then
    by name: the meeting's "who is behind?". A row whose housed is unknown is not behind (nor
    on schedule), so it is not listed."""
    behind = [
        (arrears, row)
        for row in rows
        if row.schedule in _BEHIND and (arrears := row.schedule_arrears) is not None
    ]
    return tuple(row for _, row in sorted(behind, key=lambda pair: (-pair[0], pair[1].name)))


_BEHIND = frozenset({ScheduleClass.SOMEWHAT_BEHIND, ScheduleClass.FAR_BEHIND})


@dataclass(frozen=True, slots=True)
class HousedSoFar:
    """Status holders housed nationally in the current taakstelling period, as the newest
    realisation import states it: the forecast's housing pace where enough of the period
    has passed. COA reports realisation as the state on the first day of a month, so the
    count holds on ``as_of``, the first of the month of the import's week (``delivered``)."""

    period_start: date
    as_of: date
    delivered: date
    persons: int

    @property
    def weeks(self) -> float:
        """Weeks from the period's first day to ``as_of``."""
        return (self.as_of - self.period_start).days / 7

    @classmethod
    def from_import(cls, period_start: date, delivered: date, persons: int) -> HousedSoFar:
        """The count of an import delivered in the week of Monday ``delivered``: it holds on
        :func:`realisation_day` of that week (not before the period's first day)."""
        as_of = max(realisation_day(delivered), period_start)
        return cls(period_start=period_start, as_of=as_of, delivered=delivered, persons=persons)


def realisation_day(week_monday: date) -> date:
    """The first of a month whose state a realisation delivered in the week of Monday
    ``week_monday`` gives: the latest first of a month up to that week's Sunday. COA reports
    the state on the first of the month; the delivery of the week that holds a first gives
    that first (week 52 of 2021, 27 December to 2 January: 1 January 2022), a delivery in a
    week without one the first before it (week 46: 1 November). The half-year cycle reads
    the same rule the other way round: the state on a first is the delivery of the week
    holding it."""
    sunday = week_monday + timedelta(days=6)
    return sunday.replace(day=1)


def schedule_day(*, week_monday: date, delivered: date | None) -> date:
    """The day a week's schedule compares housed with expected on: the day the realisation in
    use holds (:func:`realisation_day` of the week it was delivered in, which may be an earlier
    week than the one shown, within its validity), so both numbers are of the same first of
    the month. Without a realisation (``delivered`` None) the day a delivery of the week
    itself would hold. Week 48 of 2021 (29 November to 5 December) with its own delivery:
    1 December, five months of period II; with the delivery of week 46 still in use: 1
    November, four months."""
    return realisation_day(week_monday if delivered is None else delivered)
