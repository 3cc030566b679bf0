"""Reading user tables (CSV or Excel) with errors that point at file, row and column.

Both the CLI's input files and the web imports read through here, so a user gets the same
Dutch explanation wherever a file is refused. Row numbers are spreadsheet rows: the header
is row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import TypeVar

_INT = re.compile(r"^[+-]?\d+$")
_INT_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_DECIMAL = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_DATE_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CellError:
    """One problem, located as precisely as the problem allows."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column is not None:
            where.append(f"kolom '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class TableError(Exception):
    """A refused table, with every error found (not only the first)."""

    def __init__(self, errors: Sequence[CellError]) -> None:
        self.errors = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        first = str(self.errors[0]) if self.errors else "onbekende fout"
        rest = len(self.errors) - 1
        return (
            first if rest == 0 else f"{first} (en nog {rest} andere fout{'en' if rest > 1 else ''})"
        )


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    values: dict[str, str]


@dataclass(frozen=True, slots=True)
class Table:
    file: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


def read_table(
    source: Path | bytes,
    *,
    name: str | None = None,
    required: Sequence[str],
    optional: Sequence[str] = (),
) -> Table:
    """Read a CSV (comma or semicolon) or XLSX table and check its header.

    Header names are compared case-insensitively and without surrounding spaces. Unknown
    extra columns are allowed (people keep notes next to the data); missing required
    columns refuse the file.
    """
    if isinstance(source, Path):
        file_name = name or source.name
        try:
            content = source.read_bytes()
        except FileNotFoundError:
            raise TableError([CellError(file_name, "bestand niet gevonden")]) from None
        except OSError as error:
            raise TableError(
                [CellError(file_name, f"bestand niet leesbaar ({error.strerror})")]
            ) from None
    else:
        file_name = name or "bestand"
        content = source
    if content.startswith(b"PK\x03\x04"):
        header, body = _xlsx_rows(content, file_name)
    else:
        header, body = _csv_rows(content, file_name)
    columns = tuple(h.strip().lower() for h in header)
    errors = [
        CellError(file_name, f"verplichte kolom '{column}' ontbreekt", row=1)
        for column in required
        if column not in columns
    ]
    seen: set[str] = set()
    for column in columns:
        if column and column in seen:
            errors.append(CellError(file_name, f"kolom '{column}' staat er twee keer in", row=1))
        seen.add(column)
    if errors:
        raise TableError(errors)
    wanted = [c for c in (*required, *optional) if c in columns]
    rows = []
    for number, cells in body:
        if not any(cell.strip() for cell in cells):
            continue
        padded = list(cells) + [""] * (len(columns) - len(cells))
        values = {c: padded[columns.index(c)].strip() for c in wanted}
        rows.append(Row(number, values))
    return Table(file_name, columns, tuple(rows))


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (gescheiden door lijstscheidingsteken)" on Dutch Windows.
        return content.decode("cp1252", errors="replace")


def _csv_rows(content: bytes, file_name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    text = _decode(content)
    if not text.strip():
        raise TableError([CellError(file_name, "het bestand is leeg")])
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as error:
        raise TableError([CellError(file_name, f"geen geldig CSV-bestand ({error})")]) from None
    return records[0], [(i + 2, r) for i, r in enumerate(records[1:])]


def _xlsx_rows(content: bytes, file_name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a broken file
        raise TableError([CellError(file_name, "geen geldig Excel-bestand (.xlsx)")]) from None
    sheet = workbook.worksheets[0]
    rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    if not rows:
        raise TableError([CellError(file_name, "het werkblad is leeg")])
    return rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class RowReader:
    """Parses cells of one table and collects every error instead of stopping at the first."""

    file: str
    errors: list[CellError] = field(default_factory=list)

    def error(self, row: Row | None, column: str | None, message: str) -> None:
        self.errors.append(CellError(self.file, message, row.number if row else None, column))

    def text(self, row: Row, column: str, *, required: bool = True) -> str:
        value = row.values.get(column, "")
        if required and not value:
            self.error(row, column, "deze cel is leeg")
        return value

    def integer(self, row: Row, column: str, *, minimum: int | None = 0) -> int | None:
        raw = row.values.get(column, "").replace(" ", "")
        if not raw:
            self.error(row, column, "deze cel is leeg; verwacht een geheel getal")
            return None
        if _INT_GROUPED.match(raw):
            raw = raw.replace(".", "")
        if not _INT.match(raw):
            self.error(row, column, f"'{row.values.get(column)}' is geen geheel getal")
            return None
        value = int(raw)
        if minimum is not None and value < minimum:
            what = "negatief" if minimum == 0 else f"kleiner dan {minimum}"
            self.error(row, column, f"{value} is {what}; dat kan hier niet")
            return None
        return value

    def decimal(
        self, row: Row, column: str, *, minimum: Fraction | None = Fraction(0)
    ) -> Fraction | None:
        raw = row.values.get(column, "").replace(" ", "")
        if not raw:
            self.error(row, column, "deze cel is leeg; verwacht een getal")
            return None
        if not _DECIMAL.match(raw):
            self.error(row, column, f"'{row.values.get(column)}' is geen getal")
            return None
        value = Fraction(raw.replace(",", "."))
        if minimum is not None and value < minimum:
            self.error(row, column, f"{row.values.get(column)} is negatief; dat kan hier niet")
            return None
        return value

    def date(self, row: Row, column: str, *, required: bool = True) -> date | None:
        raw = row.values.get(column, "")
        if not raw:
            if required:
                self.error(row, column, "deze cel is leeg; verwacht een datum (JJJJ-MM-DD)")
            return None
        try:
            if _DATE_ISO.match(raw):
                return date.fromisoformat(raw)
            match = _DATE_NL.match(raw)
            if match:
                return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            pass
        self.error(row, column, f"'{raw}' is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)")
        return None

    def unique(self, rows: Iterable[Row], column: str) -> None:
        """Refuse duplicate keys, naming both rows."""
        first: dict[str, int] = {}
        for row in rows:
            key = row.values.get(column, "").strip().upper()
            if not key:
                continue
            if key in first:
                self.error(row, column, f"'{row.values[column]}' staat ook al in rij {first[key]}")
            else:
                first[key] = row.number

    def raise_if_errors(self) -> None:
        if self.errors:
            raise TableError(self.errors)


def unit_code(reader: RowReader, row: Row, codes: Collection[str]) -> str | None:
    """The unit a row's ``code`` names, if it is one of ``codes``; else a located error.

    Municipality codes are normalised (``363``, ``gm0363`` -> ``GM0363``); other codes
    (provinces, ``PV27``) only lose case and spaces.
    """
    from regietafel import reference

    raw = row.values.get("code", "")
    key = raw.strip().upper()
    if key.startswith("GM") or key.isdigit():
        try:
            key = reference.normalise_code(raw)
        except reference.ReferenceDataError as error:
            reader.error(row, "code", str(error))
            return None
    if key not in codes:
        reader.error(row, "code", f"onbekende code '{raw}' voor deze verdeling")
        return None
    return key


def read_unit_values(
    source: Path | bytes,
    *,
    column: str,
    codes: Collection[str],
    value: Callable[[RowReader, Row, str], T | None],
    name: str | None = None,
    require_rows: bool = False,
) -> dict[str, T]:
    """A two-column file ``code,<column>`` for known units (a correction key, existing places).

    ``value`` parses one cell (``RowReader.integer`` or ``RowReader.decimal``). Every bad row
    is reported at once, with file, row and column; nothing is returned partially.
    """
    table = read_table(source, name=name, required=["code", column])
    reader = RowReader(table.file)
    reader.unique(table.rows, "code")
    values: dict[str, T] = {}
    for row in table.rows:
        code = unit_code(reader, row, codes)
        parsed = value(reader, row, column)
        if code is not None and parsed is not None:
            values[code] = parsed
    if require_rows and not table.rows:
        reader.error(None, None, "het bestand bevat geen rijen")
    reader.raise_if_errors()
    return values
