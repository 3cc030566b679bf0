"""The work behind ``regietafel prognose`` (imported only when the command runs). No Django."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import date

import numpy as np

from regietafel import reference
from regietafel.cli.output import emit_result
from regietafel.core import buffer_policies, forecast
from regietafel.core.formatting import format_date_nl
from regietafel.core.need_policy import (
    NeedPolicy,
    need_quantiles,
    policy_by_key,
    policy_on,
    target_dates,
)
from regietafel.errors import UserError
from regietafel.opvangprognose.tables import (
    DATE_COLUMNS,
    ScoreLine,
    backtest_table,
    buffer_table,
    date_row,
    dates_title,
    parameters_table,
    percent,
    whole,
)
from regietafel.opvangprognose.tables import weeks_table as weeks_table_for
from regietafel.presentation.tables import (
    Column,
    Format,
    Result,
    ResultTable,
    Value,
    format_int,
)
from regietafel.prognose.outlook import column_mondays, summarise, with_start_column

TEXT_EVERY = 4
"""The terminal table shows every fourth week (CSV, JSON and Excel show every week)."""

FORECAST_NOTES = (
    "Banden: 80 % = 10e–90e percentiel, 95 % = 2,5e–97,5e percentiel over alle paden.",
    (
        "Provincies krijgen een aandeel van de landelijke bezetting (inwonersaandeel met "
        "onzekerheid); vergunninghouders zijn landelijk."
    ),
    (
        "Capaciteit 'als niets wordt verlengd' hoort bij de capaciteitstijdlijn, niet bij deze "
        "prognose: zet de benodigde plekken naast die tijdlijn (pagina Opvangbeeld)."
    ),
    (
        "Terugblikkende toets van het instroommodel, met de dekking van de banden zonder en met "
        "ijking: 'regietafel prognose backtest'. Deze banden zijn modelbanden, niet geijkt."
    ),
)
BACKTEST_NOTES = (
    "Elk startpunt gebruikt alleen cijfers die vóór die dag gepubliceerd waren (vintage).",
    (
        "MAPE: gemiddelde absolute procentuele fout van het totaal over de horizon. MASE: "
        "gemiddelde absolute fout gedeeld door die van de vergelijkingsmethode op dezelfde "
        "startpunten (onder 1 = beter)."
    ),
    (
        "13-weeksgemiddelde: gemiddelde van de laatste 13 bekende weken (3 maanden) × horizon. "
        "Seizoensnaïef: dezelfde periode een jaar eerder, alleen waar die bekend was."
    ),
    (
        "Geijkt: de band rond dezelfde mediaan uit de fouten |log(werkelijk/mediaan)| van "
        "eerdere startpunten waarvan de uitkomst op het startpunt al gepubliceerd was "
        "(split-conformal); met te weinig fouten (< 4 voor 80 %, < 19 voor 95 %) de modelband. "
        "'n geijkt' telt de startpunten met een band uit eerdere fouten."
    ),
    (
        "De banden van bezetting en benodigde plekken in 'regietafel prognose' zijn modelbanden "
        "en niet geijkt (zie docs/prognose.md)."
    ),
)


class Progress:
    """One line per step on stderr, but only once the command has run for a second."""

    def __init__(self, command: str) -> None:
        self.command = command
        self.started = time.perf_counter()

    def __call__(self, step: str) -> None:
        if time.perf_counter() - self.started > 1.0:
            print(f"{self.command}: {step}…", file=sys.stderr, flush=True)


def run(arguments: argparse.Namespace) -> int:
    progress = Progress("regietafel prognose")
    if arguments.actie == "backtest":
        result = backtest_result(arguments.reeks or ["week", "maand", "jaar"], progress)
    else:
        result = forecast_result(arguments, progress)
    if Format(arguments.formaat) is Format.TABEL and arguments.actie != "backtest":
        result = _thin_for_terminal(result)
    return emit_result(result, arguments)


def forecast_result(arguments: argparse.Namespace, progress: Progress) -> Result:
    from regietafel.prognose.inputs import default_date, model_inputs

    on: date = arguments.tot or default_date()
    try:
        inputs = model_inputs(on)
        province_index = _province_index(arguments.provincie, inputs)
    except (forecast.ForecastError, reference.ReferenceDataError) as error:
        raise UserError(str(error)) from None
    from regietafel.prognose.scenarios import scenarios_on, unavailable_reason

    available = scenarios_on(on)
    if arguments.scenario not in available:
        raise UserError(unavailable_reason(arguments.scenario, on))
    scenario = available[arguments.scenario]
    policy = policy_by_key(arguments.beleid) if arguments.beleid else policy_on(on)
    progress(f"{arguments.paden} paden × {arguments.weken} weken")
    paths = forecast.run(
        inputs, scenario, paths=arguments.paden, weeks=arguments.weken, seed=arguments.seed
    )
    progress("kwantielen")
    occupancy = paths.occupancy.astype(np.float64)
    scope = "Nederland"
    if province_index is not None:
        occupancy = occupancy * paths.shares[:, province_index : province_index + 1]
        scope = inputs.province_names[province_index]
    start_scope = (
        inputs.occupancy
        if province_index is None
        else round(inputs.occupancy * inputs.province_shares[province_index])
    )
    # A fixed buffer is national: inside a province it adds nothing (as in the weekly figures).
    applies = policy if province_index is None else policy.in_province()
    # Column 0 is the start, as on the Prognose page and in the weekly figures.
    occupancy_q = with_start_column(forecast.quantiles(occupancy), start_scope)
    start_need = float(applies.need(np.asarray([start_scope]))[0])
    need_q = with_start_column(forecast.quantiles(applies.need(occupancy)), start_need)
    holders_q = with_start_column(forecast.quantiles(paths.status_holders), inputs.status_holders)
    weeks_table = weeks_table_for(
        column_mondays(inputs.start, paths.weeks), occupancy_q, holders_q, need_q
    )

    start_capacity = (
        arguments.capaciteit
        if arguments.capaciteit is not None
        else whole(policy.need(np.asarray([inputs.occupancy]))[0])
    )
    dates = _target_dates_table(
        paths, start=inputs.start, policy=applies, goals=arguments.doel, capacity=start_capacity,
        province_index=province_index,
    )  # fmt: skip
    tables = [weeks_table, dates]
    if province_index is None:
        progress("bufferbeleid vergelijken")
        outcomes = buffer_policies.compare(
            paths.occupancy, start_occupancy=inputs.occupancy, start_capacity=start_capacity
        )
        tables.append(buffer_table([summarise(o) for o in outcomes]))
    tables.append(parameters_table(inputs.parameters()))
    meta: dict[str, str | int | float | None] = {
        "gebied": scope,
        "scenario": f"{scenario.name} — {scenario.description}",
        "gegevens bekend vóór": format_date_nl(on),
        "eerste prognoseweek": format_date_nl(inputs.start),
        "paden": format_int(arguments.paden),
        "weken": arguments.weken,
        "seed": arguments.seed,
        "behoeftebeleid": f"{policy.label} — bron: {policy.source}",
        "capaciteit bij de start": format_int(start_capacity),
    }
    notes = FORECAST_NOTES
    return Result(
        title=f"Prognose opvang {scope} — scenario {scenario.label}",
        tables=tuple(tables),
        meta=meta,
        notes=notes,
    )


def _province_index(name: str | None, inputs: forecast.ModelInputs) -> int | None:
    if not name:
        return None
    found = reference.province(name)
    return inputs.province_names.index(found.name)


def _target_dates_table(
    paths: forecast.Paths,
    *,
    start: date,
    policy: NeedPolicy,
    goals: Sequence[tuple[int, date]],
    capacity: int,
    province_index: int | None,
) -> ResultTable:
    occupancy = paths.occupancy
    if province_index is not None:
        occupancy = np.rint(
            occupancy * paths.shares[:, province_index : province_index + 1]
        ).astype(np.int64)
    requested = [(0, day) for day in target_dates(start, paths.weeks)] + list(goals)
    rows: list[dict[str, Value]] = []
    for extra, day in requested:
        try:
            q = need_quantiles(occupancy, start, day, policy)
            need = policy.need(occupancy[:, forecast.weeks_until(start, day)])
        except ValueError as error:
            raise UserError(str(error)) from None
        chance = buffer_policies.target_probability(need, capacity_now=capacity, extra=extra)
        rows.append(date_row(day, extra, [float(v) for v in q], chance))
    return ResultTable("peildata", dates_title(capacity), DATE_COLUMNS, tuple(rows))


def _thin_for_terminal(result: Result) -> Result:
    tables = []
    for part in result.tables:
        table = part
        if table.name == "weken":
            keep = [
                row
                for index, row in enumerate(table.rows)
                if index % TEXT_EVERY == 0 or index == len(table.rows) - 1
            ]
            columns = tuple(c for c in table.columns if not c.key.endswith(("p025", "p975")))
            table = ResultTable(
                table.name,
                f"{table.title} (elke {TEXT_EVERY}e week; 95 %-band in csv/json/xlsx)",
                columns,
                tuple(keep),
            )
        tables.append(table)
    return Result(result.title, tuple(tables), result.meta, result.notes)


def backtest_result(which: Sequence[str], progress: Progress) -> Result:
    from regietafel.prognose.backtests import backtest_rows, year_ahead_results

    rows = backtest_rows(list(dict.fromkeys(which)), progress)
    lines = [ScoreLine(r.series, r.horizon, r.origins_label, r.score) for r in rows]
    tables = [backtest_table(lines)]
    if "jaar" in which:
        year_columns = (
            Column("jaar", "jaar"),
            Column("start", "startdatum"),
            Column("basis", "niveau uit"),
            Column("werkelijk", "werkelijk", "int"),
            Column("mediaan", "prognose mediaan", "int"),
            Column("p10", "80%-band laag", "int"),
            Column("p90", "80%-band hoog", "int"),
            Column("p10_geijkt", "80%-band geijkt laag", "int"),
            Column("p90_geijkt", "80%-band geijkt hoog", "int"),
            Column("n_fouten", "eerdere fouten", "int"),
            Column("ape", "afwijking %", "decimal", 1),
        )
        year_rows = tuple(
            {
                "jaar": str(y.year), "start": y.origin.isoformat(), "basis": y.basis,
                "werkelijk": whole(y.actual), "mediaan": whole(y.forecast.median),
                "p10": whole(y.forecast.low80), "p90": whole(y.forecast.high80),
                "p10_geijkt": whole(y.calibrated.low80), "p90_geijkt": whole(y.calibrated.high80),
                "n_fouten": y.calibration_errors,
                "ape": percent(abs(y.forecast.median - y.actual) / y.actual),
            }
            for y in year_ahead_results()
        )  # fmt: skip
        tables.append(ResultTable("jaren", "Jaar vooruit, per jaar", year_columns, year_rows))
    return Result("Terugblikkende toets prognose", tuple(tables), {}, BACKTEST_NOTES)
