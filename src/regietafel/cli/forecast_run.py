"""The work behind ``regietafel prognose`` (imported only when the command runs).

Without ``--week`` no Django is loaded: the run starts from the bundled national series. With
``--week`` it is a database command that starts from that week's register, exactly as the
Prognose page does; both go through ``prognose.outlook``, so the numbers are the page's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, timedelta

from regietafel import reference
from regietafel.cli.forecast import BACKTEST_SERIES
from regietafel.cli.output import emit_result
from regietafel.cli.progress import Progress
from regietafel.core import forecast
from regietafel.core.capacity import ContractedCapacity
from regietafel.core.formatting import NBSP, format_date_nl
from regietafel.core.need_policy import (
    NeedPolicy,
    policy_by_key,
    policy_on,
)
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.errors import UserError
from regietafel.opvangprognose.tables import (
    backtest_table,
    outlook_buffer_table,
    outlook_dates_table,
    outlook_parameters_table,
    percent,
    target_chances_table,
    whole,
)
from regietafel.opvangprognose.tables import weeks_table as weeks_table_for
from regietafel.presentation.tables import (
    Column,
    Count,
    Format,
    Result,
    ResultTable,
    format_int,
)
from regietafel.prognose.cache import origin_for
from regietafel.prognose.inputs import StartState
from regietafel.prognose.outlook import (
    CAPACITY_GIVEN,
    CAPACITY_REGISTER,
    START_NOTE_BUNDLE,
    Outlook,
    TargetChance,
    outlook,
    run_forecast,
    run_key,
)
from regietafel.prognose.scenarios import OfficialFigure

TEXT_EVERY = 4
"""The terminal table shows every fourth week (CSV, JSON and Excel show every week)."""

FORECAST_NOTES = (
    "Banden: 80 % = 10e–90e percentiel, 95 % = 2,5e–97,5e percentiel over alle paden.",
    (
        "Provincies krijgen per pad een aandeel van de landelijke bezetting (met --week hun "
        "aandeel in het locatieregister, anders hun inwonersaandeel), dat geleidelijk naar een "
        "getrokken aandeel schuift (driekwart na 26 weken, helemaal na 52); vergunninghouders "
        "zijn landelijk."
    ),
    (
        "Plekken 'als niets wordt verlengd' per peildatum en wat erbij nodig is: met --week, "
        "uit de contracten in het locatieregister van die week."
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
        "13-weeksgemiddelde: gemiddelde van de laatste 13 bekende weken (3 maanden; bij de "
        "kwartaalreeks het laatste bekende kwartaal) × horizon. "
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


def run(arguments: argparse.Namespace) -> int:
    progress = Progress("regietafel prognose")
    try:
        if arguments.actie == "backtest":
            result = backtest_result(arguments.reeks or list(BACKTEST_SERIES), progress)
        else:
            result = forecast_result(arguments, progress)
    finally:
        progress.close()
    if Format(arguments.formaat) is Format.TABEL and arguments.actie != "backtest":
        result = _thin_for_terminal(result)
    names = [t.name for t in result.tables]
    if arguments.tabel is not None and arguments.tabel not in names:
        raise UserError(
            f"--tabel {arguments.tabel} bestaat hier niet; kies uit: {', '.join(names)}"
        )
    return emit_result(result, arguments, table=arguments.tabel)


def forecast_result(arguments: argparse.Namespace, progress: Progress) -> Result:
    """The forecast as the Prognose page computes it (``prognose.outlook``), with the
    command's paths, weeks and seed; with ``--week`` from that week's register."""
    from regietafel.prognose.inputs import default_date
    from regietafel.prognose.scenarios import scenarios_on, unavailable_reason

    week = _week(arguments)
    try:
        found = reference.province(arguments.provincie) if arguments.provincie else None
    except reference.ReferenceDataError as error:
        raise UserError(str(error)) from None
    province, code = (found.name, found.code) if found else (None, None)
    start, note, register_capacity, contracted, week_policy = (
        (None, START_NOTE_BUNDLE, None, None, None) if week is None else _register_start(week, code)
    )
    on: date = arguments.tot or (default_date() if week is None else origin_for(week.monday))
    late = _late_warning(arguments.tot, default_date())
    if late:
        sys.stderr.write(f"{late}\n")
    imported = () if week is None else _imported_mpp(week.monday)
    available = scenarios_on(on, imported)
    if arguments.scenario not in available:
        every = () if week is None else _imported_mpp(date.max)
        raise UserError(unavailable_reason(arguments.scenario, on, every))
    scenario = available[arguments.scenario]
    policy = (
        policy_by_key(arguments.beleid)
        if arguments.beleid
        else week_policy or policy_on(on)  # with --week the week's own, as the page
    )
    key = run_key(scenario, origin=on, seed=arguments.seed, paths=arguments.paden,
                  weeks=arguments.weken, start=start)  # fmt: skip
    progress.start(
        f"{format_int(arguments.paden)} paden × {arguments.weken} weken", arguments.weken
    )
    try:
        run = run_forecast(key, on_week=progress.update)
        progress.start("kwantielen en bufferbeleid")
        given = arguments.capaciteit is not None
        view = outlook(
            run, province=province, policy=policy, bundle_note=note,
            capacity=arguments.capaciteit if given else register_capacity,
            capacity_source=CAPACITY_GIVEN if given else CAPACITY_REGISTER, goals=arguments.doel,
            contracted=contracted, order_percentile=arguments.percentiel / 100,
        )  # fmt: skip
    except forecast.ForecastError as error:
        raise UserError(str(error)) from None
    tables = [
        weeks_table_for(view.week_starts, view.occupancy, view.holders, view.need),
        outlook_buffer_table(view),
        outlook_parameters_table(view),
    ]
    notes: tuple[str, ...] = (*((late,) if late else ()), *FORECAST_NOTES)
    if view.dates:
        tables.insert(1, outlook_dates_table(view))
    else:
        notes = (*notes, f"Geen peildatum (1 januari of 1 juli) binnen {arguments.weken} weken.")
    if week is not None and not given:
        # Always with --week, empty with its sentence, as the page and the API give it.
        chances = _target_chances(week, view)
        tables.insert(2 if view.dates else 1, target_chances_table(chances))
    meta: dict[str, str | int | float | None] = {
        "gebied": view.scope_name,
        "scenario": f"{scenario.name} — {scenario.description}",
        "week": week.label if week else None,
        "start": view.start_note,
        "gegevens bekend vóór": format_date_nl(on),
        "eerste prognoseweek": format_date_nl(run.inputs.start),
        "paden": Count(arguments.paden),
        "weken": arguments.weken,
        "seed": arguments.seed,
        "behoeftebeleid": f"{policy.label} — bron: {policy.source}",
        "behoeftebeleid (sleutel)": policy.key,
        "reeksen (SHA-256)": run.key.data,
        "behoefte bij de start": Count(view.start_need),
        "capaciteit bij de start": Count(view.start_capacity),
        "capaciteit bij de start, bron": view.capacity_source,
    }
    return Result(
        title=f"Prognose opvang {view.scope_name} — scenario {scenario.label}",
        tables=tuple(tables),
        meta={k: v for k, v in meta.items() if v is not None},
        notes=notes,
    )


LATE_DAYS = 365
"""A ``--tot`` more than this many days after the newest published figures is warned of."""


def _late_warning(until: date | None, known: date) -> str | None:
    """A warning when ``--tot`` lies over a year after the data: the forecast then starts
    from figures of long before that day and knows nothing of what happened since."""
    if until is None or (until - known).days <= LATE_DAYS:
        return None
    newest = known - timedelta(days=1)
    return (
        f"Let op: --tot {format_date_nl(until)} ligt meer dan een jaar na de nieuwste "
        f"gegevens ({format_date_nl(newest)}); de prognose begint bij die gegevens en weet "
        "niets van wat daarna gebeurde."
    )


def _week(arguments: argparse.Namespace) -> IsoWeek | None:
    if not getattr(arguments, "week", None):
        return None
    if arguments.tot is not None:
        raise UserError("kies --week (start uit het register van die week) of --tot, niet beide")
    try:
        return IsoWeek.parse(arguments.week)
    except PeriodError as error:
        raise UserError(str(error)) from None


def _register_start(
    week: IsoWeek, code: str | None
) -> tuple[StartState | None, str, int | None, ContractedCapacity | None, NeedPolicy]:
    """The week's register start, capacity, capacity as contracted and need policy (the LRT's
    choice for the week, else the dated one), as the Prognose page reads them (a database
    command)."""
    from regietafel.cli.webcommands import django_setup

    django_setup()
    from regietafel.cli.reception import system_user
    from regietafel.opvangprognose.selectors import (
        ForecastSuppressedError,
        need_policy,
        register_capacity,
        register_contracted,
        visible_start,
    )

    user = system_user()
    try:
        start, note = visible_start(user, week, code)
    except ForecastSuppressedError as error:
        raise UserError(error.for_command_line) from None  # no "voor uw rol": no role here
    except forecast.ForecastError as error:
        raise UserError(str(error)) from None
    return (
        start, note, register_capacity(user, week, code),
        register_contracted(user=user, week=week, code=code), need_policy(None, week),
    )  # fmt: skip


def _target_chances(week: IsoWeek, view: Outlook) -> tuple[TargetChance, ...]:
    """The targets of the scope with their chances, as the Prognose page of ``week`` shows
    them (only with the week's register capacity: a given ``--capaciteit`` is not the
    register's, and the targets count on top of that)."""
    from regietafel.cli.reception import system_user
    from regietafel.opvangprognose.selectors import target_chances

    return tuple(target_chances(user=system_user(), week=week, view=view))


def _imported_mpp(before: date) -> tuple[OfficialFigure, ...]:
    """The imported MPP figures published before ``before``, as the Prognose page offers
    them (after :func:`_register_start` set Django up)."""
    from regietafel.opvang.selectors import official_figures

    return official_figures(before)


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
                f"{table.title} (elke {TEXT_EVERY}e week; 95{NBSP}%-band in csv/json/xlsx)",
                columns,
                tuple(keep),
            )
        tables.append(table)
    return Result(result.title, tuple(tables), result.meta, result.notes)


