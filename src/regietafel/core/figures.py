"""The weekly figures: every key figure of a week, for the nation and each province, at once.

A steering table lives on trust in its figures, and trust breaks the moment a card and a table
of the same page disagree. So the figures of a week are computed here, in one pure function,
into one frozen object; pages, API, command line, shopping list, distribution and the report
only read it (``core.catalogue`` names and defines each figure). Nothing else does arithmetic.

No data is never zero: a scope without a location register has ``reception`` None, a week
outside any stored taakstelling period has ``housing`` None, and a period without any reported
realisation has ``housed`` None. Surfaces show "geen gegevens", never 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from regietafel.core.capacity import (
    CapacityTimeline,
    Closure,
    Location,
    capacity_timeline,
    closures_without_successor,
    occupancy_by_category,
)
from regietafel.core.confidentiality import SuppressionPlan
from regietafel.core.need import (
    ForecastGrowth,
    GapRow,
    forecast_projection,
    need_and_gap_by_province,
    need_by_week,
    projected_occupancy,
)
from regietafel.core.need_policy import NeedPolicy
from regietafel.core.periods import IsoWeek, Period
from regietafel.core.rules import (
    CLOSURE_LOOKAHEAD,
    PERIOD_MONTHS,
    SOMEWHAT_BEHIND_SHARE,
    Horizon,
    HorizonRole,
    LocationType,
    NeedCategory,
    ScheduleClass,
)
from regietafel.core.shopping_list import ShoppingItem, shopping_list
from regietafel.core.taakstelling import (
    HousedSoFar,
    ProgressInput,
    ProgressRow,
    progress_rows,
    schedule_day,
    sum_known,
)
from regietafel.core.targets import Target, TargetProgress, target_progress

NATIONAL = "NL"
"""The scope code of the national figures; provinces use their CBS code (PV20-PV31)."""

TIMELINE_WEEKS = 104
"""The capacity timeline runs two years from the week's Monday (the long horizon)."""

History = Mapping[NeedCategory, Sequence[tuple[date, int]]]


@dataclass(frozen=True, slots=True)
class HousingInputs:
    """The stored taakstelling of the period containing the week, and what is reported housed.

    ``housed`` is None when no realisation over this period has been reported on or before the
    week: then nobody knows how many were housed, which is not the same as zero.
    """

    period: Period
    national_total: int
    entries: tuple[ProgressInput, ...]
    housed: Mapping[str, int] | None
    realisation_week: str | None
    arrears_source: str = ""
    """Where the carried arrears come from, or why there are none (the stored period's note)."""

    @property
    def delivered(self) -> date | None:
        """The Monday of the week the realisation in use was delivered in (None: none)."""
        week = self.realisation_week
        return None if week is None else IsoWeek.parse(week).monday


@dataclass(frozen=True)
class WeekInputs:
    """Everything the figures of one week are computed from (read once from the database).

    ``register_week`` None means no location register holds in this week. ``history`` is the
    occupancy per province and category in the registers of the trend window.
    ``province_inhabitants`` has every province, also those without locations.
    """

    week: IsoWeek
    register_week: str | None
    locations: tuple[Location, ...]
    history: Mapping[str, History]
    horizons: tuple[Horizon, ...]
    need_policy: NeedPolicy
    """The need policy of the week (chosen by the LRT, else the dated one): the one need rule."""
    province_inhabitants: Mapping[str, int]
    targets: tuple[Target, ...] = ()
    housing: HousingInputs | None = None
    waiting_in_reception: int | None = None
    waiting_long: int | None = None
    """Of those, waiting longer than 14 weeks: only when the week's series delivers it."""
    timeline_weeks: int = TIMELINE_WEEKS
    somewhat_behind: Fraction = SOMEWHAT_BEHIND_SHARE
    growth: ForecastGrowth | None = None
    """The forecast's growth per horizon; None: the damped trend of the register (fallback)."""
    growth_from: Callable[[int, HousedSoFar | None], ForecastGrowth | None] | None = field(
        default=None, compare=False
    )
    """When given, the growth is asked from the register's national occupancy on the Monday
    and the national housed so far (the forecast then starts where the Prognose page's run
    starts, at the same housing pace); it replaces ``growth``."""


TREND_PROJECTION = (
    "trend: rechte lijn door de bezetting van de laatste acht weken, hoogstens een kwartaal "
    "doorgetrokken en daarna vlak (terugval zonder prognose)"
)


