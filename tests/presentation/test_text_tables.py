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
