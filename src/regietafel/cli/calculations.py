"""The computation of ``taakstelling`` and ``verdeel``: core, reference data, tables. No Django.

The arguments are declared in :mod:`regietafel.cli.computations`, which imports this module
only when one of the two commands runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

from regietafel import reference
from regietafel.cli.output import emit_result
from regietafel.core.apportionment import Method
from regietafel.core.distribution import (
    DistributionError,
    DistributionResult,
    Rule,
    Unit,
    distribute,
)
from regietafel.core.formatting import count_nl, format_date_nl, format_int_nl
from regietafel.core.periods import Period, PeriodError
from regietafel.core.taakstelling import (
    MunicipalityShare,
    PreviousPeriod,
    TaakstellingError,
    carry_over_arrears,
    compute_taakstelling,
)
from regietafel.errors import UserError
from regietafel.presentation.tables import Column, Format, OutputError, Result, ResultTable
from regietafel.reference.regions import REGION_KINDS, membership, regions
from regietafel.reference.taakstelling_totals import (
    PublishedTotal,
    published_total,
    versions_of,
)
from regietafel.tabular import Row, RowReader, TableError, read_table

FIRST_PERIOD_YEAR = 2020

T = TypeVar("T")


def _version_text(published: PublishedTotal | None) -> str | None:
    if published is None:
        return None
    count = len(versions_of(published.period))
    text = f"{published.version} van {count}, vastgesteld {format_date_nl(published.decided_on)}"
    return text + (" (gepubliceerd als afgerond getal)" if published.approximate else "")


def _guard(action: Callable[[], Result]) -> Result:
    """Turn every domain error into a UserError with its Dutch message."""
    try:
        return action()
    except TableError as error:
        raise UserError(_all_errors(error)) from None
    except (
        PeriodError,
        TaakstellingError,
        DistributionError,
        reference.ReferenceDataError,
        OutputError,
    ) as error:
        raise UserError(str(error)) from None


SHOWN_ERRORS = 10
"""How many errors of one refused file the one line names; more are counted."""


def _all_errors(error: TableError) -> str:
    """Every error of a refused file on the one line (up to :data:`SHOWN_ERRORS`): the user
    fixes them all at once instead of learning of the next one at each try."""
    shown = "; ".join(str(cell) for cell in error.errors[:SHOWN_ERRORS]) or str(error)
    rest = len(error.errors) - SHOWN_ERRORS
    return (
        shown
        if rest <= 0
        else f"{shown}; en nog {format_int_nl(rest)} andere fout" + ("en" if rest > 1 else "")
    )


def _emit(result: Result, arguments: argparse.Namespace, table: str | None = None) -> int:
    return emit_result(result, arguments, table=table)


def _period(text: str) -> Period:
    period = Period.parse(text)
    last_year = reference.population_dates()[-1].year + 1
    if not FIRST_PERIOD_YEAR <= period.year <= last_year:
        raise PeriodError(
            f"onbekende periode {period.label}: regietafel kent de periodes "
            f"{FIRST_PERIOD_YEAR}-I t/m {last_year}-II"
        )
    return period


def _peildatum(asked: date | None, default: date) -> tuple[date, tuple[str, ...]]:
    """The date to read inhabitants and the municipal division on, and a note when the
    inhabitants are of another date than asked. A typed ``--peildatum`` after the newest CBS
    figures is computed with those figures (the note says so, the output shows their date);
    one past the year after them is refused: no division or period of then is known."""
    if asked is None:
        return default, ()
    newest = reference.population_dates()[-1]
    last = date(newest.year + 1, 12, 31)
    if asked > last:
        raise UserError(
            f"--peildatum: {format_date_nl(asked)} ligt te ver na de nieuwste inwonertallen "
            f"(CBS, {format_date_nl(newest)}); kies een peildatum tot en met {format_date_nl(last)}"
        )
    if asked > newest:
        note = (
            f"Peildatum {format_date_nl(asked)} ligt na de nieuwste inwonertallen: gerekend met "
            f"de inwoners (CBS) op {format_date_nl(newest)}."
        )
        return asked, (note,)
    return asked, ()


def run_taakstelling(arguments: argparse.Namespace) -> int:
    return _emit(_guard(lambda: taakstelling_result(arguments)), arguments, _table(arguments))


def _table(arguments: argparse.Namespace) -> str | None:
    if arguments.formaat == Format.CSV.value:
        return "regios" if getattr(arguments, "per", "gemeente") == "regio" else None
    return None


def _national_total(
    period: Period, total: int | None, version: int | None
) -> tuple[int, PublishedTotal | None, PublishedTotal | None]:
    """The total to apportion, the published version it is (if any) and that version's
    predecessor. ``--totaal`` and ``--versie`` together are refused: one number, one source."""
    if total is not None and version is not None:
        raise UserError("kies --totaal of --versie, niet allebei")
    if total is not None:
        return total, None, None
    chosen = published_total(period.label, version)
    earlier = [v for v in versions_of(period.label) if v.version < chosen.version]
    return chosen.national_total, chosen, earlier[-1] if earlier else None


def taakstelling_result(arguments: argparse.Namespace) -> Result:
    period = _period(arguments.periode)
    total, published, previous_version = _national_total(
        period, arguments.totaal, getattr(arguments, "versie", None)
    )
    on, population_note = _peildatum(arguments.peildatum, reference.default_population_date(period))
    municipalities = reference.municipalities(on)
    only = reference.province(arguments.provincie).name if arguments.provincie else None
    previous = (
        _read_previous(arguments.realisatie, period, on, province_name=only)
        if arguments.realisatie
        else None
    )
    carried = _carry_over(previous, on) if previous is not None else None
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
        total=total,
        method=Method(arguments.methode),
        arrears=carried,
        regions=regions,
    )
    before: dict[str, int] = {}
    earlier = None
    if previous_version is not None:
        earlier = compute_taakstelling(
            municipalities=shares,
            total=previous_version.national_total,
            method=Method(arguments.methode),
        )
        before = {r.code: r.taakstelling for r in earlier.rows}
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
    if before:
        columns += [
            Column(
                "vorige_versie",
                f"Versie {previous_version.version if previous_version else ''}",
                "int",
            ),
            Column("verschil", "Verschil", "int"),
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
            "vorige_versie": before.get(r.code),
            "verschil": r.taakstelling - before[r.code] if r.code in before else None,
            "regio": r.region,
        }
        for r in outcome.rows
        if only is None or r.province == only
    )
    summed = outcome.totals(only)
    totals: dict[str, Any] = {
        "gemeentecode": "Totaal",
        "gemeente": f"{summed.municipalities} gemeenten",
        "inwoners": summed.inhabitants,
        "quotum": summed.quota,
        "taakstelling": summed.taakstelling,
    }
    if earlier is not None:
        totals["vorige_versie"] = earlier.totals(only).taakstelling
        totals["verschil"] = outcome.change_from(earlier, only)
    if previous is not None:
        # None (an empty cell) when any municipality's arrears are unknown, never 0.
        totals["achterstand"] = summed.arrears
        totals["gecorrigeerde_taakstelling"] = summed.corrected
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
            "landelijk totaal": format_int_nl(total),
            "versie": _version_text(published),
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
            *population_note,
            *((f"Bron landelijk totaal: {published.source}",) if published else ()),
            *_carry_over_notes(previous, on, only),
        ),
    )


def _read_previous(
    path: Path, period: Period, on: date, *, province_name: str | None = None
) -> dict[str, PreviousPeriod]:
    """The previous period per municipality, keyed by the codes of that period's division.

    A code of a municipality that was merged or split between that division and ``on`` is
    accepted: its arrears go to its heirs (``_carry_over``), as the web service does. A code
    that did not exist in the previous period's division is an error naming its successor.
    Every municipality of that division (of ``province_name`` when one province is shown)
    must be in the file, as in the import of a realisation: a missing row would read as
    arrears 0 (a file with only its header gave "Achterstand 0" everywhere).
    """
    previous = period.previous
    previous_on = max(reference.default_population_date(previous), reference.population_dates()[0])
    table = read_table(path, required=["gemeentecode", "taakstelling", "gehuisvest"])
    reader = RowReader(table.file)
    reader.unique(table.rows, "gemeentecode")
    result: dict[str, PreviousPeriod] = {}
    for row in table.rows:
        code = _previous_code(reader, row, previous_on, previous.label)
        task = reader.integer(row, "taakstelling", minimum=None)
        housed = reader.integer(row, "gehuisvest")
        if code is not None and task is not None and housed is not None and code not in result:
            result[code] = PreviousPeriod(task=task, housed=housed)
    reader.raise_if_errors()
    expected = [
        m
        for m in reference.municipalities(previous_on)
        if province_name is None or reference.province(m.province_code).name == province_name
    ]
    missing = [m for m in expected if m.code not in result]
    if missing:
        shown = ", ".join(f"{m.code} {m.name}" for m in missing[:10])
        more = f" en nog {len(missing) - 10}" if len(missing) > 10 else ""
        reader.error(
            None,
            "gemeentecode",
            f"{count_nl(len(missing), 'gemeente', 'gemeenten')} van periode {previous.label} "
            f"ontbreken: {shown}{more}; een realisatie bevat elke gemeente, met gehuisvest 0 "
            "voor een gemeente die niemand huisvestte",
        )
        reader.raise_if_errors()
    return result


def _previous_code(reader: RowReader, row: Row, previous_on: date, label: str) -> str | None:
    """The code as a municipality of the previous period's division, or a cell error."""
    try:
        return reference.municipality(row.values["gemeentecode"], previous_on).code
    except reference.MunicipalityMergedError as error:
        reader.error(row, "gemeentecode", f"{error} (het bestand hoort bij periode {label})")
    except reference.ReferenceDataError as error:
        reader.error(row, "gemeentecode", str(error))
    return None


