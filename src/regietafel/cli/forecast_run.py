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
from regietafel.core.backtest import Score
from regietafel.core.forecast import FloatArray
from regietafel.core.formatting import format_date_nl
from regietafel.core.need_policy import (
    NeedPolicy,
    need_quantiles,
    policy_by_key,
    policy_on,
    target_dates,
)
from regietafel.errors import UserError
from regietafel.presentation.tables import (
    Column,
    Format,
    Result,
    ResultTable,
    Value,
    format_decimal,
    format_int,
)

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
    "Terugblikkende toets van het instroommodel: 'regietafel prognose backtest'.",
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


def _whole(value: float) -> int:
    return round(float(value))


BAND_LABELS = (("p025", "2,5%"), ("p10", "10%"), ("p50", "mediaan"), ("p90", "90%"),
               ("p975", "97,5%"))  # fmt: skip


def forecast_result(arguments: argparse.Namespace, progress: Progress) -> Result:
    from regietafel.prognose.inputs import default_date, model_inputs

    on: date = arguments.tot or default_date()
    try:
        inputs = model_inputs(on)
        province_index = _province_index(arguments.provincie, inputs)
    except (forecast.ForecastError, reference.ReferenceDataError) as error:
        raise UserError(str(error)) from None
    scenario = forecast.SCENARIOS[arguments.scenario]
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
    occupancy_q = forecast.quantiles(occupancy)
    need_q = forecast.quantiles(policy.need(occupancy))
    holders_q = forecast.quantiles(paths.status_holders)
    weeks_table = _weeks_table(paths.week_starts, occupancy_q, holders_q, need_q)

    start_capacity = (
        arguments.capaciteit
        if arguments.capaciteit is not None
        else _whole(policy.need(np.asarray([inputs.occupancy]))[0])
    )
    dates = _target_dates_table(
        paths, start=inputs.start, policy=policy, goals=arguments.doel, capacity=start_capacity,
        province_index=province_index,
    )  # fmt: skip
    tables = [weeks_table, dates]
    if province_index is None:
        progress("bufferbeleid vergelijken")
        tables.append(_buffer_table(paths, inputs.occupancy, start_capacity))
    tables.append(_parameters_table(inputs))
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


def _weeks_table(
    weeks: Sequence[date],
    occupancy: FloatArray,
    holders: FloatArray,
    need: FloatArray,
) -> ResultTable:
    columns = [Column("week", "week (maandag)")]
    for prefix, header in (("bezetting", "bezetting"), ("nodig", "benodigde plekken"),
                           ("vh", "vergunninghouders")):  # fmt: skip
        for key, label in BAND_LABELS:
            columns.append(Column(f"{prefix}_{key}", f"{header} {label}", "int"))
    rows: list[dict[str, Value]] = []
    for index, day in enumerate(weeks):
        row: dict[str, Value] = {"week": day.isoformat()}
        for prefix, values in (("bezetting", occupancy), ("nodig", need), ("vh", holders)):
            for level, (key, _label) in enumerate(BAND_LABELS):
                row[f"{prefix}_{key}"] = _whole(values[level][index])
        rows.append(row)
    return ResultTable("weken", "Per week: mediaan en banden", tuple(columns), tuple(rows))


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
    columns = (
        Column("datum", "peildatum"),
        Column("extra", "extra plekken", "int"),
        Column("nodig_p50", "nodig mediaan", "int"),
        Column("nodig_p90", "nodig 90%", "int"),
        Column("nodig_p975", "nodig 97,5%", "int"),
        Column("kans", "kans dat het genoeg is", "decimal", 3),
    )
    requested = [(0, day) for day in target_dates(start, paths.weeks)] + list(goals)
    rows: list[dict[str, Value]] = []
    for extra, day in requested:
        try:
            q = need_quantiles(occupancy, start, day, policy)
            need = policy.need(occupancy[:, forecast.weeks_until(start, day)])
        except ValueError as error:
            raise UserError(str(error)) from None
        rows.append({
            "datum": day.isoformat(), "extra": extra, "nodig_p50": _whole(q[2]),
            "nodig_p90": _whole(q[3]), "nodig_p975": _whole(q[4]),
            "kans": buffer_policies.target_probability(need, capacity_now=capacity, extra=extra),
        })  # fmt: skip
    return ResultTable(
        "peildata",
        f"Benodigde plekken op peildata en doelen (capaciteit bij de start {format_int(capacity)})",
        columns,
        tuple(rows),
    )


