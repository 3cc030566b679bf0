"""The starting state and parameters of the forecast, from what was published before a date.

Every parameter is estimated from the bundled series where they hold enough history before
the date, else a documented default is used; the source of each is recorded in
``ModelInputs.sources`` and shown next to the forecast. A run from a week with a location
register starts at that register, and takes its inflow level from the register's weekly
series where those hold enough weeks (:func:`with_start`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from regietafel import reference
from regietafel.core.backtest import (
    InflowStart,
    annual_sigma,
    fit_smoothing,
    smoothed_level,
    smoothing_errors,
)
from regietafel.core.forecast import SHARE_DRIFT_WEEKS, ForecastError, ModelInputs
from regietafel.core.formatting import (
    count_nl,
    format_date_nl,
    format_decimal_nl,
    format_int_nl,
    format_percent_nl,
)
from regietafel.core.rules import DATA_VALID_WEEKS, NeedCategory
from regietafel.core.taakstelling import HousedSoFar
from regietafel.prognose import series

# Documented defaults, used when the bundled series do not (yet) hold the figure.
DEFAULT_SHARE_FIRST = 0.674
DEFAULT_SHARE_REPEAT = 0.050
DEFAULT_SHARES_SOURCE = (
    "standaard: IND jaarcijfers 2021 (instroom 36.620, eerste aanvragen 24.686, "
    "nareizigers 10.120; herhaald = rest)"
)
DEFAULT_NOISE_SIGMA = 0.15
SHOCK_DF = 4.0
DECISION_WEEKS = 26
DECISION_SOURCE = "standaard: wettelijke beslistermijn zes maanden (Vreemdelingenwet 2000, art. 42)"
DEFAULT_RECOGNITION = 0.65
DEPARTURE_RATE = 1 / 26
DEPARTURE_SOURCE = (
    "aanname: na afwijzing gemiddeld een half jaar tot vertrek uit de opvang "
    "(geen reeks in de gedeelde data)"
)
DEFAULT_REALISATION = 1.0
HOUSING_SIGMA = 0.10
SHARE_CONCENTRATION = 400.0
SHARE_BUNDLE = "standaard: aandeel inwoners (CBS) per provincie, zoals de Spreidingswet verdeelt"
SHARE_REGISTER = "aandelen: bezetting per provincie in het locatieregister"


def share_spread(share: float) -> float:
    """The relative spread (standard deviation ÷ mean) of a Dirichlet share p at the model's
    concentration c: √((1 − p) / (p (c + 1))), so small provinces move most."""
    return math.sqrt((1 - share) / (share * (SHARE_CONCENTRATION + 1)))


SHARE_EXAMPLES = (0.5, 0.2, 0.05)


def share_source(basis: str) -> str:
    """Where the province shares come from and how far they may move, with the spread at
    fixed example shares: never at the shares used, which would give away the share (and
    with the national total the occupancy) of a province whose occupancy is afgeschermd."""
    examples = ", ".join(
        f"{format_percent_nl(100 * share_spread(p), 0)} bij een aandeel van "
        f"{format_percent_nl(100 * p, 0)}"
        for p in SHARE_EXAMPLES
    )
    return (
        f"{basis}; onzekerheid Dirichlet met concentratie {SHARE_CONCENTRATION:.0f} (aanname): "
        f"relatieve spreiding (standaardafwijking) {examples}, geleidelijk vanaf het aandeel bij "
        f"de start: driekwart na {SHARE_DRIFT_WEEKS // 2} weken, helemaal na {SHARE_DRIFT_WEEKS} "
        "(aanname: locaties openen en sluiten in maanden)"
    )


WEEKLY_STALE = timedelta(weeks=8)
LEVEL_HORIZON_WEEKS = 13
"""The smoothing weight is fitted on 13-week totals, as in the back-test."""
MONTHLY_STALE = timedelta(days=100)


def start_monday(on: date) -> date:
    """The Monday of the week that contains ``on``."""
    return on - timedelta(days=on.weekday())


def default_date() -> date:
    """The day after the last publication in the bundle: everything is known then."""
    return series.latest_vintage() + timedelta(days=1)


def seasonal_factors(on: date) -> tuple[tuple[float, ...], str]:
    """Monthly factors from complete calendar years of CBS months known before ``on``."""
    first = series.values("eerste_aanvragen_maand", known_before=on)
    late = {v.begin: v.value for v in series.values("nareizigers_maand", known_before=on)}
    by_year: dict[int, dict[int, float]] = defaultdict(dict)
    for item in first:
        if item.begin in late:
            by_year[item.begin.year][item.begin.month] = item.value + late[item.begin]
    years = sorted(y for y, months in by_year.items() if len(months) == 12)
    if not years:
        return (1.0,) * 12, "standaard: geen seizoen (nog geen volledig CBS-maandjaar bekend)"
    factors = [0.0] * 12
    for year in years:
        mean = sum(by_year[year].values()) / 12
        for month, value in by_year[year].items():
            factors[month - 1] += value / mean / len(years)
    label = ", ".join(str(y) for y in years)
    return tuple(factors), f"geschat: CBS eerste aanvragen + nareizigers per maand, {label}"


def _inflow_level(
    on: date, seasonal: tuple[float, ...], share_first: float, share_repeat: float
) -> tuple[float, float, str, str]:
    """Deseasonalised weekly inflow level, the weekly noise spread, and their sources.

    CBS quarters and annual totals count only part of the inflow; they are raised with the
    shares the forecast uses (``_shares`` on the same day), so the level and the split agree.
    """
    weekly = series.values("instroom_week", known_before=on)
    if weekly and on - weekly[-1].end <= WEEKLY_STALE:
        # Seasonally adjusted by the month of each week's Thursday, as the back-test does.
        values = [v.value / seasonal[(v.begin + timedelta(days=3)).month - 1] for v in weekly]
        alpha = fit_smoothing(values, LEVEL_HORIZON_WEEKS)
        level = smoothed_level(values, alpha)
        errors = smoothing_errors(values, alpha)
        noise = float(errors.std(ddof=1)) if errors.size > 2 else DEFAULT_NOISE_SIGMA
        source = (
            f"geschat: JenV weekcijfers t/m {format_date_nl(weekly[-1].end)}, exponentieel "
            f"gewogen (gewicht {format_decimal_nl(alpha, 2)}, gekozen op 13-weekstotalen van de "
            "bekende reeks)"
        )
        return level, noise, source, "geschat: spreiding van de eenstapsfouten in de weekreeks"
    monthly = series.values("instroom_maand", known_before=on)
    if monthly and on - monthly[-1].end <= MONTHLY_STALE:
        # The last three months, but only those close to the latest (the series has gaps).
        recent = [v for v in monthly[-3:] if monthly[-1].end - v.end <= timedelta(days=92)]
        per_week = [
            v.value / ((v.end - v.begin).days + 1) * 7 / seasonal[v.begin.month - 1] for v in recent
        ]
        source = (
            f"geschat: IND totale instroom, gemiddelde van {len(recent)} maanden t/m "
            f"{format_date_nl(recent[-1].end)}"
        )
        return sum(per_week) / len(per_week), DEFAULT_NOISE_SIGMA, source, _noise_default()
    quarters = series.values("eerste_aanvragen_kwartaal", known_before=on)
    late = {v.begin: v.value for v in series.values("nareizigers_kwartaal", known_before=on)}
    if quarters and quarters[-1].begin in late:
        last = quarters[-1]
        weeks = ((last.end - last.begin).days + 1) / 7
        total = (last.value + late[last.begin]) / (1 - share_repeat)
        # Seasonally adjusted like the weekly and monthly levels: the model multiplies the
        # level by the month's factor again, so a raw low quarter would be counted low twice.
        season = sum(seasonal[last.begin.month - 1 + m] for m in range(3)) / 3
        source = (
            "geschat: CBS eerste aanvragen + nareizigers, kwartaal t/m "
            f"{format_date_nl(last.end)}, "
            "opgehoogd met het aandeel herhaalde aanvragen, gedeeld door de seizoensfactor van "
            f"het kwartaal ({format_decimal_nl(season, 3)})"
        )
        return total / weeks / season, DEFAULT_NOISE_SIGMA, source, _noise_default()
    annual = series.values("eerste_aanvragen_jaar", known_before=on)
    if not annual:
        raise ForecastError(f"vóór {format_date_nl(on)} is nog geen instroomcijfer gepubliceerd")
    last_year = annual[-1]
    source = f"geschat: eerste aanvragen {last_year.begin.year} gedeeld door het aandeel eerste"
    return last_year.value / share_first / 52, DEFAULT_NOISE_SIGMA, source, _noise_default()


def _noise_default() -> str:
    shown = f"{DEFAULT_NOISE_SIGMA}".replace(".", ",")
    return f"standaard: {shown} (geen weekreeks op deze datum)"


def _shares(on: date) -> tuple[float, float, str]:
    parts = {
        name: series.values(name, known_before=on)
        for name in ("instroom_jaar", "eerste_aanvragen_jaar_ind", "herhaalde_aanvragen_jaar")
    }
    if all(parts.values()):
        total = parts["instroom_jaar"][-1].value
        first = parts["eerste_aanvragen_jaar_ind"][-1].value / total
        repeat = parts["herhaalde_aanvragen_jaar"][-1].value / total
        year = parts["instroom_jaar"][-1].begin.year
        return first, repeat, f"geschat: IND jaarcijfers {year}"
    # Before the first IND annual figures in the bundle (published January 2023): the split
    # of the last four CBS quarters known then, so a start in 2019 does not use figures
    # published in 2022 (the default below). Repeat applications have no earlier series.
    first_q = series.values("eerste_aanvragen_kwartaal", known_before=on)
    late_q = {v.begin: v.value for v in series.values("nareizigers_kwartaal", known_before=on)}
    both = [(q.value, late_q[q.begin], q.end) for q in first_q if q.begin in late_q][-4:]
    if both:
        first_sum = sum(f for f, _, _ in both)
        late_sum = sum(n for _, n, _ in both)
        first = first_sum / (first_sum + late_sum) * (1 - DEFAULT_SHARE_REPEAT)
        quarters = count_nl(len(both), "kwartaal", "kwartalen")
        source = (
            f"geschat: CBS eerste aanvragen en nareizigers, {quarters} "
            f"t/m {format_date_nl(both[-1][2])}; herhaalde aanvragen standaard "
            f"{format_decimal_nl(DEFAULT_SHARE_REPEAT, 3)} (IND 2021, nog geen eerdere reeks)"
        )
        return first, DEFAULT_SHARE_REPEAT, source
    return DEFAULT_SHARE_FIRST, DEFAULT_SHARE_REPEAT, DEFAULT_SHARES_SOURCE


def _recognition(on: date) -> tuple[float, str]:
    holders = series.values("vertrek_coa_vergunninghouders_jaar", known_before=on)
    seekers = series.values("vertrek_coa_asielzoekers_jaar", known_before=on)
    if holders and seekers:
        share = holders[-1].value / (holders[-1].value + seekers[-1].value)
        year = holders[-1].begin.year
        return share, (
            f"geschat: aandeel vergunninghouders onder vertrek uit COA {year} (Kamervragen)"
        )
    return DEFAULT_RECOGNITION, (
        "standaard: aanname 65 % (vertrek uit COA naar status pas bekend vanaf 2025)"
    )


def _housing_pace(on: date) -> tuple[float, str]:
    left = series.values("vertrek_coa_vergunninghouders_jaar", known_before=on)
    if left:
        return left[-1].value / 52, (
            f"geschat: vergunninghouders uit COA vertrokken in {left[-1].begin.year}, per week"
        )
    tasks = series.values("taakstelling_halfjaar", known_before=on)
    if not tasks:
        raise ForecastError(f"vóór {format_date_nl(on)} is nog geen taakstelling bekend")
    current = [t for t in tasks if t.begin <= on] or list(tasks)
    task = current[-1]
    realised = series.values("gehuisvest_halfjaar", known_before=on)
    if realised:
        # Housed in a half year against that half year's net task: arrears are housed too.
        net = next(t for t in tasks if t.begin == realised[-1].begin).value
        rate = realised[-1].value / net
        rate_source = (
            f"gehuisvest/netto taakstelling {realised[-1].value}/{net} in "
            f"{realised[-1].begin.year}-{'I' if realised[-1].begin.month == 1 else 'II'}"
        )
    else:
        rate, rate_source = DEFAULT_REALISATION, "realisatie 100 % van de taakstelling (standaard)"
    weeks = ((task.end - task.begin).days + 1) / 7
    return task.value / weeks * rate, (
        f"geschat: taakstelling {format_date_nl(task.begin)} t/m {format_date_nl(task.end)} "
        f"({format_int_nl(task.value)}) per week × {rate_source}"
    )


def _province_shares(on: date) -> tuple[tuple[str, ...], tuple[float, ...]]:
    reference_day = max(min(on, date(2025, 12, 31)), date(2020, 1, 1))
    totals: dict[str, int] = defaultdict(int)
    for item in reference.municipalities(reference_day):
        totals[item.province_code] += item.inhabitants
    provinces = reference.provinces()
    grand = sum(totals.values())
    shares = [totals[p.code] / grand for p in provinces]
    shares[-1] = 1.0 - sum(shares[:-1])
    return tuple(p.name for p in provinces), tuple(shares)


def inflow_start(on: date) -> InflowStart:
    """The inflow part of :func:`model_inputs` on ``on``: what the year-ahead back-test scores.

    Needs only an inflow figure published before ``on`` (the rest of the model may not be
    known yet, as in 2015).
    """
    return _inflow(on)[0]


def _inflow(on: date) -> tuple[InflowStart, float, str, str]:
    """The inflow start, with the repeat share and the sources of season and shares that
    :func:`model_inputs` shows beside it (read once)."""
    seasonal, seasonal_source = seasonal_factors(on)
    first, repeat, shares_source = _shares(on)
    level, noise, level_source, noise_source = _inflow_level(on, seasonal, first, repeat)
    annual = series.values("eerste_aanvragen_jaar", known_before=on)
    yearly = annual_sigma([float(v.value) for v in annual])
    start = InflowStart(
        start=start_monday(on), level=level, level_sigma=yearly / math.sqrt(52),
        noise_sigma=noise, seasonal=seasonal, share_first=first,
        basis=level_source, noise_basis=noise_source,
    )  # fmt: skip
    return start, repeat, seasonal_source, shares_source


def model_inputs(on: date | None = None) -> ModelInputs:
    """The forecast's inputs as they could have been set on ``on`` (default: today's bundle)."""
    day = on or default_date()
    inflow, repeat, seasonal_source, shares_source = _inflow(day)
    annual = series.values("eerste_aanvragen_jaar", known_before=day)
    recognition, recognition_source = _recognition(day)
    pace, pace_source = _housing_pace(day)
    occupancy = series.values("bezetting", known_before=day)
    holders = series.values("vergunninghouders_in_opvang", known_before=day)
    if not occupancy or not holders:
        raise ForecastError(f"vóór {format_date_nl(day)} is geen bezetting van de opvang bekend")
    names, province_shares = _province_shares(day)
    first_year = annual[0].begin.year if annual else None
    last_year = annual[-1].begin.year if annual else None
    sources = {
        "instroom per week (niveau)": inflow.basis,
        "aandeel eerste aanvragen": shares_source,
        "aandeel herhaalde aanvragen": shares_source,
        "aandeel nareizigers": shares_source,
        "seizoen (laagste maandfactor)": seasonal_source,
        "seizoen (hoogste maandfactor)": seasonal_source,
        "spreiding niveau per week (log)": (
            f"geschat: spreiding jaarlijkse log-veranderingen eerste aanvragen {first_year}–"
            f"{last_year} (Eurostat/CBS) gedeeld door √52"
        ),
        "spreiding ruis per week (log)": inflow.noise_basis,
        "vrijheidsgraden Student-t": "standaard: 4 (zware staarten; schokken als 2015 en 2020)",
        "beslistermijn (weken)": DECISION_SOURCE,
        "inwilligingspercentage": recognition_source,
        "vertrekkans per week na afwijzing": DEPARTURE_SOURCE,
        "huisvestingstempo per week": pace_source,
        "spreiding huisvestingstempo (log)": "standaard: 10 % per week (aanname)",
        "bezetting bij de start": (
            f"COA-punt {format_date_nl(occupancy[-1].begin)} (bron {occupancy[-1].source})"
        ),
        "vergunninghouders in de opvang bij de start": (
            f"COA-punt {format_date_nl(holders[-1].begin)} (bron {holders[-1].source})"
        ),
        "concentratie provincie-aandelen (Dirichlet)": share_source(SHARE_BUNDLE),
    }
    return ModelInputs(
        start=inflow.start,
        inflow_level=inflow.level,
        share_first=inflow.share_first,
        share_repeat=repeat,
        seasonal=inflow.seasonal,
        level_sigma=inflow.level_sigma,
        noise_sigma=inflow.noise_sigma,
        shock_df=SHOCK_DF,
        decision_weeks=DECISION_WEEKS,
        recognition_share=recognition,
        departure_rate=DEPARTURE_RATE,
        housing_pace=pace,
        housing_sigma=HOUSING_SIGMA,
        occupancy=occupancy[-1].value,
        status_holders=min(holders[-1].value, occupancy[-1].value),
        province_names=names,
        province_shares=province_shares,
        share_concentration=SHARE_CONCENTRATION,
        sources=sources,
        start_counted=occupancy[-1].begin,
    )


@dataclass(frozen=True)
class StartState:
    """Where a run starts when its week has a location register: the week's figures.

    ``occupancy`` and ``provinces`` (name, occupancy) are ``bezetting_nu`` of the weekly
    figures, nationally and per province; ``status_holders`` is the week's national series
    (``vergunninghouders_in_opvang``), None when the week has none. The Monte Carlo starts
    here, so the fan, the need and the buffer comparison start at the register.
    """

    monday: date
    occupancy: int
    provinces: tuple[tuple[str, int], ...]
    status_holders: int | None = None
    inflow: tuple[tuple[date, int], ...] = ()
    """The register's weekly first applications + nareizigers before ``monday`` (Monday,
    number), oldest first: see :func:`register_inflow_level`."""
    housed: HousedSoFar | None = None
    """Housed nationally in the taakstelling period so far: see :func:`register_housing_pace`."""
    kinds: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = ()
    """Occupancy by kind of reception per scope ("" nationally, else the province's name), as
    (kind, persons): the need at the start is counted per kind, as the weekly figures do."""

    def province_occupancy(self, name: str) -> int:
        return dict(self.provinces).get(name, 0)

    def kinds_of(self, name: str | None) -> dict[NeedCategory, int] | None:
        """Occupancy by kind of a scope (None: national); None when not recorded."""
        found = dict(self.kinds).get(name or "")
        return None if found is None else {NeedCategory(k): n for k, n in found}


def with_start(inputs: ModelInputs, start: StartState) -> ModelInputs:
    """The inputs with the register's start state (the parameters stay the bundle's).

    Province shares become the register's shares of occupancy (a province without anyone
    keeps 0). Status holders come from the week's series; without it, the bundle's share of
    status holders in occupancy is applied to the register's occupancy (a documented rule).
    ``ForecastError`` when the register holds no one (no shares to start from).
    """
    by_name = dict(start.provinces)
    total = sum(by_name.get(name, 0) for name in inputs.province_names)
    if start.occupancy <= 0 or total <= 0:
        raise ForecastError("het locatieregister van deze week heeft geen bezetting")
    shares = [by_name.get(name, 0) / total for name in inputs.province_names]
    last = max(i for i, share in enumerate(shares) if share > 0)
    shares[last] = 1.0 - sum(s for i, s in enumerate(shares) if i != last)
    national = with_national_start(
        inputs, monday=start.monday, occupancy=start.occupancy,
        status_holders=start.status_holders, inflow=start.inflow, housed=start.housed,
    )  # fmt: skip
    sources = dict(national.sources)
    sources["concentratie provincie-aandelen (Dirichlet)"] = share_source(SHARE_REGISTER)
    return national.replace(province_shares=tuple(shares), sources=sources)


REGISTER_INFLOW_WEEKS = 26
"""How many weeks before the start the register's inflow is read from."""
REGISTER_INFLOW_MIN_WEEKS = 8
"""Fewer register weeks than this and the bundle's level stays (too short to smooth)."""


