"""Reading user tables (CSV or Excel) with errors that point at file, row and column.

Both the CLI's input files and the web imports read through here, so a user gets the same
Dutch explanation wherever a file is refused. Row numbers are spreadsheet rows: the header
is row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

from regietafel.core.formatting import os_error_nl, parse_int_nl

_DECIMAL = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_DATE_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")

T = TypeVar("T")

MAX_ROWS = 200_000
"""Data rows a table may have; a bigger file is refused before it fills memory."""
MAX_COLUMNS = 200
"""Columns a table may have (a cell far to the right of the data is refused, not padded)."""
MAX_CELL_LENGTH = 2_000
"""Characters in one cell; no field we store is longer."""
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Size of a file read through here; the web upload has its own setting (IMPORT_MAX_BYTES)."""


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
                [CellError(file_name, f"bestand niet leesbaar ({os_error_nl(error)})")]
            ) from None
    else:
        file_name = name or "bestand"
        content = source
    if len(content) > MAX_FILE_BYTES:
        raise TableError(
            [
                CellError(
                    file_name,
                    f"het bestand is te groot ({len(content) / 1024 / 1024:.1f} MB); "
                    f"hoogstens {MAX_FILE_BYTES // 1024 // 1024} MB",
                )
            ]
        )
    _refuse_other_file_types(content, file_name)
    excel = content.startswith(b"PK\x03\x04")
    if excel:
        header, body = _xlsx_rows(content, file_name)
    else:
        header, body = _csv_rows(content, file_name)
    header = header[:MAX_COLUMNS]
    columns = tuple(h.strip().lower() for h in header)
    if len(columns) == 1 and len(required) > 1 and columns[0] not in required:
        # A workbook has no separator: one filled cell in row 1 is a title above the header.
        reason = (
            "zet de kolomnamen in rij 1 van het eerste werkblad (een titel erboven kan niet)"
            if excel
            else "het scheidingsteken is niet herkend; zet een komma, puntkomma of tab tussen "
            "de kolommen"
        )
        raise TableError(
            [
                CellError(
                    file_name,
                    f"de kopregel heeft maar één kolom ('{header[0][:60]}'): {reason}",
                    row=1,
                )
            ]
        )
    where = " (gelezen: rij 1 van het eerste werkblad)" if excel else ""
    errors = [
        CellError(file_name, f"verplichte kolom '{column}' ontbreekt{where}", row=1)
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
    rows = _rows(body, columns, wanted, file_name)
    return Table(file_name, columns, tuple(rows))


def _rows(
    body: Iterable[tuple[int, list[str]]],
    columns: tuple[str, ...],
    wanted: list[str],
    file_name: str,
) -> list[Row]:
    """The non-empty rows, within the row, column and cell limits."""
    rows: list[Row] = []
    cell_errors: list[CellError] = []
    for number, cells in body:
        if not any(cell.strip() for cell in cells):
            continue
        _check_row_limits(len(rows), number, cells, file_name)
        padded = list(cells) + [""] * (len(columns) - len(cells))
        values = {c: padded[columns.index(c)].strip() for c in wanted}
        cell_errors += _cell_problems(values, number, file_name)
        rows.append(Row(number, values))
    if cell_errors:
        raise TableError(cell_errors)
    return rows


def _check_row_limits(count: int, number: int, cells: list[str], file_name: str) -> None:
    if count >= MAX_ROWS:
        message = f"het bestand heeft meer dan {format_count(MAX_ROWS)} gegevensrijen; splits het"
        raise TableError([CellError(file_name, message, row=number)])
    if len(cells) > MAX_COLUMNS and any(cell.strip() for cell in cells[MAX_COLUMNS:]):
        message = (
            f"gegevens voorbij kolom {MAX_COLUMNS}; een bestand mag hoogstens "
            f"{MAX_COLUMNS} kolommen hebben"
        )
        raise TableError([CellError(file_name, message, row=number)])


def _cell_problems(values: dict[str, str], number: int, file_name: str) -> list[CellError]:
    problems = []
    for column, value in values.items():
        if len(value) > MAX_CELL_LENGTH:
            message = (
                f"de cel is {format_count(len(value))} tekens lang; "
                f"hoogstens {format_count(MAX_CELL_LENGTH)}"
            )
            problems.append(CellError(file_name, message, number, column))
        elif "\x00" in value:
            problems.append(
                CellError(file_name, "de cel bevat een ongeldig teken (NUL)", number, column)
            )
    return problems


def format_count(value: int) -> str:
    """200000 -> "200.000"."""
    return f"{value:,}".replace(",", ".")


_OTHER_FILE_TYPES = (
    (b"%PDF", "een PDF-bestand"),
    (
        b"\xd0\xcf\x11\xe0",
        "een oud Excel- of Word-bestand (.xls/.doc); sla het op als .xlsx of CSV",
    ),
    (b"\x1f\x8b", "een gzip-bestand"),
    (b"\x89PNG", "een afbeelding (PNG)"),
    (b"\xff\xd8\xff", "een afbeelding (JPEG)"),
    (b"Rar!", "een RAR-archief"),
    (b"7z\xbc\xaf", "een 7-Zip-archief"),
)


def _refuse_other_file_types(content: bytes, file_name: str) -> None:
    """A PDF, image, archive or old Office file named .csv: say what it is, in one line."""
    for magic, what in _OTHER_FILE_TYPES:
        if content.startswith(magic):
            raise TableError(
                [CellError(file_name, f"dit is {what}, geen CSV- of Excel-bestand (.xlsx)")]
            )
    if (
        content.startswith(b"PK\x03\x04")
        and b"xl/" not in content[:65536]
        and (b"[Content_Types].xml" not in content[:65536])
    ):
        raise TableError(
            [
                CellError(
                    file_name,
                    "dit is een ZIP-bestand, geen Excel-werkmap (.xlsx); pak het uit of "
                    "lever een CSV- of .xlsx-bestand aan",
                )
            ]
        )


def _decode(content: bytes, file_name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode-tekst") or Windows-1252."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise TableError(
                [CellError(file_name, "het bestand lijkt UTF-16 maar is niet goed te lezen")]
            ) from None
    head = content[:4096]
    if head and head.count(b"\x00") > len(head) // 4:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = content.decode(encoding)
            except UnicodeDecodeError:
                continue
            if text[:1].isprintable():
                return text
        raise TableError(
            [CellError(file_name, "dit is geen tekstbestand; lever een CSV- of .xlsx-bestand aan")]
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's "CSV (gescheiden door lijstscheidingsteken)" on Dutch Windows.
        return content.decode("cp1252")
    except UnicodeDecodeError:
        raise TableError(
            [
                CellError(
                    file_name,
                    "de tekencodering van het bestand is niet herkend; sla het op als "
                    "CSV UTF-8 (door komma's gescheiden)",
                )
            ]
        ) from None


def _delimiter(first_line: str) -> str:
    """Comma, semicolon or tab: whichever the header line has most of."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(content: bytes, file_name: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and the records of a CSV file, numbered as a spreadsheet shows them.

    Every non-empty record must have as many fields as the header: a field too many would be
    dropped and a field too few read as empty, so both refuse the file (all such rows are
    named). A quote that is never closed makes csv read the rest of the file as one cell;
    that is refused at the row where the quote opens.
    """
    text = _decode(content, file_name)
    if not text.strip():
        raise TableError([CellError(file_name, "het bestand is leeg")])
    first_line = text.lstrip("\ufeff").splitlines()[0]
    lines = _Lines(text.lstrip("\ufeff"))
    reader = csv.reader(lines, delimiter=_delimiter(first_line))
    try:
        header = next(reader)
    except csv.Error as error:
        raise TableError([_csv_error(file_name, error, 1)]) from None
    if lines.exhausted:
        raise TableError([_unclosed_quote(file_name, 1, header, [])])

    def body() -> Iterator[tuple[int, list[str]]]:
        ragged: list[CellError] = []
        number = 1
        try:
            for number, record in enumerate(reader, start=2):
                if lines.exhausted:
                    raise TableError([*ragged, _unclosed_quote(file_name, number, record, header)])
                if len(record) != len(header) and any(cell.strip() for cell in record):
                    ragged.append(_ragged(file_name, number, len(header), len(record)))
                    continue
                yield number, record
        except csv.Error as error:
            raise TableError([*ragged, _csv_error(file_name, error, number + 1)]) from None
        if ragged:
            raise TableError(ragged)

    return header, body()


class _Lines:
    """The lines of a text for csv.reader, noting when the reader asked for more than there
    were: a record still open at the end of the file has an unclosed quote."""

    def __init__(self, text: str) -> None:
        self._lines = io.StringIO(text)
        self.exhausted = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._lines.readline()
        if not line:
            self.exhausted = True
            raise StopIteration
        return line


def _ragged(file_name: str, number: int, expected: int, found: int) -> CellError:
    return CellError(
        file_name,
        f"verwacht {expected} kolommen (zoals de kopregel), gevonden {found}; controleer de "
        "scheidingstekens en aanhalingstekens in deze rij",
        row=number,
    )


def _unclosed_quote(
    file_name: str, number: int, record: Sequence[str], header: Sequence[str]
) -> CellError:
    """The open field is the last one of the record that ran to the end of the file."""
    index = len(record) - 1
    column = header[index].strip().lower() if 0 <= index < len(header) else None
    return CellError(
        file_name,
        'in deze rij opent een aanhalingsteken (") dat nergens wordt gesloten, waardoor de rest '
        "van het bestand als één cel wordt gelezen; sluit het aanhalingsteken of verwijder het",
        row=number,
        column=column or None,
    )


def _csv_error(file_name: str, error: csv.Error, number: int) -> CellError:
    """csv's own (English) complaints, said in Dutch."""
    text = str(error)
    if text.startswith("field larger than field limit"):
        message = (
            f"een cel is langer dan {format_count(csv.field_size_limit())} tekens; "
            'waarschijnlijk opent in deze rij een aanhalingsteken (") dat nergens wordt gesloten'
        )
        return CellError(file_name, message, row=number)
    if "NUL" in text:
        return CellError(file_name, "het bestand bevat een ongeldig teken (NUL)", row=number)
    return CellError(file_name, "geen geldig CSV-bestand: deze rij is niet te lezen", row=number)


def _xlsx_rows(content: bytes, file_name: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """Stream the first sheet as its rows are stored, whatever size the sheet claims.

    The stored ``dimension`` of a sheet can be stale (rows beyond it would be dropped) or
    huge (one cell at XFD1048576 would pad a million rows of 16,384 columns), so it is not
    used: the sheet's XML is parsed row by row and only rows that are in the file come out,
    each with its own row number. (openpyxl's read-only sheet pads every missing row, which
    is a million empty rows for one stray cell; its parser is used directly instead.)
    """
    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser

    def stored_rows() -> Iterator[tuple[int, list[str]]]:
        try:
            workbook: Any = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            sheet: Any = workbook.worksheets[0]
            source = sheet._get_source()
        except Exception:  # openpyxl raises many types for a broken file
            raise TableError([CellError(file_name, "geen geldig Excel-bestand (.xlsx)")]) from None
        try:
            parser = WorkSheetParser(
                source,
                sheet._shared_strings,
                data_only=True,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            for number, cells in parser.parse():
                yield number, _xlsx_cells(cells, number, file_name)
        except TableError:
            raise
        except Exception:  # a broken part further on in the file
            raise TableError([CellError(file_name, "geen geldig Excel-bestand (.xlsx)")]) from None
        finally:
            source.close()
            workbook.close()

    rows = stored_rows()
    first = next(rows, None)
    if first is None:
        raise TableError([CellError(file_name, "het werkblad is leeg")])
    header_number, header = first
    if header_number != 1:
        rows = itertools.chain([first], rows)
        header = []
    return header, rows


def _xlsx_cells(cells: list[dict[str, Any]], number: int, file_name: str) -> list[str]:
    """One stored row as texts, column 1 first; data beyond MAX_COLUMNS refuses the file."""
    values: dict[int, str] = {}
    for cell in cells:
        column = int(cell["column"])
        text = _cell_text(cell["value"])
        if column > MAX_COLUMNS:
            if text.strip():
                message = (
                    f"gegevens voorbij kolom {MAX_COLUMNS}; een bestand mag hoogstens "
                    f"{MAX_COLUMNS} kolommen hebben"
                )
                raise TableError([CellError(file_name, message, row=number)])
            continue
        values[column] = text
    width = max(values, default=0)
    return [values.get(i, "") for i in range(1, width + 1)]


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
        try:
            value = parse_int_nl(raw)
        except ValueError:
            self.error(row, column, f"'{row.values.get(column)}' is geen geheel getal")
            return None
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