def backtest_result(which: Sequence[str], progress: Progress) -> Result:
    from regietafel.prognose.backtests import backtest_rows, backtest_steps, year_ahead_results

    chosen = list(dict.fromkeys(which))
    progress.start("terugblikkende toets", backtest_steps(chosen))
    rows = backtest_rows(chosen, progress.step)
    tables = [backtest_table(rows)]
    if "jaar" in which:
        year_columns = (
            Column("jaar", "jaar"),
            Column("start", "startdatum", "date"),
            Column("basis", "niveau uit"),
            Column("werkelijk", "werkelijk", "int"),
            Column("mediaan", "prognose mediaan", "int"),
            Column("p10", f"80{NBSP}%-band laag", "int"),
            Column("p90", f"80{NBSP}%-band hoog", "int"),
            Column("p10_geijkt", f"80{NBSP}%-band geijkt laag", "int"),
            Column("p90_geijkt", f"80{NBSP}%-band geijkt hoog", "int"),
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
                "ape": percent(y.ape),
            }
            for y in year_ahead_results()
        )  # fmt: skip
        tables.append(ResultTable("jaren", "Jaar vooruit, per jaar", year_columns, year_rows))
    return Result("Terugblikkende toets prognose", tuple(tables), {}, BACKTEST_NOTES)
