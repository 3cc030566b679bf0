"""Terminal tables read as Dutch: thousands with a dot, decimals with a comma, empty unknown."""

from __future__ import annotations

from regietafel.presentation.tables import Column, Result, ResultTable, cell_text, render_text


def test_number_cells_keep_whole_numbers_whole_and_write_decimals_dutch() -> None:
    column = Column("waarde", "Waarde", "number", 1)
    assert cell_text(33_057, column) == "33.057"
    assert cell_text(59.04, column) == "59,0"
    assert cell_text(-1_234, column) == "\u22121.234"  # the typographic minus, as the cards
    assert cell_text(-0.04, column) == "0,0"  # rounds to zero: no sign
    assert cell_text(None, column) == "geen gegevens"  # no data is not an empty cell
    assert cell_text(None, Column("gemeente", "Gemeente")) == ""  # a masked text stays empty


def test_text_table_meta_and_cells_are_dutch() -> None:
    result = Result(
        title="Kerncijfers",
        tables=(
            ResultTable(
                "kerncijfers",
                "Kerncijfers",
                (Column("code", "Code"), Column("waarde", "Deze week", "number", 1)),
                ({"code": "bezetting_nu", "waarde": 33_057}, {"code": "aandeel", "waarde": 59.0}),
            ),
        ),
        meta={"buffer procent": 0.0, "jaar": 2021},
    )
    text = render_text(result)
    assert "buffer procent: 0,0" in text
    assert "jaar: 2021" in text  # whole numbers in the heading are not thousands-separated
    assert "33.057" in text
    assert "59,0" in text
    assert "33057" not in text


def test_date_cells_read_dutch_and_machine_formats_keep_iso() -> None:
    from regietafel.presentation.tables import render_csv

    column = Column("einddatum", "Laatste dag", "date")
    assert cell_text("2021-11-29", column) == "29 november 2021"
    assert cell_text(None, column) == ""
    assert not column.numeric
    result = Result(
        title="Sluitingen",
        tables=(
            ResultTable("sluitingen", "Sluitingen", (column,), ({"einddatum": "2022-02-27"},)),
        ),
    )
    assert "27 februari 2022" in render_text(result)
    assert "2022-02-27" in render_csv(result, table="sluitingen")


def test_a_totals_row_is_empty_where_a_column_is_not_summed() -> None:
    """The Verdeling total read "geen gegevens" under the shares and differences, which are
    simply not summed; a sum without data still says "geen gegevens"."""
    from regietafel.presentation.http import html_table

    table = ResultTable(
        "verdeling",
        "Verdeling",
        (
            Column("naam", "Naam"),
            Column("aandeel", "Aandeel (%)", "number", 1),
            Column("extra", "Extra", "int"),
            Column("gehuisvest", "Gehuisvest", "int"),
        ),
        ({"naam": "Groningen", "aandeel": 3.4, "extra": 41, "gehuisvest": None},),
        totals={"naam": "Totaal", "extra": 41, "gehuisvest": None},
    )
    footer = render_text(Result(title="t", tables=(table,))).splitlines()[-1].split()
    assert footer == ["Totaal", "41", "geen", "gegevens"]
    cells = html_table(table).totals
    assert cells is not None
    assert [c.text for c in cells] == ["Totaal", "", "41", "geen gegevens"]
