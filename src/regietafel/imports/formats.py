"""The weekly file formats, declared as data.

One declaration drives the validation (``validation.py``), the formats page, the empty
templates and is checked against ``docs/bestandsformaten.md`` by a test. A column says what
it holds (``ColumnType``), whether it is required, whether its value must be unique in the
file, which field of the stored row it fills, and gives a Dutch description and an example.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from regietafel import reference
from regietafel.core import mpp
from regietafel.core.capacity import location_problems
from regietafel.core.formatting import format_date_nl, format_int_nl
from regietafel.core.periods import IsoWeek, Period
from regietafel.core.rules import QUALITY_BY_TYPE, Durability, LocationType
from regietafel.imports.models import Kind
from regietafel.opvang.models import SeriesMetric


class ColumnType(StrEnum):
    """How a cell is read; ``label`` is the Dutch type name on the formats page."""

    TEXT = "tekst"
    INTEGER = "geheel getal"
    DATE = "datum"
    MUNICIPALITY = "gemeentecode"
    LOCATION_TYPE = "soort locatie"
    METRIC = "reeks"
    YES_NO = "ja/nee"
    PERIOD = "periode"
    WEEK = "week"
    DURABILITY = "looptijd"
    QUALITY = "kwaliteitsnorm"
    SAFETY_REGION = "veiligheidsregio"
    SCENARIO = "scenario"

    @property
    def label(self) -> str:
        return str(self.value)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType
    description: str
    example: str
    required: bool = True
    unique: bool = False
    field: str | None = None
    """The stored row's field this column fills; None for a column that is only checked."""
    default: Callable[[Mapping[str, Any]], Any] | None = None
    """Value for an empty optional cell, from the row's other parsed fields."""
    max_length: int = 200
    """Longest text the database column holds (text columns)."""


RowRule = Callable[[Mapping[str, Any]], list[tuple[str, str]]]
"""A rule across fields of one parsed row: returns (field, Dutch message) per broken rule."""

ParsedRow = tuple[int, Mapping[str, Any]]
"""A row's number in the file and its parsed values (by field)."""
FileProblem = tuple[int | None, str | None, str]
FileRule = Callable[[Sequence[ParsedRow], IsoWeek], list[FileProblem]]
"""A rule across the rows of one file of a week: returns (row number or None, column, Dutch
message) per broken rule."""


@dataclass(frozen=True, slots=True)
class FileFormat:
    kind: Kind
    description: str
    columns: tuple[Column, ...]
    row_rules: tuple[RowRule, ...] = ()
    file_rules: tuple[FileRule, ...] = ()
    complete_rules: tuple[FileRule, ...] = ()
    """Rules about what the whole file must hold, checked once every row reads (a file with
    unreadable rows gets those errors first, not a list of what then seems missing)."""
    example_rows: tuple[tuple[str, ...], ...] = ()
    """The template's example rows when one row is not a valid file (default: the columns'
    examples as one row)."""
    template_rows: Callable[[IsoWeek], tuple[tuple[str, ...], ...]] | None = None
    """The template's rows for a week when the file must hold a fixed set of rows (every
    municipality): real rows, unmarked, with the cells the user fills in left empty. None:
    the marked example rows."""

    @property
    def examples(self) -> tuple[tuple[str, ...], ...]:
        return self.example_rows or (tuple(c.example for c in self.columns),)

    @property
    def title(self) -> str:
        return str(self.kind.label)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if not c.required)


def _location_type_choices() -> str:
    return ", ".join(f"{t.value} ({t.label})" for t in LocationType)


def _metric_choices() -> str:
    return ", ".join(f"{m.value} ({m.label})" for m in SeriesMetric)


