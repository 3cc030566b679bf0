"""One parser for every file format: read the table, check every cell and row, keep all errors.

Nothing here touches the database; ``services.import_submit`` stores what comes out. Row
numbers and messages come from ``regietafel.tabular``, so the web page and the CLI explain a
refused file in the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from regietafel import reference
from regietafel.core.periods import IsoWeek, Period, PeriodError
from regietafel.core.rules import Durability, LocationType, QualityStandard
from regietafel.imports.formats import Column, ColumnType, FileFormat
from regietafel.opvang.models import OfficialScenario, SeriesMetric
from regietafel.reference import regions
from regietafel.reference.regions import Region
from regietafel.tabular import CellError, Row, RowReader, TableError, read_table

_YES = frozenset({"ja", "j", "yes", "y", "1", "true", "waar"})
_NO = frozenset({"nee", "n", "no", "0", "false", "onwaar"})


@dataclass
class Validated:
    """The outcome of checking one file: the parsed rows (by field) or the errors, never both."""

    file_name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Context:
    week: IsoWeek
    reader: RowReader
    municipalities: dict[str, reference.Municipality | str] = field(default_factory=dict)
    _safety: Mapping[str, Region] | None = None

    def safety_region(self, municipality_code: str) -> Region | None:
        """The veiligheidsregio of a municipality valid on the week's Monday."""
        if self._safety is None:
            self._safety = regions.membership("veiligheidsregio", self.week.monday)
        return self._safety.get(municipality_code)

    def municipality(self, code: str) -> reference.Municipality | str:
        """The municipality valid on the week's Monday, or the Dutch reason why not (cached)."""
        key = code.strip().upper()
        if key not in self.municipalities:
            try:
                self.municipalities[key] = reference.municipality(code, self.week.monday)
            except reference.ReferenceDataError as error:
                self.municipalities[key] = str(error)
        return self.municipalities[key]


def validate_file(fmt: FileFormat, *, week: IsoWeek, file_name: str, content: bytes) -> Validated:
    """Check every cell and row of ``content`` against ``fmt`` for ``week``."""
    result = Validated(file_name)
    try:
        table = read_table(
            content,
            name=file_name,
            required=fmt.required,
            optional=(*fmt.optional, EXAMPLE_COLUMN),
        )
    except TableError as header_error:
        # Missing columns: report them, and still check the rows for the columns that are
        # there, so the sender sees every problem in one go.
        try:
            table = read_table(
                content,
                name=file_name,
                required=(),
                optional=(*fmt.column_names, EXAMPLE_COLUMN),
            )
        except TableError:
            result.errors = header_error.errors
            return result
        result.errors.extend(header_error.errors)
    context = _Context(week=week, reader=RowReader(file_name))
    present = [c for c in fmt.columns if c.name in table.columns]
    # An optional column the file lacks reads as empty in every row, so its documented
    # default applies (older files without the newer columns).
    read = present + [c for c in fmt.columns if c.name not in table.columns and not c.required]
    parsed = [(row, _parse_row(fmt, read, row, context)) for row in table.rows]
    _refuse_example_rows(table.rows, context.reader)
    for column in present:
        if column.unique and column.field:
            _check_unique(context.reader, column, parsed)
    numbered = [(row.number, values) for row, values in parsed]
    for rule in fmt.file_rules:
        for number, name, message in rule(numbered, week):
            context.reader.error(Row(number, {}) if number is not None else None, name, message)
    if not table.rows and not result.errors:
        context.reader.error(None, None, "het bestand bevat geen gegevensrijen")
    if table.rows and not result.errors and not context.reader.errors:
        for rule in fmt.complete_rules:
            for number, name, message in rule(numbered, week):
                context.reader.error(Row(number, {}) if number is not None else None, name, message)
    result.errors.extend(context.reader.errors)
    if not result.errors:
        result.rows = [values for _, values in parsed]
    result.errors.sort(key=lambda e: (e.row or 0, _column_order(fmt, e.column)))
    return result


EXAMPLE_COLUMN = "voorbeeldrij"
"""The templates' marker column: filled in on the example row only (``imports.blanks``)."""

EXAMPLE_ROW_MESSAGE = (
    "dit is de voorbeeldrij uit het sjabloon: vervang hem door echte gegevens en maak de cel "
    "in de kolom voorbeeldrij leeg, of verwijder de rij"
)


def _refuse_example_rows(rows: Iterable[Row], reader: RowReader) -> None:
    """A row marked as the template's example is refused, so a template uploaded unchanged
    never stores the example. Real files have no such column and are never affected."""
    for row in rows:
        if row.values.get(EXAMPLE_COLUMN, "").strip():
            reader.error(row, EXAMPLE_COLUMN, EXAMPLE_ROW_MESSAGE)


def _column_order(fmt: FileFormat, column: str | None) -> int:
    names = fmt.column_names
    return names.index(column) if column in names else -1


def _parse_row(
    fmt: FileFormat, columns: Iterable[Column], row: Row, context: _Context
) -> dict[str, Any]:
    reader = context.reader
    values: dict[str, Any] = {}
    for column in columns:
        raw = row.values.get(column.name, "")
        if not raw and not column.required:
            value: Any = "" if column.type is ColumnType.TEXT else None
        else:
            before = len(reader.errors)
            value = _PARSERS[column.type](row, column, context)
            if len(reader.errors) > before:
                value = None
        if value is None and column.default is not None and not raw:
            value = column.default(values)
        if isinstance(value, reference.Municipality):
            values["province_code"] = value.province_code
            value = value.code
        if column.field:
            values[column.field] = value
    _check_safety_region(fmt, row, values, context)
    by_field = {c.field: c.name for c in fmt.columns if c.field}
    for rule in fmt.row_rules:
        for field_name, message in rule(values):
            reader.error(row, by_field.get(field_name), message)
    return values


