"""Sorting and filtering of page tables (``presentation.tables``), by hand-made examples."""

from __future__ import annotations

from urllib.parse import parse_qs

from hypothesis import given
from hypothesis import strategies as st

from regietafel.presentation.tables import (
    Column,
    ResultTable,
    Sorting,
    dutch_collation_key,
    filter_rows,
    parse_sorting,
    sort_headers,
    sort_rows,
    sorted_table,
)


def _same(value: object) -> object:
    return value


def test_numbers_sort_as_numbers_not_as_text() -> None:
    assert sort_rows([10, 9, 100, 2.5, -3], _same) == [-3, 2.5, 9, 10, 100]
    assert sort_rows([10, 9, 100, 2.5, -3], _same, descending=True) == [100, 10, 9, 2.5, -3]


def test_no_data_is_last_in_both_directions() -> None:
    values = [3, None, 1, "geen gegevens", 2]
    assert sort_rows(values, _same) == [1, 2, 3, None, "geen gegevens"]
    assert sort_rows(values, _same, descending=True) == [3, 2, 1, None, "geen gegevens"]


def test_dutch_collation_of_municipality_names() -> None:
    names = [
        "Zwolle",
        "'s-Hertogenbosch",
        "Súdwest-Fryslân",
        "de Wolden",
        "De Bilt",
        "Aa en Hunze",
        "Sittard-Geleen",
        "Ede",
        "Eemsdelta",
        "'s-Gravenhage",
        "IJsselstein",
        "Ijsselstein-oud",
    ]
    assert sort_rows(names, _same) == [
        "Aa en Hunze",
        "De Bilt",
        "de Wolden",
        "Ede",
        "Eemsdelta",
        "IJsselstein",
        "Ijsselstein-oud",
        "'s-Gravenhage",
        "'s-Hertogenbosch",
        "Sittard-Geleen",
        "Súdwest-Fryslân",
        "Zwolle",
    ]
    assert sort_rows(names, _same, descending=True)[0] == "Zwolle"
    assert dutch_collation_key("Fryslân")[0] == dutch_collation_key("fryslan")[0]


def test_filter_keeps_only_the_wanted_value_and_everything_without_a_wish() -> None:
    rows = [("Ede", "PV25"), ("Emmen", "PV22"), ("Epe", "PV25")]
    assert filter_rows(rows, lambda r: r[1], "PV25") == [("Ede", "PV25"), ("Epe", "PV25")]
    assert filter_rows(rows, lambda r: r[1], None) == rows
    assert filter_rows(rows, lambda r: r[1], "") == rows
    assert filter_rows(rows, lambda r: r[1], "PV99") == []


def test_parse_sorting_falls_back_on_unknown_columns_and_directions() -> None:
    default = Sorting("gemeente")
    keys = {"gemeente", "achterstand"}
    assert parse_sorting({}, keys, default) == default
    assert parse_sorting({"sorteer": "achterstand", "richting": "af"}, keys, default) == Sorting(
        "achterstand", descending=True
    )
    assert parse_sorting({"sorteer": "achterstand"}, keys, default) == Sorting("achterstand")
    assert parse_sorting({"sorteer": "<script>", "richting": "af"}, keys, default) == default
    assert parse_sorting({"sorteer": "achterstand", "richting": "x"}, keys, default) == Sorting(
        "achterstand"
    )


def test_headers_link_to_the_other_direction_and_keep_filters() -> None:
    columns = (Column("gemeente", "Gemeente"), Column("achterstand", "Achterstand", "int"))
    params = {"klasse": "ver-achter", "sorteer": "gemeente", "formaat": "csv", "week": ""}
    name, arrears = sort_headers(columns, Sorting("gemeente"), params, anchor="tabel")
    assert name.aria_sort == "ascending"
    assert name.arrow == "▲"
    assert parse_qs(name.href[1:].split("#")[0]) == {
        "klasse": ["ver-achter"],
        "sorteer": ["gemeente"],
        "richting": ["af"],
    }
    assert name.href.endswith("#tabel")
    assert arrears.aria_sort == "none"
    assert "richting=af" in arrears.href  # numbers start high to low
    assert arrears.numeric


def test_sorted_table_keeps_totals_last() -> None:
    table = ResultTable(
        "t",
        "T",
        (Column("naam", "Naam"), Column("n", "N", "int")),
        ({"naam": "b", "n": 2}, {"naam": "a", "n": None}, {"naam": "c", "n": 10}),
        totals={"naam": "Totaal", "n": 12},
    )
    result = sorted_table(table, Sorting("n", descending=True))
    assert [r["naam"] for r in result.rows] == ["c", "b", "a"]
    assert result.totals == {"naam": "Totaal", "n": 12}


@given(st.lists(st.one_of(st.none(), st.integers(-1000, 1000))))
def test_sorting_is_a_permutation_with_missing_last(values: list[int | None]) -> None:
    for descending in (False, True):
        result = sort_rows(values, _same, descending=descending)
        assert sorted(result, key=str) == sorted(values, key=str)
        present = [v for v in result if v is not None]
        assert present == sorted(present, reverse=descending)
        assert result[len(present) :] == [None] * (len(values) - len(present))


def test_sorting_reads_the_values_not_the_notation() -> None:
    """Tables sort on the server, on the values, before a cell is written: "−1.234" (U+2212)
    and "geen gegevens" cannot upset the order, as a text sort of the cells would (there,
    "−" sorts after every digit and "-1.234" before "-5")."""
    from regietafel.presentation.http import html_table

    column = Column("tekort", "Tekort", "int")
    table = ResultTable(
        "t",
        "T",
        (Column("naam", "Naam"), column),
        tuple({"naam": n, "tekort": v} for n, v in [("a", 12), ("b", -5), ("c", None),
                                                    ("d", -1_234), ("e", 0)]),
    )  # fmt: skip
    up = html_table(table, {"sorteer": "tekort", "richting": "op"})
    assert [row[1].text for row in up.rows] == [
        "\u22121.234",
        "\u22125",
        "0",
        "12",
        "geen gegevens",
    ]
    down = html_table(table, {"sorteer": "tekort", "richting": "af"})
    assert [row[1].text for row in down.rows] == [
        "12",
        "0",
        "\u22125",
        "\u22121.234",
        "geen gegevens",
    ]
    assert down.rows[-1][1].missing
