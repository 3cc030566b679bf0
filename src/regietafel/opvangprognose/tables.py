"""The forecast's tables, shared by the Prognose page, its CSV downloads, the API and the CLI.

No Django here: ``regietafel prognose`` builds the same tables without loading Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from regietafel.core import buffer_policies, forecast
from regietafel.core.catalogue import round_half_up
from regietafel.core.forecast import FloatArray
from regietafel.core.formatting import NBSP, NOT_APPLICABLE_TEXT
from regietafel.core.targets import UNIT_LABELS
from regietafel.presentation.tables import (
    Column,
    ResultTable,
    Value,
    format_int,
    measured,
)
from regietafel.prognose.backtests import BacktestRow
from regietafel.prognose.outlook import BufferSummary, DateNeed, Outlook, TargetChance

BAND_LABELS = (("p025", f"2,5{NBSP}%"), ("p10", f"10{NBSP}%"), ("p50", "mediaan"),
               ("p90", f"90{NBSP}%"), ("p975", f"97,5{NBSP}%"))  # fmt: skip
"""Column suffixes and headers of ``forecast.QUANTILE_LEVELS``, in that order."""


def whole(value: float) -> int:
    """Whole people or places, half up as on every surface (a median of 10.000 paths often
    ends in ,5; Python's ``round`` took it to the even number, the report up)."""
    return round_half_up(float(value))


def weeks_table(
    weeks: Sequence[date],
    occupancy: FloatArray,
    holders: FloatArray | None,
    need: FloatArray,
) -> ResultTable:
    """Per week the median and bands; without ``holders`` (a province) that block is left out."""
    measures: list[tuple[str, str, FloatArray]] = [
        ("bezetting", "bezetting", occupancy),
        ("nodig", "benodigde plekken", need),
    ]
    if holders is not None:
        measures.append(("vh", "vergunninghouders", holders))
    columns = [Column("week", "week (maandag)", "date")]
    for prefix, header, _values in measures:
        for key, label in BAND_LABELS:
            columns.append(Column(f"{prefix}_{key}", f"{header} {label}", "int"))
    rows: list[dict[str, Value]] = []
    for index, day in enumerate(weeks):
        row: dict[str, Value] = {"week": day.isoformat()}
        for prefix, _header, values in measures:
            for level, (key, _label) in enumerate(BAND_LABELS):
                row[f"{prefix}_{key}"] = whole(values[level][index])
        rows.append(row)
    return ResultTable("weken", "Per week: mediaan en banden", tuple(columns), tuple(rows))


def outlook_weeks_table(view: Outlook) -> ResultTable:
    return weeks_table(view.week_starts, view.occupancy, view.holders, view.need)


def date_columns(*, goals: bool) -> tuple[Column, ...]:
    """The target-date table's columns; the contracted chance counts a goal's places only
    where the table has goal rows, and its header says so only then."""
    plus = " (plus het doel)" if goals else ""
    return (
        Column("datum", "peildatum", "date"),
        Column("extra", "extra plekken", "int"),
        Column("nodig_p50", "nodig mediaan", "int"),
        Column("nodig_p90", f"nodig 90{NBSP}%", "int"),
        Column("nodig_p975", f"nodig 97,5{NBSP}%", "int"),
        Column("kans", "kans dat het genoeg is", "decimal", 3),
        Column("gecontracteerd", "plekken als niets wordt verlengd", "int"),
        Column("kans_gecontracteerd", f"kans dat die{plus} genoeg zijn", "decimal", 3),
        Column("erbij_p50", "erbij nodig (mediaan)", "int"),
        Column("erbij_p90", f"erbij nodig (90{NBSP}%)", "int"),
    )


def dates_title(capacity: int, source: str, *, contracted: bool, goals: bool) -> str:
    """The target-date table's title, naming goals only when the table has goal rows (the
    command's ``--doel``; the page's goals are in "Kans per doel")."""
    dates, plus = ("peildata en doelen", " plus het doel") if goals else ("peildata", "")
    title = (
        f"Benodigde plekken op {dates}, met de kans dat de capaciteit bij de start "
        f"({format_int(capacity)}: {source}){plus} genoeg is"
    )
    if contracted:
        return (
            f"{title}, en de plekken als geen contract wordt verlengd (locatieregister van de "
            "week), met wat erbij nodig is"
        )
    return f"{title} (zonder locatieregister geen plekken als niets wordt verlengd)"


def outlook_dates_table(view: Outlook) -> ResultTable:
    rows = tuple(_date_need_row(item) for item in view.dates)
    contracted = any(item.contracted is not None for item in view.dates)
    goals = any(item.extra for item in view.dates)
    title = dates_title(
        view.start_capacity, view.capacity_source, contracted=contracted, goals=goals
    )
    columns = date_columns(goals=goals)
    return ResultTable("peildata", title, columns, rows)


def _date_need_row(item: DateNeed) -> dict[str, Value]:
    chance = item.contracted_chance
    return {
        "datum": item.day.isoformat(), "extra": item.extra,
        "nodig_p50": whole(item.need_at(0.5)), "nodig_p90": whole(item.need_at(0.9)),
        "nodig_p975": whole(item.need_at(0.975)), "kans": round(item.chance_enough, 3),
        "gecontracteerd": item.contracted,
        "kans_gecontracteerd": None if chance is None else round(chance, 3),
        "erbij_p50": item.extra_needed(0.5), "erbij_p90": item.extra_needed(0.9),
    }  # fmt: skip


BUFFER_COLUMNS = (
    Column("beleid", "bufferbeleid"),
    Column("tekort_persoonweken", "tekort (persoonweken)", "int"),
    Column("kans_tekortweek", "kans ≥ 1 week tekort", "decimal", 3),
    Column("lege_plekweken", "lege plekweken", "int"),
    Column("openingen", "openingen", "decimal", 1),
    Column("sluitingen", "sluitingen", "decimal", 1),
    Column("kosten_mln", "kosten (mln euro)", "decimal", 1),
)


def buffer_title(*, national: bool = True) -> str:
    left_out = [p.label for p in buffer_policies.DEFAULT_POLICIES if p.national_only]
    note = "" if national or not left_out else f"; {', '.join(left_out)} alleen landelijk"
    return (
        f"Bufferbeleid vergeleken (levertijd {int(buffer_policies.LEAD_WEEKS.value)} weken, "
        f"blokken van {int(buffer_policies.BLOCK.value)} plekken; kosten regulier "
        f"{format_int(int(buffer_policies.COST_REGULAR.value))} en nood "
        f"{format_int(int(buffer_policies.COST_EMERGENCY.value))} euro per jaar, COA 2022{note})"
    )


def outlook_buffer_table(view: Outlook) -> ResultTable:
    """The buffer comparison of a scope; a province's title says which policies are national."""
    return buffer_table(view.buffers, national=view.province_index is None)


def buffer_table(outcomes: Sequence[BufferSummary], *, national: bool = True) -> ResultTable:
    rows: tuple[dict[str, Value], ...] = tuple(
        {
            "beleid": o.label,
            "tekort_persoonweken": whole(o.short_person_weeks),
            "kans_tekortweek": round(o.p_short_week, 3),
            "lege_plekweken": whole(o.empty_place_weeks),
            "openingen": round(o.openings, 1),
            "sluitingen": round(o.closings, 1),
            "kosten_mln": round(o.cost_million, 1),
        }
        for o in outcomes
    )
    return ResultTable("bufferbeleid", buffer_title(national=national), BUFFER_COLUMNS, rows)


def buffer_sources_table() -> ResultTable:
    """The assumptions of the buffer comparison, each with its source."""
    parameters = (
        buffer_policies.LEAD_WEEKS, buffer_policies.BLOCK,
        buffer_policies.COST_REGULAR, buffer_policies.COST_EMERGENCY,
    )  # fmt: skip
    return parameters_table(parameters, name="bufferbronnen", title="Aannames bufferbeleid")


def parameters_table(
    parameters: Sequence[forecast.Parameter],
    *,
    name: str = "parameters",
    title: str = "Parameters en bronnen",
) -> ResultTable:
    columns = (
        Column("parameter", "parameter"),
        Column("waarde", "waarde", "number", None),
        Column("bron", "bron"),
    )
    rows: tuple[dict[str, Value], ...] = tuple(
        {"parameter": p.name, "waarde": measured(p.value), "bron": p.source} for p in parameters
    )
    return ResultTable(name, title, columns, rows)


def outlook_parameters_table(view: Outlook) -> ResultTable:
    """The run's parameters; in a province the title says they are the national model's (a
    province gets its share of the national occupancy per path), so "bezetting bij de start
    33.900" beside a province's 5.066 is not read as the province's."""
    if view.province_index is None:
        return parameters_table(view.run.parameters())
    title = (
        f"Parameters en bronnen (landelijk model; {view.scope_name} krijgt per pad een aandeel "
        "van de landelijke bezetting)"
    )
    return parameters_table(view.run.parameters(), title=title)


def percent(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


BACKTEST_COLUMNS = (
    Column("reeks", "reeks"),
    Column("horizon", "horizon"),
    Column("startpunten", "startpunten"),
    Column("n", "n", "int"),
    Column("mape", "MAPE %", "decimal", 1),
    Column("mape_13w", "MAPE 13-wk-gem. %", "decimal", 1),
    Column("mase_13w", "MASE t.o.v. 13-wk-gem.", "decimal", 2),
    Column("mase_sn", "MASE t.o.v. seizoensnaïef", "decimal", 2),
    Column("n_sn", "n seizoensnaïef", "int"),
    Column("dekking80", f"dekking 80{NBSP}%-band %", "decimal", 1),
    Column("dekking80_geijkt", f"dekking 80{NBSP}%-band geijkt %", "decimal", 1),
    Column("dekking95", f"dekking 95{NBSP}%-band %", "decimal", 1),
    Column("dekking95_geijkt", f"dekking 95{NBSP}%-band geijkt %", "decimal", 1),
    Column("n_geijkt80", f"n geijkt 80{NBSP}%", "int"),
    Column("n_geijkt95", f"n geijkt 95{NBSP}%", "int"),
    Column("mdape", "mediane APE %", "decimal", 1),
)


def score_row(line: BacktestRow) -> dict[str, Value]:
    score = line.score
    return {
        "reeks": line.series,
        "horizon": line.horizon,
        "startpunten": line.origins_label,
        "n": score.origins,
        "mape": percent(score.mape),
        "mape_13w": percent(score.mape_mean),
        "mase_13w": None if score.mase_mean is None else round(score.mase_mean, 2),
        "mase_sn": None if score.mase_seasonal is None else round(score.mase_seasonal, 2),
        "n_sn": score.seasonal_origins,
        "dekking80": percent(score.coverage80),
        "dekking80_geijkt": percent(score.coverage80_calibrated),
        "dekking95": percent(score.coverage95),
        "dekking95_geijkt": percent(score.coverage95_calibrated),
        "n_geijkt80": score.conformal80_origins,
        "n_geijkt95": score.conformal95_origins,
        "mdape": percent(score.median_ape),
    }


def backtest_table(lines: Sequence[BacktestRow]) -> ResultTable:
    return ResultTable(
        "backtest",
        "Terugblikkende toets van de instroomprognose",
        BACKTEST_COLUMNS,
        tuple(score_row(line) for line in lines),
    )


TARGET_COLUMNS = (
    Column("doel", "doel"),
    Column("aantal", "omvang doel", "int"),
    Column("eenheid", "eenheid"),
    Column("deadline", "deadline", "date"),
    Column("capaciteit", "capaciteit nu", "int"),
    # A chance that cannot be computed (a target in locations, a deadline outside the run,
    # no register to count contracted places in) does not exist: "n.v.t.", the note says why.
    Column("kans", "kans dat het genoeg is", "decimal", 3, none_text=NOT_APPLICABLE_TEXT),
    Column("gecontracteerd", "plekken op de deadline als niets wordt verlengd", "int",
           none_text=NOT_APPLICABLE_TEXT),
    Column("kans_gecontracteerd", "kans dat die plus het doel genoeg zijn", "decimal", 3,
           none_text=NOT_APPLICABLE_TEXT),
    Column("toelichting", "toelichting"),
)  # fmt: skip


def target_chances_table(chances: Sequence[TargetChance]) -> ResultTable:
    """Per target the chance that today's capacity plus the target covers the need then, and
    the same on top of the places still contracted on the deadline."""
    rows: tuple[dict[str, Value], ...] = tuple(
        {
            "doel": c.target.title,
            "aantal": c.target.quantity,
            "eenheid": UNIT_LABELS[c.target.unit],
            "deadline": c.target.deadline.isoformat(),
            "capaciteit": c.capacity_now,
            "kans": None if c.chance is None else round(c.chance, 3),
            "gecontracteerd": c.contracted,
            "kans_gecontracteerd": (
                None if c.contracted_chance is None else round(c.contracted_chance, 3)
            ),
            "toelichting": c.note,
        }
        for c in chances
    )
    return ResultTable(
        "doelkansen",
        "Kans dat de capaciteit nu plus het doel de behoefte op de deadline dekt, en dezelfde "
        "kans met alleen de plekken die op de deadline nog gecontracteerd zijn",
        TARGET_COLUMNS,
        rows,
        empty="Voor dit gebied is geen doel vastgelegd.",
    )