PROJECTION_WEEKS = 13
"""How far ahead a figure's trend shows its projection: a quarter, where the forecast and the
contracted capacity say something week by week."""


@dataclass(frozen=True)
class ReceptionFigures:
    """Capacity, occupancy and need of one scope in one week.

    Series run from the week's Monday, one value per week (``TIMELINE_WEEKS``).
    ``fair_share_capacity`` and ``fair_share_regular_need`` are set for provinces only.
    """

    week_starts: tuple[date, ...]
    capacity_total: tuple[int, ...]
    capacity_structural: tuple[int, ...]
    capacity_temporary: tuple[int, ...]
    capacity_by_type: Mapping[LocationType, tuple[int, ...]]
    capacity_regular_now: int
    occupancy_by_category: Mapping[NeedCategory, int]
    gaps: tuple[GapRow, ...]
    closures: tuple[Closure, ...]
    closure_lookahead_weeks: int
    need_by_week: tuple[int, ...]
    locations_open: int = 0
    fair_share_capacity: Fraction | None = None
    fair_share_regular_need: Fraction | None = None
    ending_with_option: int | None = None
    """Places of open locations whose contract ends within the closure look-ahead and can be
    extended; None when the register does not say for every such location."""
    ending_without_option: int | None = None
    """The same without an extension option: places that go unless a new contract is made."""

    @property
    def capacity_of_fair_share(self) -> float | None:
        """Capacity now as a percentage of the province's even share of the national capacity
        (None nationally, or without a share): the report's province map."""
        share = self.fair_share_capacity
        if not share:
            return None
        return float(100 * self.capacity_now / share)

    @property
    def capacity_if_not_extended(self) -> int:
        """Capacity at the end of the closure look-ahead if no contract is extended (the
        timeline already closes every location on its end date)."""
        index = min(self.closure_lookahead_weeks, len(self.capacity_total) - 1)
        return self.capacity_total[index]

    occupancy_projection: tuple[int, ...] = ()
    """Occupancy on the Monday of each of the next ``PROJECTION_WEEKS`` weeks: the register's
    occupancy now grown along the forecast's central path (empty without a forecast)."""
    suppressed: frozenset[NeedCategory] = frozenset()
    """Categories whose occupancy, need and gap are afgeschermd for this reader (small-cell
    rule, ``core.confidentiality``); when any is, so are the all-category totals."""

    @property
    def totals_suppressed(self) -> bool:
        """Occupancy now, need and shortfall over all categories, and the need per week."""
        return bool(self.suppressed)

    def row_suppressed(self, row: GapRow) -> bool:
        """Whether a gap row's occupancy, need and gap are afgeschermd (capacity never is)."""
        return row.category in self.suppressed

    @property
    def charted_gaps(self) -> tuple[GapRow, ...]:
        """The gap rows a need chart draws: not an afgeschermd kind, and not a kind without
        places and without need at every horizon (no sober reception in the province),
        which would be a panel of zeros. One rule for the page, the report and the caption."""
        visible = [row for row in self.gaps if not self.row_suppressed(row)]
        present = {row.category for row in visible if row.need or row.capacity}
        return tuple(row for row in visible if row.category in present)

    @property
    def suppressed_kinds(self) -> tuple[NeedCategory, ...]:
        """The kinds whose need is afgeschermd for the reader, in the order of their labels:
        a need chart leaves them out and so does the boodschappenlijst, and both say so."""
        kinds = {row.category for row in self.gaps if self.row_suppressed(row)}
        return tuple(sorted(kinds, key=lambda kind: kind.label))

    @property
    def chart_hidden_kinds(self) -> tuple[NeedCategory, ...]:
        """The kinds a need chart leaves out as afgeschermd (:attr:`suppressed_kinds`)."""
        return self.suppressed_kinds

    @property
    def capacity_now(self) -> int:
        return self.capacity_total[0]

    @property
    def structural_now(self) -> int:
        return self.capacity_structural[0]

    @property
    def temporary_now(self) -> int:
        return self.capacity_temporary[0]

    @property
    def occupancy_now(self) -> int:
        return sum(self.occupancy_by_category.values())

    def gap_row(self, role: HorizonRole, category: NeedCategory) -> GapRow | None:
        """The gap row of a horizon found by its role (None when the horizon is not used)."""
        return next(
            (r for r in self.gaps if r.horizon.role is role and r.category is category), None
        )

    def _rows(self, role: HorizonRole) -> list[GapRow]:
        return [r for r in self.gaps if r.horizon.role is role]

    def need(self, role: HorizonRole) -> int:
        """Places needed at the horizon, all categories together."""
        return sum(r.need for r in self._rows(role))

    def shortfall(self, role: HorizonRole) -> int:
        """Places short at the horizon: the positive gaps of the categories added up.

        AMV, sober and regular places are not interchangeable, so a surplus in one category
        never offsets a shortage in another.
        """
        return sum(max(0, r.gap) for r in self._rows(role))

    def regular_shortfall(self, role: HorizonRole) -> int:
        """Regular places short at the horizon (what the provincial distribution divides)."""
        row = self.gap_row(role, NeedCategory.REGULAR)
        return 0 if row is None else max(0, row.gap)

    def locations_needed(self, role: HorizonRole, category: NeedCategory) -> int:
        """Locations of the standard size still to find (AMV, sober), 0 without a shortage."""
        row = self.gap_row(role, category)
        return 0 if row is None or row.gap_locations is None else row.gap_locations

    @property
    def closures_soon(self) -> tuple[Closure, ...]:
        """Closures without successor within the closure look-ahead (half a year)."""
        start = self.week_starts[0]
        end = start + timedelta(weeks=self.closure_lookahead_weeks)
        return tuple(c for c in self.closures if start <= c.end < end)