def _buffer_table(paths: forecast.Paths, start_occupancy: int, capacity: int) -> ResultTable:
    outcomes = buffer_policies.compare(
        paths.occupancy, start_occupancy=start_occupancy, start_capacity=capacity
    )
    columns = (
        Column("beleid", "bufferbeleid"),
        Column("tekort_persoonweken", "tekort (persoonweken)", "int"),
        Column("kans_tekortweek", "kans ≥ 1 week tekort", "decimal", 3),
        Column("lege_plekweken", "lege plekweken", "int"),
        Column("openingen", "openingen", "decimal", 1),
        Column("sluitingen", "sluitingen", "decimal", 1),
        Column("kosten_mln", "kosten (mln euro)", "decimal", 0),
    )
    rows: tuple[dict[str, Value], ...] = tuple(
        {
            "beleid": o.policy.label,
            "tekort_persoonweken": _whole(o.short_person_weeks),
            "kans_tekortweek": o.p_short_week,
            "lege_plekweken": _whole(o.empty_place_weeks),
            "openingen": o.openings,
            "sluitingen": o.closings,
            "kosten_mln": o.cost_million,
        }
        for o in outcomes
    )
    title = (
        f"Bufferbeleid vergeleken (levertijd {int(buffer_policies.LEAD_WEEKS.value)} weken, "
        f"blokken van {int(buffer_policies.BLOCK.value)} plekken; kosten regulier "
        f"{format_int(int(buffer_policies.COST_REGULAR.value))} en nood "
        f"{format_int(int(buffer_policies.COST_EMERGENCY.value))} euro per jaar, COA 2022)"
    )
    return ResultTable("bufferbeleid", title, columns, rows)


def _parameters_table(inputs: forecast.ModelInputs) -> ResultTable:
    columns = (
        Column("parameter", "parameter"),
        Column("waarde", "waarde"),
        Column("bron", "bron"),
    )
    rows: tuple[dict[str, Value], ...] = tuple(
        {"parameter": p.name, "waarde": _number_text(p.value), "bron": p.source}
        for p in inputs.parameters()
    )
    return ResultTable("parameters", "Parameters en bronnen", columns, rows)


def _number_text(value: float) -> str:
    """Whole numbers as whole numbers, others with three decimals, in Dutch notation."""
    if float(value).is_integer():
        return format_int(int(value))
    return format_decimal(value, 3)


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


def _percent(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


def backtest_result(which: Sequence[str], progress: Progress) -> Result:
    from regietafel.prognose.backtests import backtest_rows, year_ahead_results

    rows = backtest_rows(list(dict.fromkeys(which)), progress)
    columns = (
        Column("reeks", "reeks"),
        Column("horizon", "horizon"),
        Column("startpunten", "startpunten"),
        Column("n", "n", "int"),
        Column("mape", "MAPE %", "decimal", 1),
        Column("mape_13w", "MAPE 13-wk-gem. %", "decimal", 1),
        Column("mase_13w", "MASE t.o.v. 13-wk-gem.", "decimal", 2),
        Column("mase_sn", "MASE t.o.v. seizoensnaïef", "decimal", 2),
        Column("n_sn", "n seizoensnaïef", "int"),
        Column("dekking80", "dekking 80%-band %", "decimal", 1),
        Column("dekking95", "dekking 95%-band %", "decimal", 1),
        Column("mdape", "mediane APE %", "decimal", 1),
    )
    table_rows = tuple(_score_row(r.series, r.horizon, r.origins_label, r.score) for r in rows)
    tables = [ResultTable("backtest", "Terugblikkende toets van de instroomprognose", columns,
                          table_rows)]  # fmt: skip
    if "jaar" in which:
        year_columns = (
            Column("jaar", "jaar"),
            Column("start", "startdatum"),
            Column("basis", "niveau uit"),
            Column("werkelijk", "werkelijk", "int"),
            Column("mediaan", "prognose mediaan", "int"),
            Column("p10", "80%-band laag", "int"),
            Column("p90", "80%-band hoog", "int"),
            Column("ape", "afwijking %", "decimal", 1),
        )
        year_rows = tuple(
            {
                "jaar": str(y.year), "start": y.origin.isoformat(), "basis": y.basis,
                "werkelijk": _whole(y.actual), "mediaan": _whole(y.forecast.median),
                "p10": _whole(y.forecast.low80), "p90": _whole(y.forecast.high80),
                "ape": _percent(abs(y.forecast.median - y.actual) / y.actual),
            }
            for y in year_ahead_results()
        )  # fmt: skip
        tables.append(ResultTable("jaren", "Jaar vooruit, per jaar", year_columns, year_rows))
    return Result("Terugblikkende toets prognose", tuple(tables), {}, BACKTEST_NOTES)


def _score_row(series: str, horizon: str, origins: str, score: Score) -> dict[str, Value]:
    return {
        "reeks": series,
        "horizon": horizon,
        "startpunten": origins,
        "n": score.origins,
        "mape": _percent(score.mape),
        "mape_13w": _percent(score.mape_mean),
        "mase_13w": None if score.mase_mean is None else round(score.mase_mean, 2),
        "mase_sn": None if score.mase_seasonal is None else round(score.mase_seasonal, 2),
        "n_sn": score.seasonal_origins,
        "dekking80": _percent(score.coverage80),
        "dekking95": _percent(score.coverage95),
        "mdape": _percent(score.median_ape),
    }