def _carry_over(previous: dict[str, PreviousPeriod], on: date) -> dict[str, int]:
    """Arrears per municipality of ``on``: merged and split codes hand theirs to their heirs."""
    arrears = {code: prior.arrears for code, prior in previous.items()}
    return carry_over_arrears(arrears=arrears, successors=reference.successors_of_gone(arrears, on))


def _carry_over_notes(
    previous: dict[str, PreviousPeriod] | None, on: date, province_name: str | None
) -> tuple[str, ...]:
    """One line per reorganised code of the previous period: where its arrears went (only
    to municipalities of ``province_name`` when the output shows one province)."""
    if previous is None:
        return ()
    current = {m.code: m for m in reference.municipalities(on)}
    names = {code: m.name for code, m in current.items()}
    shown = {
        code
        for code, m in current.items()
        if province_name is None or reference.province(m.province_code).name == province_name
    }
    lines = []
    for code, heirs in sorted(reference.successors_of_gone(previous, on).items()):
        if not any(heir in shown for heir, _ in heirs):
            continue
        old_name = next((m.old_name for m in reference.mergers() if m.old_code == code), code)
        receivers = ", ".join(f"{heir} ({names[heir]})" for heir, _ in heirs)
        lines.append(
            f"Herindeling: achterstand/voorsprong van {code} ({old_name}) "
            f"overgedragen aan {receivers}."
        )
    return tuple(lines)


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
    if spec.strip().lower() in REGION_KINDS:
        return {code: region.name for code, region in membership(spec, on).items()}
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