@dataclass(frozen=True)
class HousingFigures:
    """Taakstelling progress of one scope: the period's task, what is housed, who is behind.

    Three different "achterstand" figures exist in practice and get three names here:
    ``arrears_carried`` came in from the previous period (net of advances), ``schedule_arrears``
    is what the scope's municipalities must still house to be back on schedule (municipalities
    ahead do not offset those behind), ``remaining`` is what is left of the corrected task.
    """

    period: Period
    months_elapsed: int
    realisation_week: str | None
    rows: tuple[ProgressRow, ...]
    """Housed is None in every row when no realisation about the period is known yet."""
    arrears_source: str = ""
    """Where the carried arrears come from, or why they are unknown."""
    schedule_day: date | None = None
    """The first of the month housed and expected both refer to
    (``core.taakstelling.schedule_day``): ``months_elapsed`` is counted up to it."""

    @property
    def housed_so_far(self) -> HousedSoFar | None:
        """:attr:`housed` with the period's start and the realisation's week: what the
        forecast's housing pace is estimated from (None when nothing is known)."""
        housed = self.housed
        if housed is None or self.realisation_week is None:
            return None
        delivered = IsoWeek.parse(self.realisation_week).monday
        return HousedSoFar.from_import(self.period.start, delivered, housed)

    @property
    def taakstelling(self) -> int:
        return sum(r.taakstelling for r in self.rows)

    @property
    def arrears_carried(self) -> int | None:
        """None when the period carried nothing over because its predecessor was never set:
        the arrears are unknown, which is not the same as none."""
        return sum_known(r.arrears for r in self.rows)

    @property
    def corrected(self) -> int:
        return sum(r.corrected for r in self.rows)

    @property
    def housed(self) -> int | None:
        return sum_known(r.housed for r in self.rows)

    @property
    def expected(self) -> Fraction:
        """Housed by now if the corrected task were met evenly: corrected x months / 6."""
        return Fraction(self.corrected * self.months_elapsed, PERIOD_MONTHS)

    @property
    def share_housed(self) -> float | None:
        """Housed as a percentage of the corrected task (None: unknown or nothing to house)."""
        housed = self.housed
        if housed is None or self.corrected <= 0:
            return None
        return 100 * housed / self.corrected

    @property
    def remaining(self) -> int | None:
        housed = self.housed
        return None if housed is None else self.corrected - housed

    @property
    def schedule_arrears(self) -> int | None:
        return sum_known(r.schedule_arrears for r in self.rows)

    def _counted(self, counts: Callable[[ScheduleClass], bool]) -> int | None:
        """Municipalities whose class passes ``counts``; None when any class is unknown."""
        return sum_known(None if r.schedule is None else int(counts(r.schedule)) for r in self.rows)

    def class_count(self, schedule: ScheduleClass) -> int | None:
        return self._counted(lambda cls: cls is schedule)

    @property
    def behind(self) -> int | None:
        """Municipalities not on schedule (somewhat or far behind)."""
        return self._counted(lambda cls: cls is not ScheduleClass.ON_SCHEDULE)