def _check_safety_region(
    fmt: FileFormat, row: Row, values: dict[str, Any], context: _Context
) -> None:
    """The veiligheidsregio follows from the municipality; a stated one must match it."""
    column = next((c for c in fmt.columns if c.type is ColumnType.SAFETY_REGION), None)
    if column is None or column.field is None:
        return
    stated = values.get(column.field)
    code = values.get("municipality_code")
    derived = context.safety_region(code) if code else None
    if stated and derived is not None and stated != derived.code:
        given = regions.region("veiligheidsregio", stated)
        context.reader.error(
            row,
            column.name,
            f"veiligheidsregio {given.code} ({given.name}) past niet bij gemeente {code}: die "
            f"hoort bij {derived.code} ({derived.name})",
        )
    values[column.field] = derived.code if derived is not None else ""


def _check_unique(
    reader: RowReader, column: Column, parsed: list[tuple[Row, dict[str, Any]]]
) -> None:
    """Duplicates compared on the parsed value (so 363 and GM0363 are the same municipality)."""
    assert column.field is not None
    reader.unique(
        (
            Row(row.number, {column.name: str(values[column.field])})
            for row, values in parsed
            if values.get(column.field) is not None
        ),
        column.name,
    )


Parser = Callable[[Row, Column, _Context], Any]


MAX_INTEGER = 2_147_483_647
"""The largest value of a PositiveIntegerField on PostgreSQL (and the same on SQLite)."""


def _text(row: Row, column: Column, context: _Context) -> str | None:
    value = context.reader.text(row, column.name)
    if len(value) > column.max_length:
        context.reader.error(
            row,
            column.name,
            f"de tekst is {len(value)} tekens lang; hier mogen er hoogstens {column.max_length}",
        )
        return None
    return value


def _integer(row: Row, column: Column, context: _Context) -> int | None:
    value = context.reader.integer(row, column.name, minimum=0)
    if value is not None and value > MAX_INTEGER:
        context.reader.error(
            row,
            column.name,
            f"{value} is te groot; hoogstens {MAX_INTEGER:,}".replace(",", "."),
        )
        return None
    return value


def _date(row: Row, column: Column, context: _Context) -> date | None:
    return context.reader.date(row, column.name)


def _municipality(row: Row, column: Column, context: _Context) -> reference.Municipality | None:
    code = context.reader.text(row, column.name)
    if not code:
        return None
    found = context.municipality(code)
    if isinstance(found, str):
        context.reader.error(row, column.name, found)
        return None
    return found


def _choice(options: Iterable[tuple[str, Any]]) -> Parser:
    """Accept a choice's value or its Dutch label, case-insensitively."""
    choices = [(str(value), str(label)) for value, label in options]

    def parse(row: Row, column: Column, context: _Context) -> str | None:
        raw = context.reader.text(row, column.name)
        if not raw:
            return None
        wanted = raw.strip().casefold()
        for value, label in choices:
            if wanted in {value.casefold(), label.casefold()}:
                return value
        allowed = ", ".join(value for value, _ in choices)
        context.reader.error(row, column.name, f"onbekende waarde '{raw}': kies uit {allowed}")
        return None

    return parse


def _yes_no(row: Row, column: Column, context: _Context) -> bool | None:
    raw = context.reader.text(row, column.name).casefold()
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    context.reader.error(row, column.name, f"'{raw}' is geen ja of nee")
    return None


def _period(row: Row, column: Column, context: _Context) -> str | None:
    raw = context.reader.text(row, column.name)
    if not raw:
        return None
    try:
        period = Period.parse(raw)
    except PeriodError as error:
        context.reader.error(row, column.name, str(error))
        return None
    monday = context.week.monday
    if not period.contains(monday):
        context.reader.error(
            row,
            column.name,
            f"verkeerde periode: week {context.week} valt in periode "
            f"{Period.containing(monday)}, niet in {period}",
        )
        return None
    return period.label


def _safety_region(row: Row, column: Column, context: _Context) -> str | None:
    raw = context.reader.text(row, column.name)
    if not raw:
        return None
    try:
        return regions.region("veiligheidsregio", raw).code
    except reference.ReferenceDataError as error:
        context.reader.error(row, column.name, str(error))
        return None


def _week(row: Row, column: Column, context: _Context) -> str | None:
    raw = context.reader.text(row, column.name)
    if not raw:
        return None
    try:
        week = IsoWeek.parse(raw)
    except PeriodError as error:
        context.reader.error(row, column.name, str(error))
        return None
    if week != context.week:
        context.reader.error(
            row, column.name, f"verkeerde week: {week} hoort niet bij deze import ({context.week})"
        )
        return None
    return week.label


_PARSERS: dict[ColumnType, Parser] = {
    ColumnType.TEXT: _text,
    ColumnType.INTEGER: _integer,
    ColumnType.DATE: _date,
    ColumnType.MUNICIPALITY: _municipality,
    ColumnType.LOCATION_TYPE: _choice((t.value, t.label) for t in LocationType),
    ColumnType.METRIC: _choice(SeriesMetric.choices),
    ColumnType.YES_NO: _yes_no,
    ColumnType.PERIOD: _period,
    ColumnType.WEEK: _week,
    ColumnType.DURABILITY: _choice((d.value, d.label) for d in Durability),
    ColumnType.QUALITY: _choice((q.value, q.label) for q in QualityStandard),
    ColumnType.SAFETY_REGION: _safety_region,
    ColumnType.SCENARIO: _choice(OfficialScenario.choices),
}