LEVELS: dict[str, str] = {
    "provincie": "provincies",
    "gemeente": "gemeenten",
    "veiligheidsregio": "veiligheidsregio's",
    "arbeidsmarktregio": "arbeidsmarktregio's",
}
"""``--niveau`` choices and the plural the title uses."""


def verdeel_result(arguments: argparse.Namespace) -> Result:
    on, population_note = _peildatum(arguments.peildatum, reference.population_dates()[-1])
    level: str | None = arguments.niveau
    own_key = arguments.sleutel.strip().lower() != "inwoners"
    rule = _rule(arguments)
    if arguments.totaal is None and not (rule is Rule.AANDEEL and arguments.geheel is not None):
        raise UserError(
            "niet opgegeven, maar verplicht: --totaal (alleen --regel aandeel met --geheel kan "
            "zonder)"
        )
    if arguments.geheel is not None and rule is not Rule.AANDEEL:
        raise UserError("--geheel hoort bij --regel aandeel")
    if level is None and not own_key:
        raise UserError(
            "geef --niveau (provincie, gemeente, veiligheidsregio of arbeidsmarktregio) "
            "of een eigen sleutel met --sleutel BESTAND"
        )
    if level is None:
        if arguments.provincie:
            raise UserError("--provincie hoort bij --niveau gemeente")
        units = _read_free_key(Path(arguments.sleutel))
        key_label = f"eigen sleutel ({Path(arguments.sleutel).name})"
        over = f"de eenheden uit {Path(arguments.sleutel).name}"
    else:
        candidates = _level_units(level, on, arguments.provincie)
        over = LEVELS[level]
        if own_key:
            units = _read_key(Path(arguments.sleutel), candidates, on)
            key_label = f"eigen sleutel ({Path(arguments.sleutel).name})"
        else:
            units = candidates
            key_label = "inwoners (CBS)"
    if arguments.correctie:
        units = _apply_correction(arguments.correctie, units, on)
        key_label += f", gecorrigeerd met {arguments.correctie.name}"
    existing = _read_existing(arguments.bestaand, units, on) if arguments.bestaand else None
    if existing is not None:
        units = [Unit(u.code, u.name, u.weight, existing.get(u.code, 0)) for u in units]
    total = arguments.totaal or 0
    outcome = distribute(
        units,
        total,
        method=Method(arguments.methode),
        rule=rule,
        whole=arguments.geheel,
        minimum=arguments.minimum,
        maximum=arguments.maximum,
    )
    return Result(
        title=_verdeel_title(outcome, over),
        tables=(_verdeel_table(outcome, given_file=existing is not None),),
        meta={
            "regel": rule.label,
            "geheel": format_int_nl(outcome.whole) if outcome.whole is not None else None,
            "sleutel": key_label,
            "peildatum inwoners": (
                format_date_nl(reference.municipalities(on)[0].population_date)
                if level is not None
                else None
            ),
            "methode": Method(arguments.methode).label,
            "minimum per eenheid": arguments.minimum,
            "maximum per eenheid": arguments.maximum,
        },
        notes=(*(population_note if level is not None else ()), *_verdeel_notes(outcome)),
    )