@dataclass(frozen=True)
class ScopeFigures:
    """All figures of one scope ("NL" or a province code) in one week."""

    week: IsoWeek
    scope: str
    reception: ReceptionFigures | None
    housing: HousingFigures | None
    targets: tuple[TargetProgress, ...]
    shopping: tuple[ShoppingItem, ...]
    waiting_in_reception: int | None = None
    waiting_long: int | None = None

    @property
    def places_freed_by_catching_up(self) -> int | None:
        """Reception places that housing the arrears on schedule would free: the arrears, at
        most the status holders waiting in reception (nationally only, like the series).

        An upper bound: part of a taakstelling is nareizigers, who join their family from
        abroad and hold no reception place. None when either number is unknown.
        """
        if self.waiting_in_reception is None or self.housing is None:
            return None
        arrears = self.housing.schedule_arrears
        if arrears is None:
            return None
        return min(arrears, self.waiting_in_reception)

    @property
    def is_national(self) -> bool:
        return self.scope == NATIONAL

    @property
    def period(self) -> Period:
        """The taakstelling half year the week's housing figures belong to: the period of the
        stored taakstelling, else the half year holding the week's Monday (as the figures pick
        the period). A change of such a figure against a week of another half year is no
        number (``core.catalogue.FigureChange.new_period``)."""
        if self.housing is not None:
            return self.housing.period
        return Period.containing(self.week.monday)

    @property
    def has_data(self) -> bool:
        """Whether anything at all is known for this week (a register or a taakstelling)."""
        return self.reception is not None or self.housing is not None


@dataclass(frozen=True)
class WeekFigures:
    """The figures of one week for the nation and every province, from one set of inputs."""

    week: IsoWeek
    register_week: str | None
    horizons: tuple[Horizon, ...]
    need_policy: NeedPolicy
    national: ScopeFigures
    provinces: Mapping[str, ScopeFigures] = field(repr=False)
    locations: tuple[Location, ...] = field(repr=False, default=())
    timeline: CapacityTimeline | None = field(repr=False, default=None)
    projection: str = ""
    """How the medium and long horizons project occupancy (forecast or trend), in Dutch."""

    def scope(self, code: str | None) -> ScopeFigures:
        """The figures of "NL" (or None) or of a province code (KeyError for an unknown one)."""
        if code is None or code == NATIONAL:
            return self.national
        return self.provinces[code]

    @property
    def has_data(self) -> bool:
        return self.national.has_data


def _series(array: Iterable[Any]) -> tuple[int, ...]:
    return tuple(int(x) for x in array)


def _reception(  # noqa: PLR0917 - private, called twice with the same locals
    inputs: WeekInputs,
    timeline: CapacityTimeline,
    gaps: Mapping[str | None, tuple[GapRow, ...]],
    occupancy: Mapping[str, Mapping[NeedCategory, int]],
    closures: Sequence[Closure],
    code: str | None,
) -> ReceptionFigures:
    weeks = len(timeline.week_starts)
    if code is None:
        total = _series(timeline.total)
        structural = _series(timeline.structural)
        temporary = _series(timeline.temporary)
        by_type = {t: _series(timeline.by_type[t]) for t in LocationType}
        occupied = {c: sum(per.get(c, 0) for per in occupancy.values()) for c in NeedCategory}
    else:
        own = [loc for loc in inputs.locations if loc.province_code == code]
        sub = capacity_timeline(own, start=inputs.week.monday, weeks=weeks)
        total, structural, temporary = (
            _series(sub.total),
            _series(sub.structural),
            _series(sub.temporary),
        )
        by_type = {t: _series(sub.by_type[t]) for t in LocationType}
        occupied = dict(occupancy.get(code, dict.fromkeys(NeedCategory, 0)))
    scope_gaps = gaps.get(code, ())
    regular_now = int(timeline.by_category(code)[NeedCategory.REGULAR][0])
    fair_capacity = fair_regular = None
    if code is not None:
        everyone = sum(inputs.province_inhabitants.values())
        share = (
            Fraction(inputs.province_inhabitants.get(code, 0), everyone)
            if everyone
            else Fraction(0)
        )
        national_regular = int(timeline.by_category(None)[NeedCategory.REGULAR][0])
        national_rows = gaps.get(None, ())
        short_regular = next(
            (
                max(0, r.gap)
                for r in national_rows
                if r.horizon.role is HorizonRole.SHORT and r.category is NeedCategory.REGULAR
            ),
            0,
        )
        fair_capacity = share * int(timeline.total[0])
        fair_regular = share * (national_regular + short_regular)
    ending = _ending_contracts(inputs, code)
    growth = inputs.growth.weekly if inputs.growth is not None else ()
    occupied_now = sum(occupied.values())
    ahead = tuple(round(occupied_now * factor) for factor in growth[:PROJECTION_WEEKS])
    return ReceptionFigures(
        week_starts=tuple(timeline.week_starts),
        capacity_total=total,
        capacity_structural=structural,
        capacity_temporary=temporary,
        capacity_by_type=MappingProxyType(by_type),
        capacity_regular_now=regular_now,
        occupancy_by_category=MappingProxyType(occupied),
        gaps=scope_gaps,
        closures=tuple(c for c in closures if code in (None, c.province_code)),
        closure_lookahead_weeks=CLOSURE_LOOKAHEAD.weeks,
        need_by_week=tuple(need_by_week(scope_gaps, weeks)) if scope_gaps else (0,) * weeks,
        locations_open=sum(
            1
            for loc in inputs.locations
            if code in (None, loc.province_code) and loc.is_open_on(inputs.week.monday)
        ),
        fair_share_capacity=fair_capacity,
        fair_share_regular_need=fair_regular,
        ending_with_option=ending[0],
        ending_without_option=ending[1],
        occupancy_projection=ahead,
    )


