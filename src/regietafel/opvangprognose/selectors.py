"""Reading the reception forecast for a user: scoped, and cached by what a run depends on.

A run of 10,000 paths takes about a second; it is computed on the first request for a
(scenario, origin, seed, paths, data, start) key and kept in the per-process cache of
``prognose.cache``, so later requests (other roles, other scopes, the API, the weekly
figures) reuse it. The parameters come from the bundled national series as they were known
on the Monday of the chosen week (vintage), never later than the last publication in the
bundle. The run starts from the week's location register: occupancy nationally and per
province as the weekly figures read it (``bezetting_nu``), and the week's status holders in
reception; without a register it starts from the bundle's last COA point, and the page says
so. When this reader sees the scope's occupancy afgeschermd there is no forecast of it
(``ForecastSuppressedError``): a forecast would give that occupancy back.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache as once

from django.core.exceptions import PermissionDenied

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.agreements import DeadlineChance
from regietafel.core.bounded_cache import BoundedCache
from regietafel.core.buffer_policies import DEFAULT_ORDER_PERCENTILE
from regietafel.core.capacity import ContractedCapacity, contracted_capacity
from regietafel.core.catalogue import BY_CODE
from regietafel.core.figures import WeekFigures
from regietafel.core.forecast import SCENARIOS, ForecastError, Scenario
from regietafel.core.need_policy import NeedPolicy, policy_by_key
from regietafel.core.periods import IsoWeek
from regietafel.core.targets import Target
from regietafel.doelen.selectors import core_targets
from regietafel.kerncijfers.selectors import (
    check_province,
    default_week,
    figures_for,
    need_policy_choice,
    week_data,
    week_figures,
)
from regietafel.opvang.selectors import official_figures
from regietafel.prognose import cache as runs
from regietafel.prognose.backtests import BacktestRow, backtest_rows
from regietafel.prognose.cache import RUNS
from regietafel.prognose.inputs import StartState
from regietafel.prognose.outlook import (
    CAPACITY_REGISTER,
    START_NOTE_BUNDLE,
    START_NOTE_REGISTER,
    Outlook,
    Run,
    TargetChance,
    deadline_probability,
    outlook,
    target_chance,
    threshold_probability,
)
from regietafel.prognose.scenarios import SCENARIO_ORDER, scenarios_on, unavailable_reason

_OUTLOOKS: BoundedCache[Outlook] = BoundedCache.by_count(24)


def cache_clear() -> None:
    RUNS.clear()
    _OUTLOOKS.clear()


def origin_for(week: IsoWeek) -> date:
    """The forecast starts on the week's Monday, or after the bundle's last publication."""
    return runs.origin_for(week.monday)


def scenario_named(name: str) -> Scenario:
    """A named scenario (KeyError for an unknown one)."""
    return SCENARIOS[name]


def scenarios_in(week: IsoWeek) -> Mapping[str, Scenario]:
    """The scenarios a forecast in ``week`` may use: the named ones, and the official MPP
    scenarios only when their MPP was published before the forecast starts (bundled: before
    the origin; imported: before the week's Monday, also after the bundle ends)."""
    return scenarios_on(origin_for(week), official_figures(week.monday))


def scenario_choices(week: IsoWeek) -> list[tuple[str, str]]:
    """(name, label) of every scenario offered in ``week``, in the page's order."""
    available = scenarios_in(week)
    return [(name, available[name].label) for name in SCENARIO_ORDER if name in available]


def unavailable(name: str, week: IsoWeek) -> str:
    return unavailable_reason(name, origin_for(week), official_figures(date.max))


def need_policy(key: str | None, week: IsoWeek) -> NeedPolicy:
    """The policy asked for (``?beleid=``), else the week's own, as the weekly figures use it
    (the LRT's choice for the week, else the dated policy of its Monday)."""
    return policy_by_key(key) if key else need_policy_choice(week).policy


def scope_code(user: AnyUser, province: str | None) -> str | None:
    """None (national) or the province code this user may see in full.

    PermissionDenied for another province of a province user; ``ReferenceDataError`` (a
    LookupError, Dutch) for an unknown province.
    """
    if not access.can_view(user):
        raise PermissionDenied
    text = (province or "").strip()
    if not text or text.upper() in {"NL", "NEDERLAND", "LANDELIJK"}:
        return None
    return check_province(user, text)


def visible_scopes(user: AnyUser, week: IsoWeek | None = None) -> list[tuple[str, str]]:
    """("NL", "Nederland") and every province the user may see in full, as (code, name).

    With ``week``: a scope whose occupancy is afgeschermd for this reader that week says so
    in its name, because its forecast is refused (``ForecastSuppressedError``) and an option
    that only leads to a refusal would puzzle the reader.
    """
    scopes = [("NL", "Nederland")]
    scopes += [
        (p.code, p.name)
        for p in reference.provinces()
        if access.can_view_province_detail(user, p.code)
    ]
    if week is None:
        return scopes
    figures, _sources = week_figures(user=user, week=week)

    def label(code: str, name: str) -> str:
        hidden = hidden_start(figures, None if code == "NL" else code, week) is not None
        return f"{name} (afgeschermd: geen prognose)" if hidden else name

    return [(code, label(code, name)) for code, name in scopes]


def _start_state(week: IsoWeek) -> StartState | None:
    """The register's start of ``week``, read from the weekly figures (never recomputed):
    ``bezetting_nu`` nationally and per province, the week's status holders in reception, the
    register's weekly inflow before it and the taakstelling's national housed so far. None
    when the week has no register.

    Unmasked and without a user on purpose: one run is computed and cached for every reader,
    so its start must not depend on who asks. Private, because it is no read for a reader:
    the only way to one is :func:`visible_start`, which refuses when the reader's masked
    figures hide the scope's (or the national) occupancy (:func:`hidden_start`)."""
    figures, sources = week_data(week)
    national = figures.national.reception
    if national is None:
        return None
    provinces = tuple(
        (reference.province_name(code), scope.reception.occupancy_now)
        for code, scope in sorted(figures.provinces.items())
        if scope.reception is not None
    )
    kinds = tuple(
        (
            "" if scope.is_national else reference.province_name(scope.scope),
            tuple((str(k), n) for k, n in sorted(scope.reception.occupancy_by_category.items())),
        )
        for scope in (figures.national, *(f for _c, f in sorted(figures.provinces.items())))
        if scope.reception is not None
    )
    return StartState(
        monday=week.monday,
        occupancy=national.occupancy_now,
        provinces=provinces,
        status_holders=figures.national.waiting_in_reception,
        inflow=sources.inflow,
        housed=None if figures.national.housing is None else figures.national.housing.housed_so_far,
        kinds=kinds,
    )


def _register_start(week: IsoWeek) -> StartState | None:
    """The start a run of ``week`` uses when the reader may see it: the register's, unless
    the week has none or it counts nobody in reception (then the bundle's last COA point).
    Unmasked, like :func:`_start_state`: for :func:`visible_start` and the warm-up only."""
    state = _start_state(week)
    return state if state is not None and state.occupancy > 0 else None


class ForecastSuppressedError(ForecastError):
    """The scope's occupancy is afgeschermd for this reader: a forecast would give it back as
    its week 0, and one from another number would mislead, so there is none (as "afgeschermd"
    everywhere else: never a wrong number in its place).

    The message speaks to the reader of a page ("voor uw rol"); :attr:`for_every_reader`
    says the same of a document every role reads (the weekly report), and
    :attr:`for_command_line` of the command line, which has no role of its own.
    """

    def __init__(self, area: str, week: IsoWeek, *, national_total: bool) -> None:
        self.area = area
        self.week = week
        self.national_total = national_total
        """True when the national total is afgeschermd (a province's forecast is refused for
        it), False when the scope's own occupancy is."""
        super().__init__(self._text(week))

    def _text(self, week: IsoWeek) -> str:
        if self.national_total:
            return (
                f"De landelijke bezetting in week {week.label} is voor uw rol afgeschermd "
                "(kleine aantallen in vertrouwelijke locaties). De prognose van "
                f"{self.area} is een aandeel van de landelijke prognose, die bij die bezetting "
                "start en haar in haar parameters en verloop prijs zou geven; daarom is er "
                f"voor u geen prognose van {self.area}. Het COA ziet hem wel."
            )
        return (
            f"De bezetting van {self.area} in week {week.label} is voor uw rol afgeschermd "
            "(kleine aantallen in vertrouwelijke locaties). Een prognose zou die bezetting "
            "als startpunt tonen; daarom is er voor u geen prognose van dit gebied. Het COA "
            "ziet hem wel."
        )

    @property
    def for_command_line(self) -> str:
        """The refusal of ``regietafel prognose``: it reads the database with national rights
        (``docs/vertrouwelijkheid.md``), so it sees what the LRT sees, not what COA sees."""
        where = (
            "De landelijke bezetting" if self.national_total else f"De bezetting van {self.area}"
        )
        why = (
            f"De prognose van {self.area} is een aandeel van de landelijke prognose, die bij "
            "die bezetting start en haar zou prijsgeven"
            if self.national_total
            else "Een prognose zou die bezetting als startpunt tonen"
        )
        return (
            f"{where} in week {self.week.label} is afgeschermd (kleine aantallen in "
            "vertrouwelijke locaties); de opdrachtregel rekent met landelijke rechten en ziet "
            f"haar niet. {why}, dus de opdrachtregel maakt geen prognose van {self.area}. Het "
            "COA ziet hem op de pagina Prognose."
        )

    @property
    def for_every_reader(self) -> str:
        if self.national_total:
            return (
                "De landelijke bezetting is in dit rapport afgeschermd (kleine aantallen in "
                f"vertrouwelijke locaties). De prognose van {self.area} is een aandeel van de "
                "landelijke prognose, die bij die bezetting start, en zou haar prijsgeven. Het "
                "COA ziet de prognose op de pagina Prognose."
            )
        return (
            f"De bezetting van {self.area}, waar de prognose start, is in dit rapport "
            "afgeschermd (kleine aantallen in vertrouwelijke locaties), en een prognose zou "
            "haar prijsgeven. Het COA ziet de prognose op de pagina Prognose."
        )


def hidden_start(
    figures: WeekFigures, code: str | None, week: IsoWeek
) -> ForecastSuppressedError | None:
    """Why a reader of ``figures`` (the week as masked for them) gets no forecast of the scope
    (None: national), or None when they may: the scope's register total is afgeschermd, or,
    for a province, the national total is (a province's forecast is its share of the national
    one, which starts at and would give back the national occupancy). A scope without a
    register starts from the bundle and hides nothing. The one rule for the area list and
    the forecast itself.
    """
    reception = figures.scope(code).reception
    if reception is None:
        return None
    area = "Nederland" if code is None else reference.province_name(code)
    if reception.totals_suppressed:
        return ForecastSuppressedError(area, week, national_total=False)
    national = figures.national.reception
    if code is not None and national is not None and national.totals_suppressed:
        return ForecastSuppressedError(area, week, national_total=True)
    return None


def visible_start(user: AnyUser, week: IsoWeek, code: str | None) -> tuple[StartState | None, str]:
    """The register's start if this reader sees the scope's occupancy, else None and why.

    ``ForecastSuppressedError`` when :func:`hidden_start` says so. The caller has checked
    that the reader may see the scope (:func:`scope_code`).
    """
    figures, _sources = week_figures(user=user, week=week)
    hidden = hidden_start(figures, code, week)
    if hidden is not None:
        raise hidden
    if figures.scope(code).reception is None:
        return None, START_NOTE_BUNDLE
    state = _register_start(week)
    return (None, START_NOTE_BUNDLE) if state is None else (state, START_NOTE_REGISTER)


def run_for(
    *, user: AnyUser, week: IsoWeek, scenario: Scenario, code: str | None
) -> tuple[Run, str]:
    """The cached run of ``scenario`` in ``week`` for a scope, from the register if this
    reader may see it, and the note that says where it starts."""
    start, note = visible_start(user, week, code)
    return runs.cached_run(scenario, origin_for(week), start), note


def forecast_outlook(
    *,
    user: AnyUser,
    week: IsoWeek,
    scenario: Scenario,
    province: str | None = None,
    policy_key: str | None = None,
    order_percentile: float = DEFAULT_ORDER_PERCENTILE,
) -> Outlook:
    """The forecast of a scope as this user may see it (see :func:`scope_code`).

    ``ForecastError`` (Dutch) when the bundled data cannot start a forecast on that date;
    ``KeyError`` for an unknown need policy.
    """
    code = scope_code(user, province)
    policy = need_policy(policy_key, week)
    run, note = run_for(user=user, week=week, scenario=scenario, code=code)
    name = None if code is None else reference.province_name(code)
    capacity = register_capacity(user, week, code)
    contracted = register_contracted(user=user, week=week, code=code)
    key = (run.key, name, policy.key, note, capacity, contracted, order_percentile)
    return _OUTLOOKS.value(
        key,
        lambda: outlook(
            run, province=name, policy=policy, bundle_note=note, capacity=capacity,
            capacity_source=CAPACITY_REGISTER, contracted=contracted,
            order_percentile=order_percentile,
        ),
    )  # fmt: skip


def register_capacity(user: AnyUser, week: IsoWeek, code: str | None) -> int | None:
    """The scope's capacity in the week's register (capacity is public), None without one:
    the same ``capaciteit_nu`` the weekly figures and the target chances use."""
    register = _register_now(user, week, code)
    return None if register is None else register[0]


def register_contracted(
    *, user: AnyUser, week: IsoWeek, code: str | None
) -> ContractedCapacity | None:
    """The scope's contracts in the week's register, None without a register: the locations
    of the reception picture's capacity timeline, counted on any day.

    Capacity is public, so nothing is masked; but the contracts are per location, so a
    province's are only for a reader who may see that province in detail (PermissionDenied
    otherwise, as :func:`scope_code`); the national ones for every role.
    """
    scope_code(user, code)
    figures, _sources = week_data(week)
    if figures.national.reception is None:
        return None
    return contracted_capacity(figures.locations, code)


def target_chances(*, user: AnyUser, week: IsoWeek, view: Outlook) -> list[TargetChance]:
    """Every target of the scope with the chance that it is enough by its deadline
    (:func:`~regietafel.prognose.outlook.target_chance`): on top of the register's capacity
    in the week (the weekly figures' ``capaciteit_nu``), and on top of the places still
    contracted on the deadline (as on the target dates)."""
    province_code = None if view.province_index is None else _code(view.scope_name)
    register = _register_now(user, week, province_code)
    contracted = (
        None if register is None else register_contracted(user=user, week=week, code=province_code)
    )
    province = None if province_code is None else view.scope_name
    return [
        target_chance(
            view.run,
            target,
            province=province,
            policy=view.policy,
            register=register,
            contracted=contracted,
        )
        for target in core_targets(running_on=week.monday)
        if target.province_code == province_code
    ]


def _code(name: str) -> str:
    return reference.province(name).code


@once
def backtest_lines() -> tuple[BacktestRow, ...]:
    """The back-test of the bundled series (depends on the bundle only: computed once)."""
    return tuple(backtest_rows())


def forecast_warm_up() -> None:
    """Compute the back-test and the national middle-scenario run of the newest week once, in
    the background of a server process: together seconds that the first visitor of the
    Prognose page would otherwise wait. Errors are not raised: a cold cache only costs time.
    """
    from django.db import connection

    try:
        backtest_lines()
        week = default_week()
        if week is not None:
            start = _register_start(week)
            runs.cached_run(SCENARIOS[runs.GROWTH_SCENARIO], origin_for(week), start)
    except Exception:  # warming is an optimisation, never a failure
        return
    finally:
        connection.close()


AGREEMENT_SCENARIO = runs.GROWTH_SCENARIO
"""Agreements and targets elsewhere are measured against the middle scenario."""
FORECAST_FIGURES = {"bezetting_nu": "bezetting", "vergunninghouders_in_opvang": "vergunninghouders"}
"""Catalogue figures the forecast has paths of, by the forecast's measure."""
CAPACITY_FIGURE = "capaciteit_nu"


def _register_now(
    user: AnyUser, week: IsoWeek, province_code: str | None
) -> tuple[int, int] | None:
    """Capacity and occupancy (``bezetting_nu``) of the scope in the week's register as this
    reader sees them: None without a register, and None when the occupancy is afgeschermd
    for the reader (a selector returns masked figures; the forecast is refused then too)."""
    reception = figures_for(user=user, week=week, scope=province_code).reception
    if reception is None or reception.totals_suppressed:
        return None
    return reception.capacity_now, reception.occupancy_now


def agreement_chance(
    *,
    user: AnyUser,
    on: date,
    province_code: str | None,
    deadline: date | None,
    target: Target | None = None,
    figure_code: str = "",
    threshold: int | None = None,
) -> DeadlineChance | None:
    """The chance an agreement is met by its deadline, from the middle scenario's paths.

    Linked to a target in places: today's capacity plus the target covers the need on the
    target's deadline. Linked to capacity (``capaciteit_nu``) with a threshold: that capacity
    covers the need on the deadline. Linked to a figure the forecast has paths of, with a
    direction: the figure reaches its threshold. None for everything else, or when the
    deadline is outside the forecast.
    """
    scenario = SCENARIOS[AGREEMENT_SCENARIO]
    week = IsoWeek.containing(on)
    policy = need_policy(None, week)
    run, _note = run_for(user=user, week=week, scenario=scenario, code=province_code)
    province = None if province_code is None else reference.province_name(province_code)
    chance: float | None = None
    kind = "genoeg"
    if target is not None:
        register = _register_now(user, week, province_code)
        chance = target_chance(
            run, target, province=province, policy=policy, register=register
        ).chance
    elif figure_code and threshold is not None and deadline is not None:
        if figure_code == CAPACITY_FIGURE:
            register = _register_now(user, week, province_code)
            chance = deadline_probability(
                run, province=province, policy=policy, places=threshold, day=deadline,
                occupancy_now=None if register is None else register[1],
            )  # fmt: skip
        elif figure_code in FORECAST_FIGURES and BY_CODE[figure_code].higher_is_better is not None:
            kind = "gehaald"
            chance = threshold_probability(
                run, measure=FORECAST_FIGURES[figure_code], province=province,
                threshold=threshold, at_least=bool(BY_CODE[figure_code].higher_is_better),
                day=deadline,
            )  # fmt: skip
    if chance is None:
        return None
    return DeadlineChance(chance=chance, kind=kind, scenario=scenario.label)