def _location_rules(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The register's own rules (occupancy within capacity, end not before start)."""
    fields = ("capacity", "occupancy", "start_date")
    if any(values.get(f) is None for f in fields):
        return []  # a cell that could not be read has been reported already
    return [
        ("end_date" if field == "end" else field, message)
        for field, message in location_problems(
            capacity=values["capacity"],
            occupancy=values["occupancy"],
            start=values["start_date"],
            end=values.get("end_date"),
        )
    ]


LOCATION_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
"""Letters, digits, dot, hyphen and underscore: a code is part of page addresses."""


def _location_code_rule(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    code = values.get("code")
    if code and not LOCATION_CODE.match(code):
        message = (
            f"locatiecode '{code}' mag alleen letters, cijfers, punt, koppelteken en liggend "
            "streepje bevatten (geen spatie of /)"
        )
        return [("code", message)]
    return []


def _confidential_default(values: Mapping[str, Any]) -> bool:
    return values.get("type") == LocationType.AMV


def _quality_default(values: Mapping[str, Any]) -> str:
    """The standard the location type implies; sober and hotel stay unknown ("")."""
    kind = values.get("type")
    if kind is None:
        return ""
    quality = QUALITY_BY_TYPE.get(LocationType(kind))
    return "" if quality is None else quality.value


def _contract_rules(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A temporary location needs its contract end; an extension option needs an end to extend."""
    problems: list[tuple[str, str]] = []
    if values.get("durability") == Durability.TIJDELIJK and values.get("end_date") is None:
        problems.append(
            ("end_date", "een tijdelijke locatie heeft een einddatum (einde van het contract)")
        )
    if values.get("extension_option") is True and values.get("end_date") is None:
        problems.append(
            ("extension_option", "een verlengingsoptie hoort bij een locatie met een einddatum")
        )
    return problems


WEEK_COLUMN = Column(
    "week",
    ColumnType.WEEK,
    "ISO-week van de gegevens; als de kolom er is, moet elke rij de week van de import hebben.",
    "2021-W45",
    required=False,
)

LOCATIES = FileFormat(
    Kind.LOCATIES,
    "Alle opvanglocaties zoals ze op de maandag van de week bestaan, één rij per locatie.",
    (
        Column(
            "locatiecode",
            ColumnType.TEXT,
            "Vaste code van de locatie; uniek in het bestand.",
            "AZC-ASD-01",
            unique=True,
            field="code",
            max_length=40,
        ),
        Column(
            "naam",
            ColumnType.TEXT,
            "Naam van de locatie.",
            "azc Amsterdam Willinklaan",
            field="name",
        ),
        Column(
            "gemeentecode",
            ColumnType.MUNICIPALITY,
            "CBS-code van de gemeente op de maandag van de week (GM gevolgd door vier cijfers). "
            "Een opgeheven gemeente wordt geweigerd met de naam van de opvolger.",
            "GM0363",
            field="municipality_code",
        ),
        Column(
            "soort",
            ColumnType.LOCATION_TYPE,
            f"Soort locatie: {_location_type_choices()}. De omschrijving mag ook.",
            "regulier",
            field="type",
        ),
        Column(
            "capaciteit", ColumnType.INTEGER, "Aantal plaatsen, 0 of meer.", "600", field="capacity"
        ),
        Column(
            "bezetting",
            ColumnType.INTEGER,
            "Aantal bewoners, 0 of meer en niet meer dan de capaciteit.",
            "571",
            field="occupancy",
        ),
        Column(
            "startdatum",
            ColumnType.DATE,
            "Eerste dag met plaatsen (JJJJ-MM-DD of DD-MM-JJJJ).",
            "2016-03-01",
            field="start_date",
        ),
        Column(
            "einddatum",
            ColumnType.DATE,
            "Laatste dag met plaatsen (einde van het contract); leeg: geen einddatum bekend. "
            "Niet voor de startdatum; verplicht bij looptijd tijdelijk.",
            "2022-12-31",
            required=False,
            field="end_date",
        ),
        Column(
            "adres",
            ColumnType.TEXT,
            "Adres; bij vertrouwelijke locaties alleen zichtbaar voor COA.",
            "Willinklaan 1, Amsterdam",
            required=False,
            field="address",
        ),
        Column(
            "vertrouwelijk",
            ColumnType.YES_NO,
            "ja of nee; leeg betekent ja voor soort amv en nee voor de andere soorten.",
            "nee",
            required=False,
            field="confidential",
            default=_confidential_default,
        ),
        Column(
            "looptijd",
            ColumnType.DURABILITY,
            "structureel (duurzaam, blijft) of tijdelijk (eindigt met het contract op de "
            "einddatum). Leeg of kolom ontbreekt: onbekend, niet hetzelfde als tijdelijk.",
            "tijdelijk",
            required=False,
            field="durability",
            default=lambda _values: "",
        ),
        Column(
            "verlengingsoptie",
            ColumnType.YES_NO,
            "ja of nee: kan het contract na de einddatum worden verlengd? Leeg: onbekend.",
            "ja",
            required=False,
            field="extension_option",
        ),
        Column(
            "maximale_bezetting",
            ColumnType.INTEGER,
            "Het hoogste aantal bewoners dat volgens de afspraak met de gemeente mag; leeg: "
            "onbekend.",
            "600",
            required=False,
            field="max_occupancy",
        ),
        Column(
            "kwaliteit",
            ColumnType.QUALITY,
            "Kwaliteitsnorm: regulier, noodopvang of crisisnoodopvang. Leeg: volgt uit de soort "
            "(regulier, proces en amv: regulier; noodopvang en crisisnoodopvang: dezelfde); bij "
            "sober en hotel blijft hij onbekend.",
            "regulier",
            required=False,
            field="quality",
            default=_quality_default,
        ),
        Column(
            "veiligheidsregio",
            ColumnType.SAFETY_REGION,
            "Code (VR13) of naam van de veiligheidsregio. Volgt uit de gemeente; staat hij in "
            "het bestand, dan moet hij daarmee overeenkomen.",
            "VR13",
            required=False,
            field="safety_region_code",
        ),
        WEEK_COLUMN,
    ),
    row_rules=(_location_rules, _location_code_rule, _contract_rules),
)


def _every_municipality(rows: Sequence[ParsedRow], week: IsoWeek) -> list[FileProblem]:
    """A realisation holds every municipality of the week's Monday: a missing one would count
    as housing nobody, and put its province behind schedule on a missing row."""
    present = {values.get("municipality_code") for _, values in rows}
    division = reference.municipalities(week.monday)
    missing = [m for m in division if m.code not in present]
    if not missing:
        return []
    shown = ", ".join(f"{m.code} {m.name}" for m in missing[:10])
    more = f" en nog {format_int_nl(len(missing) - 10)}" if len(missing) > 10 else ""
    message = (
        f"{format_int_nl(len(missing))} van de {format_int_nl(len(division))} gemeenten "
        f"van {format_date_nl(week.monday)} ontbreken: {shown}{more}; geef één rij per "
        "gemeente, met gehuisvest 0 voor een gemeente die niemand huisvestte"
    )
    return [(None, "gemeentecode", message)]


def _realisation_template(week: IsoWeek) -> tuple[tuple[str, ...], ...]:
    """One row per municipality of the week's Monday (as ``_every_municipality`` demands),
    code, name, period and week filled in, the counts left empty for the user."""
    period = Period.containing(week.monday).label
    return tuple(
        (m.code, m.name, period, "", "", week.label) for m in reference.municipalities(week.monday)
    )


REALISATIE = FileFormat(
    Kind.REALISATIE,
    "Gehuisveste vergunninghouders per gemeente tot nu toe in de lopende periode, "
    "één rij per gemeente.",
    (
        Column(
            "gemeentecode",
            ColumnType.MUNICIPALITY,
            "CBS-code van de gemeente op de maandag van de week; uniek in het bestand.",
            "GM0363",
            unique=True,
            field="municipality_code",
        ),
        Column(
            "gemeentenaam",
            ColumnType.TEXT,
            "Naam van de gemeente, ter herkenning (het sjabloon vult hem in); niet ingelezen: "
            "de gemeentecode telt.",
            "Amsterdam",
            required=False,
        ),
        Column(
            "periode",
            ColumnType.PERIOD,
            "Taakstellingsperiode waarin de maandag van de week valt, bijvoorbeeld 2021-II.",
            "2021-II",
            field="period_label",
        ),
        Column(
            "gehuisvest",
            ColumnType.INTEGER,
            "Aantal gehuisveste vergunninghouders in de periode tot nu toe volgens COA, 0 of meer "
            "(de stand op de eerste dag van de maand).",
            "412",
            field="housed",
        ),
        Column(
            "eigen_telling",
            ColumnType.INTEGER,
            "Het aantal volgens de eigen telling van de gemeente, als die verschilt of bekend "
            "is; leeg: geen eigen telling (niet 0). Het verschil met COA staat bij de "
            "taakstelling.",
            "415",
            required=False,
            field="own_count",
        ),
        WEEK_COLUMN,
    ),
    complete_rules=(_every_municipality,),
    template_rows=_realisation_template,
)

PART_OF: Mapping[str, str] = MappingProxyType({
    SeriesMetric.LANG_WACHTEND.value: SeriesMetric.WACHTEND.value,
})  # fmt: skip
"""Series that count a part of another series of the same week (never more than the whole)."""


def _series_parts(rows: Sequence[ParsedRow], _week: IsoWeek) -> list[FileProblem]:
    values = {v.get("metric"): (number, v.get("value")) for number, v in rows if v.get("metric")}
    problems: list[FileProblem] = []
    for part, whole in PART_OF.items():
        if part not in values or whole not in values:
            continue
        (number, amount), (_, total) = values[part], values[whole]
        if amount is not None and total is not None and amount > total:
            message = (
                f"{part} ({format_int_nl(amount)}) is meer dan {whole} ({format_int_nl(total)}) "
                "van dezelfde week: het is een deel daarvan"
            )
            problems.append((number, "waarde", message))
    return problems


REEKSEN = FileFormat(
    Kind.REEKSEN,
    "Landelijke weekcijfers, één rij per reeks.",
    (
        Column(
            "reeks",
            ColumnType.METRIC,
            f"Welke reeks: {_metric_choices()}; uniek in het bestand.",
            "eerste_asielaanvragen",
            unique=True,
            field="metric",
        ),
        Column("waarde", ColumnType.INTEGER, "Aantal in de week, 0 of meer.", "780", field="value"),
        WEEK_COLUMN,
    ),
    file_rules=(_series_parts,),
)

MPP_EXAMPLE_WEEK = "2023-W46"
"""The week of the template's example MPP (published 10 November 2023)."""


def _mpp_rules(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    year = values.get("year")
    if year is not None and not mpp.FIRST_YEAR <= year <= mpp.LAST_YEAR:
        return [("year", f"jaar {year} ligt niet tussen {mpp.FIRST_YEAR} en {mpp.LAST_YEAR}")]
    return []


def _one_mpp(rows: Sequence[ParsedRow], week: IsoWeek) -> list[FileProblem]:
    """One MPP per file: min and max (midden may be left out), the same year, publication
    date and source in every row, min ≤ midden ≤ max, and published by the week of the
    import (a figure from the future would be offered before anyone knew it)."""
    problems: list[FileProblem] = []
    sunday = week.monday + timedelta(days=6)
    for number, values in rows:
        published = values.get("published")
        if published is not None and published > sunday:
            message = (
                f"{published.isoformat()} ligt na week {week.label}: een MPP wordt "
                "geïmporteerd nadat hij verscheen"
            )
            problems.append((number, "gepubliceerd", message))
    by_scenario: dict[str, ParsedRow] = {
        str(v["scenario"]): (number, v) for number, v in rows if v.get("scenario")
    }
    for word in mpp.missing(by_scenario):
        message = f"het bestand mist de rij met scenario {word}: een MPP heeft min en max"
        problems.append((None, "scenario", message))
    for field, column in (("year", "jaar"), ("published", "gepubliceerd"), ("source", "bron")):
        if len({v.get(field) for _number, v in rows if v.get(field) is not None}) > 1:
            message = (
                f"verschillende waarden in kolom {column}: één bestand is één MPP, met één jaar, "
                "publicatiedatum en bron"
            )
            problems.append((None, column, message))
    inflow: dict[str, int] = {
        word: int(values["inflow"])
        for word, (_number, values) in by_scenario.items()
        if values.get("inflow") is not None
    }
    for low, high in mpp.out_of_order(inflow):
        message = (
            f"scenario {high} ({format_int_nl(inflow[high])}) is lager dan "
            f"{low} ({format_int_nl(inflow[low])}): min ≤ midden ≤ max"
        )
        problems.append((by_scenario[high][0], "instroom", message))
    return problems


MPP = FileFormat(
    Kind.MPP,
    "De officiële instroomscenario's van één Meerjarige Productieprognose (MPP): één rij per "
    "scenario (min, midden, max) met de verwachte asielinstroom in één jaar. De prognose biedt "
    "ze aan als scenario's 'officieel min / midden / max' vanaf de dag na publicatie; zonder "
    "rij midden is dat het midden van min en max. Over het hele bestand: één bestand is één "
    "MPP, dus elke rij heeft hetzelfde jaar, dezelfde publicatiedatum en dezelfde bron; min en "
    "max zijn er allebei; min ≤ midden ≤ max.",
    (
        Column(
            "scenario",
            ColumnType.SCENARIO,
            "min, midden of max; min en max verplicht, elk hoogstens één keer.",
            "min",
            unique=True,
            field="scenario",
        ),
        Column(
            "jaar",
            ColumnType.INTEGER,
            "Het jaar waarvoor de MPP de instroom verwacht.",
            "2024",
            field="year",
        ),
        Column(
            "instroom",
            ColumnType.INTEGER,
            "Verwachte asielinstroom in dat jaar (eerste en herhaalde aanvragen en "
            "nareizigers), personen per jaar.",
            "49000",
            field="inflow",
        ),
        Column(
            "gepubliceerd",
            ColumnType.DATE,
            "Dag waarop de MPP gepubliceerd is (JJJJ-MM-DD); niet na de week van de import.",
            "2023-11-10",
            field="published",
        ),
        Column(
            "bron",
            ColumnType.TEXT,
            "Naam van de MPP, bijvoorbeeld MPP 2023-II.",
            "MPP 2023-II",
            field="source",
            max_length=100,
        ),
        WEEK_COLUMN,
    ),
    row_rules=(_mpp_rules,),
    file_rules=(_one_mpp,),
    example_rows=(
        # The MPP 2023-II as published (a range, no middle), delivered in the week after.
        ("min", "2024", "49000", "2023-11-10", "MPP 2023-II", MPP_EXAMPLE_WEEK),
        ("max", "2024", "76000", "2023-11-10", "MPP 2023-II", MPP_EXAMPLE_WEEK),
    ),
)

FORMATS: Mapping[str, FileFormat] = MappingProxyType(
    {f.kind.value: f for f in (LOCATIES, REALISATIE, REEKSEN, MPP)}
)


def file_format(kind: str) -> FileFormat:
    """The format of a kind; LookupError with a Dutch message for an unknown kind."""
    try:
        return FORMATS[kind]
    except KeyError:
        raise LookupError(
            f"onbekende soort import '{kind}': kies uit {', '.join(FORMATS)}"
        ) from None