def _rule(arguments: argparse.Namespace) -> Rule:
    if arguments.regel:
        return Rule(arguments.regel)
    return Rule.AANVULLEN if arguments.bestaand else Rule.EXTRA


def _verdeel_title(outcome: DistributionResult, over: str) -> str:
    if outcome.rule is Rule.AANDEEL:
        whole = format_int_nl(outcome.whole or 0)
        return f"Opgave naar aandeel in {whole} plekken over {over}"
    return f"Verdeling van {format_int_nl(outcome.total)} over {over}"


def _verdeel_table(outcome: DistributionResult, *, given_file: bool) -> ResultTable:
    integral = all(r.weight.denominator == 1 for r in outcome.rows)
    credited = outcome.rule is not Rule.EXTRA
    shows_existing = credited or given_file
    columns = [
        Column("code", "Code"),
        Column("naam", "Naam"),
        Column("gewicht", "Gewicht", "int" if integral else "decimal", 4),
        Column("quotum", "Quotum", "decimal"),
    ]
    if credited:
        columns.append(Column("eerlijk_aandeel", "Eerlijk aandeel", "decimal", 1))
    if outcome.rule is Rule.AANDEEL:
        columns.append(Column("aandeel", "Aandeel", "int"))
    if shows_existing:
        columns.append(Column("bestaand", "Bestaand", "int"))
    columns.append(
        Column("toewijzing", "Nieuw" if outcome.rule is Rule.AANDEEL else "Toewijzing", "int")
    )
    if shows_existing:
        columns.append(Column("na_verdeling", "Na verdeling", "int"))
    rows = tuple(
        {
            "code": r.code,
            "naam": r.name,
            "gewicht": int(r.weight) if integral else float(r.weight),
            "quotum": r.quota,
            "eerlijk_aandeel": r.fair_share,
            "aandeel": r.share,
            "bestaand": r.held if shows_existing else None,
            "toewijzing": r.allocation,
            "na_verdeling": r.held_after if shows_existing else None,
        }
        for r in outcome.rows
    )
    totals: dict[str, Any] = {
        "code": "Totaal",
        "naam": f"{len(rows)} eenheden",
        "gewicht": int(outcome.weight_total) if integral else float(outcome.weight_total),
        "quotum": outcome.quota_total,
        "toewijzing": outcome.allocated,
    }
    if credited:
        totals["eerlijk_aandeel"] = outcome.fair_share_total
    if outcome.rule is Rule.AANDEEL:
        totals["aandeel"] = outcome.share_total
    if shows_existing:
        # Under "extra" the core counts no places; the given file's count is shown as read.
        totals["bestaand"] = outcome.held_total
        totals["na_verdeling"] = outcome.held_after_total
    return ResultTable("verdeling", "Verdeling", tuple(columns), rows, totals)


def _verdeel_notes(outcome: DistributionResult) -> tuple[str, ...]:
    if outcome.rule is Rule.EXTRA:
        return (
            "Quotum = exact aandeel naar gewicht; toewijzing = afgerond, samen precies het totaal.",
        )
    if outcome.rule is Rule.AANVULLEN:
        return (
            (
                "Eerlijk aandeel = gewicht/totaal gewicht x (bestaand + extra); de extra plekken "
                "vullen eenheden onder hun eerlijke aandeel aan tot één gelijk niveau."
            ),
        )
    notes = [
        (
            "Eerlijk aandeel = gewicht/totaal gewicht x geheel; aandeel = afgerond, samen "
            "precies het geheel; nieuw = aandeel min bestaand, nooit minder dan 0."
        ),
    ]
    if outcome.allocated > outcome.total and outcome.total:
        notes.append(
            f"Samen {format_int_nl(outcome.allocated)} nieuwe plekken, meer dan de "
            f"{format_int_nl(outcome.total)} te verdelen: wie boven het aandeel zit, verlaagt "
            "de opgave van anderen niet."
        )
    return tuple(notes)


