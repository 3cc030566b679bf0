"""Writing result tables as a terminal table, CSV, JSON or Excel.

Files are written atomically (to a temporary file beside the target, then renamed), so a
failure never leaves a half-written output file behind.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Literal, TypeVar
from urllib.parse import urlencode

from regietafel.core.confidentiality import SUPPRESSED_TEXT
from regietafel.core.formatting import (
    NO_DATA_TEXT,
    format_date_nl,
    format_decimal_nl,
    format_int_nl,
    os_error_nl,
)
from regietafel.presentation.cells import export_cell, export_row

Kind = Literal["text", "int", "decimal", "number", "date"]
T = TypeVar("T")


class Format(StrEnum):
    TABEL = "tabel"
    CSV = "csv"
    JSON = "json"
    XLSX = "xlsx"


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    kind: Kind = "text"
    decimals: int | None = 2
    """Decimals shown; None: as many as each value's size needs (:func:`decimals_for`)."""
    none_text: str = NO_DATA_TEXT
    """What a number cell without a value reads: "geen gegevens", or "n.v.t." in a column
    where some rows cannot have a value (machine outputs keep an empty cell or null)."""

    @property
    def numeric(self) -> bool:
        """Numbers align right and sort from high to low first."""
        return self.kind in {"int", "decimal", "number"}


Value = str | int | float | None


class Count(int):
    """A count among a result's facts (``Result.meta``): people read "10.000" (the one
    notation), JSON keeps the number 10000. A plain int there stays as it is (a seed, a year)."""


@dataclass(frozen=True)
class ResultTable:
    """One table of a result: machine keys for CSV/JSON, Dutch headers for people."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Value], ...]
    totals: dict[str, Value] | None = None
    empty: str = "Geen gegevens."
    """What a table without rows says: "no data" unless it means something else (no targets
    set for the scope is not missing data)."""
    masked: bool = False
    """Its numeric cells may read "afgeschermd": JSON gives them as null and names their
    columns in the row's ``afgeschermd`` list (:func:`masked_row`), as the API does."""
    masked_flags: Mapping[str, str] = field(default_factory=dict)
    """Instead of that list, a true/false field per column (column key -> field name), as
    the API's kerncijfers have ``afgeschermd`` and ``vorige_week_afgeschermd``; every other
    numeric cell that reads "afgeschermd" is null there too."""


@dataclass(frozen=True)
class Result:
    """What a command produced: one or more tables plus the facts that explain them."""

    title: str
    tables: tuple[ResultTable, ...]
    meta: dict[str, str | int | float | None] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


format_int = format_int_nl
format_decimal = format_decimal_nl


def decimals_for(value: float) -> int:
    """The decimals a measured value's size needs: one from 100, two from 1, else three
    (736,6 persons a week, 1,13 as a factor, 0,058 as a spread)."""
    size = abs(value)
    return 1 if size >= 100 else 2 if size >= 1 else 3


def measured(value: float) -> int | float:
    """``value`` as a table cell holds it: a whole number as an int, else rounded to
    :func:`decimals_for` (so CSV, JSON and Excel carry what the page shows, as a number)."""
    if float(value).is_integer():
        return int(value)
    return round(float(value), decimals_for(value))


def _number_text(value: float, column: Column) -> str:
    if column.kind == "int" or (column.kind == "number" and isinstance(value, int)):
        return format_int(int(value))
    decimals = decimals_for(value) if column.decimals is None else column.decimals
    return format_decimal(float(value), decimals)


def total_text(totals: Mapping[str, Value], column: Column) -> str:
    """A cell of a totals row: empty where the column is not summed (a share, a difference),
    so it does not read as "geen gegevens"; a summed total without data still says so."""
    return cell_text(totals[column.key], column) if column.key in totals else ""


