"""The shared reader for per-unit files (code,value): every bad row at once, codes normalised."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from regietafel.tabular import RowReader, TableError, read_unit_values

CODES = {"GM0363", "GM0014", "PV27"}


def test_codes_are_normalised_and_values_parsed() -> None:
    content = b"code;factor\n363;1,5\ngm0014;0.8\npv27;2\n"
    values = read_unit_values(
        content, name="sleutel.csv", column="factor", codes=CODES, value=RowReader.decimal
    )
    assert values == {"GM0363": Fraction(3, 2), "GM0014": Fraction(4, 5), "PV27": Fraction(2)}


def test_every_bad_row_is_reported_and_nothing_returned() -> None:
    content = b"code,aantal\nGM0363,10\nGM0363,11\nGM9999,5\nPV27,veel\n"
    with pytest.raises(TableError) as caught:
        read_unit_values(
            content, name="bestaand.csv", column="aantal", codes=CODES, value=RowReader.integer
        )
    messages = [str(e) for e in caught.value.errors]
    assert any(
        m.startswith("bestaand.csv, rij 3, kolom 'code': 'GM0363' staat ook al") for m in messages
    )
    assert any(
        m.startswith("bestaand.csv, rij 4, kolom 'code': onbekende code 'GM9999'") for m in messages
    )
    assert any(m.startswith("bestaand.csv, rij 5, kolom 'aantal': 'veel'") for m in messages)


def test_an_empty_file_is_refused_only_when_rows_are_required() -> None:
    empty = b"code,factor\n"
    assert read_unit_values(empty, column="factor", codes=CODES, value=RowReader.decimal) == {}
    with pytest.raises(TableError, match="geen rijen"):
        read_unit_values(
            empty, column="factor", codes=CODES, value=RowReader.decimal, require_rows=True
        )


def test_unreadable_source_has_a_dutch_reason(tmp_path: Path) -> None:
    from regietafel.tabular import read_table

    with pytest.raises(TableError) as caught:
        read_table(tmp_path, required=("code",))
    assert "bestand niet leesbaar (dit is een map, geen bestand)" in str(caught.value)


def test_a_title_row_above_an_excel_header_is_named_as_such() -> None:
    """A workbook with a title in A1 was told its separator was not recognised; a workbook
    has none. A missing column says which sheet and row were read."""
    import io

    from openpyxl import Workbook

    from regietafel.tabular import read_table

    def workbook(*rows: tuple[str, ...]) -> bytes:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    titled = workbook(("Weekbestand reeksen week 2022-W04",), (), ("reeks", "waarde", "week"))
    with pytest.raises(TableError) as refused:
        read_table(titled, name="reeksen.xlsx", required=["reeks", "waarde"])
    assert [e.message for e in refused.value.errors] == [
        (
            "de kopregel heeft maar één kolom ('Weekbestand reeksen week 2022-W04'): zet de "
            "kolomnamen in rij 1 van het eerste werkblad (een titel erboven kan niet)"
        )
    ]
    other = workbook(("onderwerp", "toelichting"))
    with pytest.raises(TableError) as missing:
        read_table(other, name="reeksen.xlsx", required=["reeks"])
    assert [e.message for e in missing.value.errors] == [
        "verplichte kolom 'reeks' ontbreekt (gelezen: rij 1 van het eerste werkblad)"
    ]
