"""Caching is correct by construction: a corrected week uploaded through the real import
service changes every cached surface at once, with nothing cleared by hand.

The weekly figures are cached by the identity of their inputs (``kerncijfers.selectors``)
and charts by their specification (``charts.render``); this test does not call any
``cache_clear``: it reads every surface, imports version 2 of the week, and reads again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import Any

import pytest

from regietafel.cli.main import main
from regietafel.imports.services import import_submit
from tests.imports.files import LOCATIES_HEADER, csv_bytes

pytestmark = pytest.mark.django_db

WEEK = "2021-W45"
FIRST = (
    ("AZC-ASD", "azc Amsterdam", "GM0363", "regulier", "600", "571", "2016-03-01", "", "A 1",
     "nee"),
    ("AZC-ZW", "azc Zwolle", "GM0193", "regulier", "400", "380", "2018-01-01", "", "B 2", "nee"),
    ("NOOD-GRO", "nood Groningen", "GM0014", "noodopvang", "1200", "900", "2021-10-01",
     "2022-03-31", "C 3", "nee"),
)  # fmt: skip
# The correction: Amsterdam counted 19 residents more, Groningen has 200 places fewer.
SECOND = (
    ("AZC-ASD", "azc Amsterdam", "GM0363", "regulier", "600", "590", "2016-03-01", "", "A 1",
     "nee"),
    FIRST[1],
    ("NOOD-GRO", "nood Groningen", "GM0014", "noodopvang", "1000", "900", "2021-10-01",
     "2022-03-31", "C 3", "nee"),
)  # fmt: skip
# Short term, regular (everything here is regular): need = occupancy + 417 (spring 2021
# buffer), capacity 2.200 then 2.000: short 1.851 + 417 - 2.200 = 68, then 2.287 - 2.000 = 287.
BEFORE = {"capaciteit_nu": 2200, "bezetting_nu": 1851, "tekort_kort": 68}
AFTER = {"capaciteit_nu": 2000, "bezetting_nu": 1870, "tekort_kort": 287}


def _import(coa: Any, rows: tuple[tuple[str, ...], ...]) -> None:
    batch = import_submit(
        actor=coa,
        kind="locaties",
        week=WEEK,
        file_name="locaties.csv",
        content=csv_bytes(LOCATIES_HEADER, rows),
    )
    assert batch.status == "verwerkt", batch.errors


def _cards(body: str) -> dict[str, str]:
    found = re.findall(
        r'data-kerncijfer="([^"]+)">.*?<span class="figure__value">([^<]*)</span>', body, re.S
    )
    return dict(found)


def _svgs(body: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", body, re.S)


def _surfaces(client: Any, capsys: Any) -> dict[str, Any]:
    """Every cached surface of the week, as text or parsed values."""
    assert main(["kerncijfers", "--week", WEEK, "--formaat", "csv"]) == 0
    cli = {r["code"]: r["waarde"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    api = client.get(f"/api/v1/kerncijfers/?week={WEEK}").json()
    picture = client.get(f"/opvangbeeld/?week={WEEK}").content.decode()
    province = client.get(f"/opvangbeeld/PV20/?week={WEEK}").content.decode()  # Groningen
    return {
        "overzicht": _cards(client.get(f"/?week={WEEK}").content.decode()),
        "opvangbeeld": _cards(picture),
        "opvangbeeld grafieken": _svgs(picture),
        "opvangbeeld provincie": (_cards(province), _svgs(province)),
        "boodschappenlijst": client.get(
            f"/boodschappenlijst/?week={WEEK}&scope=NL&formaat=csv"
        ).content.decode("utf-8-sig"),
        "api": {f["code"]: f["waarde"] for f in api["kerncijfers"]},
        "cli": cli,
    }


def test_a_corrected_week_changes_every_cached_surface(
    client_as: Callable[[str | None], Any],
    make_user: Callable[[str], Any],
    capsys: Any,
    monkeypatch: Any,
) -> None:
    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)
    coa = make_user("coa")
    client = client_as("landelijk")
    _import(coa, FIRST)
    before = _surfaces(client, capsys)
    again = _surfaces(client, capsys)  # read twice: now from the caches
    assert again == before

    _import(coa, SECOND)  # version 2 of the same week, through the real service
    after = _surfaces(client, capsys)

    changed = {name for name in before if before[name] != after[name]}
    assert changed == set(before), f"niet veranderd: {set(before) - changed}"
    for code, value in BEFORE.items():
        assert before["api"][code] == value
        assert before["cli"][code] == str(value)
    for code, value in AFTER.items():
        assert after["api"][code] == value, code
        assert after["cli"][code] == str(value), code
    assert after["overzicht"]["capaciteit_nu"] == "2.000"
    assert after["overzicht"]["bezetting_nu"] == "1.870"
    assert after["opvangbeeld"]["tekort_kort"] == "287"
    assert "regulier-plaatsen-kort" in after["boodschappenlijst"]
    assert ",287," in after["boodschappenlijst"]
