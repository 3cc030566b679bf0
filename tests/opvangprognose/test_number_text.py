"""Forecast parameters are numbers with the decimals their size needs: text on the page, a
number (never Dutch text) in CSV, JSON and Excel."""

from __future__ import annotations

import pytest

from regietafel.core.forecast import Parameter
from regietafel.opvangprognose.tables import buffer_table, parameters_table
from regietafel.presentation.tables import Result, cell_text, measured, render_csv
from regietafel.prognose.outlook import BufferSummary


@pytest.mark.parametrize(
    ("value", "number", "text"),
    [
        (736.58, 736.6, "736,6"),
        (1.1324, 1.13, "1,13"),
        (0.0584, 0.058, "0,058"),
        (26.0, 26, "26"),
        (12_345.0, 12_345, "12.345"),
    ],
)
def test_parameters_carry_the_number_and_show_the_decimals_their_size_needs(
    value: float, number: float, text: str
) -> None:
    table = parameters_table([Parameter("p", value, "bron")])
    cell = table.rows[0]["waarde"]
    assert cell == number
    assert type(cell) is type(number)
    assert measured(value) == number
    assert cell_text(cell, table.columns[1]) == text


def test_the_parameter_csv_holds_numbers_a_spreadsheet_reads() -> None:
    table = parameters_table([Parameter("instroom per week", 736.58, "bron")])
    text = render_csv(Result("t", (table,)), table="parameters")
    assert text.splitlines()[1].split(",")[1] == "736.6"


def test_the_buffer_table_holds_what_the_page_shows() -> None:
    summary = BufferSummary(
        key="x", label="vaste buffer +417", short_person_weeks=12.4, p_short_week=0.123456,
        empty_place_weeks=3_000.6, openings=2.345, closings=1.26, cost_million=1_234.5678,
    )  # fmt: skip
    row = buffer_table([summary]).rows[0]
    assert (row["kans_tekortweek"], row["openingen"], row["sluitingen"], row["kosten_mln"]) == (
        0.123, 2.3, 1.3, 1_234.6,
    )  # fmt: skip
    assert (row["tekort_persoonweken"], row["lege_plekweken"]) == (12, 3_001)