def cell_text(value: Value, column: Column) -> str:
    """A cell as people read it, in the one notation of :mod:`regietafel.core.formatting`
    ("−1.234", "87,5", Dutch dates). A number without data reads "geen gegevens": an empty
    cell could be a rendering fault, and no data is not 0. An empty text cell stays empty (a
    masked municipality is part of its location's masked name); a column says "n.v.t."
    where a value cannot exist."""
    if value is None:
        return column.none_text if column.numeric else ""
    if column.numeric and isinstance(value, int | float):
        return _number_text(value, column)
    if column.kind == "date" and isinstance(value, str) and value:
        # Machine formats (CSV, JSON) keep the ISO date; people read "29 november 2021".
        return format_date_nl(date.fromisoformat(value))
    return str(value)


def _meta_text(value: object) -> str:
    if isinstance(value, Count):
        return format_int(value)
    return format_decimal(value, 1) if isinstance(value, float) else str(value)


def render_text(result: Result, *, table: str | None = None) -> str:
    """An aligned terminal table with Dutch number formatting, one block per table."""
    lines = [result.title, "=" * len(result.title)]
    lines += [
        f"{key}: {_meta_text(value)}" for key, value in result.meta.items() if value is not None
    ]
    for part in result.tables:
        if table is not None and part.name != table:
            continue
        lines += ["", part.title, ""]
        body = [[cell_text(row.get(c.key), c) for c in part.columns] for row in part.rows]
        footer = [total_text(part.totals, c) for c in part.columns] if part.totals else None
        headers = [c.header for c in part.columns]
        widths = [
            max(len(headers[i]), *(len(r[i]) for r in body), len(footer[i]) if footer else 0)
            for i in range(len(headers))
        ]

        numeric = [c.numeric for c in part.columns]
        rule = "  ".join("-" * w for w in widths)
        lines.append(_aligned(headers, widths, numeric))
        lines.append(rule)
        lines += [_aligned(r, widths, numeric) for r in body]
        if footer:
            lines.append(rule)
            lines.append(_aligned(footer, widths, numeric))
    if result.notes:
        lines.append("")
        lines += list(result.notes)
    return "\n".join(lines) + "\n"


def _aligned(cells: Sequence[str], widths: Sequence[int], numeric: Sequence[bool]) -> str:
    return "  ".join(
        cell.rjust(w) if right else cell.ljust(w)
        for cell, w, right in zip(cells, widths, numeric, strict=True)
    ).rstrip()


def machine_value(value: Value, column: Column) -> Value:
    """A cell as CSV, JSON and Excel store it: the plain value (decimals to 6 places)."""
    if column.kind == "decimal" and isinstance(value, float):
        return round(value, 6)
    return value