def _ending_contracts(inputs: WeekInputs, code: str | None) -> tuple[int | None, int | None]:
    """Places in open locations whose end date falls within the closure look-ahead, with and
    without an extension option; both None when any of them has no known option (no data is
    never 0)."""
    start = inputs.week.monday
    until = start + timedelta(weeks=CLOSURE_LOOKAHEAD.weeks)
    ending = [
        loc
        for loc in inputs.locations
        if code in (None, loc.province_code)
        and loc.is_open_on(start)
        and loc.end is not None
        and loc.end < until
    ]
    if any(loc.extension_option is None for loc in ending):
        return None, None
    return (
        sum(loc.capacity for loc in ending if loc.extension_option),
        sum(loc.capacity for loc in ending if not loc.extension_option),
    )


def _housing(inputs: WeekInputs, code: str | None) -> HousingFigures | None:
    housing = inputs.housing
    if housing is None:
        return None
    day = schedule_day(week_monday=inputs.week.monday, delivered=housing.delivered)
    months = housing.period.months_elapsed(as_of=day)
    entries = [e for e in housing.entries if code in (None, e.province)]
    rows = progress_rows(
        entries=entries,
        housed=housing.housed,
        months_elapsed=months,
        somewhat_behind=inputs.somewhat_behind,
    )
    return HousingFigures(
        period=housing.period,
        months_elapsed=months,
        realisation_week=housing.realisation_week,
        rows=rows,
        arrears_source=housing.arrears_source,
        schedule_day=day,
    )


def _shopping(
    code: str | None,
    reception: ReceptionFigures | None,
    housing: HousingFigures | None,
    progress: Sequence[TargetProgress],
    as_of: date,
) -> tuple[ShoppingItem, ...]:
    if reception is None and housing is None:
        return ()
    # A need item of an afgeschermd kind would give its shortage back ("1 extra
    # AMV-locatie" where the AMV need reads "afgeschermd"): the reader's list leaves it out.
    visible = (
        () if reception is None else [g for g in reception.gaps if not reception.row_suppressed(g)]
    )
    return shopping_list(
        scope=code,
        gaps=visible,
        closures=reception.closures if reception is not None else (),
        targets=progress if reception is not None else (),
        housing_arrears=housing.schedule_arrears if housing is not None else None,
        housing_deadline=housing.period.end if housing is not None else as_of,
        as_of=as_of,
    )


def _scope(
    inputs: WeekInputs,
    code: str | None,
    reception: ReceptionFigures | None,
    progress: Sequence[TargetProgress],
) -> ScopeFigures:
    housing = _housing(inputs, code)
    return ScopeFigures(
        week=inputs.week,
        scope=NATIONAL if code is None else code,
        reception=reception,
        housing=housing,
        targets=tuple(p for p in progress if p.target.province_code in (None, code)),
        shopping=_shopping(code, reception, housing, progress, inputs.week.monday),
        waiting_in_reception=inputs.waiting_in_reception if code is None else None,
        waiting_long=inputs.waiting_long if code is None else None,
    )


