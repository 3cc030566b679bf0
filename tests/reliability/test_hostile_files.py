"""Files that used to lose rows, exhaust memory or get seven "kolom ontbreekt" lines."""

from __future__ import annotations

import csv
import io
import re
import tracemalloc
import zipfile

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook

from regietafel import tabular
from regietafel.tabular import MAX_ROWS, TableError, read_table
from tests.imports.files import LOCATIES_HEADER, LOCATIES_ROWS, csv_bytes, xlsx_bytes

REQUIRED = ("locatiecode", "naam", "gemeentecode", "soort", "capaciteit", "bezetting")


def _messages(content: bytes) -> list[str]:
    with pytest.raises(TableError) as caught:
        read_table(content, name="proef.csv", required=REQUIRED)
    return [str(e) for e in caught.value.errors]


def _with_dimension(content: bytes, ref: str) -> bytes:
    """The same workbook with the sheet's stored ``dimension`` replaced by ``ref``."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), data)
            target.writestr(item, data)
    return buffer.getvalue()


def test_stale_excel_dimension_drops_no_rows() -> None:
    rows = [(f"LOC-{i}", f"locatie {i}", "GM0363", "regulier", "10", "5") for i in range(10)]
    stale = _with_dimension(xlsx_bytes(REQUIRED, rows), "A1:F3")
    table = read_table(stale, name="proef.xlsx", required=REQUIRED)
    assert len(table.rows) == 10
    assert table.rows[-1].values["locatiecode"] == "LOC-9"


def test_cell_at_the_far_corner_neither_pads_nor_fills_memory() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(REQUIRED))
    sheet.append(["LOC-1", "een", "GM0363", "regulier", "10", "5"])
    sheet["XFD1048576"] = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = buffer.getvalue()
    assert len(content) < 20_000
    tracemalloc.start()
    try:
        with pytest.raises(TableError) as caught:
            read_table(content, name="hoek.xlsx", required=REQUIRED)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024
    (error,) = caught.value.errors
    assert error.row == 1_048_576
    assert "hoogstens 200 kolommen" in error.message


def test_too_many_rows_is_one_dutch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    assert MAX_ROWS == 200_000
    monkeypatch.setattr(tabular, "MAX_ROWS", 1_000)  # the same code path, a smaller file
    body = "\n".join(f"L{i},n,GM0363,regulier,1,1" for i in range(1_001))
    content = (",".join(REQUIRED) + "\n" + body + "\n").encode()
    (message,) = _messages(content)
    assert "meer dan 1.000 gegevensrijen" in message
    assert "rij 1002" in message


def test_utf16_and_tab_separated_files_are_read() -> None:
    text = "\t".join(LOCATIES_HEADER) + "\r\n"
    text += "\r\n".join("\t".join(row) for row in LOCATIES_ROWS) + "\r\n"
    for content in (text.encode("utf-16"), text.encode("utf-8")):
        table = read_table(content, name="unicode.txt", required=REQUIRED)
        assert [r.values["locatiecode"] for r in table.rows] == ["AZC-ASD", "AMV-HLM", "NOOD-GRO"]


def test_unknown_separator_is_named() -> None:
    (message,) = _messages(csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS, delimiter="|"))
    assert "scheidingsteken" in message
    assert "ontbreekt" not in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF-bestand"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud Excel"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "afbeelding"),
    ],
)
def test_other_file_types_say_what_they_are(content: bytes, expected: str) -> None:
    (message,) = _messages(content)
    assert expected in message


def test_zip_that_is_no_workbook() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("locaties.csv", "a,b\n1,2\n")
    (message,) = _messages(buffer.getvalue())
    assert "ZIP-bestand" in message


def test_undecodable_bytes_name_the_encoding() -> None:
    content = ",".join(REQUIRED).encode() + b"\nL1,\x81\x8d,GM0363,regulier,1,1\n"
    (message,) = _messages(content)
    assert "tekencodering" in message


def test_nul_bytes_and_overlong_cells_are_located() -> None:
    content = (
        ",".join(REQUIRED)
        + "\nL1,na\x00am,GM0363,regulier,1,1\nL2,"
        + "x" * 3000
        + ",GM0363,a,1,1\n"
    ).encode()
    messages = _messages(content)
    assert messages == [
        "proef.csv, rij 2, kolom 'naam': de cel bevat een ongeldig teken (NUL)",
        "proef.csv, rij 3, kolom 'naam': de cel is 3.000 tekens lang; hoogstens 2.000",
    ]


def test_file_size_limit() -> None:
    content = b"a" * (20 * 1024 * 1024 + 1)
    (message,) = _messages(content)
    assert "te groot" in message


@given(st.binary(max_size=2_000))
@example(b"PK\x03\x04" + b"\x00" * 40)
@example(b"\xff\xfe" + "a,b\n".encode("utf-16-le"))
@example(b"\xff\xfe\x00")
@example(b"a,b\n\x00\x00\x00")
@example(b'"' + b"a" * 10 + b"\n")
def test_any_bytes_are_a_table_or_dutch_errors(content: bytes) -> None:
    try:
        read_table(content, name="willekeurig.csv", required=REQUIRED)
    except TableError as error:
        errors = error.errors
    else:
        return
    assert errors
    assert all(e.file == "willekeurig.csv" for e in errors)


CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(st.lists(st.lists(CELL, min_size=1, max_size=8), max_size=20), st.sampled_from(",;\t"))
def test_any_csv_text_validates_without_crashing(rows: list[list[str]], delimiter: str) -> None:
    from regietafel.core.periods import IsoWeek
    from regietafel.imports.formats import FORMATS
    from regietafel.imports.validation import validate_file

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(LOCATIES_HEADER)
    writer.writerows(rows)
    for fmt in FORMATS.values():
        result = validate_file(
            fmt,
            week=IsoWeek(2021, 45),
            file_name="proef.csv",
            content=buffer.getvalue().encode(),
        )
        assert result.ok or not result.rows  # never rows and errors together