def register_inflow_level(
    inputs: ModelInputs, monday: date, inflow: Sequence[tuple[date, int]]
) -> ModelInputs:
    """The inputs with the inflow level and noise from the register's weekly series, when the
    register holds enough of it; else unchanged.

    The register has first applications and nareizigers per week, the model needs the total
    inflow: their sum is raised by the share of repeat applications (as the CBS quarters are,
    see ``_inflow_level``), deseasonalised by the month of each week's Thursday and smoothed
    exponentially with the weight chosen on 13-week totals, as the bundle's weekly series is.
    It applies with at least ``REGISTER_INFLOW_MIN_WEEKS`` weeks among the
    ``REGISTER_INFLOW_WEEKS`` before ``monday``, the newest of them no older than a delivery
    holds (``DATA_VALID_WEEKS``): the data the users import beats the bundle, but a few or
    stale weeks do not.
    """
    window = monday - timedelta(weeks=REGISTER_INFLOW_WEEKS)
    weeks = sorted((day, value) for day, value in inflow if window <= day < monday)
    valid = timedelta(weeks=DATA_VALID_WEEKS["reeksen"])
    if len(weeks) < REGISTER_INFLOW_MIN_WEEKS or monday - weeks[-1][0] > valid:
        return inputs
    raise_by = 1.0 - inputs.share_repeat
    values = [
        value / raise_by / inputs.seasonal[(day + timedelta(days=3)).month - 1]
        for day, value in weeks
    ]
    alpha = fit_smoothing(values, LEVEL_HORIZON_WEEKS)
    # The model walks in logs: weeks of 0 give a level of one person a week, not log(0).
    level = max(smoothed_level(values, alpha), 1.0)
    errors = smoothing_errors(values, alpha)
    noise = float(errors.std(ddof=1)) if errors.size > 2 else inputs.noise_sigma
    sources = dict(inputs.sources)
    sources["instroom per week (niveau)"] = (
        f"geschat: weekcijfers van het register, eerste asielaanvragen + nareizigers, "
        f"{len(weeks)} weken {format_date_nl(weeks[0][0])} t/m {format_date_nl(weeks[-1][0])}, "
        f"opgehoogd met het aandeel herhaalde aanvragen, exponentieel gewogen (gewicht "
        f"{format_decimal_nl(alpha, 2)}, gekozen op 13-weekstotalen)"
    )
    if errors.size > 2:
        sources["spreiding ruis per week (log)"] = (
            "geschat: spreiding van de eenstapsfouten in de weekcijfers van het register"
        )
    return inputs.replace(inflow_level=level, noise_sigma=noise, sources=sources)