def render_csv(result: Result, *, table: str) -> str:
    part = next(t for t in result.tables if t.name == table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(export_row(c.key for c in part.columns))
    for row in part.rows:
        writer.writerow(
            [
                "" if row.get(c.key) is None else export_cell(machine_value(row.get(c.key), c))
                for c in part.columns
            ]
        )
    return buffer.getvalue()


def masked_row(
    row: Mapping[str, Value], columns: Sequence[Column], flags: Mapping[str, str] | None = None
) -> dict[str, Value | list[str] | bool]:
    """A row with every number a number or null: a numeric cell people read as "afgeschermd"
    is null, and its column is named in the row's ``afgeschermd`` list, or, with ``flags``
    (column key -> field), the field of its column is true. The text in a number field gave
    one field two types, which breaks a client that adds a column up. The one rule of the
    API's tables and the command line's JSON."""
    hidden = [c.key for c in columns if c.numeric and row.get(c.key) == SUPPRESSED_TEXT]
    values: dict[str, Value | list[str] | bool] = {
        c.key: None if c.key in hidden else row.get(c.key) for c in columns
    }
    if flags:
        return {**values, **{name: key in hidden for key, name in flags.items()}}
    return {**values, "afgeschermd": hidden}


def _json_rows(part: ResultTable) -> list[dict[str, Value | list[str] | bool]]:
    rows = [{c.key: machine_value(row.get(c.key), c) for c in part.columns} for row in part.rows]
    if not (part.masked or part.masked_flags):
        return [dict(row) for row in rows]
    return [masked_row(row, part.columns, part.masked_flags) for row in rows]


def render_json(result: Result) -> str:
    document = {
        "titel": result.title,
        "meta": result.meta,
        **{part.name: _json_rows(part) for part in result.tables},
        # The totals the table format prints under each table, from the same outcome.
        "totalen": {
            part.name: {
                c.key: machine_value(part.totals[c.key], c)
                for c in part.columns
                if c.key in part.totals
            }
            for part in result.tables
            if part.totals
        },
        "toelichting": list(result.notes),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_xlsx(result: Result) -> bytes:
    """A workbook with one sheet per table, a header row and real numeric cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    first = True
    for part in result.tables:
        sheet = workbook.active if first else workbook.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = part.name[:31]
        sheet.append(export_row(c.header for c in part.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in part.rows:
            sheet.append(export_row(row.get(c.key) for c in part.columns))
        for index, column in enumerate(part.columns, start=1):
            letter = get_column_letter(index)
            if column.kind == "int":
                for cell in sheet[letter][1:]:
                    cell.number_format = "#,##0"
            elif column.kind == "decimal" and column.decimals is not None:
                for cell in sheet[letter][1:]:
                    cell.number_format = "#,##0." + "0" * column.decimals
            sheet.column_dimensions[letter].width = max(12, len(column.header) + 2)
        sheet.freeze_panes = "A2"
    info = workbook.create_sheet("toelichting")
    info.append(export_row(["onderwerp", result.title]))
    for key, value in result.meta.items():
        info.append(export_row([key, value]))
    for note in result.notes:
        info.append(export_row(["toelichting", note]))
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def emit(result: Result, fmt: Format, target: Path | None, *, table: str | None = None) -> None:
    """Render and write to ``target`` (atomically) or to standard output."""
    main_table = table or result.tables[0].name
    if fmt is Format.XLSX:
        payload: bytes = render_xlsx(result)
        if target is None:
            raise OutputError("voor --formaat xlsx is --uitvoer BESTAND nodig")
    elif fmt is Format.CSV:
        payload = render_csv(result, table=main_table).encode()
    elif fmt is Format.JSON:
        payload = render_json(result).encode()
    else:
        payload = render_text(result, table=table).encode()
    if target is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    write_atomically(target, payload)


class OutputError(ValueError):
    """The output cannot be written; the message is Dutch."""


FILE_SUFFIXES: dict[str, tuple[str, ...]] = {
    "tabel": (".txt",),
    "csv": (".csv",),
    "json": (".json",),
    "xlsx": (".xlsx",),
    "html": (".html", ".htm"),
    "pdf": (".pdf",),
    "docx": (".docx",),
    "zip": (".zip",),
}
"""The file name endings of each output format: a name that ends in another format's
ending is refused (an Excel file named r.pdf opens nowhere)."""


def _directory(target: Path) -> Path:
    return target.parent if str(target.parent) else Path()


def _real_target(target: Path) -> Path:
    """The file an output name stands for: a symbolic link's target (the link stays, the
    file it points to is replaced), refused when that is no regular file. An atomic write
    puts a new file in place of the name: a device such as /dev/null, a named pipe or the
    link itself would be swapped for a plain file (as root: /dev/full became a CSV)."""
    real = target.resolve() if target.is_symlink() else target
    if real.exists() and not real.is_file() and not real.is_dir():
        raise OutputError(
            f"'{target}' is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp); "
            "geef de naam van een bestand, of laat --uitvoer weg voor standaarduitvoer"
        )
    return real


def _check_writable(directory: Path) -> None:
    """Make and remove an empty file in ``directory``: what the atomic write will need."""
    try:
        handle, probe = tempfile.mkstemp(dir=directory, prefix=".regietafel-", suffix=".tmp")
    except OSError as error:
        # The folder exists (checked before): "no such file" here is a folder that takes no
        # new files (/proc), not a missing one.
        reason = (
            "deze map neemt geen nieuwe bestanden aan"
            if error.errno == errno.ENOENT
            else os_error_nl(error)
        )
        raise OutputError(f"kan in map '{directory}' geen bestand maken ({reason})") from None
    os.close(handle)
    Path(probe).unlink(missing_ok=True)


def check_output_file(target: Path, fmt: str | None = None, *, chosen: bool = True) -> None:
    """Refuse an output file that cannot be written, before anything is computed or stored:
    its folder missing or not writable, the name an existing folder, or (with ``fmt``) a
    name ending in another format's extension, or a device or pipe. OutputError (Dutch)
    else nothing. ``chosen`` False: the command has no ``--formaat`` to offer instead."""
    target = _real_target(target)
    if target.is_dir():
        raise OutputError(f"'{target}' is een map; geef de naam van een bestand")
    directory = _directory(target)
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"'{directory}' is een bestand, geen map")
    if not directory.is_dir():
        raise OutputError(f"map '{directory}' voor het uitvoerbestand bestaat niet")
    if fmt is not None:
        suffix = target.suffix.lower()
        claimed = [name for name, suffixes in FILE_SUFFIXES.items() if suffix in suffixes]
        expected = FILE_SUFFIXES.get(fmt, ())
        if claimed and suffix not in expected:
            wanted = target.with_suffix(expected[0]).name if expected else target.stem
            if not chosen:  # the command writes one format only (a backup is a zip file)
                raise OutputError(
                    f"'{target.name}' eindigt op {suffix}, maar dit wordt een "
                    f"{fmt}-bestand; noem het bestand {wanted}"
                )
            raise OutputError(
                f"'{target.name}' eindigt op {suffix}, maar --formaat is {fmt}; noem het "
                f"bestand {wanted} of kies --formaat {claimed[0]}"
            )
    _check_writable(directory)


def check_output_folder(folder: Path) -> None:
    """Refuse an output folder that does not exist (it is never made silently), is a file,
    or cannot take new files. OutputError (Dutch) else nothing."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"'{folder}' is een bestand, geen map")
    if not folder.is_dir():
        raise OutputError(f"map '{folder}' voor de uitvoerbestanden bestaat niet")
    _check_writable(folder)


def write_atomically(target: Path, payload: bytes) -> None:
    target = _real_target(target)
    directory = _directory(target)
    if not directory.is_dir():
        raise OutputError(f"map '{directory}' voor het uitvoerbestand bestaat niet")
    if target.is_dir():
        raise OutputError(f"'{target}' is een map; geef de naam van een bestand")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        # mkstemp makes the file private (0600); give it the mode a normal new file would get.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# Sorting and filtering of tables on a page, by query parameters (``?sorteer=kolom&richting=af``),
# so every table sorts and filters with JavaScript off. One implementation for every page.

SORT_PARAMETER = "sorteer"
DIRECTION_PARAMETER = "richting"
ASCENDING = "op"
DESCENDING = "af"

_IGNORED_IN_NAMES = str.maketrans("", "", "'’‘`-. ()")


def dutch_collation_key(text: str) -> tuple[str, str]:
    """Sort key for names as a Dutch reader looks them up.

    Case and accents do not count (Fryslân between Friesland and Gaasterland), the ligature
    ĳ is i+j, and apostrophes, hyphens, dots and spaces are skipped, so 's-Gravenhage files
    under S and De Wolden after De Bilt. The text itself breaks ties, so sorting is stable
    and total.
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("Ĳ", "IJ").replace("ĳ", "ij"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().translate(_IGNORED_IN_NAMES).replace(" ", ""), text


@dataclass(frozen=True, slots=True)
class Sorting:
    """Which column a table is sorted on, and whether from high to low (``af``)."""

    key: str
    descending: bool = False

    @property
    def direction(self) -> str:
        return DESCENDING if self.descending else ASCENDING


def parse_sorting(params: Mapping[str, str], keys: Collection[str], default: Sorting) -> Sorting:
    """The sorting asked for in ``params``; an unknown column or direction falls back to
    ``default`` (a stale bookmark still shows the table)."""
    key = params.get(SORT_PARAMETER) or default.key
    if key not in keys:
        return default
    direction = params.get(DIRECTION_PARAMETER)
    if direction not in (ASCENDING, DESCENDING):
        return Sorting(key, default.descending if key == default.key else False)
    return Sorting(key, direction == DESCENDING)


def _value_key(value: object) -> tuple[int, float, tuple[str, str]]:
    if isinstance(value, bool):
        return 0, float(value), ("", "")
    if isinstance(value, int | float | Decimal):
        return 0, float(value), ("", "")
    return 1, 0.0, dutch_collation_key(str(value))


def sort_rows(
    rows: Iterable[T], value: Callable[[T], object], *, descending: bool = False
) -> list[T]:
    """``rows`` ordered by ``value(row)``: numbers as numbers, text in Dutch order, and
    rows without data (``None``, "geen gegevens") last in both directions. Stable."""
    items = list(rows)
    present = [r for r in items if value(r) is not None and value(r) != NO_DATA_TEXT]
    missing = [r for r in items if value(r) is None or value(r) == NO_DATA_TEXT]
    present.sort(key=lambda r: _value_key(value(r)), reverse=descending)
    return present + missing


def filter_rows(rows: Iterable[T], value: Callable[[T], object], wanted: str | None) -> list[T]:
    """The rows whose ``value`` equals ``wanted`` (as text); all rows when nothing is wanted."""
    if not wanted:
        return list(rows)
    return [r for r in rows if str(value(r)) == wanted]


@dataclass(frozen=True, slots=True)
class SortHeader:
    """A column header that sorts its table: the link, and what ``aria-sort`` says."""

    key: str
    text: str
    numeric: bool
    href: str
    aria_sort: str
    """``ascending``, ``descending`` or ``none``."""

    @property
    def arrow(self) -> str:
        return {"ascending": "▲", "descending": "▼"}.get(self.aria_sort, "")


def sort_headers(
    columns: Sequence[Column], sorting: Sorting, params: Mapping[str, str], *, anchor: str = ""
) -> tuple[SortHeader, ...]:
    """One header per column whose link sorts on it (the current column: the other way).

    The other parameters (filters, week) are kept; a CSV request is not. Numeric columns
    start high to low, text columns A to Z.
    """
    kept = {
        k: v
        for k, v in params.items()
        if k not in (SORT_PARAMETER, DIRECTION_PARAMETER, "formaat") and v
    }
    headers = []
    for column in columns:
        current = column.key == sorting.key
        if current:
            descending = not sorting.descending
            aria = "descending" if sorting.descending else "ascending"
        else:
            descending = column.numeric
            aria = "none"
        query = urlencode(
            {
                **kept,
                SORT_PARAMETER: column.key,
                DIRECTION_PARAMETER: DESCENDING if descending else ASCENDING,
            }
        )
        headers.append(
            SortHeader(
                key=column.key,
                text=column.header,
                numeric=column.numeric,
                href=f"?{query}{'#' + anchor if anchor else ''}",
                aria_sort=aria,
            )
        )
    return tuple(headers)


def sorted_table(table: ResultTable, sorting: Sorting) -> ResultTable:
    """``table`` with its rows sorted (the totals row stays last)."""
    if sorting.key not in {c.key for c in table.columns}:
        return table
    rows = sort_rows(table.rows, lambda r: r.get(sorting.key), descending=sorting.descending)
    return replace(table, rows=tuple(rows))
