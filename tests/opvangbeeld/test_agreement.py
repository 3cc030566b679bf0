"""Page, API, CLI (CSV) and Excel export show the same need/gap figures for one week."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from regietafel.cli.main import main
from tests.opvangbeeld.factories import standard_register

COLUMNS = ["bezetting", "buffer", "behoefte", "capaciteit", "tekort"]


def _page_rows(body: str, table_id: str) -> list[list[str]]:
    table = re.search(rf'<table id="{table_id}">(.*?)</table>', body, re.S)
    assert table is not None
    body_part = re.search(r"<tbody>(.*?)</tbody>", table.group(1), re.S)
    assert body_part is not None
    rows = re.findall(r"<tr>(.*?)</tr>", body_part.group(1), re.S)
    return [
        [html.unescape(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)]
        for r in rows
    ]


def _number(text: Any) -> int | str:
    """A cell as a number, or "afgeschermd" as it stands (the one AMV location's cells)."""
    if text == "afgeschermd":
        return text
    return text if isinstance(text, int) else int(str(text).replace(".", ""))


@pytest.mark.django_db(transaction=True)
def test_page_api_cli_and_excel_agree(
    client_as: Callable[[str | None], Any], tmp_path: Path
) -> None:
    standard_register()
    client = client_as("landelijk")

    page = client.get("/opvangbeeld/?week=2021-W45")
    assert page.status_code == 200
    # columns: horizon, weken, categorie, bezetting, buffer, behoefte, capaciteit, tekort, locaties
    from_page = [
        (r[0], r[2], [_number(c) for c in r[3:8]])
        for r in _page_rows(page.content.decode(), "tabel-behoefte")
    ]

    api = client.get("/api/v1/opvangbeeld/?week=2021-W45").json()
    # The API gives an afgeschermd number as null, named in the row's "afgeschermd" list.
    from_api = [
        (
            r["horizon"],
            r["categorie"],
            ["afgeschermd" if c in r["afgeschermd"] else r[c] for c in COLUMNS],
        )
        for r in api["behoefte"]
    ]

    csv_file = tmp_path / "opvang.csv"
    assert (
        main(["opvang", "--week", "2021-W45", "--formaat", "csv", "--uitvoer", str(csv_file)]) == 0
    )
    reader = csv.DictReader(io.StringIO(csv_file.read_text()))
    from_cli = [(r["horizon"], r["categorie"], [_number(r[c]) for c in COLUMNS]) for r in reader]

    xlsx_file = tmp_path / "opvang.xlsx"
    assert (
        main(["opvang", "--week", "2021-W45", "--formaat", "xlsx", "--uitvoer", str(xlsx_file)])
        == 0
    )
    sheet = load_workbook(xlsx_file)["behoefte"]
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    from_excel = [(r[0], r[2], [_number(v) for v in r[3:8]]) for r in values]

    assert len(from_page) == 9
    assert from_page == from_api == from_cli == from_excel
    regular_short = from_page[0]
    assert regular_short == ("korte termijn", "reguliere opvang", [930, 417, 1347, 1000, 347])
    # The nation's only confidential location is the AMV one: its cells are afgeschermd for
    # the national user, except the capacity (public).
    amv_short = from_page[1]
    hidden = "afgeschermd"
    assert amv_short == ("korte termijn", "AMV-opvang", [hidden, hidden, hidden, 50, hidden])

    page_csv = client.get("/opvangbeeld/?week=2021-W45&formaat=csv&tabel=behoefte")
    rows = list(csv.DictReader(io.StringIO(page_csv.content.decode("utf-8-sig"))))
    assert [int(rows[0][c]) for c in COLUMNS] == [930, 417, 1347, 1000, 347]

    text_file = tmp_path / "opvang.txt"
    argv = ["opvang", "--week", "2021-W45", "--formaat", "tabel", "--uitvoer", str(text_file)]
    assert main(argv) == 0
    assert "Tekort = behoefte \u2212 capaciteit; positief is een tekort." in text_file.read_text()


@pytest.mark.django_db
def test_boodschappenlijst_api_matches_page_csv(client_as: Callable[[str | None], Any]) -> None:
    standard_register()
    client = client_as("landelijk")
    api = client.get("/api/v1/boodschappenlijst/?week=2021-W45&scope=NL").json()
    page_csv = client.get("/boodschappenlijst/?week=2021-W45&scope=NL&formaat=csv")
    rows = list(csv.DictReader(io.StringIO(page_csv.content.decode("utf-8-sig"))))
    items = [r for r in rows if not r["sleutel"].startswith("afgeschermd-")]
    assert [(r["sleutel"], int(r["aantal"])) for r in items] == [
        (i["sleutel"], i["aantal"]) for i in api["items"]
    ]
    # The kinds the API names as afgeschermd have a row of their own in the file, with the
    # API's sentence and the word for the count (the file said nothing of them).
    assert api["afgeschermd"] == ["AMV-opvang"]
    hidden = [r for r in rows if r["sleutel"].startswith("afgeschermd-")]
    assert [(r["sleutel"], r["actie"], r["aantal"]) for r in hidden] == [
        ("afgeschermd-amv", api["afgeschermd_toelichting"], "afgeschermd")
    ]
    assert ("regulier-plaatsen-kort", 347) in [(i["sleutel"], i["aantal"]) for i in api["items"]]
    assert ("sluitingen-2022-02", 200) in [(i["sleutel"], i["aantal"]) for i in api["items"]]


@pytest.mark.django_db
def test_an_afgeschermd_kind_gives_no_shortage_back_in_locations_or_the_list(
    client_as: Callable[[str | None], Any],
) -> None:
    """The standard register's only AMV location, D (50 places, 40 in it), is confidential:
    its need reads "afgeschermd" for the national user, and so must everything that follows
    from that need: the shortage in locations, the key figure "AMV-locaties nodig" and a
    shopping-list item. They gave 0 or 1 back (found in a browser check, prt-groningen)."""
    standard_register()
    client = client_as("landelijk")
    page = client.get("/opvangbeeld/?week=2021-W45&formaat=csv&tabel=behoefte")
    rows = list(csv.DictReader(io.StringIO(page.content.decode("utf-8-sig"))))
    amv = [r for r in rows if r["categorie"] == "AMV-opvang"]
    assert [r["tekort_locaties"] for r in amv] == ["afgeschermd"] * 3
    figures = client.get("/api/v1/kerncijfers/?week=2021-W45").json()
    found = {f["code"]: f for f in figures["kerncijfers"]}
    for code in ("amv_locaties_nodig_kort", "amv_locaties_nodig_middellang"):
        if code in found:
            assert found[code]["waarde"] is None, code

    def amv_items(user: str) -> list[str]:
        response = client_as(user).get("/api/v1/boodschappenlijst/?week=2021-W45&scope=NL")
        return [i["sleutel"] for i in response.json()["items"] if i["sleutel"].startswith("amv")]

    assert amv_items("landelijk") == []
    # COA sees the confidential location, and so the AMV need, its shortage and its items.
    coa = client_as("coa").get("/opvangbeeld/?week=2021-W45&formaat=csv&tabel=behoefte")
    coa_rows = list(csv.DictReader(io.StringIO(coa.content.decode("utf-8-sig"))))
    shortages = [r["tekort_locaties"] for r in coa_rows if r["categorie"] == "AMV-opvang"]
    assert "afgeschermd" not in shortages
    assert any(int(s) > 0 for s in shortages)
    assert amv_items("coa") != []