REGISTER_HOUSING_MIN_WEEKS = 8
"""Fewer weeks of the period than this and the bundle's housing pace stays: the first weeks
of a half year say little about its pace (housing comes in lumps as homes are let)."""


def register_housing_pace(
    inputs: ModelInputs, monday: date, housed: HousedSoFar | None
) -> ModelInputs:
    """The inputs with the housing pace from the register's realisation, when it covers
    enough of the period; else unchanged.

    The model houses status holders at the taakstelling's realisation pace (nareizigers
    included, as the taakstelling counts them): the persons housed so far in the period ÷
    the weeks from its first day to the day the count holds (the first of the month of the
    delivery, as COA reports it). It applies with at least ``REGISTER_HOUSING_MIN_WEEKS``
    weeks of the period counted, a delivery no later than the start and still holding then
    (``DATA_VALID_WEEKS``, as ``imports.selectors.latest_import``).
    """
    if housed is None or housed.delivered > monday or housed.weeks < REGISTER_HOUSING_MIN_WEEKS:
        return inputs
    if monday - housed.delivered >= timedelta(weeks=DATA_VALID_WEEKS["realisatie"]):
        return inputs
    pace = housed.persons / housed.weeks
    sources = dict(inputs.sources)
    sources["huisvestingstempo per week"] = (
        f"geschat: realisatie taakstelling in het register, {format_int_nl(housed.persons)} "
        f"gehuisvest van {format_date_nl(housed.period_start)} tot {format_date_nl(housed.as_of)} "
        f"({format_decimal_nl(housed.weeks, 1)} weken; stand op de eerste van de maand, "
        f"geleverd in de week van {format_date_nl(housed.delivered)}), per week"
    )
    return inputs.replace(housing_pace=pace, sources=sources)


