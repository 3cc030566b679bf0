"""The computation of ``taakstelling`` and ``verdeel``: core, reference data, tables. No Django."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from regietafel import reference
from regietafel.core.apportionment import Method
from regietafel.core.distribution import DistributionError, Unit, distribute
from regietafel.core.formatting import format_date_nl, format_int_nl
from regietafel.core.periods import Period, PeriodError
from regietafel.core.taakstelling import (
    MunicipalityShare,
    PreviousPeriod,
    TaakstellingError,
    compute_taakstelling,
)
from regietafel.errors import UserError
from regietafel.presentation.tables import Column, Format, OutputError, Result, ResultTable, emit
from regietafel.tabular import Row, RowReader, TableError, read_table, read_unit_values, unit_code

FIRST_PERIOD_YEAR = 2020


def _guard(action: Callable[[], Result]) -> Result:
    """Turn every domain error into a UserError with its Dutch message."""
    try:
        return action()
    except (
        TableError,
        PeriodError,
        TaakstellingError,
        DistributionError,
        reference.ReferenceDataError,
        OutputError,
    ) as error:
        raise UserError(str(error)) from None


def _emit(result: Result, arguments: argparse.Namespace, table: str | None = None) -> int:
    try:
        emit(result, Format(arguments.formaat), arguments.uitvoer, table=table)
    except OutputError as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(f"kan '{arguments.uitvoer}' niet schrijven ({error.strerror})") from None
    return 0


def _period(text: str) -> Period:
    period = Period.parse(text)
    last_year = reference.population_dates()[-1].year + 1
    if not FIRST_PERIOD_YEAR <= period.year <= last_year:
        raise PeriodError(
            f"onbekende periode {period.label}: regietafel kent de periodes "
            f"{FIRST_PERIOD_YEAR}-I t/m {last_year}-II"
        )
    return period


def run_taakstelling(arguments: argparse.Namespace) -> int:
    return _emit(_guard(lambda: taakstelling_result(arguments)), arguments, _table(arguments))


def _table(arguments: argparse.Namespace) -> str | None:
    if arguments.formaat == Format.CSV.value:
        return "regios" if getattr(arguments, "per", "gemeente") == "regio" else None
    return None


def taakstelling_result(arguments: argparse.Namespace) -> Result:
    period = _period(arguments.periode)
    on = arguments.peildatum or reference.default_population_date(period)
    municipalities = reference.municipalities(on)
    previous = _read_previous(arguments.realisatie, on) if arguments.realisatie else None
    regions = _read_regions(arguments.regio, on) if arguments.regio else None
    if arguments.per == "regio" and regions is None:
        raise UserError("--per regio kan alleen samen met --regio")
    province_names = {p.code: p.name for p in reference.provinces()}
    shares = [
        MunicipalityShare(m.code, m.name, province_names[m.province_code], m.inhabitants)
        for m in municipalities
    ]
    outcome = compute_taakstelling(
        municipalities=shares,
        total=arguments.totaal,
        method=Method(arguments.methode),
        previous=previous,
        regions=regions,
    )
    only = reference.province(arguments.provincie).name if arguments.provincie else None
    columns = [
        Column("gemeentecode", "Code"),
        Column("gemeente", "Gemeente"),
        Column("provincie", "Provincie"),
        Column("inwoners", "Inwoners", "int"),
        Column("quotum", "Quotum", "decimal"),
        Column("taakstelling", "Taakstelling", "int"),
    ]
    if outcome.with_arrears or previous is not None:
        columns += [
            Column("achterstand", "Achterstand", "int"),
            Column("gecorrigeerde_taakstelling", "Gecorrigeerd", "int"),
        ]
    if regions is not None:
        columns.append(Column("regio", "Regio"))
    rows = tuple(
        {
            "gemeentecode": r.code,
            "gemeente": r.name,
            "provincie": r.province,
            "inwoners": r.inhabitants,
            "quotum": r.quota,
            "taakstelling": r.taakstelling,
            "achterstand": r.arrears,
            "gecorrigeerde_taakstelling": r.corrected,
            "regio": r.region,
        }
        for r in outcome.rows
        if only is None or r.province == only
    )
    totals: dict[str, Any] = {
        "gemeentecode": "Totaal",
        "gemeente": f"{len(rows)} gemeenten",
        "inwoners": sum(int(r["inwoners"] or 0) for r in rows),
        "quotum": sum(float(r["quotum"] or 0) for r in rows),
        "taakstelling": sum(int(r["taakstelling"] or 0) for r in rows),
    }
    if previous is not None:
        totals["achterstand"] = sum(int(r["achterstand"] or 0) for r in rows)
        totals["gecorrigeerde_taakstelling"] = sum(
            int(r["gecorrigeerde_taakstelling"] or 0) for r in rows
        )
    tables = [
        ResultTable("gemeenten", "Per gemeente", tuple(columns), rows, totals),
    ]
    if outcome.regions is not None:
        region_columns = [
            Column("regio", "Regio"),
            Column("gemeenten", "Gemeenten", "int"),
            Column("inwoners", "Inwoners", "int"),
            Column("quotum", "Quotum", "decimal"),
            Column("regionale_taakstelling", "Regionaal", "int"),
            Column("som_lokale_taakstelling", "Som lokaal", "int"),
            Column("verschil", "Verschil", "int"),
        ]
        if previous is not None:
            region_columns += [
                Column("achterstand", "Achterstand", "int"),
                Column("regionaal_gecorrigeerd", "Regionaal gecorr.", "int"),
                Column("som_lokaal_gecorrigeerd", "Som lokaal gecorr.", "int"),
            ]
        region_rows = tuple(
            {
                "regio": g.region,
                "gemeenten": g.members,
                "inwoners": g.inhabitants,
                "quotum": g.quota,
                "regionale_taakstelling": g.regional_taakstelling,
                "som_lokale_taakstelling": g.local_taakstelling_sum,
                "verschil": g.difference,
                "achterstand": g.arrears,
                "regionaal_gecorrigeerd": g.regional_corrected,
                "som_lokaal_gecorrigeerd": g.local_corrected_sum,
            }
            for g in outcome.regions
        )
        tables.append(
            ResultTable(
                "regios",
                "Per regio: regionaal naast de som van lokaal",
                tuple(region_columns),
                region_rows,
            )
        )
    return Result(
        title=f"Taakstelling huisvesting vergunninghouders {period.label}",
        tables=tuple(tables),
        meta={
            "periode": period.label,
            "landelijk totaal": format_int_nl(arguments.totaal),
            "peildatum inwoners": format_date_nl(municipalities[0].population_date),
            "gemeentelijke indeling": format_date_nl(on),
            "methode": Method(arguments.methode).label,
            "provincie": only,
        },
        notes=(
            (
                "Bron inwoners: CBS (CC BY 4.0). Quotum = exact aandeel naar inwoners; "
                "taakstelling = afgerond op hele personen, samen precies het landelijke totaal."
            ),
        ),
    )


def _read_previous(path: Path, on: date) -> dict[str, PreviousPeriod]:
    table = read_table(path, required=["gemeentecode", "taakstelling", "gehuisvest"])
    reader = RowReader(table.file)
    reader.unique(table.rows, "gemeentecode")
    result: dict[str, PreviousPeriod] = {}
    for row in table.rows:
        code = _resolve_code(reader, row, on)
        task = reader.integer(row, "taakstelling", minimum=None)
        housed = reader.integer(row, "gehuisvest")
        if code is not None and task is not None and housed is not None and code not in result:
            result[code] = PreviousPeriod(task=task, housed=housed)
    reader.raise_if_errors()
    return result


def _resolve_code(reader: RowReader, row: Row, on: date) -> str | None:
    try:
        return reference.municipality(row.values["gemeentecode"], on).code
    except reference.ReferenceDataError as error:
        reader.error(row, "gemeentecode", str(error))
        return None


def _read_regions(spec: str, on: date) -> dict[str, str]:
    municipalities = reference.municipalities(on)
    if spec.strip().lower() == "provincie":
        names = {p.code: p.name for p in reference.provinces()}
        return {m.code: names[m.province_code] for m in municipalities}
    table = read_table(Path(spec), required=["gemeentecode", "regio"])
    reader = RowReader(table.file)
    reader.unique(table.rows, "gemeentecode")
    regions: dict[str, str] = {}
    for row in table.rows:
        code = _resolve_code(reader, row, on)
        name = reader.text(row, "regio")
        if code is not None and name:
            regions[code] = name
    missing = [m for m in municipalities if m.code not in regions]
    if missing and not reader.errors:
        reader.error(
            None,
            None,
            f"{len(missing)} gemeente(n) hebben geen regio, waaronder {missing[0].code} "
            f"({missing[0].name}); elke gemeente moet in een regio staan",
        )
    reader.raise_if_errors()
    return regions


def run_verdeel(arguments: argparse.Namespace) -> int:
    return _emit(_guard(lambda: verdeel_result(arguments)), arguments)


def verdeel_result(arguments: argparse.Namespace) -> Result:
    on = arguments.peildatum or reference.population_dates()[-1]
    level = arguments.niveau
    candidates = _level_units(level, on, arguments.provincie)
    if arguments.sleutel.strip().lower() == "inwoners":
        units = candidates
        key_label = "inwoners (CBS)"
    else:
        units = _read_key(Path(arguments.sleutel), candidates)
        key_label = f"eigen sleutel ({Path(arguments.sleutel).name})"
    if arguments.correctie:
        units = _apply_correction(arguments.correctie, units)
        key_label += f", gecorrigeerd met {arguments.correctie.name}"
    existing = _read_existing(arguments.bestaand, units) if arguments.bestaand else None
    if existing is not None:
        units = [Unit(u.code, u.name, u.weight, existing.get(u.code, 0)) for u in units]
    outcome = distribute(
        units,
        arguments.totaal,
        method=Method(arguments.methode),
        credit_existing=existing is not None,
        minimum=arguments.minimum,
        maximum=arguments.maximum,
    )
    integral = all(r.weight.denominator == 1 for r in outcome.rows)
    columns = [
        Column("code", "Code"),
        Column("naam", "Naam"),
        Column("gewicht", "Gewicht", "int" if integral else "decimal", 4),
        Column("quotum", "Quotum", "decimal"),
        Column("toewijzing", "Toewijzing", "int"),
    ]
    if existing is not None:
        columns[3:3] = [
            Column("bestaand", "Bestaand", "int"),
            Column("eerlijk_aandeel", "Eerlijk aandeel", "decimal", 1),
        ]
        columns.append(Column("na_verdeling", "Na verdeling", "int"))
    rows = tuple(
        {
            "code": r.code,
            "naam": r.name,
            "gewicht": int(r.weight) if integral else float(r.weight),
            "bestaand": r.existing,
            "eerlijk_aandeel": r.fair_share,
            "quotum": r.quota,
            "toewijzing": r.allocation,
            "na_verdeling": r.after if existing is not None else None,
        }
        for r in outcome.rows
    )
    totals: dict[str, Any] = {
        "code": "Totaal",
        "naam": f"{len(rows)} eenheden",
        "gewicht": sum(int(r.weight) if integral else float(r.weight) for r in outcome.rows),
        "quotum": sum(r.quota for r in outcome.rows),
        "toewijzing": sum(r.allocation for r in outcome.rows),
    }
    if existing is not None:
        totals["bestaand"] = sum(r.existing or 0 for r in outcome.rows)
        totals["eerlijk_aandeel"] = sum(r.fair_share or 0 for r in outcome.rows)
        totals["na_verdeling"] = sum(r.after for r in outcome.rows)
    method_note = (
        "Met bestaande capaciteit: eerlijk aandeel = gewicht/totaal gewicht x (bestaand + extra); "
        "de extra plekken vullen eenheden onder hun eerlijke aandeel aan tot één gelijk niveau."
        if existing is not None
        else "Quotum = exact aandeel naar gewicht; toewijzing = afgerond, samen precies het totaal."
    )
    return Result(
        title=f"Verdeling van {format_int_nl(arguments.totaal)} over "
        + ("provincies" if level == "provincie" else "gemeenten"),
        tables=(ResultTable("verdeling", "Verdeling", tuple(columns), rows, totals),),
        meta={
            "sleutel": key_label,
            "peildatum inwoners": format_date_nl(on),
            "methode": Method(arguments.methode).label,
            "minimum per eenheid": arguments.minimum,
            "maximum per eenheid": arguments.maximum,
        },
        notes=(method_note,),
    )


def _level_units(level: str, on: date, province_name: str | None) -> list[Unit]:
    municipalities = reference.municipalities(on)
    if level == "provincie":
        if province_name:
            raise UserError("--provincie hoort bij --niveau gemeente")
        totals: dict[str, int] = {}
        for m in municipalities:
            totals[m.province_code] = totals.get(m.province_code, 0) + m.inhabitants
        return [Unit(p.code, p.name, Fraction(totals[p.code])) for p in reference.provinces()]
    only = reference.province(province_name).code if province_name else None
    return [
        Unit(m.code, m.name, Fraction(m.inhabitants))
        for m in municipalities
        if only is None or m.province_code == only
    ]


def _read_key(path: Path, candidates: list[Unit]) -> list[Unit]:
    table = read_table(path, required=["code", "naam", "gewicht"])
    reader = RowReader(table.file)
    reader.unique(table.rows, "code")
    by_code = {u.code: u for u in candidates}
    units = []
    for row in table.rows:
        code = unit_code(reader, row, by_code)
        weight = reader.decimal(row, "gewicht")
        name = reader.text(row, "naam", required=False)
        if code is not None and weight is not None:
            units.append(Unit(code, name or by_code[code].name, weight))
    if not table.rows:
        reader.error(None, None, "het bestand bevat geen rijen")
    reader.raise_if_errors()
    return units


def _apply_correction(path: Path, units: list[Unit]) -> list[Unit]:
    factors = read_unit_values(
        path, column="factor", codes={u.code for u in units}, value=RowReader.decimal
    )
    return [
        Unit(u.code, u.name, u.weight * factors.get(u.code, Fraction(1)), u.existing) for u in units
    ]


def _read_existing(path: Path, units: list[Unit]) -> dict[str, int]:
    return read_unit_values(
        path, column="aantal", codes={u.code for u in units}, value=RowReader.integer
    )