def with_closure_names(
    figures: ScopeFigures,
    name: Callable[[Closure], str],
    municipality: Callable[[Closure], str] | None = None,
) -> ScopeFigures:
    """The same figures with every closure renamed (masked), also in the shopping list, and
    its municipality code masked where ``municipality`` says so (a location's municipality
    and kind together often give its name back).

    Who may see which location is decided at the edge of the read model; the numbers do not
    change, only the names and municipalities the closures and replacement items carry.
    """
    if figures.reception is None:
        return figures
    closures = tuple(
        replace(
            c,
            name=name(c),
            municipality_code=municipality(c) if municipality else c.municipality_code,
        )
        for c in figures.reception.closures
    )
    reception = replace(figures.reception, closures=closures)
    code = None if figures.is_national else figures.scope
    return replace(
        figures,
        reception=reception,
        shopping=_shopping(code, reception, figures.housing, figures.targets, figures.week.monday),
    )


def suppressed(figures: WeekFigures, plan: SuppressionPlan) -> WeekFigures:
    """The same week with the plan's cells marked afgeschermd in every scope.

    Applied once, where the read model hands figures to a reader who may not see confidential
    locations; every surface then shows "afgeschermd" where ``suppressed`` says so.
    """
    if not plan:
        return figures

    def scope(figures: ScopeFigures) -> ScopeFigures:
        categories = plan.categories(figures.scope)
        if figures.reception is None or not categories:
            return figures
        reception = replace(figures.reception, suppressed=categories)
        code = None if figures.is_national else figures.scope
        return replace(
            figures,
            reception=reception,
            shopping=_shopping(
                code, reception, figures.housing, figures.targets, figures.week.monday
            ),
        )

    return replace(
        figures,
        national=scope(figures.national),
        provinces=MappingProxyType({c: scope(f) for c, f in figures.provinces.items()}),
    )


def compute_week_figures(inputs: WeekInputs) -> WeekFigures:
    """Every key figure of the week, nationally and for each province, from one set of inputs.

    The national need, gap and capacity come from the same register as the provinces' (see
    ``core.need.need_and_gap_by_province``), so national occupancy and capacity are exactly
    the sum of the provinces'. Targets are measured on the week's Monday.
    """
    monday = inputs.week.monday
    provinces = sorted(inputs.province_inhabitants)
    if inputs.register_week is None:
        progress: tuple[TargetProgress, ...] = ()
        national_reception = None
        province_reception: dict[str, ReceptionFigures | None] = dict.fromkeys(provinces)
        timeline = None
    else:
        locations = inputs.locations
        timeline = capacity_timeline(locations, start=monday, weeks=inputs.timeline_weeks)
        in_register = sorted({loc.province_code for loc in locations})
        occupancy = {
            code: occupancy_by_category(locations, on=monday, province_code=code)
            for code in in_register
        }
        if inputs.growth_from is not None:
            # National occupancy now, exactly as the national figures add it up.
            national_now = sum(sum(by.values()) for by in occupancy.values())
            national_housing = _housing(inputs, None)
            housed = None if national_housing is None else national_housing.housed_so_far
            inputs = replace(inputs, growth=inputs.growth_from(national_now, housed))
        growth = inputs.growth
        projected = {
            code: projected_occupancy(inputs.history.get(code, {}), inputs.horizons)
            if growth is None
            else forecast_projection(occupancy[code], growth, inputs.horizons)
            for code in in_register
        }
        gaps = need_and_gap_by_province(
            occupancy=occupancy,
            timeline=timeline,
            policy=inputs.need_policy,
            projected=projected,
            horizons=inputs.horizons,
        )
        closures = closures_without_successor(locations, start=monday, weeks=inputs.timeline_weeks)
        progress = tuple(
            target_progress(t, locations, as_of=monday)
            for t in inputs.targets
            if t.agreed_by(monday)
        )
        national_reception = _reception(inputs, timeline, gaps, occupancy, closures, None)
        province_reception = {
            code: _reception(inputs, timeline, gaps, occupancy, closures, code)
            for code in provinces
        }
    return WeekFigures(
        week=inputs.week,
        register_week=inputs.register_week,
        horizons=inputs.horizons,
        need_policy=inputs.need_policy,
        national=_scope(inputs, None, national_reception, progress),
        provinces=MappingProxyType(
            {code: _scope(inputs, code, province_reception[code], progress) for code in provinces}
        ),
        locations=inputs.locations if inputs.register_week is not None else (),
        timeline=timeline,
        projection=TREND_PROJECTION if inputs.growth is None else inputs.growth.source,
    )


def ceil_fraction(value: Fraction) -> int:
    """Whole people or places, rounded up (a fair share of 5,279.2 places is 5,280)."""
    return math.ceil(value)