def _level_units(level: str, on: date, province_name: str | None) -> list[Unit]:
    municipalities = reference.municipalities(on)
    if level in REGION_KINDS:
        if province_name:
            raise UserError("--provincie hoort bij --niveau gemeente")
        members = membership(level, on)
        weights: dict[str, int] = {}
        for m in municipalities:
            code = members[m.code].code
            weights[code] = weights.get(code, 0) + m.inhabitants
        return [Unit(r.code, r.name, Fraction(weights.get(r.code, 0))) for r in regions(level)]
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


def _unit_code(reader: RowReader, row: Row, codes: Mapping[str, str], on: date) -> str | None:
    """The unit a row's ``code`` names, or a located error that says why not.

    ``codes`` maps each unit's lookup key (upper case, no spaces) to its code. Municipality
    codes are normalised (``363`` -> ``GM0363``); a code of a municipality that no longer
    exists on ``on`` names the municipality or municipalities it went into.
    """
    raw = row.values.get("code", "")
    key = raw.strip().upper()
    if key in codes:
        return codes[key]
    if key.startswith("GM") or key.isdigit():
        try:
            normal = reference.normalise_code(raw)
            if normal in codes:
                return codes[normal]
            reference.municipality(normal, on)
        except reference.MunicipalityMergedError as error:
            reader.error(row, "code", str(error))
            return None
        except reference.ReferenceDataError as error:
            if key.startswith("GM"):
                reader.error(row, "code", str(error))
                return None
    reader.error(row, "code", f"onbekende code '{raw}' voor deze verdeling")
    return None


def _lookup(units: list[Unit]) -> dict[str, str]:
    return {u.code.strip().upper(): u.code for u in units}


def _read_free_key(path: Path) -> list[Unit]:
    """A key file that defines its own units: any codes, names optional, weights required."""
    table = read_table(path, required=["code", "naam", "gewicht"])
    reader = RowReader(table.file)
    units: list[Unit] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        code = reader.text(row, "code")
        weight = reader.decimal(row, "gewicht")
        name = reader.text(row, "naam", required=False)
        key = code.upper()
        if code and key in seen:
            reader.error(row, "code", f"'{code}' staat ook al in rij {seen[key]}")
            continue
        if code:
            seen[key] = row.number
        if code and weight is not None:
            units.append(Unit(code, name or code, weight))
    if not table.rows:
        reader.error(None, None, "het bestand bevat geen rijen")
    reader.raise_if_errors()
    return units


def _read_key(path: Path, candidates: list[Unit], on: date) -> list[Unit]:
    table = read_table(path, required=["code", "naam", "gewicht"])
    reader = RowReader(table.file)
    reader.unique(table.rows, "code")
    by_code = {u.code: u for u in candidates}
    lookup = _lookup(candidates)
    units = []
    for row in table.rows:
        code = _unit_code(reader, row, lookup, on)
        weight = reader.decimal(row, "gewicht")
        name = reader.text(row, "naam", required=False)
        if code is not None and weight is not None:
            units.append(Unit(code, name or by_code[code].name, weight))
    if not table.rows:
        reader.error(None, None, "het bestand bevat geen rijen")
    reader.raise_if_errors()
    return units


def _read_unit_file(
    path: Path,
    column: str,
    units: list[Unit],
    on: date,
    value: Callable[[RowReader, Row, str], T | None],
) -> dict[str, T]:
    """A two-column file ``code,<column>`` for the units of this distribution."""
    table = read_table(path, required=["code", column])
    reader = RowReader(table.file)
    reader.unique(table.rows, "code")
    lookup = _lookup(units)
    values: dict[str, T] = {}
    for row in table.rows:
        code = _unit_code(reader, row, lookup, on)
        parsed = value(reader, row, column)
        if code is not None and parsed is not None:
            values[code] = parsed
    reader.raise_if_errors()
    return values


def _apply_correction(path: Path, units: list[Unit], on: date) -> list[Unit]:
    factors = _read_unit_file(path, "factor", units, on, RowReader.decimal)
    return [
        Unit(u.code, u.name, u.weight * factors.get(u.code, Fraction(1)), u.existing) for u in units
    ]


def _read_existing(path: Path, units: list[Unit], on: date) -> dict[str, int]:
    return _read_unit_file(path, "aantal", units, on, RowReader.integer)