def with_national_start(
    inputs: ModelInputs,
    *,
    monday: date,
    occupancy: int,
    status_holders: int | None,
    inflow: Sequence[tuple[date, int]] = (),
    housed: HousedSoFar | None = None,
) -> ModelInputs:
    """The inputs starting on ``monday`` from the register's national occupancy (the part of
    :func:`with_start` the national path depends on; the weekly figures' central path uses
    it). Status holders: the week's series, else the bundle's share applied (documented).
    The inflow level comes from the register's weekly series where it holds enough weeks
    (:func:`register_inflow_level`), the housing pace from its realisation where it covers
    enough of the period (:func:`register_housing_pace`)."""
    inputs = register_inflow_level(inputs, monday, inflow)
    inputs = register_housing_pace(inputs, monday, housed)
    sources = dict(inputs.sources)
    if status_holders is not None:
        holders = min(status_holders, occupancy)
        sources["vergunninghouders in de opvang bij de start"] = (
            f"weekcijfers {format_date_nl(monday)}: vergunninghouders in de opvang "
            "(landelijke reeks van de week)"
        )
    else:
        holders = round(occupancy * inputs.status_holders / max(inputs.occupancy, 1))
        sources["vergunninghouders in de opvang bij de start"] = (
            f"regel: aandeel vergunninghouders in de bezetting uit de meegeleverde reeks "
            f"({inputs.status_holders} van {inputs.occupancy}) × bezetting in het register "
            "(de week heeft geen reeks vergunninghouders)"
        )
    sources["bezetting bij de start"] = (
        f"weekcijfers {format_date_nl(monday)}: bezetting nu in het locatieregister"
    )
    return inputs.replace(
        start=monday, occupancy=occupancy, status_holders=holders, sources=sources,
        start_counted=monday,
    )  # fmt: skip
